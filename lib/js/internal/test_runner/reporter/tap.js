'use strict';
// The TAP 13 reporter: `# Subtest:` headers, `ok`/`not ok` lines with directives, and a YAML block
// of details (duration, location and error fields for failures) per test.

const { inspect } = require('util');
const { kUnwrapErrors } = require('internal/test_runner/errors');

const kInspectOptions = { __proto__: null, colors: false, breakLength: Infinity };
const kLineBreak = /\r?\n/;
const kFrameStart = /^\s*at\s+/;

function indent(nesting) {
  return '    '.repeat(Math.max(nesting, 0));
}

// Names and messages on one TAP line: backslashes, '#' and line breaks are escaped.
function tapEscape(text) {
  let result = '';
  for (const char of `${text}`) {
    switch (char) {
      case '\\': result += '\\\\'; break;
      case '#': result += '\\#'; break;
      case '\n': result += '\\\\n'; break;
      case '\r': result += '\\\\r'; break;
      case '\t': result += '\\\\t'; break;
      case '\b': result += '\\\\b'; break;
      case '\f': result += '\\\\f'; break;
      case '\v': result += '\\\\v'; break;
      default: result += char;
    }
  }
  return result;
}

function isAssertionLike(value) {
  return value !== null && typeof value === 'object' && 'expected' in value &&
    'actual' in value && typeof value.operator === 'string';
}

function frameLines(stack) {
  const frames = [];
  for (const line of `${stack}`.split(kLineBreak)) {
    const frame = line.replace(kFrameStart, '');
    if (frame.length > 0 && frame.length !== line.length) frames.push(frame);
  }
  return frames;
}

// The error fields of a failure: the user's error when the failure wraps one.
function errorToYaml(pad, error, seen) {
  const { cause, code, failureType, message, name, stack } = error;
  let errorMessage = message ?? '<unknown error>';
  let errorName = name;
  let errorStack = stack;
  let errorCode = code;
  let assertion = null;
  if (code === 'ERR_TEST_FAILURE' && kUnwrapErrors.has(failureType)) {
    errorStack = cause?.stack ?? errorStack;
    errorCode = cause?.code ?? errorCode;
    errorName = cause?.name ?? errorName;
    if (isAssertionLike(cause)) assertion = cause;
    errorMessage = cause?.message ?? errorMessage;
  }
  let result = valueToYaml(pad, 'error', errorMessage, seen);
  if (errorCode) result += valueToYaml(pad, 'code', errorCode, seen);
  if (errorName && errorName !== 'Error') result += valueToYaml(pad, 'name', errorName, seen);
  if (assertion !== null) {
    result += valueToYaml(pad, 'expected', assertion.expected, seen);
    result += valueToYaml(pad, 'actual', assertion.actual, seen);
    result += valueToYaml(pad, 'operator', assertion.operator, seen);
  }
  if (errorStack && errorStack !== errorMessage) {
    const frames = frameLines(errorStack);
    if (frames.length > 0) {
      const separator = `\n${pad}    `;
      result += `${pad}  stack: |-${separator}${frames.join(separator)}\n`;
    }
  }
  return result;
}

const kErrorFields = new Set(['code', 'failureType', 'message', 'name', 'stack', 'cause']);

// One YAML entry (`name: value`), nested objects as indented blocks; `name` null lists an
// object's entries at this level.
function valueToYaml(pad, name, value, seen) {
  if (value === null || value === undefined) return `${pad}  ${name}: ~\n`;
  if (typeof value !== 'object') {
    if (typeof value === 'string' && kLineBreak.test(value)) {
      const lines = value.split(kLineBreak).map((line) => `${pad}    ${line}`);
      return `${pad}  ${name}: |-\n${lines.join('\n')}\n`;
    }
    return `${pad}  ${name}: ${inspect(value, kInspectOptions)}\n`;
  }
  seen.add(value);
  const isError = value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
  let result = '';
  let inner = pad;
  if (name !== null) {
    result += `${pad}  ${name}:\n`;
    inner = `${pad}  `;
  }
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (isError && kErrorFields.has(key)) continue;
    if (entry === undefined) continue;
    if (seen.has(entry)) {
      result += `${inner}  ${key}: <Circular>\n`;
      continue;
    }
    result += valueToYaml(inner, key, entry, seen);
  }
  if (isError) {
    if (value.failureType !== undefined) {
      result = valueToYaml(inner, 'failureType', value.failureType, seen) + result;
    }
    result += errorToYaml(inner, value, seen);
  }
  seen.delete(value);
  return result;
}

function reportTest(nesting, testNumber, status, name, skip, todo) {
  let line = `${indent(nesting)}${status} ${testNumber}`;
  if (name) line += ` - ${tapEscape(`${name}`)}`;
  if (skip !== undefined) {
    line += ` # SKIP${typeof skip === 'string' && skip.length > 0 ? ` ${tapEscape(skip)}` : ''}`;
  } else if (todo !== undefined) {
    line += ` # TODO${typeof todo === 'string' && todo.length > 0 ? ` ${tapEscape(todo)}` : ''}`;
  }
  return `${line}\n`;
}

function reportDetails(nesting, data, location) {
  const { error, duration_ms, type } = data.details;
  const pad = indent(nesting);
  let details = `${pad}  ---\n`;
  details += valueToYaml(pad, 'duration_ms', duration_ms, new Set());
  if (type !== undefined) details += valueToYaml(pad, 'type', type, new Set());
  if (location) details += valueToYaml(pad, 'location', location, new Set());
  if (error !== undefined && error !== null) details += valueToYaml(pad, null, error, new Set());
  details += `${pad}  ...\n`;
  return details;
}

async function* tapReporter(source) {
  yield 'TAP version 13\n';
  for await (const { type, data } of source) {
    switch (type) {
      case 'test:fail': {
        yield reportTest(data.nesting, data.testNumber, 'not ok', data.name, data.skip, data.todo);
        const location = data.file ? `${data.file}:${data.line}:${data.column}` : null;
        yield reportDetails(data.nesting, data, location);
        break;
      }
      case 'test:pass':
        yield reportTest(data.nesting, data.testNumber, 'ok', data.name, data.skip, data.todo);
        yield reportDetails(data.nesting, data, null);
        break;
      case 'test:plan':
        yield `${indent(data.nesting)}1..${data.count}\n`;
        break;
      case 'test:start':
        yield `${indent(data.nesting)}# Subtest: ${tapEscape(data.name)}\n`;
        break;
      case 'test:stderr':
      case 'test:stdout': {
        const lines = `${data.message}`.split(kLineBreak);
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) {
          if (line.length > 0) yield `# ${tapEscape(line)}\n`;
        }
        break;
      }
      case 'test:diagnostic':
        yield `${indent(data.nesting)}# ${tapEscape(data.message)}\n`;
        break;
      default:
        break;
    }
  }
}

module.exports = tapReporter;
