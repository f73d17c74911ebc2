'use strict';
// 'unhandledRejection' listeners keep the process alive (status 0) and get (reason, promise);
// a rejection handled later fires 'rejectionHandled'; rejections are reported after the
// tick and microtask queues drained, in order; async functions that throw count too.
const log = (s) => process.stdout.write(`${s}\n`);
const describe = (r) => (r instanceof Error ? `Error(${r.message})` : JSON.stringify(r));

const promises = new Map();
process.on('unhandledRejection', (reason, promise) => {
  log(`unhandledRejection ${describe(reason)} known promise: ${promises.has(promise)}`);
});
process.on('rejectionHandled', (promise) => {
  log(`rejectionHandled ${promises.get(promise)}`);
});
process.on('exit', (code) => log(`exit ${code}`));

const p1 = Promise.reject(new Error('one'));
promises.set(p1, 'p1');
const p2 = Promise.reject(2);
promises.set(p2, 'p2');
const p3 = (async () => { throw new Error('three'); })();
promises.set(p3, 'p3');
// Handled within the same drain: never reported.
const p4 = Promise.reject(new Error('four'));
promises.set(p4, 'p4');
queueMicrotask(() => p4.catch(() => log('p4 handled in time')));
process.nextTick(() => log('tick before reports'));
Promise.resolve().then(() => log('microtask before reports'));

// Handle p1 later: 'rejectionHandled' fires.
setImmediate(() => {
  log('immediate: handling p1 late');
  p1.catch((e) => log(`p1 caught late: ${e.message}`));
  setImmediate(() => {
    // A rejection inside a timer callback is reported after that callback's microtasks.
    setTimeout(() => {
      const p5 = Promise.reject(new Error('five'));
      promises.set(p5, 'p5');
      Promise.resolve().then(() => log('timer microtask before report'));
    }, 1);
  });
});
log('main done');
