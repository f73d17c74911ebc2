'use strict';
// vm.measureMemory: option errors as node's; with execution 'eager' the promise resolves with
// V8's report (summary: total; detailed: total, current, other contexts).
const vm = require('vm');

for (const bad of [1, 'summary', null, { mode: 'x' }, { execution: 'lazy' }, { mode: 1 }]) {
  try {
    vm.measureMemory(bad);
    console.log('no throw');
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
}

function shape(range) {
  return Array.isArray(range) && range.length === 2 && range[0] <= range[1];
}

(async () => {
  const summary = await vm.measureMemory({ execution: 'eager' });
  console.log('summary', Object.keys(summary), Object.keys(summary.total),
              summary.total.jsMemoryEstimate > 0, shape(summary.total.jsMemoryRange));
  const context = vm.createContext({});
  vm.runInContext('globalThis.big = new Array(1e5).fill(1)', context);
  const detailed = await vm.measureMemory({ mode: 'detailed', execution: 'eager' });
  console.log('detailed', Object.keys(detailed), Object.keys(detailed.current),
              Array.isArray(detailed.other), detailed.other.length >= 1,
              detailed.other.every((entry) => shape(entry.jsMemoryRange)));
})();
