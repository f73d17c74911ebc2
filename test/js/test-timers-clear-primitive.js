'use strict';
// A Timeout converts to a numeric id (+timeout, `${timeout}`); clearTimeout/clearInterval
// accept that id as a number or a string; once converted, the id stays valid until the timer
// fires or is cleared, and the map entry is dropped afterwards.
const log = (s) => process.stdout.write(`${s}\n`);

const a = setTimeout(() => log('a ran (wrong)'), 1);
clearTimeout(+a);
log(`cleared by number: _destroyed ${a._destroyed}`);

const b = setTimeout(() => log('b ran (wrong)'), 1);
clearTimeout(`${b}`);
log(`cleared by string: _destroyed ${b._destroyed}`);

const c = setInterval(() => log('c ran (wrong)'), 1);
clearInterval(+c);
log(`interval cleared by number: _destroyed ${c._destroyed}`);

// An id never converted is not known: clearing by a guessed number does nothing.
const d = setTimeout(() => log('d ran (right: never converted to a primitive)'), 1);
const dId = d[Object.getOwnPropertySymbols(d).find((s) => String(s) === 'Symbol(asyncId)')];
clearTimeout(dId);
log(`unconverted id not cleared: _destroyed ${d._destroyed}`);

// Clearing with junk is harmless.
clearTimeout(undefined);
clearTimeout(null);
clearTimeout(0);
clearTimeout(-1);
clearTimeout('nope');
clearTimeout({});
clearInterval(12345678);

// After a converted timer fired, its id no longer clears anything (and is not reused).
const e = setTimeout(() => {
  log('e fired');
  setTimeout(() => {
    const f = setTimeout(() => {
      log('f fired');
      intervalById();
    }, 1);
    clearTimeout(eId); // stale id: must not clear f
    log(`stale id leaves f alone: _destroyed ${f._destroyed} (ids differ ${+f !== eId})`);
  }, 1);
}, 1);
const eId = +e;

// A converted interval cleared by id from inside its own callback.
function intervalById() {
  let runs = 0;
  const g = setInterval(() => {
    runs++;
    if (runs === 2) {
      clearInterval(String(gId));
      setTimeout(() => log(`g ran ${runs} times`), 10);
    }
  }, 1);
  const gId = +g;
}

// Primitive ids of refreshed timers still clear them.
const h = setTimeout(() => log('h ran (wrong)'), 5);
const hId = +h;
h.refresh();
clearTimeout(hId);
log(`refreshed then cleared by id: _destroyed ${h._destroyed}`);
