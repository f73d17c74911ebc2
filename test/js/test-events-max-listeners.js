'use strict';
// MaxListenersExceededWarning and the max-listener setters/getters.
const assert = require('assert');
const EventEmitter = require('events');

const warnings = [];
process.on('warning', (w) => {
  if (w.name === 'MaxListenersExceededWarning') warnings.push(w);
});

{
  const e = new EventEmitter();
  for (let i = 0; i < 10; i++) e.on('foo', () => {});
  assert.strictEqual(e.getMaxListeners(), 10);
  e.on('foo', () => {}); // 11th: warns once
  e.on('foo', () => {});
  const s = Symbol('sym');
  e.setMaxListeners(2);
  e.on(s, () => {});
  e.on(s, () => {});
  e.on(s, () => {}); // 3 > 2
  class Foo extends EventEmitter {}
  const f = new Foo();
  f.setMaxListeners(1);
  f.on('x', () => {});
  f.prependListener('x', () => {});
  // 0 means unlimited.
  const z = new EventEmitter();
  z.setMaxListeners(0);
  for (let i = 0; i < 50; i++) z.on('x', () => {});
  // Infinity too.
  const inf = new EventEmitter();
  inf.setMaxListeners(Infinity);
  for (let i = 0; i < 50; i++) inf.on('x', () => {});
  // Warned once per event name.
  e.on('foo', () => {});

  process.nextTick(() => {
    // process.emitWarning delivers 'warning' on the next tick.
    setImmediate(() => {
      assert.strictEqual(warnings.length, 3, warnings.map((w) => w.message).join('\n'));
      const [w1, w2, w3] = warnings;
      assert.strictEqual(w1.name, 'MaxListenersExceededWarning');
      assert.strictEqual(w1.message,
                         'Possible EventEmitter memory leak detected. 11 foo listeners added to ' +
                         '[EventEmitter]. MaxListeners is 10. Use emitter.setMaxListeners() to ' +
                         'increase limit');
      assert.strictEqual(w1.emitter, e);
      assert.strictEqual(w1.type, 'foo');
      assert.strictEqual(w1.count, 11);
      assert.deepStrictEqual(Object.keys(w1), ['name', 'emitter', 'type', 'count']);
      assert.strictEqual(w2.message,
                         'Possible EventEmitter memory leak detected. 3 Symbol(sym) listeners ' +
                         'added to [EventEmitter]. MaxListeners is 2. Use ' +
                         'emitter.setMaxListeners() to increase limit');
      assert.strictEqual(w2.type, s);
      assert.strictEqual(w3.message,
                         'Possible EventEmitter memory leak detected. 2 x listeners added to ' +
                         '[Foo]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit');
      // The array remembers the warning.
      assert.strictEqual(e._events.foo.warned, true);
    });
  });
}

{
  // setMaxListeners validation.
  const e = new EventEmitter();
  assert.strictEqual(e.setMaxListeners(5), e);
  assert.strictEqual(e.getMaxListeners(), 5);
  assert.strictEqual(e.setMaxListeners(1.5).getMaxListeners(), 1.5);
  for (const bad of ['a', null, undefined, {}, 1n]) {
    assert.throws(() => e.setMaxListeners(bad), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: /^The "setMaxListeners" argument must be of type number\. Received/,
    });
  }
  for (const bad of [-1, NaN, -Infinity]) {
    assert.throws(() => e.setMaxListeners(bad), {
      code: 'ERR_OUT_OF_RANGE',
      name: 'RangeError',
      message: `The value of "setMaxListeners" is out of range. It must be >= 0. Received ${bad}`,
    });
  }
}

{
  // EventEmitter.defaultMaxListeners.
  const desc = Object.getOwnPropertyDescriptor(EventEmitter, 'defaultMaxListeners');
  assert.strictEqual(typeof desc.get, 'function');
  assert.strictEqual(desc.enumerable, true);
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
  assert.throws(() => { EventEmitter.defaultMaxListeners = -1; }, {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "defaultMaxListeners" is out of range. It must be >= 0. Received -1',
  });
  assert.throws(() => { EventEmitter.defaultMaxListeners = '1'; }, {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "defaultMaxListeners" argument must be of type number. Received type string (\'1\')',
  });
  assert.throws(() => { EventEmitter.defaultMaxListeners = NaN; }, { code: 'ERR_OUT_OF_RANGE' });
  const e = new EventEmitter();
  EventEmitter.defaultMaxListeners = 3;
  assert.strictEqual(e.getMaxListeners(), 3); // read at use time
  EventEmitter.defaultMaxListeners = 10;
  assert.strictEqual(e.getMaxListeners(), 10);
}

{
  // events.setMaxListeners / events.getMaxListeners.
  const { setMaxListeners, getMaxListeners } = EventEmitter;
  const e1 = new EventEmitter();
  const e2 = new EventEmitter();
  const t = new EventTarget();
  assert.strictEqual(setMaxListeners(4, e1, e2, t), undefined);
  assert.strictEqual(e1.getMaxListeners(), 4);
  assert.strictEqual(getMaxListeners(e2), 4);
  assert.strictEqual(getMaxListeners(t), 4);
  assert.throws(() => setMaxListeners(1, {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "eventTargets" argument must be an instance of EventEmitter or EventTarget. ' +
             'Received an instance of Object',
  });
  assert.throws(() => setMaxListeners(-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => setMaxListeners('x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => getMaxListeners({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "emitter" argument must be an instance of EventEmitter or EventTarget. ' +
             'Received an instance of Object',
  });
  assert.strictEqual(getMaxListeners(new EventTarget()), EventEmitter.defaultMaxListeners);
  // With no targets the default changes (and the default of n is the current default).
  setMaxListeners(12);
  assert.strictEqual(EventEmitter.defaultMaxListeners, 12);
  setMaxListeners();
  assert.strictEqual(EventEmitter.defaultMaxListeners, 12);
  setMaxListeners(10);
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
}
