'use strict';
// What assert.throws / rejects / doesNotThrow / doesNotReject check about a thrown value: an
// Error class, a RegExp over String(value), a validation function, or a validation object
// (each of its properties deep-equal, or a RegExp matching a string property).

const { inspect } = require('internal/util/inspect');
const { isDeepStrictEqual } = require('internal/util/comparisons');
const { isRegExp } = require('internal/util/types');
const { isError } = require('internal/util');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { AssertionError } = require('internal/assert/assertion_error');

function isObjectLike(value) {
  return typeof value === 'object' && value !== null;
}

function throwFailure(actual, expected, message, generatedMessage, fn) {
  const err = new AssertionError({ actual, expected, message, operator: fn.name,
                                   stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

// A RegExp in the validation object that matches the thrown string property counts as equal.
function regExpAccepts(pattern, value) {
  return typeof value === 'string' && isRegExp(pattern) &&
    RegExp.prototype.exec.call(pattern, value) !== null;
}

// The view of one side of a validation-object comparison that the diff prints: the compared
// keys present on it, with the thrown value's string wherever a RegExp of the validation
// object accepted it (so accepted keys print as equal).
class Comparison {
  constructor(source, keys, thrown) {
    for (const key of keys) {
      if (!(key in source)) continue;
      this[key] = thrown !== undefined && regExpAccepts(source[key], thrown[key]) ?
        thrown[key] : source[key];
    }
  }
}

function checkValidationObject(actual, expected, message, fn) {
  const keys = Object.keys(expected);
  if (expected instanceof Error) {
    keys.push('name', 'message');  // not enumerable, but what an Error is about
  } else if (keys.length === 0) {
    throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
  }
  for (const key of keys) {
    if (regExpAccepts(expected[key], actual[key])) continue;
    if (key in actual && isDeepStrictEqual(actual[key], expected[key])) continue;
    if (message) throwFailure(actual, expected, message, false, fn);
    // The message is the diff of the compared properties; the error still carries the values.
    const err = new AssertionError({
      actual: new Comparison(actual, keys),
      expected: new Comparison(expected, keys, actual),
      operator: 'deepStrictEqual',
      stackStartFn: fn,
    });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw err;
  }
}

function instanceMismatchMessage(actual, expected) {
  let message = `The error is expected to be an instance of "${expected.name}". Received `;
  if (!isError(actual)) return `${message}"${inspect(actual, { depth: -1 })}"`;
  const name = actual.constructor?.name || actual.name;
  message += expected.name === name ?
    'an error with identical name but a different prototype.' : `"${name}"`;
  if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
  return message;
}

// Throws an AssertionError unless the thrown `actual` satisfies `expected`.
function checkThrownValue(actual, expected, message, fn) {
  if (typeof expected === 'function') {
    // Arrow functions have no prototype and are validation functions.
    if (expected.prototype !== undefined && actual instanceof expected) return;
    if (Object.prototype.isPrototypeOf.call(Error, expected)) {
      if (message) throwFailure(actual, expected, message, false, fn);
      throwFailure(actual, expected, instanceMismatchMessage(actual, expected), true, fn);
    }
    const result = Reflect.apply(expected, {}, [actual]);
    if (result === true) return;
    if (message) throwFailure(actual, expected, message, false, fn);
    const name = expected.name ? `"${expected.name}" ` : '';
    let generated = `The ${name}validation function is expected to return "true". ` +
      `Received ${inspect(result)}`;
    if (isError(actual)) generated += `\n\nCaught error:\n\n${actual}`;
    throwFailure(actual, expected, generated, true, fn);
  }
  if (isRegExp(expected)) {
    const text = String(actual);
    if (RegExp.prototype.exec.call(expected, text) !== null) return;
    if (message) throwFailure(actual, expected, message, false, fn);
    throwFailure(actual, expected, 'The input did not match the regular expression ' +
      `${inspect(expected)}. Input:\n\n${inspect(text)}\n`, true, fn);
  }
  if (!isObjectLike(actual)) {
    // A primitive cannot have the properties: show the two values.
    const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual',
                                     stackStartFn: fn });
    err.operator = fn.name;
    throw err;
  }
  checkValidationObject(actual, expected, message, fn);
}

// For doesNotThrow / doesNotReject: does the thrown value match `expected` (a class, RegExp or
// validation function)?
function matchesExpected(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return RegExp.prototype.exec.call(expected, String(actual)) !== null;
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

module.exports = { checkThrownValue, matchesExpected };
