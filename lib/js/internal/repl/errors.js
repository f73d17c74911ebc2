'use strict';
// What the REPL does with errors: Recoverable (the input goes on on the next line), the test
// for "this SyntaxError only means the input is unfinished", and the "Uncaught ..." report.

const { isNativeError } = require('internal/util/types');
const { scan } = require('internal/repl/scanner');

// Passed to an eval callback to ask the REPL for more input ('... ' prompt).
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

// V8's messages for code that ends too early.
const kEndOfInputMessages = new Set([
  'Unexpected end of input',
  'Unterminated template literal',
  'Missing } in template expression',
  'missing ) after argument list',
]);

// True when `error` (from compiling `code`) would go away with more lines: the code stops
// inside brackets, a template or a block comment, with nothing wrong before that point.
function isRecoverableError(error, code) {
  if (!isNativeError(error) && !(error instanceof Error)) return false;
  if (error.name !== 'SyntaxError') return false;
  const { open, unterminated, mismatched } = scan(code);
  if (mismatched || unterminated === 'string' || unterminated === 'regex') return false;
  if (unterminated === 'template' || unterminated === 'comment' ||
      unterminated === 'continued') {
    return true;
  }
  if (!kEndOfInputMessages.has(error.message)) return false;
  if (error.message === 'missing ) after argument list') return open.includes('(');
  return true;
}

function isErrorLike(value) {
  return isNativeError(value) || value instanceof Error;
}

const kFrameLine = /^\s+at\s/;
const kReplFrame = /\bREPL\d+:\d+(?::\d+)?\)?$/;
const kArrowHeader = /^REPL\d+:\d+\n/;

// The stack as the REPL shows it: frames from the REPL's own machinery are dropped (everything
// from the outermost frame of the evaluated input on), a SyntaxError keeps no frames, and the
// "REPLn:line" header of a compile error's source arrow goes.
function trimStack(error) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  const lines = stack.split('\n');
  let keep = lines.length;
  if (error.name === 'SyntaxError' || error instanceof SyntaxError) {
    keep = lines.findIndex((line) => kFrameLine.test(line));
    if (keep === -1) keep = lines.length;
  } else {
    for (let i = lines.length - 1; i >= 0; i--) {
      if (kFrameLine.test(lines[i]) && kReplFrame.test(lines[i])) {
        keep = i;
        break;
      }
    }
  }
  let trimmed = lines.slice(0, keep).join('\n');
  trimmed = trimmed.replace(kArrowHeader, '');
  if (trimmed === stack) return;
  try {
    Object.defineProperty(error, 'stack', {
      __proto__: null, value: trimmed, writable: true, enumerable: false, configurable: true,
    });
  } catch {
    // A frozen error keeps its stack.
  }
}

const kErrorHeader = /^\[?([A-Z][a-z0-9_]*)*Error/;

// "Uncaught <what was thrown>", as node's REPL prints it.
function formatUncaught(thrown, writer, breakLength) {
  let text;
  if (isErrorLike(thrown)) {
    trimStack(thrown);
    text = writer(thrown);
    // An error that prints as "[Error: x]" (no frames left) loses the brackets.
    if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  } else {
    text = writer(thrown);
  }
  const lines = text.split(/(?<=\n)/);
  const header = lines.findIndex((line) => kErrorHeader.test(line));
  if (header !== -1) {
    const line = lines[header];
    lines[header] = line.length <= breakLength ? `Uncaught ${line}` : `Uncaught:\n${line}`;
    return lines.join('');
  }
  return (lines.length === 1 ? 'Uncaught ' : 'Uncaught:\n') + text;
}

module.exports = { Recoverable, isRecoverableError, isErrorLike, trimStack, formatUncaught };
