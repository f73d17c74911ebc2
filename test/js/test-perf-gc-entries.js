'use strict';
// PerformanceObserver 'gc' entries: one per collection while observed (detail { kind, flags },
// forced collections flagged), relative start times, nothing after disconnect; the deprecated
// entry.kind / entry.flags accessors still answer. Runs a child with --expose-gc.
const { spawnSync } = require('child_process');

const child = `
const { PerformanceObserver, constants } = require('perf_hooks');
const kinds = [constants.NODE_PERFORMANCE_GC_MAJOR, constants.NODE_PERFORMANCE_GC_MINOR,
               constants.NODE_PERFORMANCE_GC_INCREMENTAL, constants.NODE_PERFORMANCE_GC_WEAKCB];
let calls = 0;
const obs = new PerformanceObserver((list) => {
  calls++;
  const e = list.getEntries()[0];
  console.log(e.constructor.name, e.name, e.entryType, JSON.stringify(Object.keys(e.toJSON())));
  console.log('kind known', kinds.includes(e.detail.kind), 'forced',
              e.detail.flags === constants.NODE_PERFORMANCE_GC_FLAGS_FORCED);
  console.log('times', typeof e.startTime, e.startTime >= 0 && e.startTime < 1e4,
              typeof e.duration, e.duration >= 0);
  console.log('accessors', e.kind === e.detail.kind, e.flags === e.detail.flags);
  obs.disconnect();
  global.gc();
  setImmediate(() => setImmediate(() => console.log('callbacks', calls)));
});
obs.observe({ entryTypes: ['gc'] });
global.gc();
setImmediate(() => setImmediate(() => 0));
`;
const result = spawnSync(process.execPath, ['--expose-gc', '-e', child], { encoding: 'utf8' });
console.log(result.stdout.trim());
console.log('exit', result.status, 'DEP0152 warned', /DEP0152/.test(result.stderr));
