'use strict';
// An error thrown from a timer with no listener: 'uncaughtExceptionMonitor' still sees it,
// 'exit' runs with 1, later timers in the same list do not run.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('uncaughtExceptionMonitor', (err, origin) => log(`monitor ${err.message} ${origin}`));
process.on('exit', (code) => log(`exit ${code}`));
setImmediate(() => {
  setTimeout(() => {
    log('timer 1');
    throw new RangeError('boom from timer');
  }, 1);
  setTimeout(() => log('timer 2 (wrong)'), 1);
});
