'use strict';
// Timeout#refresh, #unref, #ref, #hasRef and their return values; refresh of a timer that
// already fired makes it fire again; an unref'd timer still fires while something else keeps
// the loop alive.
const log = (s) => process.stdout.write(`${s}\n`);

const t = setTimeout(() => {
  log('t fired');
  step1();
}, 1);
log(`hasRef ${t.hasRef()}`);
log(`unref returns itself ${t.unref() === t}`);
log(`hasRef after unref ${t.hasRef()}`);
log(`ref returns itself ${t.ref() === t}`);
log(`hasRef after ref ${t.hasRef()}`);
log(`refresh returns itself ${t.refresh() === t}`);
log(`unref twice ${t.unref().unref() === t} ref twice ${t.ref().ref() === t} ${t.hasRef()}`);

function step1() {
  // Refresh of a fired timer re-arms it.
  let fires = 0;
  const again = setTimeout(() => {
    fires++;
    log(`again fired ${fires}`);
    if (fires === 1) again.refresh();
    else if (fires === 2) step2();
  }, 2);
}

function step2() {
  // An unref'd timer fires while a referenced one keeps the loop alive.
  const keeper = setTimeout(() => log('keeper fired (wrong)'), 10000);
  const u = setTimeout(() => {
    log('unref timer fired');
    clearTimeout(keeper);
    step3();
  }, 1).unref();
  log(`u.hasRef ${u.hasRef()}`);
}

function step3() {
  // Refreshing postpones: the timer fires no earlier than its duration after the last
  // refresh. (Checked at the end so a stalled machine, which may let it fire before the
  // refresh and then again after it, still prints the same thing.)
  let refreshedAt;
  let lastFire;
  const a = setTimeout(() => { lastFire = process.hrtime.bigint(); }, 30);
  setTimeout(() => {
    refreshedAt = process.hrtime.bigint();
    a.refresh();
  }, 10);
  process.on('exit', () => {
    const sinceRefresh = Number(lastFire - refreshedAt) / 1e6;
    log(`refreshed timer fired no earlier than 30 ms after refresh: ${sinceRefresh >= 29}`);
  });
  step4();
}

function step4() {
  // Destroyed timers: ref/unref/hasRef still work; refresh of a cleared timer does not
  // resurrect its callback.
  const c = setTimeout(() => log('cleared ran (wrong)'), 1);
  clearTimeout(c);
  log(`cleared: _destroyed ${c._destroyed} hasRef ${c.hasRef()}`);
  c.unref();
  c.ref();
  log(`cleared after unref/ref: hasRef ${c.hasRef()}`);
  // timer.close() clears too, and returns the timer.
  const d = setTimeout(() => log('closed ran (wrong)'), 1);
  log(`close returns itself ${d.close() === d} _destroyed ${d._destroyed}`);
  setTimeout(() => log('end'), 5);
}
