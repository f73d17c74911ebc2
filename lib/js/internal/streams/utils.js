'use strict';
// Duck-typed predicates over node streams (ours, legacy, http messages) and web streams, used by
// finished(), pipeline(), compose() and the public stream.isX() helpers.
//
// Three kinds of answer: true/false, or null for "cannot tell" (not a node stream, or a state
// without the flag asked about). Streams that are not ours can settle a question with one of
// the k* markers below, which win over anything read from their state.

const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
const kIsErrored = Symbol('kIsErrored');
const kIsReadable = Symbol('kIsReadable');
const kIsWritable = Symbol('kIsWritable');
const kIsDisturbed = Symbol('kIsDisturbed');
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

// ---- shapes ---------------------------------------------------------------------------------

// Whether every named member of obj is a function (checked in order, stopping at the first
// that is not).
function hasMethods(obj, names) {
  if (!obj) return false;
  for (const name of names) {
    if (typeof obj[name] !== 'function') return false;
  }
  return true;
}

// Whether every named member of obj is a boolean (obj must be an object).
function hasBooleans(obj, names) {
  for (const name of names) {
    if (typeof obj[name] !== 'boolean') return false;
  }
  return true;
}

const kReaderMethods = ['pipe', 'on'];
const kFlowMethods = ['pause', 'resume'];
const kWriterMethods = ['write', 'on'];
const kDuplexTail = ['on', 'write'];
// Fields only http's OutgoingMessage carries, and what a ServerResponse or server-side
// IncomingMessage adds.
const kOutgoingFields = ['_closed', '_defaultKeepAlive', '_removedConnection', '_removedContLen'];
const kResponseFields = ['_sent100', ...kOutgoingFields];
const kRequestFields = ['_consuming', '_dumped'];

function isNodeStream(obj) {
  if (!obj) return false;
  if (obj._readableState || obj._writableState) return true;
  return typeof obj.on === 'function' &&
         (typeof obj.write === 'function' || typeof obj.pipe === 'function');
}

// A Duplex made with readable: false (it keeps a _readableState that says so, or none).
function readableSideDisabled(obj) {
  if (!obj._writableState) return false;
  const rState = obj._readableState;
  return !rState || rState.readable === false;
}

// A Duplex made with writable: false.
function writableSideDisabled(obj) {
  return !!obj._readableState && obj._writableState?.writable === false;
}

function isReadableNodeStream(obj, strict = false) {
  if (!hasMethods(obj, kReaderMethods)) return false;
  if (strict && !hasMethods(obj, kFlowMethods)) return false;
  return !readableSideDisabled(obj);
}

function isWritableNodeStream(obj) {
  return hasMethods(obj, kWriterMethods) && !writableSideDisabled(obj);
}

function isDuplexNodeStream(obj) {
  return hasMethods(obj, ['pipe']) && !!obj._readableState && hasMethods(obj, kDuplexTail);
}

// A WHATWG stream: the given methods, and none of a node stream's shape.
function looksLikeWebStream(obj, check) {
  return !!obj && !isNodeStream(obj) && check(obj);
}

function isReadableStream(obj) {
  return looksLikeWebStream(obj, (o) => hasMethods(o, ['pipeThrough', 'getReader', 'cancel']));
}

function isWritableStream(obj) {
  return looksLikeWebStream(obj, (o) => hasMethods(o, ['getWriter', 'abort']));
}

function isTransformStream(obj) {
  return looksLikeWebStream(
    obj, (o) => typeof o.readable === 'object' && typeof o.writable === 'object');
}

function isWebStream(obj) {
  return isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj);
}

// isAsync true: only async iterables; false: only sync ones; otherwise either.
function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync !== false && typeof obj[Symbol.asyncIterator] === 'function') return true;
  return isAsync !== true && typeof obj[Symbol.iterator] === 'function';
}

// ---- state ----------------------------------------------------------------------------------

// The state that speaks for the whole stream: the writable side's when there is one.
function mainState(stream) {
  return stream._writableState || stream._readableState;
}

// state[name] when it is a boolean, else null.
function booleanOf(state, name) {
  const value = state?.[name];
  return typeof value === 'boolean' ? value : null;
}

// Non-strict "finished": ended with nothing left buffered counts too.
function endedAndDrained(state, strict) {
  return strict === false && state.ended === true && state.length === 0;
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.destroyed || stream[kIsDestroyed]) return true;
  return !!mainState(stream)?.destroyed;
}

function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const wState = stream._writableState;
  // An errored writer never counts as ended.
  if (wState?.errored) return false;
  return booleanOf(wState, 'ended');
}

function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const wState = stream._writableState;
  if (wState?.errored) return false;
  const finished = booleanOf(wState, 'finished');
  if (finished === null) return null;
  return finished || endedAndDrained(wState, strict);
}

function isReadableEnded(stream) {
  if (!isReadableNodeStream(stream)) return null;
  if (stream.readableEnded === true) return true;
  const rState = stream._readableState;
  if (!rState || rState.errored) return false;
  return booleanOf(rState, 'ended');
}

function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const rState = stream._readableState;
  if (rState?.errored) return false;
  const endEmitted = booleanOf(rState, 'endEmitted');
  if (endEmitted === null) return null;
  return endEmitted || endedAndDrained(rState, strict);
}

// Whether one side is still usable: a marker decides if set; otherwise the public flag must be
// a boolean, the stream alive, of that side's shape, and the side not done.
function sideStillOpen(stream, marker, flag, hasSide, sideDone) {
  const marked = stream?.[marker];
  if (marked != null) return marked;
  if (typeof stream?.[flag] !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return hasSide(stream) && stream[flag] && !sideDone(stream);
}

function isReadable(stream) {
  return sideStillOpen(stream, kIsReadable, 'readable', isReadableNodeStream,
                       isReadableFinished);
}

function isWritable(stream) {
  return sideStillOpen(stream, kIsWritable, 'writable', isWritableNodeStream, isWritableEnded);
}

// opts.readable / opts.writable false: that side is not waited for.
function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  const readingOn = opts?.readable !== false && isReadable(stream);
  return !(readingOn || (opts?.writable !== false && isWritable(stream)));
}

// The error of one side: the public getter's if it has one, else its state's (or null).
function sideError(stream, getter, stateName) {
  if (!isNodeStream(stream)) return null;
  return stream[getter] || (stream[stateName]?.errored ?? null);
}

function isWritableErrored(stream) {
  return sideError(stream, 'writableErrored', '_writableState');
}

function isReadableErrored(stream) {
  return sideError(stream, 'readableErrored', '_readableState');
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  const own = booleanOf(stream, 'closed');
  if (own !== null) return own;
  const wState = stream._writableState;
  const rState = stream._readableState;
  if (booleanOf(wState, 'closed') !== null || booleanOf(rState, 'closed') !== null) {
    // Either side's value as read (undefined when the writable side says false and there is
    // no readable side).
    return wState?.closed || rState?.closed;
  }
  // An http OutgoingMessage has no states: destroyed is as close as it gets.
  if (typeof stream.destroyed === 'boolean' && isOutgoingMessage(stream)) return stream.destroyed;
  return null;
}

function isOutgoingMessage(stream) {
  return hasBooleans(stream, kOutgoingFields);
}

function isServerResponse(stream) {
  return hasBooleans(stream, kResponseFields);
}

function isServerRequest(stream) {
  return hasBooleans(stream, kRequestFields) && stream.req?.upgradeOrConnect === undefined;
}

// Whether 'close' is still to come on its own (autoDestroy and emitClose, not closed yet); an
// http ServerResponse always closes.
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const state = mainState(stream);
  if (!state) return isServerResponse(stream);
  return !!(state.autoDestroy && state.emitClose) && state.closed === false;
}

function isDisturbed(stream) {
  if (!stream) return false;
  const marked = stream[kIsDisturbed];
  if (marked != null) return !!marked;
  return !!(stream.readableDidRead || stream.readableAborted);
}

// Where an error shows, most telling first: the first that says anything (not null or
// undefined) decides.
const kErrorWitnesses = [
  (s) => s[kIsErrored],
  (s) => s.readableErrored,
  (s) => s.writableErrored,
  (s) => s._readableState?.errorEmitted,
  (s) => s._writableState?.errorEmitted,
  (s) => s._readableState?.errored,
  (s) => s._writableState?.errored,
];

function isErrored(stream) {
  if (!stream) return false;
  for (const witness of kErrorWitnesses) {
    const said = witness(stream);
    if (said != null) return !!said;
  }
  return false;
}

module.exports = {
  isDestroyed,
  kIsDestroyed,
  isDisturbed,
  kIsDisturbed,
  isErrored,
  kIsErrored,
  isReadable,
  kIsReadable,
  kIsClosedPromise,
  kControllerErrorFunction,
  kIsWritable,
  isClosed,
  isDuplexNodeStream,
  isFinished,
  isIterable,
  isReadableNodeStream,
  isReadableStream,
  isReadableEnded,
  isReadableFinished,
  isReadableErrored,
  isNodeStream,
  isWebStream,
  isWritable,
  isWritableNodeStream,
  isWritableStream,
  isWritableEnded,
  isWritableFinished,
  isWritableErrored,
  isServerRequest,
  isServerResponse,
  willEmitClose,
  isTransformStream,
};
