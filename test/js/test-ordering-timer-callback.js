'use strict';
// What runs between and after timer callbacks: ticks and microtasks scheduled in a timer run
// before the next timer of the same list, and an immediate scheduled in a timer runs before a
// 0 ms timeout scheduled there (the check phase comes before the next timers phase).
const log = (s) => process.stdout.write(`${s}\n`);

setTimeout(() => {
  log('timer A');
  process.nextTick(() => log('timer A > tick'));
  Promise.resolve().then(() => {
    log('timer A > promise');
    process.nextTick(() => log('timer A > promise > tick'));
  });
  queueMicrotask(() => log('timer A > queueMicrotask'));
  setTimeout(() => log('timer A > setTimeout 0'), 0);
  setImmediate(() => {
    log('timer A > setImmediate');
    process.nextTick(() => log('timer A > setImmediate > tick'));
  });
}, 1);
setTimeout(() => {
  log('timer B');
  process.nextTick(() => log('timer B > tick'));
  Promise.resolve().then(() => log('timer B > promise'));
}, 1);
setTimeout((a, b) => {
  log(`timer C args ${a} ${b}`);
}, 1, 'x', 'y');
setTimeout(function () {
  log(`timer D this.constructor.name ${this.constructor.name}`);
  // Inside a timer callback: immediate, then nested timers in order of creation.
  setTimeout(() => {
    log('D > timeout 1');
    setImmediate(() => log('D > timeout 1 > immediate'));
    setTimeout(() => log('D > timeout 1 > timeout'), 0);
  }, 0);
  setImmediate(() => log('D > immediate 1'));
  setImmediate(() => log('D > immediate 2'));
}, 1);
// All four must be due in the first timers phase (otherwise timer A's immediate would run
// before timer B): the loop clock may tick between their creations, so wait until it
// certainly passed every deadline.
const until = Date.now() + 5;
while (Date.now() < until);
