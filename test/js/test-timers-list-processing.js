'use strict';
// Changes to timer lists while they are being processed: refreshing a due timer of the same
// list moves it behind the others; a timer created by a callback waits for a later pass even
// when the callback ran long; clearing a later timer of the list from an earlier one skips it;
// due lists run in deadline order.
const log = (s) => process.stdout.write(`${s}\n`);
const spin = (ms) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

setImmediate(() => {
  const a = setTimeout(() => {
    log('a refreshes b');
    b.refresh();
  }, 1);
  const b = setTimeout(() => log('b (refreshed: after c)'), 1);
  setTimeout(() => log('c'), 1);
  // Every deadline above has passed before the loop comes round (the loop clock may tick
  // between the creations).
  spin(5);
  setTimeout(step2, 20);
});

function step2() {
  setImmediate(() => {
    setTimeout(() => {
      log('d runs long, then creates a 1 ms timer');
      spin(5);
      setTimeout(() => {
        log('created by d: after the due 2 ms list');
        step3();
      }, 1);
    }, 1);
    setTimeout(() => log('e'), 1);
    setTimeout(() => log('2 ms list'), 2);
    spin(5);
  });
}

function step3() {
  setImmediate(() => {
    let later;
    setTimeout(() => log('1 ms list first'), 1);
    setTimeout(() => {
      log('f clears g');
      clearTimeout(later);
    }, 3);
    later = setTimeout(() => log('g (wrong)'), 3);
    setTimeout(() => log('h'), 3);
    spin(8);
  });
}
