'use strict';
// PerformanceObserver with mark/measure/function entries: entryTypes and type modes, buffered
// replay, takeRecords, disconnect, the entry list, errors and inspect output. Times vary, so
// numbers are masked in printed objects.
const { performance, PerformanceObserver, PerformanceObserverEntryList } = require('perf_hooks');
const util = require('util');

const show = (value) => util.inspect(value, { depth: 4 }).replace(/\d+\.\d+(e[-+]?\d+)?/g, 'N');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

console.log(PerformanceObserver.supportedEntryTypes);
console.log(Object.getOwnPropertyNames(PerformanceObserver.prototype));
console.log(Object.getOwnPropertyNames(PerformanceObserverEntryList.prototype));
attempt('new list', () => new PerformanceObserverEntryList());
attempt('no callback', () => new PerformanceObserver());
attempt('bad callback', () => new PerformanceObserver(1));

performance.mark('before-observers', { detail: 'early' });

const calls = [];
const multi = new PerformanceObserver(function(list, observer) {
  calls.push('multi');
  console.log('multi callback', this === multi, observer === multi, arguments.length);
  console.log(show(list));
  console.log(list.getEntries().map((e) => `${e.entryType}:${e.name}`));
  console.log(list.getEntriesByType('mark').map((e) => e.name), list.getEntriesByType('nope'));
  console.log(list.getEntriesByName('m1').length, list.getEntriesByName('m1', 'measure').length,
              list.getEntriesByName('me1', 'measure')[0]?.detail);
});
console.log(show(multi));
multi.observe({ entryTypes: ['mark', 'measure', 'not-a-type'] });
console.log(show(multi));

attempt('observe()', () => multi.observe());
attempt('observe({})', () => multi.observe({}));
attempt('observe(1)', () => multi.observe(1));
attempt('both', () => multi.observe({ type: 'mark', entryTypes: ['mark'] }));
attempt('entryTypes string', () => multi.observe({ entryTypes: 'mark' }));

performance.mark('m1', { detail: { n: 1 } });
performance.measure('me1', { start: 'm1', detail: [1, 2] });
console.log('entries are delivered later; calls so far', calls.length);

// Buffered replay of earlier marks, for a single-type observer.
const single = new PerformanceObserver((list, observer) => {
  calls.push('single');
  console.log('single', list.getEntries().map((e) => e.name));
  observer.disconnect();
});
single.observe({ type: 'mark', buffered: true });
single.observe({ type: 'unknown-type' });

// takeRecords empties the buffer before the callback would see it.
const taker = new PerformanceObserver(() => calls.push('taker (should not run)'));
taker.observe({ type: 'measure' });
performance.measure('taken');
console.log('took', taker.takeRecords().map((e) => e.name), taker.takeRecords().length);

// An empty entryTypes list observes nothing.
const idle = new PerformanceObserver(() => calls.push('idle (should not run)'));
idle.observe({ entryTypes: ['gc-not-made'] });
console.log(show(idle));

setImmediate(() => {
  console.log('calls', calls);
  multi.disconnect();
  console.log(show(multi));
  performance.mark('after-disconnect');
  setImmediate(() => {
    console.log('calls after disconnect', calls.length);
    // A list is sorted by start time.
    const ordered = new PerformanceObserver((list) => {
      console.log('ordered', list.getEntries().map((e) => e.name));
      ordered.disconnect();
    });
    ordered.observe({ type: 'mark' });
    performance.mark('late', { startTime: 5000 });
    performance.mark('early', { startTime: 1 });
  });
});
