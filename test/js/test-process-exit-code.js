'use strict';
// process.exitCode: the natural exit uses it; 'exit' listeners see it and may change it;
// the last value set wins.
const log = (s) => process.stdout.write(`${s}\n`);

log(`initial exitCode ${process.exitCode}`);
process.exitCode = 5;
setTimeout(() => {
  log(`in timer exitCode ${process.exitCode}`);
  process.exitCode = 6;
}, 1);
process.on('exit', (code) => {
  log(`exit listener 1: code ${code} process.exitCode ${process.exitCode}`);
  process.exitCode = 9;
});
process.on('exit', (code) => {
  log(`exit listener 2: code ${code} process.exitCode ${process.exitCode}`);
  // Work scheduled in 'exit' never runs.
  setTimeout(() => log('timer from exit ran (wrong)'), 0);
  setImmediate(() => log('immediate from exit ran (wrong)'));
  process.nextTick(() => log('tick from exit ran (wrong)'));
  Promise.resolve().then(() => log('promise from exit'));
  log(`_exiting ${process._exiting}`);
});
