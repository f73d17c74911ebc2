'use strict';
// The native timer is re-armed correctly whatever schedules a timer: a timer created by a
// microtask or a nextTick that a timer callback queued fires at its own deadline, not at the
// deadline of a later timer that was pending (it would otherwise wait 30 s here). And a
// Timeout created unreferenced (timers/promises with ref: false) never keeps the loop alive.
const tp = require('timers/promises');
const log = (s) => process.stdout.write(`${s}\n`);
const start = Date.now();

const long = setTimeout(() => log('long timer fired first (wrong)'), 30000);
setTimeout(() => {
  Promise.resolve().then(() => {
    setTimeout(() => {
      log(`timer from a microtask fired before the long one: ${Date.now() - start < 15000}`);
      fromTick();
    }, 1);
  });
}, 1);

function fromTick() {
  setTimeout(() => {
    process.nextTick(() => {
      setTimeout(() => {
        log(`timer from a nextTick fired before the long one: ${Date.now() - start < 15000}`);
        clearTimeout(long);
        unrefFromMicrotask();
      }, 2);
    });
  }, 1);
}

function unrefFromMicrotask() {
  // After the last referenced timer ran, a microtask creates an unreferenced one.
  setTimeout(() => {
    Promise.resolve().then(() => {
      tp.setTimeout(30000, 'x', { ref: false }).then(() => log('unref timer fired (wrong)'));
      setTimeout(() => {}, 30000).unref();
    });
  }, 1);
}

process.on('exit', () => log(`exited without waiting for the 30 s timers: ${Date.now() - start < 15000}`));
