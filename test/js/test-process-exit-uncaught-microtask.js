'use strict';
// An error thrown from queueMicrotask with no listener is fatal: exit 1 after the 'exit'
// listeners; an 'exit' listener that sets process.exitCode changes the status.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('exit', (code) => {
  log(`exit ${code}`);
  process.exitCode = 42;
});
queueMicrotask(() => {
  log('microtask 1');
  throw new TypeError('boom from microtask');
});
queueMicrotask(() => log('microtask 2 (wrong)'));
