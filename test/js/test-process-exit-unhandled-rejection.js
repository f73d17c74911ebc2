'use strict';
// An unhandled rejection with no listener is fatal after the microtask queue drained: the
// report goes to stderr, 'exit' runs with 1. A rejection handled in the same tick is not.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('exit', (code) => log(`exit ${code}`));
const handledLate = Promise.reject(new Error('handled in time'));
Promise.resolve().then(() => {
  handledLate.catch((e) => log(`caught ${e.message}`));
});
Promise.reject(new Error('nobody handles this'));
process.nextTick(() => log('tick runs first'));
Promise.resolve().then(() => log('microtasks run first'));
setImmediate(() => log('immediate (wrong)'));
log('main done');
