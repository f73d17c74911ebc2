'use strict';
// The message of a failed assert.ok(value) called without a message: the source text of the
// call, read from the caller's file ("The expression evaluated to a falsy value:\n\n
// assert.ok(x === 1)\n"). Undefined when the source is not available (code from -e, stdin,
// eval, new Function, vm, or called from inside a builtin module); the error then falls back to
// the generic "false == true".

const { findCallExpression } = require('internal/assert/call_expression');
const { isStackTraceLimitWritable } = require('internal/assert/assertion_error');

// Per call site (file, line, column): the message, or undefined when there is none. Like
// node, a file is read once per site; later edits to it are not seen.
const messageCache = new Map();

// Control characters in the source would garble the message: they are shown escaped.
const kControlCharacters = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;

function escapeControlCharacter(ch) {
  if (ch === '\b') return '\\b';
  if (ch === '\f') return '\\f';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

// The first stack frame above `fn`, as a V8 CallSite.
function callerFrame(fn) {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  const limitWritable = isStackTraceLimitWritable();
  try {
    Error.prepareStackTrace = (holder, frames) => frames;
    if (limitWritable) Error.stackTraceLimit = 1;
    const holder = {};
    Error.captureStackTrace(holder, fn);
    const frames = holder.stack;
    return Array.isArray(frames) ? frames[0] : undefined;
  } catch {
    return undefined;  // Error frozen or its properties read-only
  } finally {
    try {
      Error.prepareStackTrace = savedPrepare;
      if (limitWritable) Error.stackTraceLimit = savedLimit;
    } catch {
      // Nothing was changed then.
    }
  }
}

function readSource(filename) {
  let path = filename;
  if (path.startsWith('file:')) {
    const { fileURLToPath } = require('internal/url');
    path = fileURLToPath(path);
  }
  return require('fs').readFileSync(path, 'utf8');
}

// Index of the first character of line `line` (1-based) in `text`, or -1.
function lineOffset(text, line) {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    offset = text.indexOf('\n', offset);
    if (offset === -1) return -1;
    offset++;
  }
  return offset;
}

// Lines after the first lose the indentation up to the column where the call starts.
function normalizeIndentation(source, column) {
  const lines = source.split('\n');
  let result = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    let pos = 0;
    while (pos < column && (line[pos] === ' ' || line[pos] === '\t')) pos++;
    result += `\n  ${line.slice(pos)}`;
  }
  return result;
}

function expressionMessage(filename, line, column) {
  let text;
  try {
    text = readSource(filename);
  } catch {
    return undefined;
  }
  const start = lineOffset(text, line);
  if (start === -1) return undefined;
  const range = findCallExpression(text, start, start + column - 1);
  if (range === undefined) return undefined;
  const source = text.slice(range[0], range[1])
    .replace(kControlCharacters, escapeControlCharacter);
  const callColumn = range[0] - start;
  const expression = normalizeIndentation(source, callColumn);
  return `The expression evaluated to a falsy value:\n\n  ${expression}\n`;
}

// The message for a falsy value passed to `fn` (assert, assert.ok, assert.strict...).
function falsyValueMessage(fn) {
  const frame = callerFrame(fn);
  if (frame === undefined) return undefined;
  const filename = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!filename || !line || !column) return undefined;
  if (filename.startsWith('node:')) return undefined;  // never read builtins from disk
  const key = `${filename}:${line}:${column}`;
  if (messageCache.has(key)) return messageCache.get(key);
  const message = expressionMessage(filename, line, column);
  messageCache.set(key, message);
  return message;
}

module.exports = { falsyValueMessage };
