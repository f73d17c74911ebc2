'use strict';
// WritableStream, WritableStreamDefaultWriter and WritableStreamDefaultController (WHATWG
// Streams Standard): one write or close in flight at a time, backpressure through the
// writer's ready promise, abort through the controller's AbortSignal.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  kState,
  kIsClosedPromise,
  kControllerErrorFunction,
  createDeferred,
  setPromiseHandled,
  customInspect,
  defineWebIDLClass,
  resetQueue,
  enqueueValueWithSize,
  dequeueValue,
  peekQueueValue,
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateStrategy,
  getCallback,
  promiseAlgorithm,
  invokePromiseCallback,
  kResolvedUndefined,
  PromiseThen,
  promiseResolvedWith,
} = require('internal/webstreams/util');
const {
  hasBrand,
  newPromiseSlot,
  resolvedSlot,
  rejectedSlot,
} = require('internal/webstreams/readable_ops');

const kInternal = Symbol('kInternal');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kCloseSentinel = Symbol('kCloseSentinel');
const kAbortSteps = Symbol('kAbortSteps');
const kErrorSteps = Symbol('kErrorSteps');

const isWritableStream = (obj) => hasBrand(obj, 'WritableStream');
const isWriter = (obj) => hasBrand(obj, 'WritableStreamDefaultWriter');
const isWritableController = (obj) => hasBrand(obj, 'WritableStreamDefaultController');

let AbortControllerClass;
function newAbortController() {
  AbortControllerClass ??= require('internal/abort_controller').AbortController;
  return new AbortControllerClass();
}

function newStreamState() {
  return {
    brand: 'WritableStream',
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
  };
}

function initializeNodeHooks(stream) {
  const closed = createDeferred();
  setPromiseHandled(closed.promise);
  stream[kIsClosedPromise] = closed;
  stream[kControllerErrorFunction] = () => {};
}

class WritableStream {
  constructor(sink = undefined, strategy = undefined) {
    if (sink === null || (sink !== undefined && typeof sink !== 'object' && typeof sink !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('sink', 'object', sink);
    }
    validateStrategy(strategy);
    const type = sink?.type;
    if (type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    this[kState] = newStreamState();
    initializeNodeHooks(this);
    const size = extractSizeAlgorithm(strategy);
    const highWaterMark = extractHighWaterMark(strategy, 1);
    setUpControllerFromSink(this, sink, highWaterMark, size);
  }

  get locked() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return isWritableStreamLocked(this);
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isWritableStream(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'WritableStream', {
      locked: this.locked,
      state: this[kState].state,
    });
  }
}

defineWebIDLClass(WritableStream, 'WritableStream', ['locked', 'abort', 'close', 'getWriter']);

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

// --- WritableStreamDefaultWriter --------------------------------------------------------

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    this[kState] = {
      brand: 'WritableStreamDefaultWriter',
      stream: undefined,
      ready: undefined,
      closed: undefined,
    };
    setUpWriter(this, stream);
  }

  get closed() {
    if (!isWriter(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    return this[kState].closed.promise;
  }

  get desiredSize() {
    if (!isWriter(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
    }
    return writerGetDesiredSize(this);
  }

  get ready() {
    if (!isWriter(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isWriter(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    if (!isWriter(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    const stream = this[kState].stream;
    if (stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    if (!isWriter(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writerRelease(this);
  }

  write(chunk = undefined) {
    if (!isWriter(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writerWrite(this, chunk);
  }

  [kInspect](depth, options) {
    const stream = this[kState].stream;
    return customInspect(depth, options, 'WritableStreamDefaultWriter', {
      stream,
      close: this[kState].closed.promise,
      ready: this[kState].ready.promise,
      desiredSize: stream === undefined ? undefined : writerGetDesiredSize(this),
    });
  }
}

defineWebIDLClass(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter',
                  ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']);

function setUpWriter(writer, stream) {
  if (isWritableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
  }
  const writerState = writer[kState];
  const streamState = stream[kState];
  writerState.stream = stream;
  streamState.writer = writer;
  switch (streamState.state) {
    case 'writable':
      writerState.ready = !writableStreamCloseQueuedOrInFlight(stream) && streamState.backpressure ?
        newPromiseSlot() : resolvedSlot(undefined);
      writerState.closed = newPromiseSlot();
      break;
    case 'erroring':
      writerState.ready = rejectedSlot(streamState.storedError);
      writerState.closed = newPromiseSlot();
      break;
    case 'closed':
      writerState.ready = resolvedSlot(undefined);
      writerState.closed = resolvedSlot(undefined);
      break;
    default:
      writerState.ready = rejectedSlot(streamState.storedError);
      writerState.closed = rejectedSlot(streamState.storedError);
      break;
  }
}

function acquireWritableStreamDefaultWriter(stream) {
  return new WritableStreamDefaultWriter(stream);
}

function writerEnsureClosedPromiseRejected(writer, error) {
  const state = writer[kState];
  if (state.closed.pending) {
    setPromiseHandled(state.closed.promise);
    state.closed.reject(error);
  } else {
    state.closed = rejectedSlot(error);
  }
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const state = writer[kState];
  if (state.ready.pending) {
    setPromiseHandled(state.ready.promise);
    state.ready.reject(error);
  } else {
    state.ready = rejectedSlot(error);
  }
}

function writerGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return controllerGetDesiredSize(stream[kState].controller);
}

function writerRelease(writer) {
  const stream = writer[kState].stream;
  const releasedError = new ERR_INVALID_STATE.TypeError('Writer has been released');
  writerEnsureReadyPromiseRejected(writer, releasedError);
  writerEnsureClosedPromiseRejected(writer, releasedError);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writerWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const controller = stream[kState].controller;
  const chunkSize = controllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
  }
  const state = stream[kState].state;
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state === 'erroring') return Promise.reject(stream[kState].storedError);
  const promise = writableStreamAddWriteRequest(stream);
  controllerWrite(controller, chunk, chunkSize);
  return promise;
}

function writerCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') return Promise.resolve();
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  return writableStreamClose(stream);
}

// --- Stream-level operations ------------------------------------------------------------

function writableStreamAbort(stream, reason) {
  const streamState = stream[kState];
  if (streamState.state === 'closed' || streamState.state === 'errored') return Promise.resolve();
  streamState.controller[kState].abortController.abort(reason);
  const state = streamState.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve();
  if (streamState.pendingAbortRequest !== undefined) {
    return streamState.pendingAbortRequest.deferred.promise;
  }
  let wasAlreadyErroring = false;
  if (state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const deferred = createDeferred();
  streamState.pendingAbortRequest = { deferred, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return deferred.promise;
}

function writableStreamClose(stream) {
  const streamState = stream[kState];
  const state = streamState.state;
  if (state === 'closed' || state === 'errored') {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  const deferred = createDeferred();
  streamState.closeRequest = deferred;
  const writer = streamState.writer;
  if (writer !== undefined && streamState.backpressure && state === 'writable') {
    writer[kState].ready.resolve(undefined);
  }
  controllerClose(streamState.controller);
  return deferred.promise;
}

function writableStreamAddWriteRequest(stream) {
  const deferred = createDeferred();
  stream[kState].writeRequests.push(deferred);
  return deferred.promise;
}

function writableStreamCloseQueuedOrInFlight(stream) {
  const state = stream[kState];
  return state.closeRequest !== undefined || state.inFlightCloseRequest !== undefined;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const state = stream[kState];
  const controller = state.controller;
  state.state = 'erroring';
  state.storedError = reason;
  if (state.writer !== undefined) writerEnsureReadyPromiseRejected(state.writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const state = stream[kState];
  state.state = 'errored';
  stream[kIsClosedPromise].reject(state.storedError);
  state.controller[kErrorSteps]();
  const storedError = state.storedError;
  const requests = state.writeRequests;
  state.writeRequests = [];
  for (const request of requests) request.reject(storedError);
  const abortRequest = state.pendingAbortRequest;
  if (abortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.deferred.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  PromiseThen(state.controller[kAbortSteps](abortRequest.reason), () => {
    abortRequest.deferred.resolve();
    rejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abortRequest.deferred.reject(reason);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamFinishInFlightWrite(stream) {
  stream[kState].inFlightWriteRequest.resolve();
  stream[kState].inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  stream[kState].inFlightWriteRequest.reject(error);
  stream[kState].inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  const state = stream[kState];
  state.inFlightCloseRequest.resolve();
  state.inFlightCloseRequest = undefined;
  if (state.state === 'erroring') {
    state.storedError = undefined;
    if (state.pendingAbortRequest !== undefined) {
      state.pendingAbortRequest.deferred.resolve();
      state.pendingAbortRequest = undefined;
    }
  }
  state.state = 'closed';
  stream[kIsClosedPromise].resolve();
  if (state.writer !== undefined) state.writer[kState].closed.resolve(undefined);
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const state = stream[kState];
  state.inFlightCloseRequest.reject(error);
  state.inFlightCloseRequest = undefined;
  if (state.pendingAbortRequest !== undefined) {
    state.pendingAbortRequest.deferred.reject(error);
    state.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamHasOperationMarkedInFlight(stream) {
  const state = stream[kState];
  return state.inFlightWriteRequest !== undefined || state.inFlightCloseRequest !== undefined;
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
  const state = stream[kState];
  if (state.closeRequest !== undefined) {
    state.closeRequest.reject(state.storedError);
    state.closeRequest = undefined;
  }
  const writer = state.writer;
  if (writer !== undefined) {
    setPromiseHandled(writer[kState].closed.promise);
    writer[kState].closed.reject(state.storedError);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const state = stream[kState];
  const writer = state.writer;
  if (writer !== undefined && backpressure !== state.backpressure) {
    if (backpressure) writer[kState].ready = newPromiseSlot();
    else writer[kState].ready.resolve(undefined);
  }
  state.backpressure = backpressure;
}

// --- WritableStreamDefaultController ----------------------------------------------------

class WritableStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      brand: 'WritableStreamDefaultController',
      stream: undefined,
      queue: [],
      queueTotalSize: 0,
      abortController: undefined,
      started: false,
      sizeAlgorithm: undefined,
      highWaterMark: 1,
      writeAlgorithm: undefined,
      closeAlgorithm: undefined,
      abortAlgorithm: undefined,
    };
  }

  get signal() {
    if (!isWritableController(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    if (!isWritableController(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    if (this[kState].stream[kState].state !== 'writable') return;
    controllerError(this, error);
  }

  [kAbortSteps](reason) {
    const result = this[kState].abortAlgorithm(reason);
    controllerClearAlgorithms(this);
    return result;
  }

  [kErrorSteps]() {
    resetQueue(this[kState]);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'WritableStreamDefaultController', {
      stream: this[kState].stream,
    });
  }
}

defineWebIDLClass(WritableStreamDefaultController, 'WritableStreamDefaultController',
                  ['signal', 'error']);

function setUpController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
                         abortAlgorithm, highWaterMark, sizeAlgorithm) {
  const state = controller[kState];
  state.stream = stream;
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = (error) => {
    if (stream[kState].state === 'writable') controllerError(controller, error);
  };
  resetQueue(state);
  state.abortController = newAbortController();
  state.started = false;
  state.sizeAlgorithm = sizeAlgorithm;
  state.highWaterMark = highWaterMark;
  state.writeAlgorithm = writeAlgorithm;
  state.closeAlgorithm = closeAlgorithm;
  state.abortAlgorithm = abortAlgorithm;
  writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
  const startResult = startAlgorithm();
  PromiseThen(promiseResolvedWith(startResult), () => {
    state.started = true;
    controllerAdvanceQueueIfNeeded(controller);
  }, (error) => {
    state.started = true;
    writableStreamDealWithRejection(stream, error);
  });
}

function setUpControllerFromSink(stream, sink, highWaterMark, sizeAlgorithm) {
  const controller = new WritableStreamDefaultController(kInternal);
  const start = getCallback(sink, 'start', 'sink');
  const write = getCallback(sink, 'write', 'sink');
  const close = getCallback(sink, 'close', 'sink');
  const abort = getCallback(sink, 'abort', 'sink');
  const startAlgorithm = start === undefined ? () => undefined :
    () => Reflect.apply(start, sink, [controller]);
  const writeAlgorithm = write === undefined ? kResolvedUndefined :
    (chunk) => invokePromiseCallback(write, sink, chunk, controller);
  setUpController(stream, controller, startAlgorithm, writeAlgorithm,
                  promiseAlgorithm(sink, close), promiseAlgorithm(sink, abort),
                  highWaterMark, sizeAlgorithm);
}

function controllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.writeAlgorithm = undefined;
  state.closeAlgorithm = undefined;
  state.abortAlgorithm = undefined;
  state.sizeAlgorithm = undefined;
}

function controllerClose(controller) {
  enqueueValueWithSize(controller[kState], kCloseSentinel, 0);
  controllerAdvanceQueueIfNeeded(controller);
}

function controllerError(controller, error) {
  const stream = controller[kState].stream;
  controllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

function controllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') controllerError(controller, error);
}

function controllerGetBackpressure(controller) {
  return controllerGetDesiredSize(controller) <= 0;
}

function controllerGetChunkSize(controller, chunk) {
  const sizeAlgorithm = controller[kState].sizeAlgorithm;
  if (sizeAlgorithm === undefined) return 1;
  try {
    return sizeAlgorithm(chunk);
  } catch (error) {
    controllerErrorIfNeeded(controller, error);
    return 1;
  }
}

function controllerGetDesiredSize(controller) {
  return controller[kState].highWaterMark - controller[kState].queueTotalSize;
}

function controllerWrite(controller, chunk, chunkSize) {
  const state = controller[kState];
  const stream = state.stream;
  try {
    enqueueValueWithSize(state, chunk, chunkSize);
  } catch (error) {
    controllerErrorIfNeeded(controller, error);
    return;
  }
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
  }
  controllerAdvanceQueueIfNeeded(controller);
}

function controllerAdvanceQueueIfNeeded(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!state.started) return;
  if (stream[kState].inFlightWriteRequest !== undefined) return;
  const streamState = stream[kState].state;
  if (streamState === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (state.queue.length === 0) return;
  const value = peekQueueValue(state);
  if (value === kCloseSentinel) controllerProcessClose(controller);
  else controllerProcessWrite(controller, value);
}

function controllerProcessClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  const streamState = stream[kState];
  streamState.inFlightCloseRequest = streamState.closeRequest;
  streamState.closeRequest = undefined;
  dequeueValue(state);
  const sinkClosePromise = state.closeAlgorithm();
  controllerClearAlgorithms(controller);
  PromiseThen(sinkClosePromise, () => writableStreamFinishInFlightClose(stream),
                        (error) => writableStreamFinishInFlightCloseWithError(stream, error));
}

function controllerProcessWrite(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  stream[kState].inFlightWriteRequest = stream[kState].writeRequests.shift();
  PromiseThen(state.writeAlgorithm(chunk), () => {
    writableStreamFinishInFlightWrite(stream);
    const streamState = stream[kState].state;
    dequeueValue(state);
    if (!writableStreamCloseQueuedOrInFlight(stream) && streamState === 'writable') {
      writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
    }
    controllerAdvanceQueueIfNeeded(controller);
  }, (error) => {
    if (stream[kState].state === 'writable') controllerClearAlgorithms(controller);
    writableStreamFinishInFlightWriteWithError(stream, error);
  });
}

// CreateWritableStream, for TransformStream and the node adapters.
function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(WritableStream.prototype);
  stream[kState] = newStreamState();
  initializeNodeHooks(stream);
  const controller = new WritableStreamDefaultController(kInternal);
  setUpController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
                  abortAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  isWritableStream,
  isWritableStreamLocked,
  acquireWritableStreamDefaultWriter,
  createWritableStream,
  writableStreamAbort,
  writableStreamClose,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterWrite: writerWrite,
  writableStreamDefaultWriterRelease: writerRelease,
  writableStreamDefaultWriterCloseWithErrorPropagation: writerCloseWithErrorPropagation,
  writableStreamDefaultControllerErrorIfNeeded: controllerErrorIfNeeded,
  writableStreamDefaultControllerError: controllerError,
  writerGetDesiredSize,
};
