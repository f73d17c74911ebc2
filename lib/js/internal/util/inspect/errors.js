'use strict';

// The head of an inspected error: its stack (or "[name: message]" when it has no frames),
// relabeled with the constructor when that differs from err.name, with the frames it shares
// with its cause folded into one line, and, in color, core frames dimmed, node_modules package
// names underlined and the working directory dimmed.

const { isNativeError } = internalBinding('types');
const { ownerLabel } = require('internal/util/inspect/naming');

const ErrorToString = Error.prototype.toString;

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

function stackOf(err) {
  return err.stack ? String(err.stack) : ErrorToString.call(err);
}

// The first place where more than three frames of `frames` repeat in a row in `others`:
// { len, offset } with `offset` an index into `frames`, or len 0.
function identicalSequenceRange(frames, others) {
  for (let start = 0; start + 3 < frames.length; start++) {
    const at = others.indexOf(frames[start]);
    if (at === -1 || others.length - at <= 3) continue;
    const limit = Math.min(frames.length - start, others.length - at);
    let run = 1;
    while (run < limit && frames[start + run] === others[at + run]) run++;
    if (run > 3) return { len: run, offset: start };
  }
  return { len: 0, offset: 0 };
}

// The frame lines of `stackTail`, with the run shared with the cause's stack cut down to its
// first and last line and a note in between.
function framesOf(state, err, stackTail) {
  const frames = stackTail.split('\n');
  let cause;
  try {
    cause = err.cause;
  } catch {
    // A throwing getter counts as no cause.
  }
  if (cause == null || !isError(cause)) return frames;
  const causeStack = stackOf(cause);
  const causeFramesAt = causeStack.indexOf('\n    at');
  if (causeFramesAt === -1) return frames;
  const shared = identicalSequenceRange(frames, causeStack.slice(causeFramesAt + 1).split('\n'));
  if (shared.len > 0) {
    const hidden = shared.len - 2;
    const note = `    ... ${hidden} lines matching cause stack trace ...`;
    frames.splice(shared.offset + 1, hidden, state.stylize(note, 'undefined'));
  }
  return frames;
}

// Rewrites the "Name: message" start of a standard-looking stack so it names the constructor
// (and tag) where that differs from err.name: "Foo [TypeError]: ...", "[Error: null prototype]".
function relabel(stack, ctor, name, tag) {
  let nameLength = name.length;
  let fallback = 'Error';
  if (ctor === null) {
    // No constructor: take the name the stack starts with, if any.
    const found = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/.exec(stack) ||
      /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
    const stackName = (found && found[1]) || '';
    nameLength = stackName.length;
    fallback = stackName || 'Error';
  } else {
    const after = stack[nameLength];
    const looksStandard = name.endsWith('Error') && stack.startsWith(name) &&
      (after === undefined || after === ':' || after === '\n');
    if (!looksStandard) return stack;
  }
  const label = ownerLabel(ctor, tag, fallback);
  if (label === name) return stack;
  if (!label.includes(name)) return `${label} [${name}]${stack.slice(nameLength)}`;
  return nameLength === 0 ? `${label}: ${stack}` : label + stack.slice(nameLength);
}

// --- coloring frames --------------------------------------------------------------------------

const coreFrame = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
// A package directory below node_modules: one path segment, two for a scoped (@scope/name)
// package, followed by a separator.
const packagePath = /[/\\]node_modules[/\\](@[^/\\]*[/\\][^/\\]*|[^/\\]*)(?=[/\\])/g;

function isCoreModule(id) {
  try {
    if (require('module').builtinModules.includes(id)) return true;
  } catch {
    // No module loader (yet): the frame can only be ours.
    return true;
  }
  return id.startsWith('internal/');
}

function underlinePackages(state, line) {
  // The separator plus 'node_modules' plus the separator.
  const kPrefixLength = 14;
  return line.replace(packagePath, (match, name) =>
    match.slice(0, kPrefixLength) + state.stylize(name, 'module'));
}

// Dims `directory` (and the '(' before it, and the ')' closing the line) inside `line`.
function dimDirectory(state, line, directory) {
  let from = line.indexOf(directory);
  if (from === -1) return line;
  let length = directory.length;
  if (line.slice(from - 7, from) === 'file://') {
    from -= 7;
    length += 7;
  }
  const opensParen = line[from - 1] === '(';
  const start = opensParen ? from - 1 : from;
  const closesParen = opensParen && line.endsWith(')');
  const pastDirectory = from + length + 1;
  const rest = closesParen ? line.slice(pastDirectory, -1) : line.slice(pastDirectory);
  return line.slice(0, start) + state.stylize(line.slice(start, pastDirectory), 'undefined') +
    rest + (closesParen ? state.stylize(')', 'undefined') : '');
}

function currentDirectory() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

// file:// URL of a POSIX path, encoded as url.pathToFileURL() does.
function fileUrlOf(path) {
  return `file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}`;
}

function colorFrames(state, frames) {
  const directory = currentDirectory();
  let directoryUrl;
  let text = '';
  for (let n = 0; n < frames.length; n++) {
    const frame = frames[n];
    const core = coreFrame.exec(frame);
    if (core !== null && isCoreModule(core[1])) {
      text += `\n${state.stylize(frame, 'undefined')}`;
      continue;
    }
    let line = underlinePackages(state, frame);
    if (directory !== undefined) {
      const dimmed = dimDirectory(state, line, directory);
      if (dimmed !== line) {
        line = dimmed;
      } else {
        directoryUrl ??= fileUrlOf(directory);
        line = dimDirectory(state, line, directoryUrl);
      }
    }
    text += `\n${line}`;
  }
  return text;
}

// --- the head ---------------------------------------------------------------------------------

const kShownByStack = ['name', 'message', 'stack'];

// Own keys the stack already shows are not listed again; `cause` and an AggregateError's
// `errors` are listed even when not enumerable.
function adjustErrorKeys(state, err, keys, stack) {
  if (!state.showHidden && keys.length !== 0) {
    for (let n = 0; n < kShownByStack.length; n++) {
      const name = kShownByStack[n];
      const at = keys.indexOf(name);
      if (at !== -1 && stack.includes(err[name])) keys.splice(at, 1);
    }
  }
  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray(err.errors) && !keys.includes('errors')) keys.push('errors');
}

function errorHead(state, err, ctor, tag, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = stackOf(err);
  adjustErrorKeys(state, err, keys, stack);
  stack = relabel(stack, ctor, name, tag);

  // Frames start after the message (which may itself hold "\n    at").
  const message = err.message;
  let searchFrom = (message && stack.indexOf(message)) || -1;
  if (searchFrom !== -1) searchFrom += message.length;
  const framesAt = stack.indexOf('\n    at', searchFrom);
  if (framesAt === -1) {
    stack = `[${stack}]`;
  } else {
    const frames = framesOf(state, err, stack.slice(framesAt + 1));
    const shownFrames = state.colors ? colorFrames(state, frames) : `\n${frames.join('\n')}`;
    stack = stack.slice(0, framesAt) + shownFrames;
  }
  if (state.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(state.indentationLvl)}`);
  }
  return stack;
}

module.exports = { errorHead, identicalSequenceRange, isError };
