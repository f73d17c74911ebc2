'use strict';
// addAbortSignal(signal, stream): destroy the stream with an AbortError when the signal aborts
// (a web stream is errored instead). The listener goes away once the stream is done.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { SymbolDispose } = require('internal/util');
const {
  isNodeStream,
  isWebStream,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const watchStream = require('internal/streams/end-of-stream');

let addAbortListener;

// Anything with an `aborted` property is accepted, as node does (not only AbortSignal).
function looksLikeSignal(value) {
  return typeof value === 'object' && value !== null && 'aborted' in value;
}

function addAbortSignal(signal, stream) {
  if (!looksLikeSignal(signal)) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

// For callers that validated already (readable.compose); a non-signal is ignored.
function addAbortSignalNoValidate(signal, stream) {
  if (!looksLikeSignal(signal)) return stream;
  const failStream = () => {
    const err = new AbortError(undefined, { cause: signal.reason });
    if (isNodeStream(stream)) stream.destroy(err);
    else stream[kControllerErrorFunction](err);
  };
  if (signal.aborted) {
    failStream();
    return stream;
  }
  addAbortListener ??= require('internal/events/abort_listener').addAbortListener;
  const subscription = addAbortListener(signal, failStream);
  watchStream(stream, subscription[SymbolDispose]);
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
