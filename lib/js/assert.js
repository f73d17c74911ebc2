'use strict';
// node:assert. Every function with node's semantics and error codes; the message for a failed
// deep comparison shows both values rather than node's line diff (issue 5 brings the diff).

const { inspect } = require('internal/util/inspect');
const { isDeepEqual, isDeepStrictEqual } = require('internal/util/comparisons');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS,
                 ERR_INVALID_RETURN_VALUE } } = require('internal/errors');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values identical but not reference-equal:',
};

const inspectOptions = { compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
                         showHidden: false, showProxy: false, sorted: true, getters: true };

function generateMessage(actual, expected, operator) {
  const header = kReadableOperator[operator];
  if (operator === 'strictEqual' &&
      (typeof actual !== 'object' || actual === null) &&
      (typeof expected !== 'object' || expected === null)) {
    return `${header}\n\n${inspect(actual, inspectOptions)} !== ${inspect(expected, inspectOptions)}\n`;
  }
  if (operator.startsWith('not')) {
    return `${header} ${inspect(actual, inspectOptions)}`;
  }
  if (header !== undefined) {
    return `${header}\n+ actual - expected\n\n+ ${inspect(actual, inspectOptions)}\n- ${inspect(expected, inspectOptions)}`;
  }
  return `${inspect(actual)} ${operator} ${inspect(expected)}`;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    const limit = Error.stackTraceLimit;
    if (message != null) {
      super(String(message));
    } else {
      super(generateMessage(actual, expected, operator));
    }
    Error.stackTraceLimit = limit;
    this.generatedMessage = message == null;
    Object.defineProperty(this, 'name', {
      __proto__: null, value: 'AssertionError [ERR_ASSERTION]', enumerable: false,
      writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn);
    this.stack;  // Materialise the stack with the long name, then restore it (as node).
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    return inspect(this, { ...ctx, customInspect: false, depth: 0 });
  }
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (argsLen === 0) {
    internalMessage = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const errArgs = {
    actual, expected, operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail, message: internalMessage || message,
  };
  const err = new AssertionError(errArgs);
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = 'The expression evaluated to a falsy value:\n\n  ' +
        `${fn === assert ? 'assert' : 'assert.ok'}(${inspect(value)})\n`;
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==',
                                     stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function assert(...args) {
  innerOk(assert, args.length, ...args);
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}

function checkArgs(argc, names) {
  if (argc < 2) throw new ERR_MISSING_ARGS(...names);
}

function equal(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function deepEqual(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
}

function notDeepEqual(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
}

function deepStrictEqual(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual',
                stackStartFn: deepStrictEqual });
  }
}

function notDeepStrictEqual(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual',
                stackStartFn: notDeepStrictEqual });
  }
}

function strictEqual(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
}

function notStrictEqual(actual, expected, message) {
  checkArgs(arguments.length, ['actual', 'expected']);
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual',
                stackStartFn: notStrictEqual });
  }
}

// Does `actual` (a thrown value) satisfy `expected` (class, RegExp, validation function or
// object)? Throws an AssertionError when not.
function expectedException(actual, expected, message, fn) {
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      innerFail({ actual, expected, operator: fn.name, stackStartFn: fn,
                  message: message || `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n` });
    }
    if (typeof actual !== 'object' || actual === null) {
      innerFail({ actual, expected, operator: 'deepStrictEqual', stackStartFn: fn,
                  message: message || `The error is expected to be an instance of "${expected?.constructor?.name}". Received ${inspect(actual)}` });
    }
    const keys = Object.keys(expected);
    if (expected instanceof Error) keys.push('name', 'message');
    else if (keys.length === 0) throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
    for (const key of keys) {
      const want = expected[key];
      const got = actual[key];
      const matches = typeof got === 'string' && want instanceof RegExp ? want.test(got) :
        key in actual && isDeepStrictEqual(got, want);
      if (!matches) {
        innerFail({ actual, expected, operator: fn.name, stackStartFn: fn,
                    message: message || `Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   ${key}: ${inspect(got)}\n-   ${key}: ${inspect(want)}\n  }` });
      }
    }
    return;
  }
  if (expected.prototype !== undefined && actual instanceof expected) return;
  if (Error.isPrototypeOf(expected)) {
    if (actual instanceof Error) {
      innerFail({ actual, expected, operator: fn.name, stackStartFn: fn,
                  message: message || `The error is expected to be an instance of "${expected.name}". Received "${actual?.constructor?.name}"\n\nError message:\n\n${actual.message}` });
    }
    innerFail({ actual, expected, operator: fn.name, stackStartFn: fn,
                message: message || `The error is expected to be an instance of "${expected.name}". Received ${inspect(actual)}` });
  }
  const res = Reflect.apply(expected, {}, [actual]);
  if (res !== true) {
    innerFail({ actual, expected, operator: fn.name, stackStartFn: fn,
                message: message || `The ${expected.name ? `"${expected.name}" ` : ''}validation function is expected to return "true". Received ${inspect(res)}\n\nCaught error:\n\n${actual}` });
  }
}

const NO_EXCEPTION = Symbol('no exception');

function getActual(fn) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!isPromiseLike(resultPromise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (isPromiseLike(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function isPromiseLike(value) {
  return value !== null && typeof value === 'object' && typeof value.then === 'function' &&
    typeof value.catch === 'function';
}

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    message = error;
    error = undefined;
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error?.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: stackStartFn.name,
                message: `Missing expected ${fnType}${details}`, stackStartFn });
  }
  if (error !== undefined) expectedException(actual, error, message, stackStartFn);
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || (typeof error === 'function' && actual instanceof error) ||
      (error instanceof RegExp && error.test(String(actual)))) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({ actual, expected: error, operator: stackStartFn.name,
                message: `Got unwanted ${fnType}${details}\nActual message: "${actual?.message}"`,
                stackStartFn });
  }
  throw actual;
}

function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
}

async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
}

function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
}

async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
}

function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    message += typeof err === 'object' && typeof err.message === 'string' ?
      (err.message.length === 0 && err.constructor ? err.constructor.name : err.message) :
      inspect(err);
    const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError',
                                        message, stackStartFn: ifError });
    throw newErr;
  }
}

function internalMatch(string, regexp, message, fn) {
  if (!(regexp instanceof RegExp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const match = fn === assert.match;
  if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})` :
      (match ? 'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
      `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message,
                                     operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
}

function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
}

// Deprecated (DEP0173) but still shipped by node 20; loaded on first use.
let CallTrackerClass;
function CallTracker() {
  CallTrackerClass ??= require('internal/assert/call_tracker');
  if (!new.target) throw new TypeError("Class constructor CallTracker cannot be invoked without 'new'");
  return new CallTrackerClass();
}

Object.assign(assert, {
  ok, fail, equal, notEqual, deepEqual, notDeepEqual, deepStrictEqual, notDeepStrictEqual,
  strictEqual, notStrictEqual, throws, rejects, doesNotThrow, doesNotReject, ifError, match,
  doesNotMatch, AssertionError, CallTracker,
});

function strict(...args) {
  innerOk(strict, args.length, ...args);
}
Object.assign(strict, assert, {
  equal: strictEqual, deepEqual: deepStrictEqual, notEqual: notStrictEqual,
  notDeepEqual: notDeepStrictEqual,
});
assert.strict = strict;
assert.strict.strict = assert.strict;

module.exports = assert;
