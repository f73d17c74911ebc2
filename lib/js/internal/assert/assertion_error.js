'use strict';
// AssertionError: the error every failed assertion throws, with node v20's generated messages.

const { inspect } = require('internal/util/inspect');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { diffMessage, truncateLines, kHeaders } = require('internal/assert/diff');
const colors = require('internal/util/colors');

// Inspected values longer than this are cut in the one-line forms (`a == b`, deepEqual's
// "should loosely deep-equal").
const kMaxInlineLength = 512;
const kMaxIdenticalLength = 1024;

// Every level, every property and entry, sorted keys, no custom inspectors: two values that
// differ must print differently.
function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

// The diff is colored like node's other messages (internal/util/colors, which is refreshed here
// while stderr is a color terminal and otherwise keeps its state); `^` markers are only drawn
// for pairs that fit the terminal.
function terminalStyle() {
  const stderr = process.stderr;
  if (stderr.isTTY && stderr.hasColors()) colors.refresh();
  return {
    palette: { green: colors.green, red: colors.red, blue: colors.blue, reset: colors.white },
    lineWidth: stderr.isTTY ? stderr.columns : 80,
  };
}

function isObjectLike(value) {
  return typeof value === 'object' && value !== null;
}

// Errors are compared through a copy without the stack (own enumerable properties plus the
// message), so the diff shows `[Error: message]` rather than two stack traces.
function copyWithoutStack(error) {
  const copy = Object.assign({ __proto__: Object.getPrototypeOf(error) }, error);
  Object.defineProperty(copy, 'message', { __proto__: null, value: error.message });
  return copy;
}

function cut(text, length) {
  return text.length > length ? `${text.slice(0, length - 3)}...` : text;
}

// notStrictEqual / notDeepStrictEqual: the value both sides share.
function sameValueMessage(actual, operator, palette) {
  let header = kHeaders[operator];
  if (operator === 'notStrictEqual' && (isObjectLike(actual) || typeof actual === 'function')) {
    header = kHeaders.notStrictEqualObject;
  }
  const lines = truncateLines(inspectValue(actual).split('\n'), palette);
  if (lines.length === 1) {
    return `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  }
  return `${header}\n\n${lines.join('\n')}\n`;
}

// deepEqual, notDeepEqual and every other operator (==, !=, fail's free-form operators).
function looseMessage(actual, expected, operator) {
  let actualText = inspectValue(actual);
  let expectedText = inspectValue(expected);
  if (operator === 'notDeepEqual' && actualText === expectedText) {
    return cut(`${kHeaders.notDeepEqual}\n\n${actualText}`, kMaxIdenticalLength);
  }
  actualText = cut(actualText, kMaxInlineLength);
  expectedText = cut(expectedText, kMaxInlineLength);
  if (operator === 'deepEqual') {
    return `${kHeaders.deepEqual}\n\n${actualText}\n\nshould loosely deep-equal\n\n${expectedText}`;
  }
  if (operator === 'notDeepEqual') {
    return `${kHeaders.notDeepEqualUnequal}\n\n${actualText}\n\nshould not loosely deep-equal\n\n` +
      expectedText;
  }
  return `${actualText} ${operator} ${expectedText}`;
}

function composeMessage(message, actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    const { palette, lineWidth } = terminalStyle();
    // A truthy custom message replaces the header of the diff.
    return diffMessage({
      actual, expected, operator, palette, lineWidth,
      actualText: inspectValue(actual),
      expectedText: inspectValue(expected),
      header: message ? String(message) : undefined,
      colorsInInspect: inspect.defaultOptions.colors,
    });
  }
  if (message != null) return String(message);
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    return sameValueMessage(actual, operator, terminalStyle().palette);
  }
  return looseMessage(actual, expected, operator);
}

// Long strings would drown the inspected error: keep ten lines, or cut after 512 characters
// (node keeps what follows the first 512).
function shortenForInspect(text) {
  const lines = text.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  }
  if (text.length > kMaxInlineLength) return `${text.slice(kMaxInlineLength)}...`;
  return text;
}

function isStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable :
    desc.set !== undefined;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;

    // The stack is captured below, from the caller of stackStartFn.
    const limitWritable = isStackTraceLimitWritable();
    const limit = Error.stackTraceLimit;
    if (limitWritable) Error.stackTraceLimit = 0;

    if (isObjectLike(actual) && isObjectLike(expected) &&
        'stack' in actual && actual instanceof Error &&
        'stack' in expected && expected instanceof Error) {
      actual = copyWithoutStack(actual);
      expected = copyWithoutStack(expected);
    }
    super(composeMessage(message, actual, expected, operator));
    if (limitWritable) Error.stackTraceLimit = limit;

    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      __proto__: null, value: 'AssertionError [ERR_ASSERTION]', enumerable: false,
      writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      // CallTracker.verify() reports every mismatched function, one numbered group each.
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn);
    // Format the stack now, under the "AssertionError [ERR_ASSERTION]" name, then drop the code
    // from the name.
    // eslint-disable-next-line no-unused-expressions
    this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // actual and expected are already part of the message: show them one level deep, and long
  // strings shortened.
  [inspect.custom](recurseTimes, ctx) {
    const savedActual = this.actual;
    const savedExpected = this.expected;
    if (typeof savedActual === 'string') this.actual = shortenForInspect(savedActual);
    if (typeof savedExpected === 'string') this.expected = shortenForInspect(savedExpected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = savedActual;
      this.expected = savedExpected;
    }
  }
}

module.exports = { AssertionError, inspectValue, isStackTraceLimitWritable };
