'use strict';
// 'beforeExit' fires when the loop runs dry; work it schedules runs, after which it fires
// again; it gets process.exitCode; it does not fire for process.exit(); 'exit' fires once.
const log = (s) => process.stdout.write(`${s}\n`);

let rounds = 0;
process.on('beforeExit', (code) => {
  rounds++;
  log(`beforeExit ${rounds} code ${code}`);
  if (rounds === 1) {
    setTimeout(() => log('timer from beforeExit 1'), 1);
  } else if (rounds === 2) {
    setImmediate(() => log('immediate from beforeExit 2'));
    process.exitCode = 3;
  } else if (rounds === 3) {
    // Ticks and promises alone are not loop work: they run, but beforeExit comes again only
    // if they schedule loop work.
    process.nextTick(() => log('tick from beforeExit 3'));
    Promise.resolve().then(() => {
      log('promise from beforeExit 3');
      setTimeout(() => log('timer from promise in beforeExit 3'), 1);
    });
  } else if (rounds === 4) {
    process.nextTick(() => log('tick from beforeExit 4 (no more work)'));
    process.exitCode = 0;
  }
});
process.on('beforeExit', () => log('second beforeExit listener'));
process.on('exit', (code) => log(`exit ${code} after ${rounds} beforeExit rounds`));
log('main done');
