'use strict';
// In a callback that runs before the check phase of a loop turn (a timer, or an I/O completion
// from the poll phase), setImmediate runs before setTimeout(0), every time; ticks and
// microtasks queued there run before both.
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
  else ioRounds(0);
}
setTimeout(round, 1);

// The same from fs callbacks (completions of the poll phase).
const fs = require('fs');
function ioRounds(i) {
  const order = [];
  const finish = () => {
    if (order.length !== 4) return;
    log(`fs round ${i}: ${order.join(' then ')}`);
    if (i < 4) ioRounds(i + 1);
    else nestedIo();
  };
  const op = i % 2 === 0 ? fs.stat : fs.readFile;
  op(__filename, (err) => {
    if (err) throw err;
    setTimeout(() => { order.push('timeout'); finish(); }, 0);
    setImmediate(() => { order.push('immediate'); finish(); });
    Promise.resolve().then(() => { order.push('promise'); finish(); });
    process.nextTick(() => { order.push('tick'); finish(); });
  });
}

// Two completions (in either order: the pool may finish them in any order): each callback's
// ticks and microtasks run before the next callback.
function nestedIo() {
  const seq = [];
  let done = 0;
  const each = (name) => (err) => {
    if (err) throw err;
    seq.push(name);
    process.nextTick(() => seq.push(`${name} > tick`));
    Promise.resolve().then(() => seq.push(`${name} > promise`));
    if (++done === 2) {
      setImmediate(() => {
        const ok = seq.length === 6 &&
          seq[1] === `${seq[0]} > tick` && seq[2] === `${seq[0]} > promise` &&
          seq[4] === `${seq[3]} > tick` && seq[5] === `${seq[3]} > promise`;
        log(`each completion's tick and promise ran before the next completion: ${ok}`);
        if (!ok) log(seq.join(', '));
      });
    }
  };
  fs.stat(__filename, each('a'));
  fs.stat(__dirname, each('b'));
}
