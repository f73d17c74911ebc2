'use strict';
// What a worker sees of its environment: process.env a copy by default (its changes stay
// inside), a given object, or ours shared with SHARE_ENV; argv; the environment data set
// before it started; resourceLimits; the parent's view of worker.resourceLimits.
const {
  Worker, SHARE_ENV, setEnvironmentData, getEnvironmentData, isMainThread, threadId,
  parentPort, workerData, resourceLimits,
} = require('worker_threads');

console.log('main thread view', isMainThread, threadId, parentPort, workerData, resourceLimits);
process.env.WORKER_TEST_A = 'a';
setEnvironmentData('key', { v: 1 });
setEnvironmentData('gone', 1);
setEnvironmentData('gone', undefined);
console.log('environment data here', getEnvironmentData('key'), getEnvironmentData('gone'));

const code = `
const w = require('worker_threads');
w.parentPort.postMessage({
  a: process.env.WORKER_TEST_A,
  b: process.env.WORKER_TEST_B,
  num: process.env.NUM,
  key: w.getEnvironmentData('key'),
  argv: process.argv.slice(1),
  limits: Object.keys(w.resourceLimits),
  limitTypes: Object.values(w.resourceLimits).map((v) => typeof v),
});
process.env.WORKER_TEST_C = 5;
process.env.WORKER_TEST_D = 'x';
delete process.env.WORKER_TEST_D;
w.parentPort.postMessage({
  c: process.env.WORKER_TEST_C, typeofC: typeof process.env.WORKER_TEST_C,
  dDeleted: !('WORKER_TEST_D' in process.env),
});
`;

function run(label, options) {
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, ...options });
    worker.on('message', (message) => console.log(label, message));
    worker.on('exit', (exitCode) => {
      console.log(label, 'exit', exitCode, 'parent WORKER_TEST_C', process.env.WORKER_TEST_C);
      resolve();
    });
  });
}

function limits() {
  return new Promise((resolve) => {
    const worker = new Worker(`
      const { resourceLimits, parentPort } = require('worker_threads');
      parentPort.postMessage([resourceLimits.maxOldGenerationSizeMb, resourceLimits.stackSizeMb]);
    `, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 64, stackSizeMb: 2 } });
    console.log('parent view of limits', worker.resourceLimits);
    worker.on('message', (message) => console.log('worker limits', message));
    worker.on('exit', () => {
      console.log('limits after exit', worker.resourceLimits);
      resolve();
    });
  });
}

(async () => {
  await run('default', {});
  await run('object', { env: { WORKER_TEST_B: 'b', NUM: 1 }, argv: ['x', 2] });
  await run('share', { env: SHARE_ENV });
  await limits();
  delete process.env.WORKER_TEST_C;
})();
