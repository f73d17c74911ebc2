'use strict';
// ReadableStream, ReadableStreamDefaultReader and ReadableStreamDefaultController (WHATWG
// Streams Standard). Byte streams live in readablebytestream.js, tee in tee.js, pipeTo in
// pipeto.js; this file ties them to the public class.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
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
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateDictionaryArg,
  validateStrategy,
  getCallback,
  promiseAlgorithm,
  invokePromiseCallback,
  kResolvedUndefined,
  PromiseThen,
  promiseResolvedWith,
} = require('internal/webstreams/util');
const ops = require('internal/webstreams/readable_ops');
const {
  kCancelSteps,
  kPullSteps,
  kReleaseSteps,
  brands,
  hasBrand,
  isReadableStream,
  isDefaultReader,
  isReadableStreamLocked,
  readableStreamClose,
  readableStreamError,
  readableStreamCancel,
  readableStreamAddReadRequest,
  readableStreamFulfillReadRequest,
  readableStreamGetNumReadRequests,
  readerGenericInitialize,
  readerGenericCancel,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  promiseReadRequest,
} = ops;
const bytes = require('internal/webstreams/readablebytestream');
const {
  ReadableStreamBYOBReader,
  isByteController,
} = bytes;

const kInternal = Symbol('kInternal');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const isDefaultController = (obj) => hasBrand(obj, brands.defaultController);

function newStreamState() {
  return {
    brand: brands.stream,
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
  };
}

// Fields finished() and addAbortSignal() read from any web stream.
function initializeNodeHooks(stream) {
  const closed = createDeferred();
  setPromiseHandled(closed.promise);
  stream[kIsClosedPromise] = closed;
  stream[kControllerErrorFunction] = () => {};
}

class ReadableStream {
  constructor(source = undefined, strategy = undefined) {
    validateDictionaryArg(source, 'source');
    validateStrategy(strategy);
    this[kState] = newStreamState();
    initializeNodeHooks(this);
    const type = source?.type;
    if (type !== undefined && `${type}` === 'bytes') {
      bytes.setUpByteStreamFromSource(this, source, strategy);
    } else if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    } else {
      const size = extractSizeAlgorithm(strategy);
      const highWaterMark = extractHighWaterMark(strategy, 1);
      setUpDefaultControllerFromSource(this, source, highWaterMark, size);
    }
    const controller = this[kState].controller;
    this[kControllerErrorFunction] = (error) => controller.error(error);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  get locked() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return isReadableStreamLocked(this);
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return Promise.reject(new ERR_INVALID_THIS('ReadableStream'));
    if (isReadableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = undefined) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    const { isWritableStream } = require('internal/webstreams/writablestream');
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    const writable = transform?.writable;
    if (!isWritableStream(writable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
    }
    const { pipeOptions, readableStreamPipeTo } = require('internal/webstreams/pipeto');
    const { preventClose, preventAbort, preventCancel, signal } = pipeOptions(options);
    if (isReadableStreamLocked(this)) {
      throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    }
    if (writable[kState].writer !== undefined) {
      throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    }
    const promise = readableStreamPipeTo(this, writable, preventClose, preventAbort,
                                         preventCancel, signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = undefined) {
    if (!isReadableStream(this)) return Promise.reject(new ERR_INVALID_THIS('ReadableStream'));
    try {
      const { isWritableStream } = require('internal/webstreams/writablestream');
      if (!isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination);
      }
      const { pipeOptions, readableStreamPipeTo } = require('internal/webstreams/pipeto');
      const { preventClose, preventAbort, preventCancel, signal } = pipeOptions(options);
      if (isReadableStreamLocked(this)) {
        throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      }
      if (destination[kState].writer !== undefined) {
        throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
      }
      return readableStreamPipeTo(this, destination, preventClose, preventAbort,
                                  preventCancel, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  tee() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    if (isReadableStreamLocked(this)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    return require('internal/webstreams/tee').readableStreamTee(this);
  }

  values(options = undefined) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    return createAsyncIterator(this, !!options?.preventCancel);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStream', {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: isByteController(this[kState].controller),
    });
  }
}

defineWebIDLClass(ReadableStream, 'ReadableStream',
                  ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']);
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  __proto__: null,
  value: ReadableStream.prototype.values,
  writable: true,
  enumerable: false,
  configurable: true,
});
{
  const desc = Object.getOwnPropertyDescriptor(ReadableStream, 'from');
  desc.enumerable = true;
  Object.defineProperty(ReadableStream, 'from', desc);
}

// --- ReadableStreamDefaultReader --------------------------------------------------------

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kState] = { brand: brands.defaultReader, stream: undefined, closed: undefined, readRequests: [] };
    setUpDefaultReader(this, stream);
  }

  read() {
    if (!isDefaultReader(this)) {
      return Promise.reject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const request = promiseReadRequest();
    readableStreamDefaultReaderRead(this, request);
    return request.promise;
  }

  releaseLock() {
    if (!isDefaultReader(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    if (!isDefaultReader(this)) {
      return Promise.reject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isDefaultReader(this)) {
      return Promise.reject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    return readerGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamDefaultReader', {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].closed.promise,
    });
  }
}

defineWebIDLClass(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader',
                  ['read', 'releaseLock', 'closed', 'cancel']);

function setUpDefaultReader(reader, stream) {
  if (isReadableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  }
  readerGenericInitialize(reader, stream);
  reader[kState].readRequests = [];
}

function acquireReadableStreamDefaultReader(stream) {
  return new ReadableStreamDefaultReader(stream);
}

function acquireReadableStreamBYOBReader(stream) {
  return new ReadableStreamBYOBReader(stream);
}

// --- ReadableStreamDefaultController ----------------------------------------------------

class ReadableStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      brand: brands.defaultController,
      stream: undefined,
      queue: [],
      queueTotalSize: 0,
      started: false,
      closeRequested: false,
      pullAgain: false,
      pulling: false,
      sizeAlgorithm: undefined,
      highWaterMark: 1,
      pullAlgorithm: undefined,
      cancelAlgorithm: undefined,
    };
  }

  get desiredSize() {
    if (!isDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    return defaultControllerGetDesiredSize(this);
  }

  close() {
    if (!isDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    defaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    if (!isDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    defaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    defaultControllerError(this, error);
  }

  [kCancelSteps](reason) {
    resetQueue(this[kState]);
    const result = this[kState].cancelAlgorithm(reason);
    defaultControllerClearAlgorithms(this);
    return result;
  }

  [kPullSteps](readRequest) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queue.length > 0) {
      const chunk = dequeueValue(state);
      if (state.closeRequested && state.queue.length === 0) {
        defaultControllerClearAlgorithms(this);
        readableStreamClose(stream);
      } else {
        defaultControllerCallPullIfNeeded(this);
      }
      readRequest.chunk(chunk);
    } else {
      readableStreamAddReadRequest(stream, readRequest);
      defaultControllerCallPullIfNeeded(this);
    }
  }

  [kReleaseSteps]() {}

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamDefaultController', {});
  }
}

defineWebIDLClass(ReadableStreamDefaultController, 'ReadableStreamDefaultController',
                  ['desiredSize', 'close', 'enqueue', 'error']);

function defaultControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!defaultControllerCanCloseOrEnqueue(controller) || !state.started) return false;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  return defaultControllerGetDesiredSize(controller) > 0;
}

function defaultControllerCallPullIfNeeded(controller) {
  ops.controllerCallPullIfNeeded(controller, defaultControllerShouldCallPull, defaultControllerError);
}

function defaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.pullAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
  state.sizeAlgorithm = undefined;
}

function defaultControllerClose(controller) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  state.closeRequested = true;
  if (state.queue.length === 0) {
    defaultControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  }
}

function defaultControllerEnqueue(controller, chunk) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  const stream = state.stream;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = state.sizeAlgorithm(chunk);
    } catch (error) {
      defaultControllerError(controller, error);
      throw error;
    }
    try {
      enqueueValueWithSize(state, chunk, size);
    } catch (error) {
      defaultControllerError(controller, error);
      throw error;
    }
  }
  defaultControllerCallPullIfNeeded(controller);
}

function defaultControllerError(controller, error) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return;
  resetQueue(state);
  defaultControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function defaultControllerGetDesiredSize(controller) {
  const state = controller[kState];
  const streamState = state.stream[kState].state;
  if (streamState === 'errored') return null;
  if (streamState === 'closed') return 0;
  return state.highWaterMark - state.queueTotalSize;
}

function defaultControllerHasBackpressure(controller) {
  return !defaultControllerShouldCallPull(controller);
}

function defaultControllerCanCloseOrEnqueue(controller) {
  const state = controller[kState];
  return !state.closeRequested && state.stream[kState].state === 'readable';
}

function setUpDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                cancelAlgorithm, highWaterMark, sizeAlgorithm) {
  const state = controller[kState];
  state.stream = stream;
  resetQueue(state);
  state.started = false;
  state.closeRequested = false;
  state.pullAgain = false;
  state.pulling = false;
  state.sizeAlgorithm = sizeAlgorithm;
  state.highWaterMark = highWaterMark;
  state.pullAlgorithm = pullAlgorithm;
  state.cancelAlgorithm = cancelAlgorithm;
  stream[kState].controller = controller;
  const startResult = startAlgorithm();
  PromiseThen(promiseResolvedWith(startResult), () => {
    state.started = true;
    defaultControllerCallPullIfNeeded(controller);
  }, (error) => defaultControllerError(controller, error));
}

function setUpDefaultControllerFromSource(stream, source, highWaterMark, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kInternal);
  const start = getCallback(source, 'start', 'source');
  const pull = getCallback(source, 'pull', 'source');
  const cancel = getCallback(source, 'cancel', 'source');
  const startAlgorithm = start === undefined ? () => undefined :
    () => Reflect.apply(start, source, [controller]);
  const pullAlgorithm = pull === undefined ? kResolvedUndefined :
    () => invokePromiseCallback(pull, source, controller);
  setUpDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                         promiseAlgorithm(source, cancel), highWaterMark, sizeAlgorithm);
}

// CreateReadableStream: a default-controller stream over the given algorithms (tee, from,
// TransformStream, the node adapters).
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  stream[kState] = newStreamState();
  initializeNodeHooks(stream);
  const controller = new ReadableStreamDefaultController(kInternal);
  setUpDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                         highWaterMark, sizeAlgorithm);
  stream[kControllerErrorFunction] = (error) => defaultControllerError(controller, error);
  return stream;
}

function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
  const stream = Object.create(ReadableStream.prototype);
  stream[kState] = newStreamState();
  initializeNodeHooks(stream);
  const controller = bytes.createByteController();
  bytes.setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm,
                                          cancelAlgorithm, 0, undefined);
  stream[kControllerErrorFunction] = (error) => bytes.byteControllerError(controller, error);
  return stream;
}

// --- Async iteration --------------------------------------------------------------------

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

function createAsyncIterator(stream, preventCancel) {
  const reader = acquireReadableStreamDefaultReader(stream);
  let finished = false;
  let ongoing;

  // The stream's part of next(): one read, releasing the reader at the end.
  function nextIterationResult() {
    const d = createDeferred();
    readableStreamDefaultReaderRead(reader, {
      chunk: (value) => d.resolve({ value, done: false }),
      close() {
        readableStreamDefaultReaderRelease(reader);
        d.resolve({ done: true, value: undefined });
      },
      error(error) {
        readableStreamDefaultReaderRelease(reader);
        d.reject(error);
      },
    });
    return d.promise;
  }

  // WebIDL's async iterator machinery: calls queue behind the ongoing promise.
  function nextSteps() {
    if (finished) return Promise.resolve({ done: true, value: undefined });
    return PromiseThen(nextIterationResult(), (result) => {
      ongoing = undefined;
      if (result.done) finished = true;
      return result;
    }, (error) => {
      ongoing = undefined;
      finished = true;
      throw error;
    });
  }

  function returnSteps(value) {
    if (finished) return Promise.resolve();
    finished = true;
    if (reader[kState].stream === undefined) return Promise.resolve();
    if (!preventCancel) {
      const result = readerGenericCancel(reader, value);
      readableStreamDefaultReaderRelease(reader);
      return result;
    }
    readableStreamDefaultReaderRelease(reader);
    return Promise.resolve();
  }

  return Object.setPrototypeOf({
    next() {
      ongoing = ongoing === undefined ? nextSteps() : PromiseThen(ongoing, nextSteps, nextSteps);
      return ongoing;
    },
    return(value) {
      const steps = () => returnSteps(value);
      ongoing = ongoing === undefined ? steps() : PromiseThen(ongoing, steps, steps);
      return PromiseThen(ongoing, () => ({ done: true, value }));
    },
    [Symbol.asyncIterator]() { return this; },
  }, ReadableStreamAsyncIteratorPrototype);
}

// The shape node gives its iterators: own methods over a prototype that has next/return and
// inherits from %AsyncIteratorPrototype%.
const ReadableStreamAsyncIteratorPrototype = Object.setPrototypeOf({
  next() { return Promise.reject(new ERR_INVALID_THIS('ReadableStreamAsyncIterator')); },
  return() { return Promise.reject(new ERR_INVALID_THIS('ReadableStreamAsyncIterator')); },
}, AsyncIteratorPrototype);

// --- ReadableStream.from ----------------------------------------------------------------

function getAsyncIteratorRecord(iterable) {
  let method = iterable[Symbol.asyncIterator];
  if (method == null) {
    const syncMethod = iterable[Symbol.iterator];
    if (typeof syncMethod !== 'function') throw new ERR_ARG_NOT_ITERABLE(iterableName(iterable));
    const syncIterator = Reflect.apply(syncMethod, iterable, []);
    if (syncIterator === null || typeof syncIterator !== 'object') {
      throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
    }
    return asyncFromSyncIterator(syncIterator);
  }
  if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE(iterableName(iterable));
  const iterator = Reflect.apply(method, iterable, []);
  if (iterator === null || typeof iterator !== 'object') {
    throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
  }
  return { iterator, next: iterator.next };
}

function iterableName(value) {
  return require('internal/util/inspect').inspect(value);
}

// CreateAsyncFromSyncIterator: values that are promises are awaited.
function asyncFromSyncIterator(syncIterator) {
  const syncNext = syncIterator.next;
  const iterator = {
    next() {
      const result = Reflect.apply(syncNext, syncIterator, []);
      if (result === null || typeof result !== 'object') {
        throw new ERR_INVALID_STATE.TypeError('The iterator result must be an object');
      }
      const done = !!result.done;
      return PromiseThen(promiseResolvedWith(result.value), (value) => ({ value, done }));
    },
    return(value) {
      const method = syncIterator.return;
      if (method == null) return Promise.resolve({ value, done: true });
      const result = Reflect.apply(method, syncIterator, [value]);
      if (result === null || typeof result !== 'object') {
        throw new ERR_INVALID_STATE.TypeError('The iterator result must be an object');
      }
      return PromiseThen(promiseResolvedWith(result.value), (v) => ({ value: v, done: true }));
    },
  };
  return { iterator, next: iterator.next };
}

function readableStreamFromIterable(iterable) {
  const record = getAsyncIteratorRecord(iterable);
  let stream;
  const pullAlgorithm = () => {
    let nextPromise;
    try {
      nextPromise = promiseResolvedWith(Reflect.apply(record.next, record.iterator, []));
    } catch (error) {
      return Promise.reject(error);
    }
    return PromiseThen(nextPromise, (result) => {
      if (result === null || typeof result !== 'object') {
        throw new ERR_INVALID_STATE.TypeError(
          'The promise returned by the iterator.next() method must fulfill with an object');
      }
      const controller = stream[kState].controller;
      if (result.done) defaultControllerClose(controller);
      else defaultControllerEnqueue(controller, result.value);
    });
  };
  const cancelAlgorithm = (reason) => {
    const { iterator } = record;
    let returnResult;
    try {
      const method = iterator.return;
      if (method == null) return Promise.resolve();
      returnResult = Reflect.apply(method, iterator, [reason]);
    } catch (error) {
      return Promise.reject(error);
    }
    return PromiseThen(promiseResolvedWith(returnResult), (result) => {
      if (result === null || typeof result !== 'object') {
        throw new ERR_INVALID_STATE.TypeError(
          'The promise returned by the iterator.return() method must fulfill with an object');
      }
    });
  };
  stream = createReadableStream(() => undefined, pullAlgorithm, cancelAlgorithm, 0);
  return stream;
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: bytes.ReadableStreamBYOBRequest,
  ReadableByteStreamController: bytes.ReadableByteStreamController,
  ReadableStreamDefaultController,
  isReadableStream,
  isReadableStreamLocked,
  isDefaultController,
  isByteController,
  acquireReadableStreamDefaultReader,
  acquireReadableStreamBYOBReader,
  createReadableStream,
  createReadableByteStream,
  readableStreamCancel,
  readableStreamClose,
  readableStreamError,
  defaultControllerClose,
  defaultControllerEnqueue,
  defaultControllerError,
  defaultControllerGetDesiredSize,
  defaultControllerHasBackpressure,
  defaultControllerCanCloseOrEnqueue,
};
