'use strict';
// finished(stream[, options], callback): calls back once a stream is done (ended/finished, or
// closed, or errored), with ERR_STREAM_PREMATURE_CLOSE when it closed before finishing.
// The module itself is that function; .finished is the promise form (stream/promises).
//
// Design: watchStream() normalises the arguments and wraps the callback in a one-shot
// "report"; a web stream is watched through its closed promise, a node stream through a
// NodeStreamWatch that records which of its sides are done and reports on the right event.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/errors');
const { kEmptyObject, once, SymbolDispose } = require('internal/util');
const {
  validateAbortSignal,
  validateFunction,
  validateObject,
  validateBoolean,
} = require('internal/validators');
const {
  isClosed,
  isReadable,
  isReadableNodeStream,
  isReadableStream,
  isReadableFinished,
  isReadableErrored,
  isWritable,
  isWritableNodeStream,
  isWritableStream,
  isWritableFinished,
  isWritableErrored,
  isNodeStream,
  willEmitClose,
  kIsClosedPromise,
} = require('internal/streams/utils');

let addAbortListener;

const doNothing = () => {};

// http.ClientRequest-like objects finish through 'complete' / their req's 'finish'.
function looksLikeClientRequest(stream) {
  return stream.setHeader && typeof stream.abort === 'function';
}

// The error a destroyed stream stored, if it is a real error (not just `true`).
function storedError(stream) {
  const errored = isWritableErrored(stream) || isReadableErrored(stream);
  return errored && typeof errored !== 'boolean' ? errored : undefined;
}

function abortErrorFor(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

// Calls the user's callback with `this` = stream; success passes no argument at all.
function callWith(callback, stream, err) {
  if (err === undefined) callback.call(stream);
  else callback.call(stream, err);
}

// Once `signal` aborts, onAbort runs; returns the report function that also drops the abort
// listener when the stream settles first.
function reportThatStopsListeningTo(signal, report, onAbort) {
  addAbortListener ??= require('internal/events/abort_listener').addAbortListener;
  const subscription = addAbortListener(signal, onAbort);
  return once(function(...args) {
    subscription[SymbolDispose]();
    Reflect.apply(report, this, args);
  });
}

function watchStream(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = kEmptyObject;
  } else if (options == null) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');

  const callOnce = once(callback);

  if (isReadableStream(stream) || isWritableStream(stream)) {
    return watchWebStream(stream, options.signal, callOnce);
  }
  if (!isNodeStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return new NodeStreamWatch(stream, options, callOnce).stopWatching;
}

// Web streams carry a promise that settles when they close or error.
function watchWebStream(stream, signal, callOnce) {
  let aborted = false;
  let report = (...args) => Reflect.apply(callOnce, stream, args);
  if (signal) {
    const onAbort = () => {
      aborted = true;
      callWith(callOnce, stream, abortErrorFor(signal));
    };
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      report = reportThatStopsListeningTo(signal, report, onAbort);
    }
  }
  const relay = (...args) => {
    if (!aborted) process.nextTick(() => Reflect.apply(report, undefined, args));
  };
  stream[kIsClosedPromise]?.promise.then(relay, relay);
  return doNothing;
}

class NodeStreamWatch {
  constructor(stream, options, callOnce) {
    this.stream = stream;
    this.callback = callOnce; // replaced by doNothing when the caller stops watching
    this.watchReadable = options.readable ?? isReadableNodeStream(stream);
    this.watchWritable = options.writable ?? isWritableNodeStream(stream);
    // A stream that emits 'close' on its own is reported at 'close' (so the caller sees its
    // final state), unless only one of its sides is watched.
    this.closeIsAuthoritative = willEmitClose(stream) &&
      isReadableNodeStream(stream) === this.watchReadable &&
      isWritableNodeStream(stream) === this.watchWritable;
    this.readableDone = isReadableFinished(stream, false);
    this.writableDone = isWritableFinished(stream, false);
    this.closed = isClosed(stream);
    this.subscriptions = [];

    this.onWritableDone = () => this.writableSideDone();
    this.onReadableDone = () => this.readableSideDone();
    this.onClose = () => this.closeArrived(true);
    this.stopWatching = () => this.stop();

    this.subscribe(options.error !== false);
    this.checkAlreadySettled();
    if (options.signal && !this.closed) this.followSignal(options.signal);
  }

  report(err) {
    callWith(this.callback, this.stream, err);
  }

  listen(emitter, event, handler) {
    emitter.on(event, handler);
    this.subscriptions.push([emitter, event, handler]);
  }

  subscribe(reportErrors) {
    const stream = this.stream;
    if (looksLikeClientRequest(stream)) {
      this.listen(stream, 'complete', this.onWritableDone);
      if (!this.closeIsAuthoritative) this.listen(stream, 'abort', this.onClose);
      const watchRequest = () => this.listen(stream.req, 'finish', this.onWritableDone);
      if (stream.req) watchRequest();
      else this.listen(stream, 'request', watchRequest);
    } else if (this.watchWritable && !stream._writableState) {
      // Old-style streams: finished once 'end'/'close' leaves them non-writable.
      const onLegacyEnd = () => {
        if (!stream.writable) this.writableSideDone();
      };
      this.listen(stream, 'end', onLegacyEnd);
      this.listen(stream, 'close', onLegacyEnd);
    }
    // Some streams (incoming http messages) emit 'aborted' without a following 'close'.
    if (!this.closeIsAuthoritative && typeof stream.aborted === 'boolean') {
      this.listen(stream, 'aborted', this.onClose);
    }
    this.listen(stream, 'end', this.onReadableDone);
    this.listen(stream, 'finish', this.onWritableDone);
    if (reportErrors) {
      this.listen(stream, 'error', (err) => this.callback.call(stream, err));
    }
    this.listen(stream, 'close', this.onClose);
  }

  writableSideDone() {
    this.writableDone = true;
    if (this.stream.destroyed) this.closeIsAuthoritative = false;
    if (this.closeIsAuthoritative && (!this.stream.readable || this.watchReadable)) return;
    if (!this.watchReadable || this.readableDone) this.report();
  }

  readableSideDone() {
    this.readableDone = true;
    if (this.stream.destroyed) this.closeIsAuthoritative = false;
    if (this.closeIsAuthoritative && (!this.stream.writable || this.watchWritable)) return;
    if (!this.watchWritable || this.writableDone) this.report();
  }

  // 'close' (or an abort) arrived; `checkSides` asks whether a watched side was cut short.
  closeArrived(checkSides) {
    this.closed = true;
    const stream = this.stream;
    const err = storedError(stream);
    if (err) return this.report(err);
    if (checkSides) {
      const readableCutShort = this.watchReadable && !this.readableDone &&
        isReadableNodeStream(stream, true) && !isReadableFinished(stream, false);
      const writableCutShort = this.watchWritable && !this.writableDone &&
        !isWritableFinished(stream, false);
      if (readableCutShort || writableCutShort) {
        return this.report(new ERR_STREAM_PREMATURE_CLOSE());
      }
    }
    this.report();
  }

  // A stream that is already past the point we wait for is reported on the next tick.
  checkAlreadySettled() {
    const stream = this.stream;
    if (this.closed) {
      process.nextTick(this.onClose);
      return;
    }
    const reportSettled = () => this.closeArrived(false);
    if (stream._writableState?.errorEmitted || stream._readableState?.errorEmitted) {
      if (!this.closeIsAuthoritative) process.nextTick(reportSettled);
    } else if (this.nothingLeftToWaitFor()) {
      process.nextTick(reportSettled);
    }
  }

  // One side is not watched and the watched one is already done (or can never be).
  nothingLeftToWaitFor() {
    const stream = this.stream;
    if (!this.watchReadable && (!this.closeIsAuthoritative || isReadable(stream)) &&
        (this.writableDone || isWritable(stream) === false)) {
      return true;
    }
    if (!this.watchWritable && (!this.closeIsAuthoritative || isWritable(stream)) &&
        (this.readableDone || isReadable(stream) === false)) {
      return true;
    }
    return Boolean(stream._readableState && stream.req && stream.aborted);
  }

  followSignal(signal) {
    const onAbort = () => {
      const report = this.callback; // stop() replaces it
      this.stop();
      callWith(report, this.stream, abortErrorFor(signal));
    };
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      this.callback = reportThatStopsListeningTo(signal, this.callback, onAbort);
    }
  }

  stop() {
    this.callback = doNothing;
    for (const [emitter, event, handler] of this.subscriptions) {
      emitter.removeListener(event, handler);
    }
    this.subscriptions.length = 0;
  }
}

function finished(stream, opts) {
  let stopWhenSettled = false;
  if (opts === null) opts = kEmptyObject;
  if (opts?.cleanup) {
    validateBoolean(opts.cleanup, 'cleanup');
    stopWhenSettled = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const stop = watchStream(stream, opts, (err) => {
      if (stopWhenSettled) stop();
      if (err) reject(err);
      else resolve();
    });
  });
}

// Exposed as stream.finished, whose name node reports as 'eos'.
Object.defineProperty(watchStream, 'name', { value: 'eos' });

module.exports = watchStream;
module.exports.finished = finished;
