'use strict';
// process.exit(n) inside an 'exit' listener: the remaining listeners do not run and the
// status is n; process.exit() with no argument inside an immediate uses process.exitCode.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('exit', (code) => {
  log(`exit listener 1 code ${code}`);
  process.exit(8);
});
process.on('exit', () => log('exit listener 2 (wrong)'));
setImmediate(() => {
  log('immediate');
  process.exitCode = 12;
  process.exit();
});
