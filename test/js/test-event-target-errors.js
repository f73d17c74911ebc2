'use strict';
// EventTarget argument checks, warnings, and errors thrown by listeners.
const assert = require('assert');
const util = require('util');

const t = new EventTarget();
const fn = () => {};

assert.throws(() => t.addEventListener('a'), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "type" and "listener" arguments must be specified',
});
assert.throws(() => t.addEventListener(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => t.removeEventListener('a'), { code: 'ERR_MISSING_ARGS' });
for (const bad of [1, 'str', true, 1n, Symbol('s')]) {
  assert.throws(() => t.addEventListener('a', bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "listener" argument must be an instance of EventListener\. Received/,
  });
  assert.throws(() => t.removeEventListener('a', bad), { code: 'ERR_INVALID_ARG_TYPE' });
}
assert.throws(() => t.addEventListener('a', fn, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. Received type number (1)',
});
assert.throws(() => t.addEventListener('a', fn, { signal: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.signal" property must be an instance of AbortSignal. Received type number (1)',
});
t.addEventListener('a', fn, null); // null options are fine
t.removeEventListener('a', null); // ignored
assert.throws(() => t.dispatchEvent(), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "event" argument must be specified',
});
assert.throws(() => t.dispatchEvent({ type: 'a' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "event" argument must be an instance of Event. Received an instance of Object',
});
assert.throws(() => t.dispatchEvent('a'), { code: 'ERR_INVALID_ARG_TYPE' });
for (const m of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  assert.throws(() => EventTarget.prototype[m].call({}, 'a', fn), {
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type EventTarget',
  });
}
assert.throws(() => EventTarget(), TypeError);

// util.inspect.
assert.strictEqual(util.inspect(new EventTarget()), 'EventTarget {}');
assert.strictEqual(util.inspect(new EventTarget(), { depth: -1 }), 'EventTarget');
assert.strictEqual(util.inspect({ x: { y: new EventTarget() } }, { depth: 0 }), '{ x: [Object] }');
class My extends EventTarget {}
assert.strictEqual(util.inspect(new My()), 'My {}');
assert.strictEqual(Object.prototype.toString.call(new EventTarget()), '[object EventTarget]');

// Warnings: null listeners, too many listeners (once per target).
const warnings = [];
process.on('warning', (w) => {
  if (w.name !== 'ExperimentalWarning') warnings.push(w);
});
const wt = new EventTarget();
wt.addEventListener('a', null);
wt.addEventListener('a', undefined);
for (let i = 0; i < 11; i++) wt.addEventListener('m', () => {});
for (let i = 0; i < 11; i++) wt.addEventListener('n', () => {});
const quiet = new EventTarget();
require('events').setMaxListeners(0, quiet);
for (let i = 0; i < 20; i++) quiet.addEventListener('m', () => {});

// Errors thrown by listeners become uncaught exceptions, after the dispatch; the other
// listeners still run. EventListener objects and async listeners report later.
const uncaught = [];
process.on('uncaughtException', (err) => uncaught.push(err.message));
const et = new EventTarget();
const ran = [];
et.addEventListener('e', () => { throw new Error('sync'); });
et.addEventListener('e', () => ran.push('after sync'));
et.addEventListener('e', { handleEvent() { throw new Error('object'); } });
et.addEventListener('e', async () => { throw new Error('async'); });
et.addEventListener('e', {}); // no handleEvent: nothing happens
assert.strictEqual(et.dispatchEvent(new Event('e')), true);
assert.deepStrictEqual(ran, ['after sync']);
assert.deepStrictEqual(uncaught, []);

setImmediate(() => {
  assert.deepStrictEqual(uncaught, ['sync', 'object', 'async']);
  assert.deepStrictEqual(warnings.map((w) => [w.name, w.message]), [
    ['AddEventListenerArgumentTypeWarning', 'addEventListener called with null which has no effect.'],
    ['AddEventListenerArgumentTypeWarning',
     'addEventListener called with undefined which has no effect.'],
    ['MaxListenersExceededWarning',
     'Possible EventTarget memory leak detected. 11 m listeners added to EventTarget. ' +
     'MaxListeners is 10. Use events.setMaxListeners() to increase limit'],
  ]);
  assert.strictEqual(warnings[0].target, wt);
  assert.strictEqual(warnings[0].type, 'a');
  assert.strictEqual(warnings[2].target, wt);
  assert.strictEqual(warnings[2].type, 'm');
  assert.strictEqual(warnings[2].count, 11);
});
