'use strict';
// createHistogram (HDR buckets: the min/max/mean/percentiles node reports for the same values)
// and monitorEventLoopDelay (sampled on a loop timer).
const { createHistogram, monitorEventLoopDelay } = require('perf_hooks');
const util = require('util');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const empty = createHistogram();
console.log(empty, Object.getPrototypeOf(empty).constructor.name);
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(empty)));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(empty))));
console.log(empty.percentile(50), empty.toJSON());

const h = createHistogram();
for (let i = 1; i <= 100; i++) h.record(i);
h.record(123456789);
console.log(h.min, h.max, h.mean, h.stddev, h.count, h.exceeds);
console.log(h.percentile(50), h.percentile(99), h.percentile(100), h.percentile(0.5));
console.log(h.minBigInt, h.maxBigInt, h.countBigInt, h.exceedsBigInt, h.percentileBigInt(50));
console.log(h.percentiles, h.percentilesBigInt);
console.log(util.inspect(h, { depth: 0 }));
console.log(JSON.stringify(h));

// BigInt values are recorded too (in their own histogram: node 20 then reports the Number
// percentiles map with BigInts).
{
  const big = createHistogram();
  big.record(5n);
  big.record(2n ** 40n);
  console.log(big.count, big.min, big.maxBigInt, big.percentileBigInt(100));
}

// Wider buckets for big values: each reports its bucket's bounds.
for (const value of [2047, 2048, 2049, 3001, 4097, 1234567, 1e9, 2 ** 52]) {
  const one = createHistogram();
  one.record(value);
  console.log(value, one.min, one.max, one.mean, one.percentile(100), [...one.percentiles]);
}

// Options: a small range and fewer figures; values past the range count as exceeds.
{
  const small = createHistogram({ lowest: 1, highest: 1000, figures: 1 });
  small.record(5000);
  for (const v of [7, 17, 170, 999]) small.record(v);
  console.log(small.count, small.exceeds, small.min, small.max, small.mean, small.percentiles);
  const coarse = createHistogram({ lowest: 10, highest: 1e6, figures: 2 });
  coarse.record(1);
  coarse.record(12345);
  console.log(coarse.min, coarse.max, coarse.count);
}

// add() merges counts; reset() empties.
{
  const a = createHistogram();
  const b = createHistogram();
  a.record(10);
  b.record(20);
  b.record(30000);
  a.add(b);
  console.log(a.count, a.min, a.max, a.percentiles);
  a.reset();
  console.log(a.count, a.min, a.max, a.mean, a.percentiles);
}

// recordDelta records the nanoseconds since the previous call (nothing the first time).
{
  const d = createHistogram();
  d.recordDelta();
  console.log('first delta', d.count);
  const until = process.hrtime.bigint() + 2_000_000n;
  while (process.hrtime.bigint() < until);
  d.recordDelta();
  console.log('second delta', d.count, d.min >= 2e6);
}

attempt('record(0)', () => h.record(0));
attempt('record(-1)', () => h.record(-1));
attempt('record(1.5)', () => h.record(1.5));
attempt('record("1")', () => h.record('1'));
attempt('record(2n ** 64n)', () => h.record(2n ** 64n));
attempt('percentile(0)', () => h.percentile(0));
attempt('percentile(101)', () => h.percentile(101));
attempt('percentile("50")', () => h.percentile('50'));
attempt('lowest 0', () => createHistogram({ lowest: 0 }));
attempt('highest too small', () => createHistogram({ lowest: 10, highest: 15 }));
attempt('figures 6', () => createHistogram({ figures: 6 }));
attempt('options type', () => createHistogram(1));
attempt('add(1)', () => h.add(1));
attempt('add(ELD)', () => h.add(monitorEventLoopDelay()));
attempt('construct', () => new (Object.getPrototypeOf(h).constructor)());
attempt('construct base', () => new (Object.getPrototypeOf(Object.getPrototypeOf(h)).constructor)());
attempt('resolution 0', () => monitorEventLoopDelay({ resolution: 0 }));
attempt('resolution type', () => monitorEventLoopDelay({ resolution: '10' }));

// The event loop delay monitor: an unreferenced timer samples while enabled. The loop is kept
// busy with short timers until samples arrive (however long the machine takes).
const eld = monitorEventLoopDelay({ resolution: 5 });
console.log(eld, Object.getPrototypeOf(eld).constructor.name,
            Object.getOwnPropertyNames(Object.getPrototypeOf(eld)));
console.log('enable', eld.enable(), eld.enable());
(function wait() {
  if (eld.count < 3) {
    setTimeout(wait, 2);
    return;
  }
  console.log('disable', eld.disable(), eld.disable());
  const count = eld.count;
  // Each sample is the time between two ticks of the 5 ms timer, in nanoseconds; a tick that ran
  // late (a stalled machine) shortens the next gap, so only positivity is certain.
  console.log('samples', count >= 3, eld.min > 0, eld.max >= eld.min, eld.mean >= eld.min,
              eld.percentile(50) >= eld.min);
  setTimeout(() => {
    console.log('no samples while disabled', eld.count === count);
    eld.reset();
    console.log('after reset', eld.count);
  }, 20);
})();
