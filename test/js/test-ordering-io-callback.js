'use strict';
// In a callback that runs before the check phase of a loop turn (a timer here; node gives an
// I/O callback the same guarantee), setImmediate runs before setTimeout(0), every time.
const log = (s) => process.stdout.write(`${s}\n`);

let rounds = 0;
function round() {
  const order = [];
  setTimeout(() => {
    order.push('timeout');
    if (order.length === 2) done(order);
  }, 0);
  setImmediate(() => {
    order.push('immediate');
    if (order.length === 2) done(order);
  });
}
function done(order) {
  log(`round ${rounds}: ${order.join(' then ')}`);
  if (++rounds < 5) setTimeout(round, 1);
}
setTimeout(round, 1);
