'use strict';
// node:test — the test runner's public API: test() (also the module itself), describe/it,
// hooks, run() and the mock tracker.

const harness = require('internal/test_runner/harness');

const test = harness.test;

function lazyRun(...args) {
  return require('internal/test_runner/runner').run(...args);
}

let mockTracker;
function lazyMock() {
  if (mockTracker === undefined) {
    const { MockTracker } = require('internal/test_runner/mock/mock');
    mockTracker = new MockTracker();
  }
  return mockTracker;
}

Object.assign(test, {
  after: harness.after,
  afterEach: harness.afterEach,
  before: harness.before,
  beforeEach: harness.beforeEach,
  describe: harness.describe,
  it: harness.it,
  run: lazyRun,
  suite: harness.suite,
  test,
});
Object.defineProperty(lazyRun, 'name', { __proto__: null, value: 'run' });

Object.defineProperty(test, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: lazyMock,
});

module.exports = test;
