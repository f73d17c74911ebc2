'use strict';
// process.exit() from a nextTick stops immediately; an explicit exit(undefined) sets exitCode
// to undefined, so the status is 0 although exitCode was 13 (node counts arguments).
const log = (s) => process.stdout.write(`${s}\n`);

process.on('exit', (code) => log(`exit ${code}`));
process.exitCode = 13;
Promise.resolve().then(() => {
  log('promise');
  process.nextTick(() => {
    log('tick from promise');
    process.exit(undefined);
  });
  Promise.resolve().then(() => log('promise 2'));
});
process.nextTick(() => log('tick'));
setTimeout(() => log('timer (wrong)'), 1);
