'use strict';
// Warnings from timers reach 'warning' listeners (the text on stderr is not compared):
// TimeoutOverflowWarning for a delay above 2^31-1, after which the timer fires as a 1 ms one;
// a late-handled rejection with no 'rejectionHandled' listener warns too.
const log = (s) => process.stdout.write(`${s}\n`);

process.on('warning', (w) => log(`warning ${w.name}: ${w.message.split('\n')[0]}`));
process.on('unhandledRejection', () => log('unhandledRejection'));

const big = setTimeout(() => {
  log('overflowed timer fired');
  const iv = setInterval(() => {
    log('overflowed interval fired');
    clearInterval(iv);
    later();
  }, 2 ** 32);
  log(`interval _idleTimeout ${iv._idleTimeout} _repeat ${iv._repeat}`);
}, 2 ** 31);
log(`_idleTimeout ${big._idleTimeout}`);
const inf = setTimeout(() => {}, Infinity);
log(`Infinity _idleTimeout ${inf._idleTimeout}`);
clearTimeout(inf);

function later() {
  const p = Promise.reject(new Error('late'));
  setImmediate(() => {
    p.catch(() => log('late catch'));
  });
}
