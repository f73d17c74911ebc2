'use strict';
// AbortController and AbortSignal basics.
const assert = require('assert');
const util = require('util');

{
  const ac = new AbortController();
  const { signal } = ac;
  assert.strictEqual(ac.signal, signal);
  assert.ok(signal instanceof AbortSignal);
  assert.ok(signal instanceof EventTarget);
  assert.strictEqual(signal.aborted, false);
  assert.strictEqual(signal.reason, undefined);
  assert.strictEqual(signal.onabort, null);
  signal.throwIfAborted();

  const order = [];
  signal.addEventListener('abort', (e) => {
    order.push('listener');
    assert.ok(e instanceof Event);
    assert.strictEqual(e.type, 'abort');
    assert.strictEqual(e.isTrusted, true);
    assert.strictEqual(e.target, signal);
    assert.strictEqual(e.cancelable, false);
    assert.strictEqual(e.bubbles, false);
    // Already aborted when listeners run.
    assert.strictEqual(signal.aborted, true);
  });
  signal.onabort = (e) => order.push(['onabort', e.type]);
  assert.strictEqual(typeof signal.onabort, 'function');
  ac.abort();
  ac.abort('second call does nothing');
  assert.deepStrictEqual(order, ['listener', ['onabort', 'abort']]);
  assert.strictEqual(signal.aborted, true);

  // The default reason.
  const { reason } = signal;
  assert.ok(reason instanceof DOMException);
  assert.ok(reason instanceof Error);
  assert.strictEqual(reason.name, 'AbortError');
  assert.strictEqual(reason.message, 'This operation was aborted');
  assert.strictEqual(reason.code, 20);
  assert.throws(() => signal.throwIfAborted(), (err) => err === reason);
}

{
  // Custom reasons, including undefined (replaced) and null (kept).
  const a = new AbortController();
  const r = { why: 1 };
  a.abort(r);
  assert.strictEqual(a.signal.reason, r);
  assert.throws(() => a.signal.throwIfAborted(), (err) => err === r);
  const b = new AbortController();
  b.abort(undefined);
  assert.strictEqual(b.signal.reason.name, 'AbortError');
  const c = new AbortController();
  c.abort(null);
  assert.strictEqual(c.signal.reason, null);
}

{
  // onabort keeps its place among listeners when replaced; null removes its effect.
  const ac = new AbortController();
  const order = [];
  ac.signal.onabort = () => order.push('first handler');
  ac.signal.addEventListener('abort', () => order.push('listener'));
  ac.signal.onabort = () => order.push('second handler');
  ac.abort();
  assert.deepStrictEqual(order, ['second handler', 'listener']);
  const ac2 = new AbortController();
  ac2.signal.onabort = () => assert.fail('removed');
  ac2.signal.onabort = null;
  assert.strictEqual(ac2.signal.onabort, null);
  ac2.abort();
}

{
  // Errors and brand checks.
  assert.throws(() => new AbortSignal(), {
    name: 'TypeError',
    code: 'ERR_ILLEGAL_CONSTRUCTOR',
    message: 'Illegal constructor',
  });
  const get = (name) => Object.getOwnPropertyDescriptor(AbortSignal.prototype, name).get;
  assert.throws(() => get('aborted').call({}), {
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type AbortSignal',
  });
  assert.throws(() => get('reason').call({}), { code: 'ERR_INVALID_THIS' });
  assert.throws(() => AbortSignal.prototype.throwIfAborted.call({}), { code: 'ERR_INVALID_THIS' });
  assert.throws(() => get('onabort').call({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "this" argument must be an instance of EventTarget. Received an instance of Object',
  });
  assert.throws(() => Object.getOwnPropertyDescriptor(AbortController.prototype, 'signal').get.call({}),
                TypeError);
  assert.throws(() => AbortController.prototype.abort.call({}), TypeError);
}

{
  // Shape.
  assert.deepStrictEqual(Object.keys(AbortSignal.prototype), ['aborted', 'onabort']);
  assert.deepStrictEqual(Object.keys(AbortController.prototype), ['signal', 'abort']);
  assert.strictEqual(Object.prototype.toString.call(new AbortController()), '[object AbortController]');
  assert.strictEqual(Object.prototype.toString.call(new AbortController().signal), '[object AbortSignal]');
  assert.deepStrictEqual(Object.keys(new AbortController()), []);
}

{
  // util.inspect.
  const ac = new AbortController();
  assert.strictEqual(util.inspect(ac), 'AbortController { signal: AbortSignal { aborted: false } }');
  assert.strictEqual(util.inspect(ac.signal), 'AbortSignal { aborted: false }');
  assert.strictEqual(util.inspect(ac, { depth: 0 }), 'AbortController [Object]');
  assert.strictEqual(util.inspect(ac.signal, { depth: -1 }), '[AbortSignal]');
  ac.abort();
  assert.strictEqual(util.inspect(ac), 'AbortController { signal: AbortSignal { aborted: true } }');
}

{
  // Many listeners warn with the signal's name.
  const warnings = [];
  process.on('warning', (w) => {
    if (w.name === 'MaxListenersExceededWarning') warnings.push(w.message);
  });
  const ac = new AbortController();
  for (let i = 0; i < 11; i++) ac.signal.addEventListener('abort', () => {});
  setImmediate(() => {
    assert.deepStrictEqual(warnings, [
      'Possible EventTarget memory leak detected. 11 abort listeners added to [AbortSignal]. ' +
      'MaxListeners is 10. Use events.setMaxListeners() to increase limit',
    ]);
  });
}
