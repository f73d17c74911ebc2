'use strict';
// The ReadableStream abstract operations that only touch internal state: closing, erroring,
// cancelling, and the reader bookkeeping shared by default and BYOB readers. The controllers
// plug in through the kCancelSteps / kPullSteps / kReleaseSteps methods.

const { codes: { ERR_INVALID_STATE } } = require('internal/errors');
const {
  kState,
  kIsClosedPromise,
  createDeferred,
  setPromiseHandled,
  noop,
  PromiseThen,
} = require('internal/webstreams/util');

const kCancelSteps = Symbol('kCancelSteps');
const kPullSteps = Symbol('kPullSteps');
const kReleaseSteps = Symbol('kReleaseSteps');

const brands = {
  stream: 'ReadableStream',
  defaultReader: 'ReadableStreamDefaultReader',
  byobReader: 'ReadableStreamBYOBReader',
  defaultController: 'ReadableStreamDefaultController',
  byteController: 'ReadableByteStreamController',
  byobRequest: 'ReadableStreamBYOBRequest',
};

function hasBrand(obj, brand) {
  return obj != null && (typeof obj === 'object' || typeof obj === 'function') &&
         obj[kState]?.brand === brand;
}

const isReadableStream = (obj) => hasBrand(obj, brands.stream);
const isDefaultReader = (obj) => hasBrand(obj, brands.defaultReader);
const isBYOBReader = (obj) => hasBrand(obj, brands.byobReader);

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

// A promise slot: a promise plus whether it is still pending (the spec asks both).
function newPromiseSlot() {
  const d = createDeferred();
  const slot = {
    promise: d.promise,
    pending: true,
    resolve(value) {
      if (!slot.pending) return;
      slot.pending = false;
      d.resolve(value);
    },
    reject(reason) {
      if (!slot.pending) return;
      slot.pending = false;
      d.reject(reason);
    },
  };
  return slot;
}

function resolvedSlot(value) {
  const slot = newPromiseSlot();
  slot.resolve(value);
  return slot;
}

function rejectedSlot(reason) {
  const slot = newPromiseSlot();
  setPromiseHandled(slot.promise);
  slot.reject(reason);
  return slot;
}

// --- Stream-level operations ------------------------------------------------------------

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  stream[kIsClosedPromise]?.resolve();
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].closed.resolve(undefined);
  if (isDefaultReader(reader)) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const request of requests) request.close();
  }
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  stream[kIsClosedPromise]?.reject(error);
  const reader = state.reader;
  if (reader === undefined) return;
  const closed = reader[kState].closed;
  setPromiseHandled(closed.promise);
  closed.reject(error);
  if (isDefaultReader(reader)) {
    defaultReaderErrorReadRequests(reader, error);
  } else {
    byobReaderErrorReadIntoRequests(reader, error);
  }
}

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return Promise.resolve();
  if (state.state === 'errored') return Promise.reject(state.storedError);
  readableStreamClose(stream);
  const reader = state.reader;
  if (reader !== undefined && isBYOBReader(reader)) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const request of requests) request.close(undefined);
  }
  return PromiseThen(state.controller[kCancelSteps](reason), noop);
}

function readableStreamAddReadRequest(stream, readRequest) {
  stream[kState].reader[kState].readRequests.push(readRequest);
}

function readableStreamAddReadIntoRequest(stream, readIntoRequest) {
  stream[kState].reader[kState].readIntoRequests.push(readIntoRequest);
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].readRequests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].readIntoRequests.shift();
  if (done) request.close(chunk);
  else request.chunk(chunk);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function readableStreamHasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isDefaultReader(reader);
}

function readableStreamHasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBYOBReader(reader);
}

// --- Readers ----------------------------------------------------------------------------

function readerGenericInitialize(reader, stream) {
  const readerState = reader[kState];
  const streamState = stream[kState];
  readerState.stream = stream;
  streamState.reader = reader;
  switch (streamState.state) {
    case 'readable': readerState.closed = newPromiseSlot(); break;
    case 'closed': readerState.closed = resolvedSlot(undefined); break;
    default: readerState.closed = rejectedSlot(streamState.storedError); break;
  }
}

function readerGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

function readerGenericRelease(reader) {
  const readerState = reader[kState];
  const stream = readerState.stream;
  const releasedError = new ERR_INVALID_STATE.TypeError('Reader released');
  if (stream[kState].state === 'readable') {
    setPromiseHandled(readerState.closed.promise);
    readerState.closed.reject(releasedError);
  } else {
    readerState.closed = rejectedSlot(releasedError);
  }
  stream[kState].controller[kReleaseSteps]();
  stream[kState].reader = undefined;
  readerState.stream = undefined;
}

function defaultReaderErrorReadRequests(reader, error) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (const request of requests) request.error(error);
}

function byobReaderErrorReadIntoRequests(reader, error) {
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (const request of requests) request.error(error);
}

function readableStreamDefaultReaderRead(reader, readRequest) {
  const stream = reader[kState].stream;
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') readRequest.close();
  else if (state.state === 'errored') readRequest.error(state.storedError);
  else state.controller[kPullSteps](readRequest);
}

function readableStreamDefaultReaderRelease(reader) {
  readerGenericRelease(reader);
  defaultReaderErrorReadRequests(reader, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function readableStreamBYOBReaderRelease(reader) {
  readerGenericRelease(reader);
  byobReaderErrorReadIntoRequests(reader, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

// A read request that settles a promise with node's { value, done } results.
function promiseReadRequest() {
  const d = createDeferred();
  return {
    promise: d.promise,
    chunk: (value) => d.resolve({ value, done: false }),
    close: (value) => d.resolve({ value, done: true }),
    error: d.reject,
  };
}

// The pull loop both readable controllers share (the standard's ReadableStreamDefault-
// ControllerCallPullIfNeeded and ReadableByteStreamControllerCallPullIfNeeded): one pull at a
// time, and one more right after it when more was asked for meanwhile.
function controllerCallPullIfNeeded(controller, shouldCallPull, controllerError) {
  if (!shouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  PromiseThen(state.pullAlgorithm(), () => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      controllerCallPullIfNeeded(controller, shouldCallPull, controllerError);
    }
  }, (error) => controllerError(controller, error));
}

module.exports = {
  controllerCallPullIfNeeded,
  kCancelSteps,
  kPullSteps,
  kReleaseSteps,
  brands,
  hasBrand,
  isReadableStream,
  isDefaultReader,
  isBYOBReader,
  isReadableStreamLocked,
  newPromiseSlot,
  resolvedSlot,
  rejectedSlot,
  readableStreamClose,
  readableStreamError,
  readableStreamCancel,
  readableStreamAddReadRequest,
  readableStreamAddReadIntoRequest,
  readableStreamFulfillReadRequest,
  readableStreamFulfillReadIntoRequest,
  readableStreamGetNumReadRequests,
  readableStreamGetNumReadIntoRequests,
  readableStreamHasDefaultReader,
  readableStreamHasBYOBReader,
  readerGenericInitialize,
  readerGenericCancel,
  readerGenericRelease,
  defaultReaderErrorReadRequests,
  byobReaderErrorReadIntoRequests,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamBYOBReaderRelease,
  promiseReadRequest,
};
