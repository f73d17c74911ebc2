'use strict';
// EventTarget: adding, removing and dispatching.
const assert = require('assert');

{
  // Order is insertion order; capture only matters for identity; `this` is the target.
  const t = new EventTarget();
  const order = [];
  function l1() { assert.strictEqual(this, t); order.push(1); }
  function l2() { order.push(2); }
  const obj = {
    handleEvent(e) {
      assert.strictEqual(this, obj);
      assert.strictEqual(e.type, 'x');
      order.push('obj');
    },
  };
  t.addEventListener('x', l1);
  t.addEventListener('x', l2, true);
  t.addEventListener('x', l1); // duplicate: ignored
  t.addEventListener('x', l1, { capture: true }); // another capture flag: added
  t.addEventListener('x', obj);
  t.addEventListener('x', obj); // duplicate
  const ev = new Event('x');
  assert.strictEqual(t.dispatchEvent(ev), true);
  assert.deepStrictEqual(order, [1, 2, 1, 'obj']);
  assert.strictEqual(ev.target, t);
  assert.strictEqual(ev.srcElement, t);
  assert.strictEqual(ev.currentTarget, null);
  assert.strictEqual(ev.eventPhase, Event.NONE);
  assert.deepStrictEqual(ev.composedPath(), []);

  // removeEventListener matches capture from an options object.
  order.length = 0;
  t.removeEventListener('x', l1);
  t.removeEventListener('x', l2, { capture: true });
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(order, [1, 'obj']);
  t.removeEventListener('x', l1, { capture: true });
  t.removeEventListener('x', obj);
  order.length = 0;
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(order, []);
}

{
  // During the first listener the event is at the target.
  const t = new EventTarget();
  let seen;
  t.addEventListener('x', (e) => {
    seen = [e.eventPhase, e.currentTarget === t, e.target === t, e.composedPath()];
  });
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(seen, [Event.AT_TARGET, true, true, [t]]);
}

{
  // once.
  const t = new EventTarget();
  let n = 0;
  t.addEventListener('x', () => n++, { once: true });
  t.dispatchEvent(new Event('x'));
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 1);
}

{
  // Removal during dispatch skips the removed listener; one appended during it still runs.
  const t = new EventTarget();
  const seq = [];
  const b = () => seq.push('b');
  const c = () => seq.push('c');
  t.addEventListener('y', () => {
    seq.push('a');
    t.addEventListener('y', c);
    t.removeEventListener('y', b);
  });
  t.addEventListener('y', b);
  t.dispatchEvent(new Event('y'));
  assert.deepStrictEqual(seq, ['a', 'c']);
}

{
  // stopImmediatePropagation stops later listeners; stopPropagation does not (no path).
  const t = new EventTarget();
  const seq = [];
  t.addEventListener('z', (e) => { seq.push(1); e.stopPropagation(); });
  t.addEventListener('z', (e) => { seq.push(2); e.stopImmediatePropagation(); });
  t.addEventListener('z', () => seq.push(3));
  assert.strictEqual(t.dispatchEvent(new Event('z')), true);
  assert.deepStrictEqual(seq, [1, 2]);
}

{
  // preventDefault makes dispatchEvent return false for cancelable events only.
  const t = new EventTarget();
  t.addEventListener('p', (e) => e.preventDefault());
  assert.strictEqual(t.dispatchEvent(new Event('p', { cancelable: true })), false);
  assert.strictEqual(t.dispatchEvent(new Event('p')), true);
}

{
  // The same event can be dispatched again once done, even on another target.
  const t1 = new EventTarget();
  const t2 = new EventTarget();
  const targets = [];
  t1.addEventListener('r', (e) => targets.push(e.target));
  t2.addEventListener('r', (e) => targets.push(e.target));
  const e = new Event('r');
  t1.dispatchEvent(e);
  t2.dispatchEvent(e);
  assert.deepStrictEqual(targets, [t1, t2]);
}

{
  // Dispatching an event from its own first listener is an error.
  const t = new EventTarget();
  let err;
  t.addEventListener('r', (e) => {
    try {
      t.dispatchEvent(e);
    } catch (x) {
      err = x;
    }
  });
  t.dispatchEvent(new Event('r'));
  assert.strictEqual(err.code, 'ERR_EVENT_RECURSION');
  assert.strictEqual(err.message, 'The event "r" is already being dispatched');
}

{
  // Types are strings.
  const t = new EventTarget();
  const seq = [];
  t.addEventListener(1, () => seq.push('1'));
  t.addEventListener(undefined, () => seq.push('undefined'));
  t.dispatchEvent(new Event('1'));
  t.dispatchEvent(new Event(undefined));
  t.removeEventListener(1, () => {});
  assert.deepStrictEqual(seq, ['1', 'undefined']);
  assert.throws(() => t.addEventListener(Symbol('s'), () => {}), TypeError);
}

{
  // A handleEvent method is looked up when the event comes.
  const t = new EventTarget();
  const obj = {};
  let got;
  t.addEventListener('h', obj);
  obj.handleEvent = (e) => { got = e.type; };
  t.dispatchEvent(new Event('h'));
  assert.strictEqual(got, 'h');
}

{
  // signal option.
  const t = new EventTarget();
  const ac = new AbortController();
  let n = 0;
  t.addEventListener('s', () => n++, { signal: ac.signal });
  t.dispatchEvent(new Event('s'));
  ac.abort();
  t.dispatchEvent(new Event('s'));
  t.addEventListener('s', () => n++, { signal: AbortSignal.abort() }); // never added
  t.dispatchEvent(new Event('s'));
  assert.strictEqual(n, 1);
}

{
  // Options are read in a fixed order; removeEventListener only reads capture.
  const t = new EventTarget();
  const reads = [];
  const opts = new Proxy({}, {
    get(o, k) {
      if (typeof k === 'string') reads.push(k);
      return undefined;
    },
  });
  t.addEventListener('o', () => {}, opts);
  assert.deepStrictEqual(reads, ['once', 'capture', 'passive', 'signal']);
  reads.length = 0;
  t.removeEventListener('o', () => {}, opts);
  assert.deepStrictEqual(reads, ['capture']);
}

{
  // Subclasses.
  class Emitter extends EventTarget {
    fire() { return this.dispatchEvent(new Event('fire')); }
  }
  const em = new Emitter();
  let got;
  em.addEventListener('fire', (e) => { got = e.target; });
  assert.strictEqual(em.fire(), true);
  assert.strictEqual(got, em);
}
