'use strict';
// The events module's exports and EventEmitter's shape, as node 20 has them.
const assert = require('assert');
const util = require('util');
const events = require('events');
const EventEmitter = events;

assert.strictEqual(require('node:events'), events);
assert.strictEqual(typeof EventEmitter, 'function');
assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
assert.strictEqual(EventEmitter.name, 'EventEmitter');
assert.strictEqual(EventEmitter.length, 1);
assert.strictEqual(EventEmitter.usingDomains, false);

assert.deepStrictEqual(Object.keys(EventEmitter), [
  'addAbortListener', 'once', 'on', 'getEventListeners', 'getMaxListeners', 'EventEmitter',
  'usingDomains', 'captureRejectionSymbol', 'captureRejections', 'EventEmitterAsyncResource',
  'errorMonitor', 'defaultMaxListeners', 'setMaxListeners', 'init', 'listenerCount',
]);

for (const name of ['captureRejections', 'defaultMaxListeners']) {
  const d = Object.getOwnPropertyDescriptor(EventEmitter, name);
  assert.strictEqual(typeof d.get, 'function', name);
  assert.strictEqual(typeof d.set, 'function', name);
  assert.strictEqual(d.enumerable, true, name);
  assert.strictEqual(d.configurable, false, name);
}
for (const name of ['kMaxEventTargetListeners', 'kMaxEventTargetListenersWarned']) {
  const d = Object.getOwnPropertyDescriptor(EventEmitter, name);
  assert.strictEqual(typeof d.value, 'symbol');
  assert.strictEqual(d.enumerable, false);
  assert.strictEqual(d.writable, false);
  assert.strictEqual(d.configurable, false);
}

const protoKeys = ['_events', '_eventsCount', '_maxListeners', 'setMaxListeners',
  'getMaxListeners', 'emit', 'addListener', 'on', 'prependListener', 'once',
  'prependOnceListener', 'removeListener', 'off', 'removeAllListeners', 'listeners',
  'rawListeners', 'listenerCount', 'eventNames'];
assert.deepStrictEqual(Object.keys(EventEmitter.prototype), protoKeys);
const lengths = {
  setMaxListeners: 1, getMaxListeners: 0, emit: 1, addListener: 2, prependListener: 2, once: 2,
  prependOnceListener: 2, removeListener: 2, removeAllListeners: 1, listeners: 1,
  rawListeners: 1, listenerCount: 2, eventNames: 0,
};
for (const [name, length] of Object.entries(lengths)) {
  assert.strictEqual(EventEmitter.prototype[name].length, length, name);
  assert.strictEqual(EventEmitter.prototype[name].name, name, name);
}
assert.strictEqual(EventEmitter.prototype._events, undefined);
assert.strictEqual(EventEmitter.prototype._eventsCount, 0);
assert.strictEqual(EventEmitter.prototype._maxListeners, undefined);

{
  // Instance shape.
  const e = new EventEmitter();
  const keys = Reflect.ownKeys(e);
  assert.deepStrictEqual(keys.slice(0, 3), ['_events', '_eventsCount', '_maxListeners']);
  assert.deepStrictEqual(keys.slice(3).map((s) => s.description), ['shapeMode', 'kCapture']);
  assert.strictEqual(util.inspect(e), `EventEmitter {
  _events: [Object: null prototype] {},
  _eventsCount: 0,
  _maxListeners: undefined,
  [Symbol(shapeMode)]: false,
  [Symbol(kCapture)]: false
}`);
  assert.strictEqual(util.inspect(new EventEmitter({ captureRejections: true })).includes(
    '[Symbol(kCapture)]: true'), true);
}

{
  // A subclass that lays out _events itself keeps that shape ("shape mode"): removing a
  // listener stores undefined instead of deleting the key.
  function Shaped() {
    this._events = { close: undefined, data: undefined };
    EventEmitter.call(this);
  }
  Object.setPrototypeOf(Shaped.prototype, EventEmitter.prototype);
  const s = new Shaped();
  assert.deepStrictEqual(Reflect.ownKeys(s).map(String),
                         ['_events', '_maxListeners', 'Symbol(shapeMode)', 'Symbol(kCapture)']);
  assert.deepStrictEqual(s.eventNames(), []);
  const f = () => {};
  s.on('data', f);
  assert.deepStrictEqual(s.eventNames(), ['close', 'data']);
  s.removeListener('data', f);
  assert.deepStrictEqual(Object.keys(s._events), ['close', 'data']);
  assert.strictEqual(s._events.data, undefined);
  assert.strictEqual(s._eventsCount, 0);
  s.on('x', f);
  s.removeAllListeners();
  assert.deepStrictEqual(Object.keys(s._events), []);
}

{
  // init() keeps a preset _maxListeners.
  function M() {
    this._maxListeners = 3;
    EventEmitter.call(this);
  }
  Object.setPrototypeOf(M.prototype, EventEmitter.prototype);
  assert.strictEqual(new M().getMaxListeners(), 3);
}

{
  // EventEmitterAsyncResource: a working class, or ERR_NOT_IMPLEMENTED on construction
  // where async_hooks is missing.
  const { EventEmitterAsyncResource } = events;
  assert.strictEqual(typeof EventEmitterAsyncResource, 'function');
  assert.strictEqual(Object.getPrototypeOf(EventEmitterAsyncResource), EventEmitter);
  let r;
  try {
    r = new EventEmitterAsyncResource({ name: 'test' });
  } catch (err) {
    assert.strictEqual(err.code, 'ERR_NOT_IMPLEMENTED');
  }
  if (r !== undefined) {
    let called = false;
    r.on('x', () => { called = true; });
    assert.strictEqual(r.emit('x'), true);
    assert.ok(called);
    assert.strictEqual(typeof r.asyncId, 'number');
    assert.strictEqual(typeof r.triggerAsyncId, 'number');
    assert.strictEqual(r.asyncResource.eventEmitter, r);
    r.emitDestroy();
    assert.throws(() => new EventEmitterAsyncResource({}), { code: 'ERR_INVALID_ARG_TYPE' });
  }
}
