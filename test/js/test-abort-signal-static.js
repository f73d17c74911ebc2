'use strict';
// AbortSignal.abort(), AbortSignal.timeout(), AbortSignal.any().
const assert = require('assert');

{
  const s = AbortSignal.abort();
  assert.strictEqual(s.aborted, true);
  assert.strictEqual(s.reason.name, 'AbortError');
  assert.strictEqual(s.reason.message, 'This operation was aborted');
  assert.strictEqual(AbortSignal.abort('r').reason, 'r');
  assert.strictEqual(AbortSignal.abort(null).reason, null);
  assert.strictEqual(AbortSignal.abort(undefined).reason.name, 'AbortError');
  let called = false;
  s.addEventListener('abort', () => { called = true; });
  assert.strictEqual(called, false); // never fires again
}

{
  // Validation.
  assert.throws(() => AbortSignal.timeout(-1), {
    name: 'RangeError',
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received -1',
  });
  assert.throws(() => AbortSignal.timeout(2 ** 32), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => AbortSignal.timeout(1.5), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => AbortSignal.timeout('1'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "delay" argument must be of type number. Received type string (\'1\')',
  });
  assert.throws(() => AbortSignal.any(), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signals" argument must be an instance of Array. Received undefined',
  });
  assert.throws(() => AbortSignal.any([1]), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signals[0]" argument must be an instance of AbortSignal. Received type number (1)',
  });
  assert.throws(() => AbortSignal.any('ab'), { code: 'ERR_INVALID_ARG_TYPE' });
}

{
  // any(): follows the first source to abort, with its reason.
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  assert.strictEqual(any.aborted, false);
  const order = [];
  a.signal.addEventListener('abort', () => order.push(['source', any.aborted]));
  any.addEventListener('abort', () => order.push(['any', any.reason]));
  a.abort('A');
  b.abort('B');
  // node 20: dependants abort after the source's listeners ran.
  assert.deepStrictEqual(order, [['source', false], ['any', 'A']]);
  assert.strictEqual(any.reason, 'A');

  assert.strictEqual(AbortSignal.any([]).aborted, false);
  const pre = AbortSignal.any([new AbortController().signal, AbortSignal.abort('x')]);
  assert.strictEqual(pre.aborted, true);
  assert.strictEqual(pre.reason, 'x');

  // Composites of composites follow the original sources.
  const c = new AbortController();
  const n1 = AbortSignal.any([c.signal]);
  const n2 = AbortSignal.any([n1]);
  const seq = [];
  c.signal.onabort = () => seq.push('c');
  n1.onabort = () => seq.push('n1');
  n2.onabort = () => seq.push(['n2', n2.reason]);
  c.abort('deep');
  assert.deepStrictEqual(seq, ['c', 'n1', ['n2', 'deep']]);
}

async function timeoutTests() {
  // timeout(): aborts with a TimeoutError. No assumption on how late the timer fires.
  const s = AbortSignal.timeout(5);
  assert.strictEqual(s.aborted, false);
  await new Promise((resolve) => s.addEventListener('abort', resolve));
  assert.strictEqual(s.aborted, true);
  assert.ok(s.reason instanceof DOMException);
  assert.strictEqual(s.reason.name, 'TimeoutError');
  assert.strictEqual(s.reason.message, 'The operation was aborted due to timeout');
  assert.strictEqual(s.reason.code, 23);

  // any() with a timeout.
  const t = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(1)]);
  await new Promise((resolve) => { t.onabort = resolve; });
  assert.strictEqual(t.reason.name, 'TimeoutError');

  // A pending long timeout does not keep the process alive (its timer is unref'd): if it
  // did, this test would never exit.
  const long = AbortSignal.timeout(10 * 60 * 1000);
  long.addEventListener('abort', () => assert.fail('not expected to fire'));
}

timeoutTests().then(() => { process.exitCode = 0; }, (err) => { process.exitCode = 1; throw err; });
