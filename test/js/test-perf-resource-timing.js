'use strict';
// performance.markResourceTiming: PerformanceResourceTiming entries (fields from the fetch
// timing info, transferSize +300 unless cached), the resource buffer, its size and the
// 'resourcetimingbufferfull' event that lets listeners make room before extra entries drop.
const { performance, PerformanceObserver } = require('perf_hooks');

function info(start, extra = {}) {
  return {
    startTime: start, endTime: start + 15.5, finalServiceWorkerStartTime: 1,
    redirectStartTime: 2, redirectEndTime: 3, postRedirectStartTime: 4,
    finalConnectionTimingInfo: {
      domainLookupStartTime: 5, domainLookupEndTime: 6, connectionStartTime: 7,
      connectionEndTime: 8, secureConnectionStartTime: 9, ALPNNegotiatedProtocol: 'h2',
    },
    finalNetworkRequestStartTime: 11, finalNetworkResponseStartTime: 12,
    encodedBodySize: 100, decodedBodySize: 200, ...extra,
  };
}
const starts = () => performance.getEntriesByType('resource').map((e) => e.startTime).join(',');

const obs = new PerformanceObserver((list) => {
  console.log('observed', list.getEntries().map((e) => e.name).join(' '));
  obs.disconnect();
});
obs.observe({ entryTypes: ['resource'] });
const entry = performance.markResourceTiming(info(10), 'https://a.test/x', 'fetch', globalThis, '');
console.log(entry.constructor.name, JSON.stringify(entry));
performance.markResourceTiming(info(20, { finalConnectionTimingInfo: null, encodedBodySize: 0 }),
                               'https://b.test/', 'other', globalThis, 'local');
console.log(JSON.stringify(performance.getEntriesByName('https://b.test/')[0]));
console.log('all entries', performance.getEntries().length);

async function scenario(label, size, marks, onFull) {
  performance.clearResourceTimings();
  performance.setResourceTimingBufferSize(size);
  for (const start of marks) {
    performance.markResourceTiming(info(start), 'https://n.test/', '', globalThis, '');
  }
  console.log(label, 'buffered at once', starts());
  await new Promise((resolve) => {
    performance.addEventListener('resourcetimingbufferfull', function listener(event) {
      performance.removeEventListener('resourcetimingbufferfull', listener);
      console.log(label, 'event', event.type, 'buffer', starts());
      onFull();
      setImmediate(resolve);
    });
  });
  console.log(label, 'after', starts());
}

(async () => {
  await scenario('clear', 1, [1, 2, 3], () => performance.clearResourceTimings());
  await scenario('grow', 1, [4, 5, 6], () => performance.setResourceTimingBufferSize(2));
  await scenario('shrink', 2, [7, 8, 9], () => performance.setResourceTimingBufferSize(1));
  performance.onresourcetimingbufferfull = function(event) {
    console.log('handler', event.type, this === performance);
    performance.onresourcetimingbufferfull = null;
  };
  await scenario('handler', 1, [10, 11], () => {});
  for (const value of [null, undefined, true, false, -1, 0.5, Infinity, NaN, '', 'foo', {}, []]) {
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(value);
    performance.markResourceTiming(info(1), 'https://v.test/', '', globalThis, '');
    console.log('size', String(value), '->', performance.getEntriesByType('resource').length);
  }
})();
