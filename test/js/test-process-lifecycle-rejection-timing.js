'use strict';
// When rejections are reported: after the tick and microtask queues drained, which also
// happens between two timers or two immediates of one phase. A catch added in a nested tick
// or a later microtask is in time; one added in the next timer or immediate is late
// ('unhandledRejection' then 'rejectionHandled').
const log = (s) => process.stdout.write(`${s}\n`);

process.on('unhandledRejection', (reason) => log(`unhandledRejection ${reason.message}`));
process.on('rejectionHandled', () => log('rejectionHandled'));

const p = Promise.reject(new Error('x'));
process.nextTick(() => process.nextTick(() => p.catch(() => log('x caught in a nested tick'))));
const q = Promise.reject(new Error('y'));
Promise.resolve().then(() => Promise.resolve()).then(() => {
  q.catch(() => log('y caught in a later microtask'));
});

setImmediate(() => {
  log('immediate 1');
  const r = Promise.reject(new Error('z'));
  setImmediate(() => {
    log('immediate 3');
    r.catch(() => log('z caught late'));
    timers();
  });
});
setImmediate(() => log('immediate 2'));

function timers() {
  let t;
  setTimeout(() => {
    log('timer A');
    t = Promise.reject(new Error('t'));
  }, 1);
  setTimeout(() => {
    log('timer B');
    t.catch(() => log('t caught late'));
  }, 1);
  // Both timers due in the same timers phase (the clock may tick between their creations).
  const until = Date.now() + 5;
  while (Date.now() < until);
}
