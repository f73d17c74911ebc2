'use strict';
// Inside setImmediate callbacks: ticks and microtasks run between two immediates; an immediate
// scheduled from an immediate waits for the next loop turn (after the ones already queued);
// clearImmediate of a queued immediate from an earlier one skips it.
const log = (s) => process.stdout.write(`${s}\n`);

let cleared;
setImmediate(() => {
  log('immediate 1');
  process.nextTick(() => log('immediate 1 > tick'));
  Promise.resolve().then(() => log('immediate 1 > promise'));
  setImmediate(() => {
    log('immediate 1 > immediate');
    setImmediate(() => log('immediate 1 > immediate > immediate'));
  });
  clearImmediate(cleared);
});
setImmediate((a, b) => {
  log(`immediate 2 args ${a} ${b}`);
  queueMicrotask(() => log('immediate 2 > queueMicrotask'));
}, 'a', 'b');
cleared = setImmediate(() => log('cleared immediate ran (wrong)'));
setImmediate(function () {
  log(`immediate 4 this is Immediate: ${this.constructor.name}`);
  process.nextTick(() => log('immediate 4 > tick'));
});
const imm = setImmediate(() => log('immediate 5'));
log(`hasRef ${imm.hasRef()}`);
imm.unref();
log(`hasRef after unref ${imm.hasRef()}`);
imm.ref();
log(`hasRef after ref ${imm.hasRef()}`);
// Many immediates run in one turn, in order.
let count = 0;
for (let i = 0; i < 1000; i++) setImmediate(() => { count++; });
setImmediate(() => log(`count ${count}`));
// clearImmediate with junk is a no-op.
clearImmediate(undefined);
clearImmediate(null);
log('sync end');
