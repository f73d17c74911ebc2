'use strict';
// perf_hooks: performance.now/timeOrigin and User Timing marks and measures.
const assert = require('assert');
const { performance, PerformanceMark, PerformanceMeasure, PerformanceEntry } = require('perf_hooks');

assert.strictEqual(globalThis.performance, performance);
assert.strictEqual(typeof performance.timeOrigin, 'number');
// timeOrigin is the process start on the wall clock: a little before now.
assert.ok(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000);
const t1 = performance.now();
const t2 = performance.now();
assert.ok(t1 >= 0 && t2 >= t1);

const a = performance.mark('a', { detail: { x: 1 } });
assert.ok(a instanceof PerformanceMark);
assert.ok(a instanceof PerformanceEntry);
assert.strictEqual(a.entryType, 'mark');
assert.strictEqual(a.duration, 0);
assert.deepStrictEqual(a.detail, { x: 1 });
const b = performance.mark('b', { startTime: a.startTime + 5 });
const m = performance.measure('a-to-b', 'a', 'b');
assert.ok(m instanceof PerformanceMeasure);
assert.strictEqual(m.duration, 5);
assert.strictEqual(m.startTime, a.startTime);
const m2 = performance.measure('opts', { start: 'a', duration: 2 });
assert.strictEqual(m2.duration, 2);
assert.deepStrictEqual(performance.getEntriesByType('mark').map((e) => e.name), ['a', 'b']);
assert.deepStrictEqual(performance.getEntriesByName('a-to-b').map((e) => e.entryType), ['measure']);
assert.deepStrictEqual(Object.keys(m.toJSON()), ['name', 'entryType', 'startTime', 'duration', 'detail']);
assert.strictEqual(b.toJSON().startTime, b.startTime);

assert.throws(() => performance.measure('x', 'no-such-mark'), (e) => {
  assert.strictEqual(e.name, 'SyntaxError');
  assert.strictEqual(e.message, 'The "no-such-mark" performance mark has not been set');
  return true;
});
assert.throws(() => new PerformanceEntry(), { code: 'ERR_ILLEGAL_CONSTRUCTOR', name: 'TypeError' });

performance.clearMarks('a');
assert.deepStrictEqual(performance.getEntriesByType('mark').map((e) => e.name), ['b']);
performance.clearMarks();
performance.clearMeasures();
assert.strictEqual(performance.getEntries().length, 0);
