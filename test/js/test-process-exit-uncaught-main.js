'use strict';
// Throwing from the main module: no tick, promise, timer or immediate it queued runs;
// 'exit' runs with 1; a non-Error value is thrown as is.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('exit', (code) => log(`exit ${code}`));
process.nextTick(() => log('tick (wrong)'));
Promise.resolve().then(() => log('promise (wrong)'));
setTimeout(() => log('timer (wrong)'), 1);
setImmediate(() => log('immediate (wrong)'));
log('about to throw');
// eslint-disable-next-line no-throw-literal
throw 'a string';
