'use strict';
// AsyncLocalStorage: stores follow timers, immediates, ticks, queueMicrotask, promise
// continuations and await, nest, and are carried by AsyncResource, bind and snapshot; exit,
// enterWith and disable as node. Log lines are sorted: the order of timers that expire in the
// same loop turn is not what this test is about.
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = [];
const say = (label) => log.push(`${label}: ${als.getStore()?.id} ${other.getStore()}`);
console.log(als);
als.run({ id: 1 }, () => {
  say('sync');
  setTimeout(() => say('timeout'), 1);
  setImmediate(() => say('immediate'));
  process.nextTick(() => say('tick'));
  queueMicrotask(() => say('microtask'));
  Promise.resolve().then(() => say('then'));
  (async () => { await null; say('await'); await new Promise((r) => setTimeout(r, 2)); say('await timer'); })();
  other.run('o', () => { say('nested'); setTimeout(() => say('nested timeout'), 3); });
  say('after nested');
  const r = new AsyncResource('X');
  als.run({ id: 2 }, () => r.runInAsyncScope(() => say('resource')));
  const bound = als.run({ id: 3 }, () => AsyncLocalStorage.bind(() => say('bound')));
  bound();
  const snap = als.run({ id: 4 }, () => AsyncLocalStorage.snapshot());
  snap(() => say('snapshot'));
  als.exit(() => say('exit'));
});
say('outside');
setTimeout(() => {
  als.enterWith({ id: 5 });
  say('enterWith');
  setTimeout(() => {
    say('after enterWith');
    als.disable();
    say('disabled');
    console.log(log.sort().join('\n'));
  }, 5);
}, 20);

const { AsyncResource: Resource } = require('async_hooks');
try { new Resource(1); } catch (e) { console.log(e.code, e.message); }
try { new Resource('x', { triggerAsyncId: -2 }); } catch (e) { console.log(e.code, e.message); }
try { als.run(1); } catch (e) { console.log(e.name); }
const boundFn = new Resource('Y').bind(function named(a, b) { return this; });
console.log(boundFn.name, boundFn.length, Object.keys(boundFn));
console.log(Object.keys(require('async_hooks')));
