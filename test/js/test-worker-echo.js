'use strict';
// A worker running this file echoes through parentPort; workerData and messages round-trip
// nested objects, Map, Set, Date, RegExp, BigInt and typed arrays; isMainThread/threadId and
// 'online' before the first message; eval workers; a worker that starts a worker.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');
const util = require('util');

if (!isMainThread) {
  parentPort.postMessage({ hello: 'from worker', isMainThread, threadIdIsNumber: threadId > 0 });
  parentPort.postMessage({ workerData });
  parentPort.on('message', (message) => {
    if (message === 'bye') {
      parentPort.close();
      return;
    }
    parentPort.postMessage({ echo: message });
  });
  return;
}

const show = (label, value) => console.log(label, util.inspect(value, { depth: 5 }));

const data = {
  nested: { list: [1, 'two', { three: 3 }], nil: null, undef: undefined },
  map: new Map([['a', 1], [2, { b: true }]]),
  set: new Set([1, 'x']),
  date: new Date(Date.UTC(2020, 1, 3, 4, 5, 6)),
  regexp: /ab+c/gi,
  big: 12345678901234567890n,
  u8: new Uint8Array([1, 2, 3]),
  f64: new Float64Array([0.5, -1]),
  view: new DataView(new ArrayBuffer(4)),
};

function echoWorker() {
  return new Promise((resolve) => {
    const events = [];
    const worker = new Worker(__filename, { workerData: data });
    console.log('threadId is a positive integer:', Number.isInteger(worker.threadId) &&
                worker.threadId > 0);
    worker.on('online', () => events.push('online'));
    let count = 0;
    worker.on('message', (message) => {
      events.push('message');
      count++;
      show(`message ${count}:`, message);
      if (count === 2) worker.postMessage({ round: 'trip', when: new Date(0), data });
      if (count === 3) worker.postMessage('bye');
    });
    worker.on('exit', (code) => {
      console.log('first event online:', events[0] === 'online');
      console.log('exit code', code, 'threadId after exit', worker.threadId);
      resolve();
    });
  });
}

function evalWorker() {
  return new Promise((resolve) => {
    const worker = new Worker(`
      const { parentPort, workerData } = require('worker_threads');
      parentPort.postMessage([__filename, typeof require, workerData * 2]);
    `, { eval: true, workerData: 21 });
    worker.on('message', (message) => show('eval worker:', message));
    worker.on('exit', (code) => {
      console.log('eval worker exit', code);
      resolve();
    });
  });
}

function nestedWorker() {
  return new Promise((resolve) => {
    const worker = new Worker(`
      const { Worker, parentPort } = require('worker_threads');
      const inner = new Worker('require("worker_threads").parentPort.postMessage("inner says hi")',
                               { eval: true });
      inner.on('message', (m) => parentPort.postMessage('outer relays: ' + m));
      inner.on('exit', (c) => parentPort.postMessage('inner exit ' + c));
    `, { eval: true });
    worker.on('message', (message) => console.log('nested:', message));
    worker.on('exit', (code) => {
      console.log('outer exit', code);
      resolve();
    });
  });
}

(async () => {
  await echoWorker();
  await evalWorker();
  await nestedWorker();
})();
