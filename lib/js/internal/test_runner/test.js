'use strict';
// The test tree: Test (a test or the root), Suite (describe), TestHook (before/after/...), and the
// contexts their functions receive. A test runs its function, then waits for its subtests; results
// are reported in creation order as soon as everything before them is done.

const { AsyncLocalStorage } = require('async_hooks');
const contextFrames = require('internal/async_context_frame');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const {
  validateAbortSignal, validateFunction, validateNumber, validateObject, validateUint32,
} = require('internal/validators');
const { failureTypes, isTestFailure, testFailure } = require('internal/test_runner/errors');

const {
  kCallbackAndPromisePresent, kCancelledByParent, kAborted, kHookFailure,
  kMultipleCallbackInvocations, kSubtestsFailed, kTestCodeFailure, kTestTimeoutFailure,
} = failureTypes;

// The test or suite whose function is running; new tests and hooks become its children.
const currentTest = new AsyncLocalStorage();
currentTest.run(undefined, () => {});  // Turns context tracking on.

// Calls fn with `test` as the current test, in one stack frame (user stacks stay as short as
// node's, whose limit of 10 frames must still reach the caller of t.test()).
function runInTestScope(test, fn, thisArg, args) {
  const frame = new Map(contextFrames.state.frame);
  frame.set(currentTest, test);
  const previous = contextFrames.enter(frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    contextFrames.restore(previous);
  }
}

function now() {
  return process.hrtime.bigint();
}

function isPromiseLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') &&
    typeof value.then === 'function';
}

// Where the user called test()/it()/describe()/a hook: the first frame above `callee`.
function callerLocation(callee) {
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  Error.captureStackTrace(holder, callee);
  Error.stackTraceLimit = limit;
  const frame = `${holder.stack}`.split('\n')[1];
  if (frame === undefined) return undefined;
  const match = /\(?([^()\s]+|[^()]+):(\d+):(\d+)\)?$/.exec(frame.replace(/^\s*at\s+(?:async\s+)?/, ''));
  if (match === null) return undefined;
  let file = match[1];
  const paren = file.lastIndexOf('(');
  if (paren !== -1) file = file.slice(paren + 1);
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

function assertionFunctions(test) {
  const assert = require('assert');
  const names = ['deepEqual', 'deepStrictEqual', 'doesNotMatch', 'doesNotReject', 'doesNotThrow',
                 'equal', 'fail', 'ifError', 'match', 'notDeepEqual', 'notDeepStrictEqual',
                 'notEqual', 'notStrictEqual', 'rejects', 'strictEqual', 'throws', 'ok'];
  const result = {};
  for (const name of names) {
    const method = assert[name];
    result[name] = function(...args) {
      test.assertions++;
      return Reflect.apply(method, this, args);
    };
    Object.defineProperty(result[name], 'name', { __proto__: null, value: name });
  }
  return result;
}

class TestContext {
  #test;
  #assert;

  constructor(test) {
    this.#test = test;
  }

  get signal() { return this.#test.signal; }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName(); }
  get error() { return this.#test.error; }
  get passed() { return this.#test.passed; }

  diagnostic(message) {
    this.#test.diagnostic(message);
  }

  plan(count) {
    validateUint32(count, 'count', true);
    if (this.#test.plan !== null) {
      throw new ERR_INVALID_ARG_VALUE('count', count, 'cannot be set multiple times');
    }
    this.#test.plan = count;
  }

  get assert() {
    if (this.#assert === undefined) this.#assert = assertionFunctions(this.#test);
    return this.#assert;
  }

  get mock() {
    return this.#test.mockTracker();
  }

  runOnly(value) {
    this.#test.runOnlySubtests = !!value;
    this.#test.runOnlyCalled = !!value;
  }

  skip(message) {
    this.#test.skipReason = message;
    this.#test.skipped = true;
  }

  todo(message) {
    this.#test.todoReason = message;
    this.#test.todo = true;
  }

  test(name, options, fn) {
    const overrides = { __proto__: null, loc: callerLocation(this.test) };
    const test = this.#test;
    test.assertions++;
    const subtest = test.createSubtest(Test, name, options, fn, overrides);
    return subtest.start();
  }

  before(fn, options) { this.#test.addHook('before', fn, options, callerLocation(this.before)); }
  after(fn, options) { this.#test.addHook('after', fn, options, callerLocation(this.after)); }
  beforeEach(fn, options) {
    this.#test.addHook('beforeEach', fn, options, callerLocation(this.beforeEach));
  }
  afterEach(fn, options) {
    this.#test.addHook('afterEach', fn, options, callerLocation(this.afterEach));
  }
}

class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get signal() { return this.#suite.signal; }
  get name() { return this.#suite.name; }
  get fullName() { return this.#suite.fullName(); }
}

// Normalises the (name, options, fn) arguments of test()/describe() as node does.
function parseTestArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    options = undefined;
    name = fn.name;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
    name = typeof fn === 'function' ? fn.name : undefined;
  } else if (typeof options === 'function') {
    fn = options;
    options = undefined;
  }
  if (options === undefined || options === null) options = {};
  validateObject(options, 'options');
  if (typeof name !== 'string' || name === '') {
    name = typeof fn === 'function' && fn.name ? fn.name : '<anonymous>';
  }
  if (fn === undefined) fn = noop;
  validateFunction(fn, 'fn');
  return { name, options, fn };
}

function noop() {}

let testOnlyFlag;
function testOnlyEnabled() {
  if (testOnlyFlag === undefined) {
    testOnlyFlag = process.execArgv.includes('--test-only');
  }
  return testOnlyFlag;
}

function parseConcurrency(value, inherited) {
  if (value === undefined || value === null) return inherited;
  if (value === true) return Infinity;
  if (value === false) return 1;
  if (typeof value === 'number') {
    validateUint32(value, 'options.concurrency', true);
    return value;
  }
  throw new ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], value);
}

class Test {
  constructor({ name, fn, parent, options = {}, loc, harness }) {
    this.name = name;
    this.fn = fn;
    this.parent = parent ?? null;
    this.root = parent ? parent.root : this;
    this.harness = parent ? parent.harness : harness;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.loc = loc;
    this.subtests = [];
    this.pending = [];
    this.active = 0;
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.beforeHooksRan = false;
    this.diagnostics = [];
    this.assertions = 0;
    this.plan = options.plan ?? null;
    if (this.plan !== null) validateUint32(this.plan, 'options.plan', true);

    const { skip, todo, only, timeout, signal, concurrency } = options;
    if (timeout !== undefined && timeout !== Infinity) {
      validateNumber(timeout, 'options.timeout', 0, 2147483647);
    }
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    this.timeout = timeout ?? (parent ? parent.timeout : Infinity);
    this.concurrency = parseConcurrency(concurrency, parent ? parent.concurrency : 1);
    this.only = !!only;
    this.runOnlySubtests = parent === null ? testOnlyEnabled() : false;
    this.skipped = skip !== undefined && skip !== false;
    this.skipReason = typeof skip === 'string' ? skip : undefined;
    this.todo = todo !== undefined && todo !== false;
    this.todoReason = typeof todo === 'string' ? todo : undefined;
    if (parent !== null && parent !== undefined && parent.runOnlySubtests && !this.only &&
        testOnlyEnabled()) {
      this.skipped = true;
      this.skipReason = '\'only\' option not set';
    }
    if (parent && !testOnlyEnabled() && (this.only || parent.runOnlyCalled)) {
      this.diagnostic('\'only\' and \'runOnly\' require the --test-only command-line option.');
    }
    this.outerSignal = signal;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    if (signal !== undefined && signal !== null) {
      if (signal.aborted) {
        this.abortedBy = signal.reason;
      } else {
        signal.addEventListener('abort', () => this.onOuterAbort(signal.reason), { once: true });
      }
    }

    this.started = false;
    this.finishing = false;
    this.finished = false;
    this.passed = false;
    this.error = null;
    this.startTime = null;
    this.endTime = null;
    this.startReported = false;
    this.nextReport = 0;
    this.mock = null;
    this.context = this.makeContext();
    this.completion = null;
    this.resolveCompletion = null;
  }

  get kind() { return 'test'; }
  get isSuite() { return false; }
  get isHook() { return false; }

  makeContext() {
    return new TestContext(this);
  }

  fullName() {
    if (this.parent === null || this.parent.parent === null) return this.name;
    return `${this.parent.fullName()} > ${this.name}`;
  }

  mockTracker() {
    if (this.mock === null) {
      const { MockTracker } = require('internal/test_runner/mock/mock');
      this.mock = new MockTracker();
    }
    return this.mock;
  }

  diagnostic(message) {
    this.diagnostics.push(`${message}`);
  }

  addHook(type, fn, options, loc) {
    validateFunction(fn, 'fn');
    if (options !== undefined && options !== null) validateObject(options, 'options');
    const hook = new TestHook(this, type, fn, options ?? {}, loc);
    this.hooks[type].push(hook);
    return hook;
  }

  createSubtest(Factory, name, options, fn, overrides) {
    const parsed = parseTestArgs(name, options, fn);
    const test = new Factory({
      __proto__: null,
      name: parsed.name,
      fn: parsed.fn,
      options: overrides.overrides ? { ...parsed.options, ...overrides.overrides } : parsed.options,
      parent: this,
      loc: overrides.loc,
    });
    this.subtests.push(test);
    return test;
  }

  // Returns a promise settled (never rejected) once this test has finished.
  start() {
    if (this.completion === null) {
      this.completion = new Promise((resolve) => { this.resolveCompletion = resolve; });
      const parent = this.parent;
      if (parent.canRunSubtests() && parent.pending.length === 0 &&
          parent.active < parent.concurrency) {
        parent.active++;
        this.run();
      } else {
        parent.enqueue(this);
      }
    }
    return this.completion.then(noop);
  }

  canRunSubtests() {
    return this.started && !this.finishing;
  }

  enqueue(test) {
    if (this.finished) {
      test.cancel(testFailure('test could not be started because its parent finished',
                              failureTypes.kParentAlreadyFinished));
      return;
    }
    this.pending.push(test);
    this.runPending();
  }

  runPending() {
    if (!this.canRunSubtests()) return;
    while (this.pending.length > 0 && this.active < this.concurrency) {
      const test = this.pending.shift();
      this.active++;
      test.run();
    }
  }

  // A test's own `before` hooks run once, before its function's first subtest or at its start.
  // Null when there is nothing to wait for, so a subtest can start synchronously.
  runBeforeHooks() {
    if (this.beforeHooksRan === false && this.hooks.before.length === 0) return null;
    if (this.beforeHooksRan === false) {
      this.beforeHooksRan = (async () => {
        for (const hook of this.hooks.before) await hook.run(this.context);
      })();
    }
    return this.beforeHooksRan;
  }

  hasEachHooks(type) {
    for (let node = this; node !== null; node = node.parent) {
      if (node.hooks[type].length > 0) return true;
    }
    return false;
  }

  async runEachHooks(type, test) {
    const chain = [];
    for (let node = this; node !== null; node = node.parent) chain.push(node);
    if (type === 'beforeEach') chain.reverse();
    for (const node of chain) {
      for (const hook of node.hooks[type]) await hook.run(test.context);
    }
  }

  async run() {
    this.started = true;
    this.startTime = now();
    if (this.abortedBy !== undefined) {
      this.fail(testFailure(this.abortedBy, kAborted));
      this.finish();
      return;
    }
    if (this.skipped) {
      this.passed = true;
      this.finish();
      return;
    }
    const parent = this.parent;
    try {
      const beforeHooks = parent.runBeforeHooksForChild();
      if (beforeHooks !== null) await beforeHooks;
      if (parent.hasEachHooks('beforeEach')) {
        try {
          await parent.runEachHooks('beforeEach', this);
        } catch (err) {
          this.fail(testFailure(err, kHookFailure));
        }
      }
      if (this.error === null) {
        // The user function runs synchronously here, as in node (stack depth included).
        const ctx = this.context;
        const outcome = { __proto__: null, callbackStyle: this.fn.length >= 2 };
        if (outcome.callbackStyle) this.makeCallback(outcome);
        try {
          outcome.result = runInTestScope(this, this.fn, ctx,
                                          outcome.callbackStyle ? [ctx, outcome.done] : [ctx]);
        } catch (err) {
          outcome.threw = true;
          outcome.error = err;
        }
        const settled = this.settleFunction(outcome);
        if (settled !== null) await settled;
        await this.waitForSubtests();
        const beforeHooks = this.runBeforeHooks();
        if (beforeHooks !== null) await beforeHooks;
        for (const hook of this.hooks.after) await hook.run(this.context);
      }
    } catch (err) {
      this.fail(isTestFailure(err) ? err : testFailure(err, kHookFailure));
    }
    if (!this.finished && parent.hasEachHooks('afterEach')) {
      try {
        await parent.runEachHooks('afterEach', this);
      } catch (err) {
        this.fail(testFailure(err, kHookFailure));
      }
    }
    this.finish();
  }

  runBeforeHooksForChild() {
    return this.runBeforeHooks();
  }

  // Turns what the user function did (returned, threw, called back) into a promise that
  // rejects with an ERR_TEST_FAILURE on failure or timeout.
  settleFunction(outcome) {
    let body;
    if (outcome.threw) {
      body = Promise.reject(testFailure(outcome.error, kTestCodeFailure));
    } else if (outcome.callbackStyle) {
      if (isPromiseLike(outcome.result)) {
        outcome.result.then(undefined, noop);
        body = Promise.reject(testFailure('passed a callback but also returned a Promise',
                                          kCallbackAndPromisePresent));
      } else {
        body = outcome.callbackPromise;
      }
    } else if (isPromiseLike(outcome.result)) {
      body = Promise.resolve(outcome.result).then(
        noop, (err) => { throw testFailure(err, kTestCodeFailure); });
    } else {
      return null;
    }
    body.then(undefined, noop);
    return this.guard(body);
  }

  // The `done` argument of a callback-style test, and the promise it settles.
  makeCallback(outcome) {
    let calls = 0;
    outcome.callbackPromise = new Promise((resolve, reject) => {
      outcome.done = (err) => {
        calls++;
        if (calls > 1) {
          this.fail(testFailure('callback invoked multiple times', kMultipleCallbackInvocations));
          return;
        }
        if (err) reject(testFailure(err, kTestCodeFailure));
        else resolve();
      };
    });
    outcome.callbackPromise.then(undefined, noop);
  }

  // Races `promise` with this test's timeout and abort signal.
  guard(promise) {
    const racers = [promise];
    let timer;
    if (this.timeout !== Infinity) {
      racers.push(new Promise((resolve, reject) => {
        timer = setTimeout(() => {
          reject(testFailure(`test timed out after ${this.timeout}ms`, kTestTimeoutFailure));
        }, this.timeout);
        timer.unref();
      }));
    }
    // An outer abort or an uncaught error attributed to this test ends the wait early.
    racers.push(new Promise((resolve, reject) => {
      this.interrupt = reject;
    }));
    return Promise.race(racers).finally(() => {
      if (timer !== undefined) clearTimeout(timer);
      this.interrupt = undefined;
    });
  }

  onOuterAbort(reason) {
    if (this.finished) return;
    if (this.interrupt) this.interrupt(testFailure(reason, kAborted));
    else if (!this.started) this.abortedBy = reason;
  }

  // An error from this test's asynchronous work (an uncaught exception or unhandled rejection).
  failAsync(failure) {
    this.fail(failure);
    if (this.interrupt) this.interrupt(failure);
  }

  async waitForSubtests() {
    while (true) {
      const open = this.subtests.filter((test) => !test.finished && test.completion !== null);
      if (open.length === 0) return;
      await Promise.all(open.map((test) => test.completion));
    }
  }

  fail(err) {
    if (this.error !== null) return;
    this.passed = false;
    this.error = err;
  }

  cancel(err) {
    if (this.finished || this.finishing) return;
    if (this.startTime === null) {
      this.startTime = now();
      this.endTime = this.startTime;
    }
    this.fail(err);
    for (const test of this.subtests) test.cancel(err);
    this.finish();
  }

  finish() {
    if (this.finished || this.finishing) return;
    this.finishing = true;
    if (this.endTime === null) this.endTime = now();
    // Subtests queued but never started are cancelled with their parent.
    for (const test of this.subtests) {
      if (!test.finished) {
        test.cancel(testFailure('test did not finish before its parent and was cancelled',
                                kCancelledByParent));
      }
    }
    if (this.error === null) {
      const failed = this.subtests.filter((test) => !test.passed && !test.todo).length;
      if (failed > 0) {
        this.fail(testFailure(`${failed} subtest${failed === 1 ? '' : 's'} failed`,
                              kSubtestsFailed));
      } else if (this.plan !== null && this.plan !== this.assertions && !this.skipped) {
        this.fail(testFailure(
          `plan expected ${this.plan} assertions but received ${this.assertions}`,
          kTestCodeFailure));
      } else {
        this.passed = true;
      }
    }
    this.finished = true;
    if (this.mock !== null) this.mock.reset();
    if (!this.signal.aborted) this.controller.abort();
    if (this.resolveCompletion !== null) this.resolveCompletion();
    const parent = this.parent;
    if (parent !== null) {
      if (this.started) parent.active--;
      parent.runPending();
      this.harness.drainReports();
    }
  }

  durationMs() {
    if (this.startTime === null || this.endTime === null) return 0;
    return Number(this.endTime - this.startTime) / 1e6;
  }

  // Reporting, in creation order: the root walks down the first unreported test of each level.
  reportStart() {
    if (this.startReported || this.parent === null) return;
    this.parent.reportStart();
    this.startReported = true;
    this.harness.reporter.start(this.nesting, this.loc, this.name);
  }

  drainReports() {
    while (this.nextReport < this.subtests.length) {
      const test = this.subtests[this.nextReport];
      test.drainReports();
      if (!test.finished) break;
      this.nextReport++;
      test.testNumber = this.nextReport;
      test.reportResult();
    }
  }

  reportResult() {
    const reporter = this.harness.reporter;
    this.reportStart();
    if (this.subtests.length > 0) reporter.plan(this.nesting + 1, this.loc, this.subtests.length);
    const details = { __proto__: null, duration_ms: this.durationMs() };
    if (this.isSuite) details.type = 'suite';
    let directive;
    if (this.skipped) directive = { __proto__: null, skip: this.skipReason ?? true };
    else if (this.todo) directive = { __proto__: null, todo: this.todoReason ?? true };
    if (this.passed) {
      reporter.ok(this.nesting, this.loc, this.testNumber, this.name, details, directive);
    } else {
      details.error = this.error;
      reporter.fail(this.nesting, this.loc, this.testNumber, this.name, details, directive);
    }
    for (const message of this.diagnostics) reporter.diagnostic(this.nesting, this.loc, message);
    this.harness.count(this);
  }
}

class TestHook extends Test {
  constructor(owner, type, fn, options, loc) {
    super({ name: type, fn, parent: null, options: { timeout: options.timeout, signal: options.signal },
            loc, harness: owner.harness });
    this.owner = owner;
    this.hookType = type;
    if (options.timeout === undefined) this.timeout = owner.timeout;
  }

  get isHook() { return true; }

  run(context) {
    const fn = this.fn;
    let settle;
    const body = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    const callbackStyle = fn.length >= 2;
    const done = (err) => (err ? settle.reject(err) : settle.resolve());
    let result;
    try {
      result = runInTestScope(this.owner, fn, context, callbackStyle ? [context, done] : [context]);
    } catch (err) {
      settle.reject(err);
      return this.guard(body);
    }
    if (!callbackStyle) {
      if (isPromiseLike(result)) Promise.resolve(result).then(() => settle.resolve(), settle.reject);
      else settle.resolve();
    }
    return this.guard(body);
  }
}

class Suite extends Test {
  constructor(options) {
    super(options);
    this.built = null;
    if (this.only) this.runOnlySubtests = true;
    if (this.skipped) return;
    // The suite's function runs at once and declares its children (which wait for the suite).
    const ctx = this.context;
    try {
      const result = runInTestScope(this, this.fn, ctx, [ctx]);
      if (isPromiseLike(result)) {
        this.built = Promise.resolve(result).then(
          undefined, (err) => { this.fail(testFailure(err, kTestCodeFailure)); });
      }
    } catch (err) {
      this.fail(testFailure(err, kTestCodeFailure));
    }
  }

  get kind() { return 'suite'; }
  get isSuite() { return true; }

  makeContext() {
    return new SuiteContext(this);
  }

  canRunSubtests() {
    return this.started && !this.finishing && this.childrenMayRun === true;
  }

  runBeforeHooksForChild() { return null; }

  async run() {
    this.started = true;
    this.startTime = now();
    if (this.skipped) {
      this.passed = true;
      this.finish();
      return;
    }
    try {
      if (this.built !== null) await this.built;
      const parentHooks = this.parent.runBeforeHooksForChild();
      if (parentHooks !== null) await parentHooks;
      if (this.error === null) {
        try {
          const beforeHooks = this.runBeforeHooks();
          if (beforeHooks !== null) await beforeHooks;
        } catch (err) {
          this.fail(testFailure(err, kHookFailure));
        }
      }
      if (this.error === null) {
        this.childrenMayRun = true;
        const children = this.subtests.map((test) => test.start());
        this.runPending();
        await this.guard(Promise.all(children));
        for (const hook of this.hooks.after) await hook.run(this.context);
      }
    } catch (err) {
      this.fail(isTestFailure(err) ? err : testFailure(err, kHookFailure));
    }
    this.finish();
  }
}

module.exports = {
  Suite,
  Test,
  TestContext,
  SuiteContext,
  callerLocation,
  currentTest,
  parseTestArgs,
};
