'use strict';
// Unreferenced handles do not keep the process alive: an unref'd long timer, interval and
// immediate-free loop exit at once, 'beforeExit' and 'exit' still run, and the unref'd
// callbacks never run.
const log = (s) => process.stdout.write(`${s}\n`);
const start = process.hrtime.bigint();

setTimeout(() => log('unref timeout ran (wrong)'), 60000).unref();
setInterval(() => log('unref interval ran (wrong)'), 60000).unref();
const t = setTimeout(() => log('re-unref timeout ran (wrong)'), 60000);
t.unref();
t.ref();
t.unref();
// A referenced timer that is cleared does not keep it alive either.
clearTimeout(setTimeout(() => log('cleared ran (wrong)'), 60000));
// Nor a refreshed unref'd one.
setTimeout(() => {}, 60000).unref().refresh();

// A short referenced timer runs; the process then exits without waiting for the others.
setTimeout(() => log('short timer ran'), 5);

process.on('beforeExit', () => log('beforeExit'));
process.on('exit', (code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  log(`exit ${code}, well before the 60 s timers: ${ms < 30000}`);
});
