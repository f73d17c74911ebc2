'use strict';
// An 'uncaughtException' listener that throws: the process exits with status 7 at once (no
// further listeners, no 'exit' event).
const log = (s) => process.stdout.write(`${s}\n`);

process.on('exit', (code) => log(`exit ${code}`));
process.on('uncaughtException', (err) => {
  log(`handler got ${err.message}`);
  throw new Error('handler failed');
});
process.on('uncaughtException', () => log('second handler (wrong)'));
setTimeout(() => {
  log('timer');
  setImmediate(() => log('immediate (wrong)'));
  throw new Error('original');
}, 1);
