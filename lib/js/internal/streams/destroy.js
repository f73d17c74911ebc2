'use strict';
// Tear-down shared by Readable, Writable and Duplex.
//
//   destroy(err, cb)        Readable.prototype.destroy; Writable wraps it to fail its queue first
//   undestroy()             the `_undestroy` method: back to a fresh, constructed state
//   errorOrDestroy(s, err)  how the state machines report an error: destroy when autoDestroy,
//                           otherwise record it and emit 'error'
//   construct(s, onReady)   schedules the user's _construct; each side registers its onReady
//   destroyer(s, err)       destroys anything stream-like (pipeline, finished, stream.destroy)
//
// A stream has one or two "sides" (_writableState, _readableState); most flags live on both and
// are read as "either side" / written to every side, which is what the helpers below do.
//
// Timing, as observed on node: destroy() flags the stream destroyed at once and calls _destroy;
// when _destroy reports back, the caller's callback runs right away and 'error' (if any) and
// 'close' follow together on one later tick.

const {
  aggregateTwoErrors,
  codes: { ERR_MULTIPLE_CALLBACK },
  AbortError,
} = require('internal/errors');
const {
  kIsDestroyed,
  isDestroyed,
  isFinished,
  isServerRequest,
} = require('internal/streams/utils');

// Private events on the stream itself. Their descriptions show in util.inspect of a stream that
// is still constructing, so they keep node's.
const kDestroyAfterConstruct = Symbol('kDestroy');
const kConstructDone = Symbol('kConstruct');
// Readable and Writable publish their "construction finished" continuation under this key so
// that Duplex can register both.
const kOnConstructed = Symbol('kOnConstructed');

// --- side helpers ---------------------------------------------------------------------------

function isAlreadyDestroyed(stream) {
  const writable = stream._writableState;
  const readable = stream._readableState;
  return !!((writable && writable.destroyed) || (readable && readable.destroyed));
}

// Keeps the first error each side sees. Reading `stack` fixes it while the frames that raised
// the error are still the interesting ones.
function keepFirstError(stream, err) {
  if (!err) return;
  err.stack; // eslint-disable-line no-unused-expressions
  const writable = stream._writableState;
  const readable = stream._readableState;
  if (writable && !writable.errored) writable.errored = err;
  if (readable && !readable.errored) readable.errored = err;
}

// --- destroy --------------------------------------------------------------------------------

function destroy(err, cb) {
  if (isAlreadyDestroyed(this)) {
    if (typeof cb === 'function') cb();
    return this;
  }

  keepFirstError(this, err);
  const writable = this._writableState;
  const readable = this._readableState;
  if (writable) writable.destroyed = true;
  if (readable) readable.destroyed = true;

  if ((writable || readable).constructed) {
    invokeUserDestroy(this, err, cb);
  } else {
    // _construct is still running; its outcome is folded into the destroy error.
    this.once(kDestroyAfterConstruct, function(constructErr) {
      invokeUserDestroy(this, aggregateTwoErrors(constructErr, err), cb);
    });
  }
  return this;
}

// Calls stream._destroy and, when it reports back (once; later reports are ignored), marks the
// stream closed and schedules the 'error' / 'close' announcement.
function invokeUserDestroy(stream, err, cb) {
  let reported = false;
  const onDestroyed = (destroyErr) => {
    if (reported) return;
    reported = true;
    keepFirstError(stream, destroyErr);
    const writable = stream._writableState;
    const readable = stream._readableState;
    if (writable) writable.closed = true;
    if (readable) readable.closed = true;
    if (typeof cb === 'function') cb(destroyErr);
    if (destroyErr) process.nextTick(announceErrorThenClose, stream, destroyErr);
    else process.nextTick(announceClose, stream);
  };
  try {
    stream._destroy(err || null, onDestroyed);
  } catch (thrown) {
    onDestroyed(thrown);
  }
}

function announceErrorThenClose(stream, err) {
  announceError(stream, err);
  announceClose(stream);
}

function announceClose(stream) {
  const writable = stream._writableState;
  const readable = stream._readableState;
  if (writable) writable.closeEmitted = true;
  if (readable) readable.closeEmitted = true;
  const wanted = (writable && writable.emitClose) || (readable && readable.emitClose);
  if (wanted) stream.emit('close');
}

// 'error' is emitted at most once per stream, whichever side raised it.
function announceError(stream, err) {
  const writable = stream._writableState;
  const readable = stream._readableState;
  if ((writable && writable.errorEmitted) || (readable && readable.errorEmitted)) return;
  if (writable) writable.errorEmitted = true;
  if (readable) readable.errorEmitted = true;
  stream.emit('error', err);
}

// --- undestroy ------------------------------------------------------------------------------

// A side whose `readable`/`writable` flag is false never opens, so it comes back ended.
function reopenReadableSide(state) {
  const neverOpens = state.readable === false;
  state.constructed = true;
  state.closed = false;
  state.closeEmitted = false;
  state.destroyed = false;
  state.errored = null;
  state.errorEmitted = false;
  state.reading = false;
  state.ended = neverOpens;
  state.endEmitted = neverOpens;
}

function reopenWritableSide(state) {
  const neverOpens = state.writable === false;
  state.constructed = true;
  state.destroyed = false;
  state.closed = false;
  state.closeEmitted = false;
  state.errored = null;
  state.errorEmitted = false;
  state.finalCalled = false;
  state.prefinished = false;
  state.ended = neverOpens;
  state.ending = neverOpens;
  state.finished = neverOpens;
}

function undestroy() {
  if (this._readableState) reopenReadableSide(this._readableState);
  if (this._writableState) reopenWritableSide(this._writableState);
}

// --- errors raised by the state machines ----------------------------------------------------

// `fromSyncCall`: the caller is still inside a user-facing call (write(), _final's synchronous
// callback...), so a plain 'error' waits for the next tick.
function errorOrDestroy(stream, err, fromSyncCall) {
  if (isAlreadyDestroyed(stream)) return;
  const writable = stream._writableState;
  const readable = stream._readableState;
  if ((readable && readable.autoDestroy) || (writable && writable.autoDestroy)) {
    stream.destroy(err);
    return;
  }
  if (!err) return;
  keepFirstError(stream, err);
  if (fromSyncCall) process.nextTick(announceError, stream, err);
  else announceError(stream, err);
}

// --- _construct -----------------------------------------------------------------------------

// Schedules stream._construct for the next tick and runs `onReady` (with the stream as `this`)
// once it succeeded. A Duplex calls this once per side; _construct itself runs once.
function construct(stream, onReady) {
  if (typeof stream._construct !== 'function') return;
  const writable = stream._writableState;
  const readable = stream._readableState;
  if (readable) readable.constructed = false;
  if (writable) writable.constructed = false;
  stream.once(kConstructDone, onReady);
  const firstSide = stream.listenerCount(kConstructDone) === 1;
  if (firstSide) process.nextTick(runUserConstruct, stream);
}

function runUserConstruct(stream) {
  let reported = false;
  // The user's callback is always taken up on a tick of its own, even when called synchronously.
  const settle = (err) => {
    if (reported) {
      errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
      return;
    }
    reported = true;
    const writable = stream._writableState;
    const readable = stream._readableState;
    if (readable) readable.constructed = true;
    if (writable) writable.constructed = true;
    if ((writable || readable).destroyed) {
      // destroy() came while constructing and is waiting for this.
      stream.emit(kDestroyAfterConstruct, err);
    } else if (err) {
      errorOrDestroy(stream, err, true);
    } else {
      stream.emit(kConstructDone);
    }
  };
  try {
    stream._construct((err) => { process.nextTick(settle, err); });
  } catch (thrown) {
    process.nextTick(settle, thrown);
  }
}

// --- destroyer ------------------------------------------------------------------------------

// http.ClientRequest (and look-alikes): aborted rather than destroyed.
function looksLikeClientRequest(stream) {
  return stream?.setHeader && typeof stream.abort === 'function';
}

function emitBareClose(stream) {
  stream.emit('close');
}

function emitBareErrorThenClose(stream, err) {
  stream.emit('error', err);
  process.nextTick(emitBareClose, stream);
}

// Destroys anything stream-like. A stream that has not finished is destroyed with an AbortError
// when no error is given.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = new AbortError();

  if (isServerRequest(stream)) {
    // An IncomingMessage must not take its socket down with it.
    stream.socket = null;
    stream.destroy(err);
  } else if (looksLikeClientRequest(stream)) {
    stream.abort();
  } else if (looksLikeClientRequest(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    // An old-style emitter: only the events can be imitated.
    process.nextTick(emitBareErrorThenClose, stream, err);
  } else {
    process.nextTick(emitBareClose, stream);
  }

  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

module.exports = {
  kOnConstructed,
  construct,
  destroyer,
  destroy,
  undestroy,
  errorOrDestroy,
};
