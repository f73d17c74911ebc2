'use strict';
// An unhandled rejection with a non-Error reason: 'uncaughtExceptionMonitor' gets the
// ERR_UNHANDLED_REJECTION wrapper with origin 'unhandledRejection'; exit 1.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('uncaughtExceptionMonitor', (err, origin) => {
  log(`monitor ${err.name} ${err.code} ${origin}`);
  log(err.message);
});
process.on('exit', (code) => log(`exit ${code}`));
Promise.reject(42);
