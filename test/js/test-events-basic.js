'use strict';
// EventEmitter: adding, emitting, removing and listing listeners.
const assert = require('assert');
const EventEmitter = require('events');

{
  // on/emit, arguments and `this`.
  const e = new EventEmitter();
  const calls = [];
  function listener(...args) {
    assert.strictEqual(this, e);
    calls.push(args);
  }
  assert.strictEqual(e.on('foo', listener), e);
  assert.strictEqual(e.emit('foo', 1, 'b', null), true);
  assert.strictEqual(e.emit('bar'), false);
  assert.strictEqual(e.emit('foo'), true);
  assert.deepStrictEqual(calls, [[1, 'b', null], []]);
  // Arrow functions keep their own this.
  e.on('arrow', () => calls.push('arrow'));
  e.emit('arrow');
  assert.deepStrictEqual(calls.at(-1), 'arrow');
}

{
  // Storage shape: one listener is stored as is, two or more in an array.
  const e = new EventEmitter();
  const a = () => {};
  const b = () => {};
  e.on('x', a);
  assert.strictEqual(e._events.x, a);
  assert.strictEqual(e._eventsCount, 1);
  e.on('x', b);
  assert.deepStrictEqual(e._events.x, [a, b]);
  e.prependListener('x', b);
  assert.deepStrictEqual(e._events.x, [b, a, b]);
  assert.strictEqual(Object.getPrototypeOf(e._events), null);
  e.removeListener('x', b); // the last added match goes
  assert.deepStrictEqual(e._events.x, [b, a]);
  e.removeListener('x', b);
  assert.strictEqual(e._events.x, a);
  e.removeListener('x', a);
  assert.strictEqual(e._eventsCount, 0);
  assert.deepStrictEqual(Object.keys(e._events), []);
}

{
  // Order: append and prepend.
  const e = new EventEmitter();
  const order = [];
  e.on('x', () => order.push(2));
  e.prependListener('x', () => order.push(1));
  e.on('x', () => order.push(3));
  e.prependOnceListener('x', () => order.push(0));
  e.emit('x');
  e.emit('x');
  assert.deepStrictEqual(order, [0, 1, 2, 3, 1, 2, 3]);
}

{
  // once: called once, removed before the call, raw wrapper visible in rawListeners.
  const e = new EventEmitter();
  let n = 0;
  function onceFn(a) {
    n += a;
    assert.strictEqual(e.listenerCount('x'), 0);
  }
  assert.strictEqual(e.once('x', onceFn), e);
  const raw = e.rawListeners('x');
  assert.strictEqual(raw.length, 1);
  assert.notStrictEqual(raw[0], onceFn);
  assert.strictEqual(raw[0].listener, onceFn);
  assert.strictEqual(raw[0].name, 'bound onceWrapper');
  assert.deepStrictEqual(e.listeners('x'), [onceFn]);
  e.emit('x', 5);
  e.emit('x', 5);
  assert.strictEqual(n, 5);
  // The raw wrapper can be called directly, once.
  e.once('y', onceFn);
  const wrapper = e.rawListeners('y')[0];
  wrapper.call(e, 1);
  wrapper.call(e, 1);
  assert.strictEqual(n, 6);
  assert.strictEqual(e.listenerCount('y'), 0);
  // A once listener can be removed with the original function.
  e.once('z', onceFn);
  e.removeListener('z', onceFn);
  assert.strictEqual(e.emit('z', 100), false);
  // The return value of the listener is returned by the wrapper.
  e.once('r', () => 42);
  assert.strictEqual(e.rawListeners('r')[0](), 42);
}

{
  // Listeners added or removed during an emit do not change that emit.
  const e = new EventEmitter();
  const order = [];
  const b = () => order.push('b');
  e.on('x', () => {
    order.push('a');
    e.removeListener('x', b);
    e.on('x', () => order.push('c'));
  });
  e.on('x', b);
  e.emit('x');
  assert.deepStrictEqual(order, ['a', 'b']);
  order.length = 0;
  e.emit('x');
  assert.deepStrictEqual(order, ['a', 'c']);
}

{
  // off is removeListener; removing unknown listeners is a no-op.
  const e = new EventEmitter();
  assert.strictEqual(EventEmitter.prototype.off, EventEmitter.prototype.removeListener);
  assert.strictEqual(EventEmitter.prototype.on, EventEmitter.prototype.addListener);
  const f = () => {};
  assert.strictEqual(e.off('nothing', f), e);
  e.on('x', () => {});
  assert.strictEqual(e.off('x', f), e);
  assert.strictEqual(e.listenerCount('x'), 1);
}

{
  // removeAllListeners with and without a type.
  const e = new EventEmitter();
  e.on('a', () => {});
  e.on('a', () => {});
  e.on('b', () => {});
  assert.strictEqual(e.removeAllListeners('a'), e);
  assert.deepStrictEqual(e.eventNames(), ['b']);
  e.removeAllListeners('unknown');
  assert.deepStrictEqual(e.eventNames(), ['b']);
  e.removeAllListeners();
  assert.deepStrictEqual(e.eventNames(), []);
  assert.strictEqual(e._eventsCount, 0);
}

{
  // listeners, rawListeners, listenerCount and eventNames.
  const e = new EventEmitter();
  const s = Symbol('s');
  const f = () => {};
  const g = () => {};
  assert.deepStrictEqual(e.listeners('x'), []);
  e.on('x', f);
  e.on(s, f);
  e.once('x', g);
  e.on('x', f);
  assert.deepStrictEqual(e.eventNames(), ['x', s]);
  assert.deepStrictEqual(e.listeners('x'), [f, g, f]);
  assert.strictEqual(e.listenerCount('x'), 3);
  assert.strictEqual(e.listenerCount('x', f), 2);
  assert.strictEqual(e.listenerCount('x', g), 1);
  assert.strictEqual(e.listenerCount('x', () => {}), 0);
  assert.strictEqual(e.listenerCount(s, f), 1);
  assert.strictEqual(e.listenerCount(s, g), 0);
  assert.strictEqual(e.listenerCount('none'), 0);
  assert.strictEqual(EventEmitter.listenerCount(e, 'x'), 3);
  // The returned arrays are copies.
  const l = e.listeners('x');
  l.pop();
  assert.strictEqual(e.listenerCount('x'), 3);
  const r = e.rawListeners('x');
  r.pop();
  assert.strictEqual(e.rawListeners('x').length, 3);
}

{
  // Listener validation.
  const e = new EventEmitter();
  for (const bad of [1, 'x', null, undefined, {}]) {
    for (const method of ['on', 'addListener', 'prependListener', 'once', 'prependOnceListener',
      'removeListener', 'off']) {
      assert.throws(() => e[method]('x', bad), {
        code: 'ERR_INVALID_ARG_TYPE',
        name: 'TypeError',
        message: /^The "listener" argument must be of type function\. Received/,
      });
    }
  }
}

{
  // Emitting on an object that never ran the constructor.
  const e = Object.create(EventEmitter.prototype);
  assert.strictEqual(e.emit('x'), false);
  assert.deepStrictEqual(e.listeners('x'), []);
  assert.strictEqual(e.listenerCount('x'), 0);
  assert.deepStrictEqual(e.eventNames(), []);
  let called = false;
  e.on('x', () => { called = true; });
  e.emit('x');
  assert.ok(called);
}

{
  // Any key works as an event name, including '__proto__'.
  const e = new EventEmitter();
  let n = 0;
  e.on('__proto__', () => n++);
  e.on('constructor', () => n++);
  e.emit('__proto__');
  e.emit('constructor');
  e.emit('toString');
  assert.strictEqual(n, 2);
}

{
  // Subclasses.
  class Sub extends EventEmitter {}
  const s = new Sub();
  let got;
  s.on('x', (v) => { got = v; });
  s.emit('x', 7);
  assert.strictEqual(got, 7);
  assert.ok(s instanceof EventEmitter);
  // Old-style inheritance.
  function Old() { EventEmitter.call(this); }
  Object.setPrototypeOf(Old.prototype, EventEmitter.prototype);
  const o = new Old();
  o.on('y', (v) => { got = v; });
  o.emit('y', 8);
  assert.strictEqual(got, 8);
}
