'use strict';
// async_hooks: createHook callbacks and the execution context for the resources ringjs reports
// (Timeout, Immediate, TickObject, Microtask, PROMISE, AsyncResource). Ids are printed as labels
// (the order in which init saw them), never as numbers: node also counts resources (stdout's
// handle, write requests) that are not part of this test.
const ah = require('async_hooks');

const shown = new Set(['Timeout', 'Immediate', 'TickObject', 'Microtask', 'PROMISE', 'Custom']);
const labels = new Map([[1, 'top'], [0, 'none']]);
const events = [];
const label = (id) => labels.get(id) ?? `?${typeof id}`;

const hook = ah.createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    if (!shown.has(type)) return;
    labels.set(asyncId, `${type}#${labels.size - 1}`);
    events.push(`init ${label(asyncId)} by ${label(triggerAsyncId)} in ${label(ah.executionAsyncId())}` +
                ` resource=${resource.constructor.name} this=${this === hook}`);
  },
  before(asyncId) {
    if (labels.has(asyncId)) events.push(`before ${label(asyncId)}`);
  },
  after(asyncId) {
    if (labels.has(asyncId)) events.push(`after ${label(asyncId)}`);
  },
  destroy(asyncId) {
    if (labels.has(asyncId)) events.push(`destroy ${label(asyncId)}`);
  },
  promiseResolve(asyncId) {
    if (labels.has(asyncId)) events.push(`resolve ${label(asyncId)}`);
  },
});

function context(what) {
  events.push(`${what}: running ${label(ah.executionAsyncId())}` +
              ` trigger ${label(ah.triggerAsyncId())}`);
}

console.log('before enable:', ah.executionAsyncId(), ah.triggerAsyncId(), ah.executionAsyncResource());
hook.enable();
context('top');

setTimeout(() => {
  context('timeout');
  process.nextTick(() => context('tick'));
  setImmediate(() => {
    context('immediate');
    const cleared = setTimeout(() => {}, 1000);
    clearTimeout(cleared);
    const resource = new ah.AsyncResource('Custom');
    resource.runInAsyncScope(() => context('runInAsyncScope'));
    resource.emitDestroy();
    queueMicrotask(() => context('microtask'));
    Promise.resolve(1).then(() => context('then'));
    setImmediate(finish);
  });
}, 1);

function finish() {
  hook.disable();
  for (const event of events) console.log(event);
  const resource = ah.executionAsyncResource();
  console.log('resource of immediate:', resource.constructor.name);
  setTimeout(function check() {
    console.log('timeout resource is the Timeout:', ah.executionAsyncResource() === this);
    Promise.resolve().then(() => console.log('untracked promise:', ah.executionAsyncId()));
  }, 1);
}
