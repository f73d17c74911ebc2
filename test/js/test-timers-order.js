'use strict';
// Timers with equal deadlines fire in creation order; 0 ms (and negative, NaN, non-number)
// durations are 1 ms, so a 1 ms timer created before a 0 ms one fires first; a timer never
// fires earlier than its delay.
const log = (s) => process.stdout.write(`${s}\n`);

setTimeout(() => log('1 ms first'), 1);
setTimeout(() => log('0 ms second'), 0);
setTimeout(() => log('no delay third'));
setTimeout(() => log('-5 ms fourth'), -5);
setTimeout(() => log('NaN fifth'), NaN);
setTimeout(() => log('"abc" sixth'), 'abc');
setTimeout(() => log('"1" seventh'), '1');
setTimeout(() => log('0.5 eighth'), 0.5);
setTimeout(() => log('null ninth'), null);

// Many timers of one duration, one after another in order.
const fired = [];
for (let i = 0; i < 200; i++) setTimeout(() => fired.push(i), 5);
setTimeout(() => {
  let inOrder = fired.length === 200;
  for (let i = 0; i < fired.length; i++) if (fired[i] !== i) inOrder = false;
  log(`200 timers of 5 ms in order: ${inOrder}`);
}, 5);

// No earlier than the delay (loop time has millisecond granularity: allow 1 ms of rounding).
// Printed at exit in a fixed order, so a stalled machine cannot reorder the lines.
const notEarly = {};
for (const delay of [2, 10, 25, 50]) {
  const start = process.hrtime.bigint();
  setTimeout(() => {
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    notEarly[delay] = elapsed >= delay - 1 ? 'true' : `false (elapsed ${elapsed})`;
  }, delay);
}
process.on('exit', () => {
  for (const delay of [2, 10, 25, 50]) log(`${delay} ms timer not early: ${notEarly[delay]}`);
});

// A fractional delay is kept as given (node does not round it).
const t = setTimeout(() => {}, 2.5);
log(`_idleTimeout of 2.5: ${t._idleTimeout}`);
clearTimeout(t);
const big = setTimeout(() => {}, 2 ** 31 - 1);
log(`_idleTimeout of TIMEOUT_MAX: ${big._idleTimeout}`);
clearTimeout(big);
