'use strict';
// performance.timerify, performance.nodeTiming and performance.eventLoopUtilization. Timings
// vary, so only types, relations and lower bounds that cannot fail on a slow machine print.
const {
  performance, PerformanceObserver, PerformanceEntry, createHistogram,
} = require('perf_hooks');
const util = require('util');

const show = (value) => util.inspect(value, { depth: 4 }).replace(/\d+\.\d+(e[-+]?\d+)?/g, 'N');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(performance)));
console.log(Object.keys(performance.toJSON()));

// --- timerify -----------------------------------------------------------------------------------
function add(a, b) { return a + b; }
const timedAdd = performance.timerify(add);
console.log(timedAdd.name, timedAdd.length, Object.keys(timedAdd), timedAdd === add);
attempt('fn type', () => performance.timerify(1));
attempt('options type', () => performance.timerify(add, 1));
attempt('histogram type', () => performance.timerify(add, { histogram: {} }));

const observed = [];
const obs = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) observed.push(entry);
});
obs.observe({ entryTypes: ['function'] });
console.log(timedAdd(1, 2));

class Point {
  constructor(x) { this.x = x; }
}
const TimedPoint = performance.timerify(Point);
console.log(new TimedPoint(3), new TimedPoint(4) instanceof Point);

const histogram = createHistogram();
const timedSlow = performance.timerify(function slow() {
  const until = process.hrtime.bigint() + 1_000_000n;
  while (process.hrtime.bigint() < until);
}, { histogram });
timedSlow();
console.log('histogram', histogram.count, histogram.min >= 1e6);

const timedAsync = performance.timerify(async function later(v) { return v * 2; });
timedAsync(21).then((v) => {
  console.log('async result', v);
  setImmediate(() => {
    console.log(observed.map((e) => `${e.constructor.name} ${e.name} ${e.entryType} ${e.detail}`));
    const first = observed[0];
    console.log(first instanceof PerformanceEntry, Object.keys(first), first[0], first[1]);
    console.log(show(first), show(first.toJSON()).replace(/\s+/g, ' '));
    console.log(typeof first.startTime, first.duration >= 0);
    obs.disconnect();
    timing();
  });
});

// --- nodeTiming and event loop utilization --------------------------------------------------
const topLevel = performance.eventLoopUtilization();
console.log('top level ELU', topLevel);
console.log('top level loopStart', performance.nodeTiming.loopStart);

function timing() {
  const t = performance.nodeTiming;
  console.log(t.constructor.name, Object.keys(t), Object.getOwnPropertyNames(Object.getPrototypeOf(t)));
  console.log(t.name, t.entryType, t.startTime, t.loopExit);
  console.log('order', 0 <= t.nodeStart, t.nodeStart <= t.v8Start, t.v8Start <= t.environment,
              t.environment <= t.bootstrapComplete, t.bootstrapComplete <= t.loopStart,
              t.loopStart <= t.duration);
  console.log('idleTime', typeof t.idleTime, t.idleTime >= 0);
  const metrics = t.uvMetricsInfo;
  console.log('uvMetricsInfo', Object.keys(metrics), metrics.loopCount >= 1,
              metrics.eventsWaiting <= metrics.events);
  console.log(Object.keys(t.toJSON()), show(t).split('\n').length);
  console.log(show(performance).includes('nodeTiming: PerformanceNodeTiming {'));

  // Waiting on a timer is idle time; a busy wait is active time.
  const start = performance.eventLoopUtilization();
  setTimeout(() => {
    const afterWait = performance.eventLoopUtilization(start);
    console.log('after wait', afterWait.idle > 0, afterWait.utilization >= 0 &&
                afterWait.utilization <= 1);
    const beforeBusy = performance.eventLoopUtilization();
    const until = process.hrtime.bigint() + 30_000_000n;
    while (process.hrtime.bigint() < until);
    const busy = performance.eventLoopUtilization(beforeBusy);
    console.log('busy', busy.active >= 30, busy.idle === 0, busy.utilization === 1);
    const between = performance.eventLoopUtilization(performance.eventLoopUtilization(), beforeBusy);
    console.log('two arguments', between.active >= 30, Object.keys(between));
  }, 30);
}

process.on('beforeExit', () => console.log('beforeExit loopExit', performance.nodeTiming.loopExit));
process.on('exit', () => console.log('exit loopExit', performance.nodeTiming.loopExit > 0));
attempt('markResourceTiming', () => typeof performance.markResourceTiming);
attempt('setResourceTimingBufferSize()', () => performance.setResourceTimingBufferSize());
attempt('clearResourceTimings', () => performance.clearResourceTimings());
