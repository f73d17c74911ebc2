'use strict';
// Order of synchronous code, process.nextTick, promise reactions and queueMicrotask in the
// main module, with ticks nested in microtasks and microtasks nested in ticks.
const log = (s) => process.stdout.write(`${s}\n`);

log('sync 1');
process.nextTick(() => {
  log('tick 1');
  process.nextTick(() => log('tick 1 > tick'));
  Promise.resolve().then(() => log('tick 1 > promise'));
  queueMicrotask(() => log('tick 1 > queueMicrotask'));
});
Promise.resolve().then(() => {
  log('promise 1');
  process.nextTick(() => {
    log('promise 1 > tick');
    Promise.resolve().then(() => log('promise 1 > tick > promise'));
    process.nextTick(() => log('promise 1 > tick > tick'));
  });
  Promise.resolve().then(() => log('promise 1 > promise'));
  queueMicrotask(() => log('promise 1 > queueMicrotask'));
});
queueMicrotask(() => {
  log('queueMicrotask 1');
  process.nextTick(() => log('queueMicrotask 1 > tick'));
});
process.nextTick((a, b, c, d) => log(`tick 2 args ${a} ${b} ${c} ${d}`), 1, 'two', null, undefined);
Promise.reject(new Error('handled')).catch((e) => log(`catch ${e.message}`));
Promise.resolve(1).then((v) => v + 1).then((v) => log(`chain ${v}`));
new Promise((resolve) => {
  log('executor runs synchronously');
  resolve('r');
}).then((v) => log(`resolved ${v}`));
Promise.all([1, Promise.resolve(2)]).then((v) => log(`all ${v}`));
Promise.race([new Promise(() => {}), Promise.resolve('fast')]).then((v) => log(`race ${v}`));
Promise.allSettled([Promise.reject(new Error('x')), 3]).then((r) => {
  log(`allSettled ${r.map((x) => x.status).join(',')}`);
});
Promise.any([Promise.reject(new Error('no')), Promise.resolve('any')]).then((v) => log(`any ${v}`));
Promise.resolve().finally(() => log('finally'));
process.nextTick(() => log('tick 3'));
// A long run of ticks finishes before the first microtask.
let n = 0;
function spin() {
  if (++n < 100) process.nextTick(spin);
  else log(`ticks ${n}`);
}
process.nextTick(spin);
log('sync 2');
