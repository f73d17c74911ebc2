'use strict';
// process.exit(n) inside a timer: stops at once (the rest of the callback, later timers,
// queued ticks, promises and immediates do not run), 'exit' listeners run with n, and no
// 'beforeExit'.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('beforeExit', () => log('beforeExit (wrong)'));
process.on('exit', (code) => log(`exit ${code} exitCode ${process.exitCode}`));
setTimeout(() => {
  log('timer 1');
  process.nextTick(() => log('tick (wrong)'));
  Promise.resolve().then(() => log('promise (wrong)'));
  setImmediate(() => log('immediate (wrong)'));
  process.exitCode = 2;
  process.exit(4);
  log('after exit (wrong)');
}, 1);
setTimeout(() => log('timer 2 (wrong)'), 1);
