'use strict';
// worker_threads from the main thread: the parts that hold without workers.
const assert = require('assert');
const wt = require('worker_threads');

assert.strictEqual(wt.isMainThread, true);
assert.strictEqual(wt.threadId, 0);
assert.strictEqual(wt.parentPort, null);
assert.strictEqual(wt.workerData, null);
assert.strictEqual(typeof wt.SHARE_ENV, 'symbol');
assert.deepStrictEqual(wt.resourceLimits, {});
wt.setEnvironmentData('k', { v: 1 });
assert.deepStrictEqual(wt.getEnvironmentData('k'), { v: 1 });
wt.setEnvironmentData('k', undefined);
assert.strictEqual(wt.getEnvironmentData('k'), undefined);
