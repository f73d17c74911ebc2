'use strict';
// Workers and message ports are async_hooks resources (WORKER, MESSAGEPORT) with hasRef(), as
// tools like why-is-node-running expect: what is listed as keeping the program alive follows
// ref()/unref(), 'message' listeners and close().
const { Worker, MessageChannel } = require('worker_threads');
const { createHook } = require('async_hooks');

const live = new Map();
let firstInspection;
createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    if (type === 'MESSAGEPORT') firstInspection ??= require('util').inspect(resource);
    if (type === 'WORKER' || type === 'MESSAGEPORT') live.set(asyncId, { type, resource });
  },
  destroy(asyncId) {
    live.delete(asyncId);
  },
}).enable();

function active() {
  const types = [];
  for (const { type, resource } of live.values()) {
    if (typeof resource.hasRef !== 'function' || resource.hasRef() === true) types.push(type);
  }
  return types.join(',') || '(none)';
}

const { port1, port2 } = new MessageChannel();
console.log('channel:', active());
console.log('port as init sees it:', firstInspection);
console.log('port inspected:', require('util').inspect(port1).includes('kAsyncId'));
port1.on('message', () => {});
console.log('listening:', active());
port1.unref();
console.log('unref:', active());
port1.ref();
port2.close();
port1.on('close', () => {
  setImmediate(() => {
    console.log('closed:', active());
    const w = new Worker('', { eval: true });
    console.log('worker:', active());
    w.unref();
    console.log('worker unref:', active());
    w.ref();
    console.log('worker ref:', active());
    let handle;
    for (const { type, resource } of live.values()) if (type === 'WORKER') handle = resource;
    w.on('exit', (code) => {
      console.log('exit', code, active(), handle.hasRef());
      setTimeout(() => console.log('after exit:', active(), handle.hasRef()), 0);
    });
  });
});
