'use strict';
// The root test of a process and its lifetime: created by the first test(), it starts once the
// main module has run, ends when the event loop empties (cancelling what is still pending), prints
// the summary and sets the exit code. Uncaught errors are charged to the test that is running.

const path = require('path');
const { Test, Suite, callerLocation, currentTest } = require('internal/test_runner/test');
const { TestsStream } = require('internal/test_runner/tests_stream');
const { failureTypes, testFailure } = require('internal/test_runner/errors');
const { setupReporters } = require('internal/test_runner/reporter/setup');

let harness = null;

function createCounters() {
  return {
    __proto__: null,
    tests: 0, suites: 0, passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0,
  };
}

function countTest(counters, test) {
  if (test.isSuite) {
    counters.suites++;
    return;
  }
  counters.tests++;
  if (test.skipped) {
    counters.skipped++;
  } else if (test.todo) {
    counters.todo++;
  } else if (test.passed) {
    counters.passed++;
  } else if (test.error?.failureType === failureTypes.kCancelledByParent ||
             test.error?.failureType === failureTypes.kTestTimeoutFailure) {
    counters.cancelled++;
  } else {
    counters.failed++;
  }
}

// The deepest test whose function is running (not a suite still waiting for its children).
function runningTest(test) {
  for (let i = test.subtests.length - 1; i >= 0; i--) {
    const sub = test.subtests[i];
    if (sub.started && !sub.finished) return runningTest(sub) ?? (sub.isSuite ? null : sub);
  }
  return null;
}

function lastFinishedTest(test) {
  let found = null;
  for (const sub of test.subtests) {
    if (sub.finished && !sub.isSuite) found = sub;
    const deeper = lastFinishedTest(sub);
    if (deeper !== null && sub.finished) found = deeper;
  }
  return found;
}

function relativeLocation(loc) {
  if (loc === undefined) return '';
  let file = loc.file;
  if (!file.startsWith('file:') && !file.startsWith('node:')) {
    file = path.relative(process.cwd(), file);
  }
  return `${file}:${loc.line}:${loc.column}`;
}

class Harness {
  constructor({ reporter = new TestsStream(), endsWithProcess = true } = {}) {
    this.reporter = reporter;
    this.counters = createCounters();
    this.startTime = process.hrtime.bigint();
    this.endsWithProcess = endsWithProcess;
    this.ended = false;
    this.success = true;
    this.root = new Test({ name: '<root>', parent: null, harness: this, options: {} });
    this.asyncErrors = [];
  }

  count(test) {
    countTest(this.counters, test);
  }

  drainReports() {
    this.root.drainReports();
  }

  // The root starts its tests once the code that declared them has run.
  bootstrap() {
    const root = this.root;
    Promise.resolve().then(() => {
      root.started = true;
      root.startTime = process.hrtime.bigint();
      root.runPending();
    });
  }

  onAsyncError(error, type) {
    // Before any test has started (an error while the file loads), the error ends the process.
    if (this.ended || !this.root.subtests.some((test) => test.started)) return false;
    const failureType = type === 'uncaughtException' ? failureTypes.kUncaughtException :
      failureTypes.kUnhandledRejection;
    const test = runningTest(this.root);
    if (test !== null) {
      test.failAsync(testFailure(error, failureType));
      return true;
    }
    const finished = lastFinishedTest(this.root);
    this.success = false;
    if (finished !== null && type === 'uncaughtException') {
      this.root.diagnostic(`Error: Test "${finished.name}" at ${relativeLocation(finished.loc)} ` +
        'generated asynchronous activity after the test ended. This activity created the error ' +
        `"${error}" and would have caused the test to fail, but instead triggered an ${type} event.`);
    } else {
      this.root.diagnostic('Error: A resource generated asynchronous activity after the test ' +
        `ended. This activity created the error "${error}" which triggered an ${type} event, ` +
        'caught by the test runner.');
    }
    return true;
  }

  // Ends the root: tests still pending are cancelled, the rest reported, then the summary.
  async end(reason) {
    if (this.ended) return;
    this.ended = true;
    const root = this.root;
    root.started = false;  // Nothing new starts while the rest is cancelled.
    const failure = testFailure(reason, failureTypes.kCancelledByParent);
    for (const test of root.subtests) test.cancel(failure);
    try {
      for (const hook of root.hooks.after) await hook.run(root.context);
    } catch (err) {
      this.success = false;
      root.diagnostic(`${err}`);
    }
    root.drainReports();
    const reporter = this.reporter;
    if (root.subtests.length > 0 || this.endsWithProcess) {
      reporter.plan(0, undefined, root.subtests.length);
    }
    for (const message of root.diagnostics) reporter.diagnostic(0, undefined, message);
    const c = this.counters;
    const duration = Number(process.hrtime.bigint() - this.startTime) / 1e6;
    reporter.diagnostic(0, undefined, `tests ${c.tests}`);
    reporter.diagnostic(0, undefined, `suites ${c.suites}`);
    reporter.diagnostic(0, undefined, `pass ${c.passed}`);
    reporter.diagnostic(0, undefined, `fail ${c.failed}`);
    reporter.diagnostic(0, undefined, `cancelled ${c.cancelled}`);
    reporter.diagnostic(0, undefined, `skipped ${c.skipped}`);
    reporter.diagnostic(0, undefined, `todo ${c.todo}`);
    reporter.diagnostic(0, undefined, `duration_ms ${duration}`);
    if (c.failed > 0 || c.cancelled > 0) this.success = false;
    if (!this.success && this.endsWithProcess) process.exitCode = 1;
    reporter.end();
  }
}

function getHarness() {
  if (harness !== null) return harness;
  harness = new Harness();
  setupReporters(harness.reporter, process.execArgv);
  const onUncaught = (error) => {
    if (!harness.onAsyncError(error, 'uncaughtException')) {
      // The runner has finished: the error ends the process as it would without it.
      process.removeListener('uncaughtException', onUncaught);
      throw error;
    }
  };
  process.on('uncaughtException', onUncaught);
  const onRejection = (reason) => {
    if (!harness.onAsyncError(reason, 'unhandledRejection')) {
      process.removeListener('unhandledRejection', onRejection);
      throw reason;
    }
  };
  process.on('unhandledRejection', onRejection);
  process.on('beforeExit', () => {
    harness.end('Promise resolution is still pending but the event loop has already resolved');
  });
  harness.bootstrap();
  return harness;
}

function parentForNewTest() {
  return currentTest.getStore() ?? getHarness().root;
}

// test()/it() and describe()/suite(), with .skip/.todo/.only variants.
function declare(Factory, overrides) {
  const declareTest = function(name, options, fn) {
    const parent = parentForNewTest();
    const subtest = parent.createSubtest(Factory, name, options, fn, {
      __proto__: null, loc: callerLocation(declareTest), overrides,
    });
    return subtest.start();
  };
  return declareTest;
}

function withVariants(Factory, name) {
  const fn = declare(Factory);
  Object.defineProperty(fn, 'name', { __proto__: null, value: name });
  fn.skip = declare(Factory, { skip: true });
  fn.todo = declare(Factory, { todo: true });
  fn.only = declare(Factory, { only: true });
  return fn;
}

function hook(type) {
  const addHook = function(fn, options) {
    const parent = parentForNewTest();
    parent.addHook(type, fn, options, callerLocation(addHook));
  };
  Object.defineProperty(addHook, 'name', { __proto__: null, value: type });
  return addHook;
}

module.exports = {
  Harness,
  getHarness,
  test: withVariants(Test, 'test'),
  it: withVariants(Test, 'it'),
  describe: withVariants(Suite, 'describe'),
  suite: withVariants(Suite, 'suite'),
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
  relativeLocation,
};
