'use strict';
// An error thrown from an immediate with no listener: exit 1; process.exitCode set earlier is
// replaced by 1.
const log = (s) => process.stdout.write(`${s}\n`);

process.exitCode = 3;
process.on('exit', (code) => log(`exit ${code} exitCode ${process.exitCode}`));
setImmediate(() => {
  log('immediate 1');
  throw new Error('boom from immediate');
});
setImmediate(() => log('immediate 2 (wrong)'));
