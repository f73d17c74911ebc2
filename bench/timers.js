'use strict';
// Timer and tick churn, the same script under ringjs and node (bench/timers.sh runs both).
// Cases, one after another:
//   timers      100k setTimeout callbacks, delays spread over 1..100 ms (100 timer lists)
//   immediates  1M setImmediate hops (each callback schedules the next: one loop turn each)
//   nextTicks   1M process.nextTick hops
//   promises    1M promise hops (each reaction resolves the next promise)
// Prints one line per case: `<name> <ops> <ms> <ops/s>`. Usage: timers.js [scale] [case...]
// (scale multiplies every count; default 1).
const scale = Number(process.argv[2]) || 1;
const only = process.argv.slice(3);
const now = () => Number(process.hrtime.bigint()) / 1e6;

function report(name, ops, ms) {
  process.stdout.write(`${name} ${ops} ${ms.toFixed(1)} ${Math.round((ops / ms) * 1000)}\n`);
}

function timers(done) {
  const n = Math.round(100000 * scale);
  const spread = 100;
  let fired = 0;
  const start = now();
  function onTimeout() {
    if (++fired === n) {
      report('timers', n, now() - start);
      done();
    }
  }
  for (let i = 0; i < n; i++) setTimeout(onTimeout, 1 + (i % spread));
}

function immediates(done) {
  const n = Math.round(1000000 * scale);
  let count = 0;
  const start = now();
  function hop() {
    if (++count < n) {
      setImmediate(hop);
    } else {
      report('immediates', n, now() - start);
      done();
    }
  }
  setImmediate(hop);
}

function nextTicks(done) {
  const n = Math.round(1000000 * scale);
  let count = 0;
  const start = now();
  function hop() {
    if (++count < n) {
      process.nextTick(hop);
    } else {
      report('nextTicks', n, now() - start);
      // Leave the tick queue before the next case.
      setImmediate(done);
    }
  }
  process.nextTick(hop);
}

function promises(done) {
  const n = Math.round(1000000 * scale);
  let count = 0;
  const start = now();
  function hop() {
    if (++count < n) {
      Promise.resolve().then(hop);
    } else {
      report('promises', n, now() - start);
      setImmediate(done);
    }
  }
  Promise.resolve().then(hop);
}

const cases = { timers, immediates, nextTicks, promises };
const queue = Object.keys(cases).filter((name) => only.length === 0 || only.includes(name));
(function next() {
  const name = queue.shift();
  // Start each case from a fresh turn of the loop.
  if (name !== undefined) setImmediate(() => cases[name](next));
})();
