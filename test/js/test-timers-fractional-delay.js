'use strict';
// Timer delays are scheduled per whole millisecond: 1, 1.8 and 1.1 share one list and fire in
// the order they were set. Fractional timers can still be cleared and repeated.
const order = [];
const record = (n) => () => {
  order.push(n);
  if (order.length === 4) console.log('order', order.join(','));
};
setTimeout(record(1), 1);
setTimeout(record(2), 1.8);
setTimeout(record(3), 1.1);
setTimeout(record(4), 1);

const cleared = setTimeout(() => console.log('cleared timer ran'), 1.5);
clearTimeout(cleared);
console.log('idleTimeout kept as given:', cleared._idleTimeout === -1 ? 'cleared' : cleared._idleTimeout);

const shown = setTimeout(() => {}, 2.5);
console.log('fractional _idleTimeout', shown._idleTimeout);
clearTimeout(shown);

let ticks = 0;
const interval = setInterval(() => {
  if (++ticks === 3) {
    clearInterval(interval);
    console.log('interval 1.1 ran', ticks, 'times');
  }
}, 1.1);
