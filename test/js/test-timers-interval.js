'use strict';
// setInterval repeats until cleared; clearInterval from inside its own callback stops it;
// clearTimeout and clearInterval are interchangeable; an interval cleared from another timer
// stops; arguments are passed on every run; ticks run between interval runs.
const log = (s) => process.stdout.write(`${s}\n`);

let n = 0;
const iv = setInterval((a, b) => {
  n++;
  log(`interval run ${n} args ${a} ${b}`);
  process.nextTick(() => log(`interval run ${n} > tick`));
  if (n === 3) {
    clearInterval(iv);
    log(`cleared inside; _destroyed ${iv._destroyed} _idleTimeout ${iv._idleTimeout}`);
    second();
  }
}, 1, 'A', 'B');
log(`interval _repeat ${iv._repeat} hasRef ${iv.hasRef()}`);

function second() {
  let m = 0;
  const iv2 = setInterval(() => {
    m++;
    log(`interval 2 run ${m}`);
    if (m === 2) {
      clearTimeout(iv2); // clearTimeout works on intervals too
      third();
    }
  }, 2);
}

function third() {
  // A setTimeout handle cleared with clearInterval.
  const t = setTimeout(() => log('cleared timeout ran (wrong)'), 1);
  clearInterval(t);
  // An interval that throws-free reschedules itself even when the callback is slow.
  let k = 0;
  const iv3 = setInterval(() => {
    k++;
    const until = Date.now() + 5;
    while (Date.now() < until); // slower than the interval
    if (k === 3) {
      clearInterval(iv3);
      log(`slow interval ran ${k} times`);
      fourth();
    }
  }, 1);
}

function fourth() {
  // Clearing an interval from a different timer.
  let runs = 0;
  const iv4 = setInterval(() => { runs++; }, 1);
  const stopper = setInterval(() => {
    if (runs >= 2) {
      clearInterval(iv4);
      clearInterval(stopper);
      const before = runs;
      setTimeout(() => {
        log(`iv4 stopped: ${runs === before}`);
        fifth();
      }, 10);
    }
  }, 1);
}

function fifth() {
  // refresh() on an interval keeps it repeating.
  let r = 0;
  const iv5 = setInterval(() => {
    r++;
    iv5.refresh();
    if (r === 3) {
      clearInterval(iv5);
      log('refreshed interval ran 3 times');
    }
  }, 1);
}
