'use strict';
// node:assert. The messages are node v20's: see internal/assert/assertion_error.js (the
// messages and the "+ actual - expected" diff), internal/assert/call_site.js (assert.ok's source
// expression) and internal/assert/expected_exception.js (throws/rejects validation).

const { inspect } = require('internal/util/inspect');
const { isDeepEqual, isDeepStrictEqual } = require('internal/util/comparisons');
const { isPromise, isRegExp } = require('internal/util/types');
const { codes: { ERR_AMBIGUOUS_ARGUMENT, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS,
                 ERR_INVALID_RETURN_VALUE } } = require('internal/errors');
const { AssertionError } = require('internal/assert/assertion_error');
const { falsyValueMessage } = require('internal/assert/call_site');
const { checkThrownValue, matchesExpected } = require('internal/assert/expected_exception');

function innerFail(details) {
  if (details.message instanceof Error) throw details.message;
  throw new AssertionError(details);
}

let warnedFailArguments = false;

function fail(actual, expected, message, operator, stackStartFn) {
  const argc = arguments.length;
  let failedMessage = false;
  if (argc <= 1 && actual == null) {
    failedMessage = true;
    message = 'Failed';
  } else if (argc === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedFailArguments) {
      warnedFailArguments = true;
      process.emitWarning('assert.fail() with more than one argument is deprecated. ' +
                          'Please use assert.strictEqual() instead or only pass a message.',
                          'DeprecationWarning', 'DEP0094');
    }
    if (argc === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual, expected, message,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
  });
  if (failedMessage) err.generatedMessage = true;
  throw err;
}

function innerOk(fn, argc, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argc === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    // Without the caller's source the error falls back to "<value> == true".
    message = falsyValueMessage(fn);
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==',
                                   stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

function assert(...args) {
  innerOk(assert, args.length, ...args);
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}

function requireTwoArgs(argc) {
  if (argc < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

function equal(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function deepEqual(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
}

function notDeepEqual(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
}

function deepStrictEqual(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual',
                stackStartFn: deepStrictEqual });
  }
}

function notDeepStrictEqual(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual',
                stackStartFn: notDeepStrictEqual });
  }
}

function strictEqual(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
}

function notStrictEqual(actual, expected, message) {
  requireTwoArgs(arguments.length);
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual',
                stackStartFn: notStrictEqual });
  }
}

// What fn() threw, or NO_EXCEPTION.
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

function isPromiseLike(value) {
  return isPromise(value) ||
    (value !== null && typeof value === 'object' && typeof value.then === 'function' &&
     typeof value.catch === 'function');
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

const kErrorArgumentTypes = ['Object', 'Error', 'Function', 'RegExp'];

// throws / rejects. `argc` counts the caller's arguments after fn (error, message).
function expectsError(stackStartFn, actual, argc, error, message) {
  if (typeof error === 'string') {
    // A string in the `error` position is the message, unless a message follows it.
    if (argc === 2) throw new ERR_INVALID_ARG_TYPE('error', kErrorArgumentTypes, error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
          `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
        `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', kErrorArgumentTypes, error);
  }

  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error?.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const kind = stackStartFn === rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: stackStartFn.name,
                message: `Missing expected ${kind}${details}`, stackStartFn });
  }
  if (error) checkThrownValue(actual, error, message, stackStartFn);
}

// doesNotThrow / doesNotReject.
function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || matchesExpected(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const kind = stackStartFn === doesNotReject ? 'rejection' : 'exception';
    const actualMessage = actual && actual.message;
    innerFail({ actual, expected: error, operator: stackStartFn.name, stackStartFn,
                message: `Got unwanted ${kind}${details}\nActual message: "${actualMessage}"` });
  }
  throw actual;  // not the kind of error the caller asked about
}

function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), args.length, ...args);
}

async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), args.length, ...args);
}

function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
}

async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
}

// The AssertionError's stack continues with the frames of the original error that are not
// already its own, so the origin of `err` stays visible.
function appendOriginalFrames(assertionError, err) {
  const originalStack = err.stack;
  if (typeof originalStack !== 'string') return;
  const framesStart = originalStack.indexOf('\n    at');
  if (framesStart === -1) return;
  const originalFrames = originalStack.slice(framesStart + 1).split('\n');
  let ownLines = assertionError.stack.split('\n');
  for (const frame of originalFrames) {
    const shared = ownLines.indexOf(frame);
    if (shared !== -1) {
      ownLines = ownLines.slice(0, shared);
      break;
    }
  }
  assertionError.stack = `${ownLines.join('\n')}\n${originalFrames.join('\n')}`;
}

function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
  } else {
    message += inspect(err);
  }
  const assertionError = new AssertionError({ actual: err, expected: null, operator: 'ifError',
                                              message, stackStartFn: ifError });
  appendOriginalFrames(assertionError, err);
  throw assertionError;
}

function internalMatch(string, regexp, message, fn) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const wantMatch = fn === match;
  if (typeof string === 'string' &&
      (RegExp.prototype.exec.call(regexp, string) !== null) === wantMatch) {
    return;
  }
  if (message instanceof Error) throw message;
  const generatedMessage = !message;
  if (!message) {
    if (typeof string !== 'string') {
      message = 'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})`;
    } else {
      message = (wantMatch ? 'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
  }
  const err = new AssertionError({ actual: string, expected: regexp, message,
                                   operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
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
  if (!new.target) {
    throw new TypeError("Class constructor CallTracker cannot be invoked without 'new'");
  }
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
