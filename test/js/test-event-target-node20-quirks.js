'use strict';
// Behaviours node 20's EventTarget has that the DOM standard does not; ringjs keeps them so
// code sees the same results. If node changes them, this file documents what to revisit.
const assert = require('assert');

{
  // After the first listener returns, the event no longer counts as being dispatched:
  // later listeners see eventPhase NONE, currentTarget null and an empty composedPath().
  const t = new EventTarget();
  const seen = [];
  for (let i = 0; i < 3; i++) {
    t.addEventListener('x', (e) => seen.push([e.eventPhase, e.currentTarget === t, e.composedPath().length]));
  }
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(seen, [[2, true, 1], [0, false, 0], [0, false, 0]]);
}

{
  // ...which also means a later listener may dispatch the same event again.
  const t = new EventTarget();
  let depth = 0;
  let nested = 0;
  t.addEventListener('r', () => {});
  t.addEventListener('r', (e) => {
    if (depth++ === 0) nested = t.dispatchEvent(e) ? 1 : -1;
  });
  t.dispatchEvent(new Event('r'));
  assert.strictEqual(nested, 1);
}

{
  // removeEventListener ignores a boolean third argument: only { capture: true } matches
  // a capturing listener.
  const t = new EventTarget();
  let n = 0;
  const f = () => n++;
  t.addEventListener('c', f, true);
  t.removeEventListener('c', f, true);
  t.dispatchEvent(new Event('c'));
  assert.strictEqual(n, 1);
  t.removeEventListener('c', f, { capture: true });
  t.dispatchEvent(new Event('c'));
  assert.strictEqual(n, 1);
}

{
  // Passive listeners can still preventDefault().
  const t = new EventTarget();
  t.addEventListener('p', (e) => e.preventDefault(), { passive: true });
  assert.strictEqual(t.dispatchEvent(new Event('p', { cancelable: true })), false);
}

{
  // A listener added during a dispatch, after the current one, is called in that dispatch.
  const t = new EventTarget();
  const seq = [];
  t.addEventListener('a', () => {
    seq.push(1);
    t.addEventListener('a', () => seq.push(3));
  });
  t.addEventListener('a', () => seq.push(2));
  t.dispatchEvent(new Event('a'));
  assert.deepStrictEqual(seq, [1, 2, 3]);
}
