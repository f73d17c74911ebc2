'use strict';
// An error thrown from a nextTick with no 'uncaughtException' listener: the report goes to
// stderr, 'exit' listeners run with code 1, and nothing queued after it runs.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('exit', (code) => log(`exit ${code} exitCode ${process.exitCode}`));
process.nextTick(() => {
  log('tick 1');
  throw new Error('boom from tick');
});
process.nextTick(() => log('tick 2 (wrong)'));
Promise.resolve().then(() => log('promise (wrong)'));
setTimeout(() => log('timer (wrong)'), 1);
setImmediate(() => log('immediate (wrong)'));
log('main done');
