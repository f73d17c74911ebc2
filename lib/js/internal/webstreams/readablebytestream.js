'use strict';
// Byte streams: ReadableByteStreamController, ReadableStreamBYOBRequest and
// ReadableStreamBYOBReader, following the Streams Standard's byte-stream algorithms. Chunks
// are moved (ArrayBuffer transfer), never shared, between the source and the reader.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { isArrayBufferView, isDataView } = require('internal/util/types');
const {
  kState,
  customInspect,
  defineWebIDLClass,
  resetQueue,
  transferArrayBuffer,
  isDetached,
  isViewedArrayBufferDetached,
  copyDataBlockBytes,
  extractHighWaterMark,
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
  isReadableStreamLocked,
  readableStreamClose,
  readableStreamError,
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
  readableStreamBYOBReaderRelease,
  promiseReadRequest,
} = ops;

const kInternal = Symbol('kInternal');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const isByteController = (obj) => hasBrand(obj, brands.byteController);
const isBYOBRequest = (obj) => hasBrand(obj, brands.byobRequest);
const isBYOBReader = (obj) => hasBrand(obj, brands.byobReader);

// --- ReadableStreamBYOBRequest ----------------------------------------------------------

class ReadableStreamBYOBRequest {
  constructor(key = undefined) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = { brand: brands.byobRequest, controller: undefined, view: null };
  }

  get view() {
    if (!isBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    if (!isBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    const { controller, view } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    bytesWritten = toUnsignedLongLong(bytesWritten, 'bytesWritten');
    if (isViewedArrayBufferDetached(view)) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    byteControllerRespond(controller, bytesWritten);
  }

  respondWithNewView(view) {
    if (!isBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    if (!isArrayBufferView(view)) {
      throw new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    }
    const { controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    if (isDetached(view.buffer)) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    byteControllerRespondWithNewView(controller, view);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamBYOBRequest', {
      view: this[kState].view,
      controller: this[kState].controller,
    });
  }
}

defineWebIDLClass(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest',
                  ['view', 'respond', 'respondWithNewView']);

// WebIDL [EnforceRange] unsigned long long, with node's error.
function toUnsignedLongLong(value, name) {
  const number = +value;
  if (!Number.isFinite(number)) throw new ERR_INVALID_ARG_VALUE.RangeError(name, value);
  const integer = Math.trunc(number);
  if (integer < 0 || integer > Number.MAX_SAFE_INTEGER) {
    throw new ERR_INVALID_ARG_VALUE.RangeError(name, value);
  }
  return integer;
}

// A view's intrinsic constructor (a Buffer reads back as a Uint8Array, as the spec's
// [[TypedArrayName]]), captured before user code can replace the globals.
const typedArrayTagGetter = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const typedArrayName = (view) => Reflect.apply(typedArrayTagGetter, view, []);
const intrinsicTypedArrays = {
  __proto__: null,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

// --- ReadableByteStreamController -------------------------------------------------------

class ReadableByteStreamController {
  constructor(key = undefined) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      brand: brands.byteController,
      stream: undefined,
      byobRequest: null,
      pendingPullIntos: [],
      queue: [],
      queueTotalSize: 0,
      started: false,
      closeRequested: false,
      pullAgain: false,
      pulling: false,
      autoAllocateChunkSize: undefined,
      strategyHWM: 0,
      pullAlgorithm: undefined,
      cancelAlgorithm: undefined,
    };
  }

  get byobRequest() {
    if (!isByteController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    return byteControllerGetBYOBRequest(this);
  }

  get desiredSize() {
    if (!isByteController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    return byteControllerGetDesiredSize(this);
  }

  close() {
    if (!isByteController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    const state = this[kState];
    if (state.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (state.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    byteControllerClose(this);
  }

  enqueue(chunk) {
    if (!isByteController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    if (!isArrayBufferView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0) {
      throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    }
    const state = this[kState];
    if (state.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (state.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    byteControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isByteController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    byteControllerError(this, error);
  }

  [kCancelSteps](reason) {
    byteControllerClearPendingPullIntos(this);
    resetQueue(this[kState]);
    const result = this[kState].cancelAlgorithm(reason);
    byteControllerClearAlgorithms(this);
    return result;
  }

  [kPullSteps](readRequest) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queueTotalSize > 0) {
      byteControllerFillReadRequestFromQueue(this, readRequest);
      return;
    }
    const size = state.autoAllocateChunkSize;
    if (size !== undefined) {
      let buffer;
      try {
        buffer = new ArrayBuffer(size);
      } catch (error) {
        readRequest.error(error);
        return;
      }
      state.pendingPullIntos.push({
        buffer,
        bufferByteLength: size,
        byteOffset: 0,
        byteLength: size,
        bytesFilled: 0,
        minimumFill: 1,
        elementSize: 1,
        viewConstructor: Uint8Array,
        readerType: 'default',
      });
    }
    readableStreamAddReadRequest(stream, readRequest);
    byteControllerCallPullIfNeeded(this);
  }

  [kReleaseSteps]() {
    const state = this[kState];
    if (state.pendingPullIntos.length > 0) {
      const first = state.pendingPullIntos[0];
      first.readerType = 'none';
      state.pendingPullIntos = [first];
    }
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableByteStreamController', {});
  }
}

defineWebIDLClass(ReadableByteStreamController, 'ReadableByteStreamController',
                  ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']);

function byteControllerGetBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null && state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
                                first.byteLength - first.bytesFilled);
    const request = new ReadableStreamBYOBRequest(kInternal);
    request[kState].controller = controller;
    request[kState].view = view;
    state.byobRequest = request;
  }
  return state.byobRequest;
}

function byteControllerGetDesiredSize(controller) {
  const state = controller[kState];
  const streamState = state.stream[kState].state;
  if (streamState === 'errored') return null;
  if (streamState === 'closed') return 0;
  return state.strategyHWM - state.queueTotalSize;
}

function byteControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable' || state.closeRequested || !state.started) return false;
  if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) return true;
  return byteControllerGetDesiredSize(controller) > 0;
}

function byteControllerCallPullIfNeeded(controller) {
  ops.controllerCallPullIfNeeded(controller, byteControllerShouldCallPull, byteControllerError);
}

function byteControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function byteControllerInvalidateBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null) return;
  state.byobRequest[kState].controller = undefined;
  state.byobRequest[kState].view = null;
  state.byobRequest = null;
}

function byteControllerClearPendingPullIntos(controller) {
  byteControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function byteControllerShiftPendingPullInto(controller) {
  return controller[kState].pendingPullIntos.shift();
}

function byteControllerClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  if (state.queueTotalSize > 0) {
    state.closeRequested = true;
    return;
  }
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const error = new ERR_INVALID_STATE.TypeError('Partial read');
      byteControllerError(controller, error);
      throw error;
    }
  }
  byteControllerClearAlgorithms(controller);
  readableStreamClose(stream);
}

function byteControllerError(controller, error) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return;
  byteControllerClearPendingPullIntos(controller);
  resetQueue(state);
  byteControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function enqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const state = controller[kState];
  state.queue.push({ buffer, byteOffset, byteLength });
  state.queueTotalSize += byteLength;
}

function enqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (error) {
    byteControllerError(controller, error);
    throw error;
  }
  enqueueChunkToQueue(controller, clone, 0, byteLength);
}

function enqueueDetachedPullIntoToQueue(controller, pullInto) {
  if (pullInto.bytesFilled > 0) {
    enqueueClonedChunkToQueue(controller, pullInto.buffer, pullInto.byteOffset, pullInto.bytesFilled);
  }
  byteControllerShiftPendingPullInto(controller);
}

function byteControllerEnqueue(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (isDetached(buffer)) {
    throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
  }
  const transferredBuffer = transferArrayBuffer(buffer);
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (isDetached(first.buffer)) {
      throw new ERR_INVALID_STATE.TypeError('The BYOB request\'s buffer has been detached');
    }
    byteControllerInvalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') enqueueDetachedPullIntoToQueue(controller, first);
  }
  if (readableStreamHasDefaultReader(stream)) {
    byteControllerProcessReadRequestsUsingQueue(controller);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      enqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    } else {
      if (state.pendingPullIntos.length > 0) byteControllerShiftPendingPullInto(controller);
      const view = new Uint8Array(transferredBuffer, byteOffset, byteLength);
      readableStreamFulfillReadRequest(stream, view, false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    enqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(controller);
    for (const pullInto of filled) byteControllerCommitPullIntoDescriptor(stream, pullInto);
  } else {
    enqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerFillPullIntoDescriptorFromQueue(controller, pullInto) {
  const state = controller[kState];
  const maxBytesToCopy = Math.min(state.queueTotalSize, pullInto.byteLength - pullInto.bytesFilled);
  const maxBytesFilled = pullInto.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % pullInto.elementSize);
  if (maxAlignedBytes >= pullInto.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - pullInto.bytesFilled;
    ready = true;
  }
  const queue = state.queue;
  while (totalBytesToCopyRemaining > 0) {
    const head = queue[0];
    const bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
    const destStart = pullInto.byteOffset + pullInto.bytesFilled;
    copyDataBlockBytes(pullInto.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
    if (head.byteLength === bytesToCopy) {
      queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    state.queueTotalSize -= bytesToCopy;
    pullInto.bytesFilled += bytesToCopy;
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function byteControllerFillReadRequestFromQueue(controller, readRequest) {
  const state = controller[kState];
  const entry = state.queue.shift();
  state.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(controller);
  readRequest.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function byteControllerHandleQueueDrain(controller) {
  const state = controller[kState];
  if (state.queueTotalSize === 0 && state.closeRequested) {
    byteControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  } else {
    byteControllerCallPullIfNeeded(controller);
  }
}

function byteControllerProcessPullIntoDescriptorsUsingQueue(controller) {
  const state = controller[kState];
  const filled = [];
  while (state.pendingPullIntos.length > 0) {
    if (state.queueTotalSize === 0) break;
    const pullInto = state.pendingPullIntos[0];
    if (byteControllerFillPullIntoDescriptorFromQueue(controller, pullInto)) {
      byteControllerShiftPendingPullInto(controller);
      filled.push(pullInto);
    }
  }
  return filled;
}

function byteControllerProcessReadRequestsUsingQueue(controller) {
  const state = controller[kState];
  const reader = state.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (state.queueTotalSize === 0) return;
    const readRequest = reader[kState].readRequests.shift();
    byteControllerFillReadRequestFromQueue(controller, readRequest);
  }
}

function convertPullIntoDescriptor(pullInto) {
  const { bytesFilled, elementSize } = pullInto;
  const buffer = transferArrayBuffer(pullInto.buffer);
  return new pullInto.viewConstructor(buffer, pullInto.byteOffset, bytesFilled / elementSize);
}

function byteControllerCommitPullIntoDescriptor(stream, pullInto) {
  const done = stream[kState].state === 'closed';
  const filledView = convertPullIntoDescriptor(pullInto);
  if (pullInto.readerType === 'default') {
    readableStreamFulfillReadRequest(stream, filledView, done);
  } else {
    readableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
}

function byteControllerPullInto(controller, view, min, readIntoRequest) {
  const state = controller[kState];
  const stream = state.stream;
  let elementSize = 1;
  let viewConstructor = DataView;
  if (!isDataView(view)) {
    viewConstructor = intrinsicTypedArrays[typedArrayName(view)];
    elementSize = viewConstructor.BYTES_PER_ELEMENT;
  }
  const minimumFill = min * elementSize;
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (error) {
    readIntoRequest.error(error);
    return;
  }
  const pullInto = {
    buffer,
    bufferByteLength: buffer.byteLength,
    byteOffset,
    byteLength,
    bytesFilled: 0,
    minimumFill,
    elementSize,
    viewConstructor,
    readerType: 'byob',
  };
  if (state.pendingPullIntos.length > 0) {
    state.pendingPullIntos.push(pullInto);
    readableStreamAddReadIntoRequest(stream, readIntoRequest);
    return;
  }
  if (stream[kState].state === 'closed') {
    readIntoRequest.close(new viewConstructor(pullInto.buffer, pullInto.byteOffset, 0));
    return;
  }
  if (state.queueTotalSize > 0) {
    if (byteControllerFillPullIntoDescriptorFromQueue(controller, pullInto)) {
      const filledView = convertPullIntoDescriptor(pullInto);
      byteControllerHandleQueueDrain(controller);
      readIntoRequest.chunk(filledView);
      return;
    }
    if (state.closeRequested) {
      const error = new ERR_INVALID_STATE.TypeError('Partial read');
      byteControllerError(controller, error);
      readIntoRequest.error(error);
      return;
    }
  }
  state.pendingPullIntos.push(pullInto);
  readableStreamAddReadIntoRequest(stream, readIntoRequest);
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerRespond(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
  } else {
    if (bytesWritten === 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  byteControllerRespondInternal(controller, bytesWritten);
}

function byteControllerRespondInClosedState(controller, first) {
  if (first.readerType === 'none') byteControllerShiftPendingPullInto(controller);
  const stream = controller[kState].stream;
  if (readableStreamHasBYOBReader(stream)) {
    while (readableStreamGetNumReadIntoRequests(stream) > 0) {
      byteControllerCommitPullIntoDescriptor(stream, byteControllerShiftPendingPullInto(controller));
    }
  }
}

function byteControllerRespondInReadableState(controller, bytesWritten, pullInto) {
  const stream = controller[kState].stream;
  pullInto.bytesFilled += bytesWritten;
  if (pullInto.readerType === 'none') {
    enqueueDetachedPullIntoToQueue(controller, pullInto);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(controller);
    for (const each of filled) byteControllerCommitPullIntoDescriptor(stream, each);
    return;
  }
  if (pullInto.bytesFilled < pullInto.minimumFill) return;
  byteControllerShiftPendingPullInto(controller);
  const remainderSize = pullInto.bytesFilled % pullInto.elementSize;
  if (remainderSize > 0) {
    const end = pullInto.byteOffset + pullInto.bytesFilled;
    enqueueClonedChunkToQueue(controller, pullInto.buffer, end - remainderSize, remainderSize);
  }
  pullInto.bytesFilled -= remainderSize;
  const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(controller);
  byteControllerCommitPullIntoDescriptor(stream, pullInto);
  for (const each of filled) byteControllerCommitPullIntoDescriptor(stream, each);
}

function byteControllerRespondInternal(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  byteControllerInvalidateBYOBRequest(controller);
  if (state.stream[kState].state === 'closed') {
    byteControllerRespondInClosedState(controller, first);
  } else {
    byteControllerRespondInReadableState(controller, bytesWritten, first);
  }
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerRespondWithNewView(controller, view) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) throw new ERR_INVALID_ARG_VALUE('view', view);
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('view', view);
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset ||
      first.bufferByteLength !== view.buffer.byteLength ||
      first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  const viewByteLength = view.byteLength;
  first.buffer = transferArrayBuffer(view.buffer);
  byteControllerRespondInternal(controller, viewByteLength);
}

function setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm,
                                           cancelAlgorithm, highWaterMark, autoAllocateChunkSize) {
  const state = controller[kState];
  state.stream = stream;
  state.pullAgain = false;
  state.pulling = false;
  state.byobRequest = null;
  resetQueue(state);
  state.closeRequested = false;
  state.started = false;
  state.strategyHWM = highWaterMark;
  state.pullAlgorithm = pullAlgorithm;
  state.cancelAlgorithm = cancelAlgorithm;
  state.autoAllocateChunkSize = autoAllocateChunkSize;
  state.pendingPullIntos = [];
  stream[kState].controller = controller;
  const startResult = startAlgorithm();
  PromiseThen(promiseResolvedWith(startResult), () => {
    state.started = true;
    byteControllerCallPullIfNeeded(controller);
  }, (error) => byteControllerError(controller, error));
}

function setUpReadableByteStreamControllerFromUnderlyingSource(stream, source, highWaterMark) {
  const controller = new ReadableByteStreamController(kInternal);
  const start = getCallback(source, 'start', 'source');
  const pull = getCallback(source, 'pull', 'source');
  const cancel = getCallback(source, 'cancel', 'source');
  let autoAllocateChunkSize = source?.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    const number = +autoAllocateChunkSize;
    if (!Number.isInteger(number) || number <= 0) {
      throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize', autoAllocateChunkSize);
    }
    autoAllocateChunkSize = number;
  }
  const startAlgorithm = start === undefined ? () => undefined : () => Reflect.apply(start, source, [controller]);
  const pullAlgorithm = pull === undefined ? kResolvedUndefined :
    () => invokePromiseCallback(pull, source, controller);
  setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm,
                                    promiseAlgorithm(source, cancel),
                                    highWaterMark, autoAllocateChunkSize);
}

// Used by the ReadableStream constructor for `type: 'bytes'`.
function setUpByteStreamFromSource(stream, source, strategy) {
  if (strategy?.size !== undefined) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
  }
  const highWaterMark = extractHighWaterMark(strategy, 0);
  setUpReadableByteStreamControllerFromUnderlyingSource(stream, source, highWaterMark);
}

function createByteController() {
  return new ReadableByteStreamController(kInternal);
}

// --- ReadableStreamBYOBReader -----------------------------------------------------------

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kState] = { brand: brands.byobReader, stream: undefined, closed: undefined, readIntoRequests: [] };
    setUpBYOBReader(this, stream);
  }

  read(view, options = undefined) {
    if (!isBYOBReader(this)) return Promise.reject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    if (!isArrayBufferView(view)) {
      return Promise.reject(
        new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('options', 'object', options));
    }
    let min = 1;
    if (options?.min !== undefined) {
      min = +options.min;
      if (!Number.isFinite(min)) return Promise.reject(new ERR_INVALID_ARG_VALUE('options.min', options.min));
      min = Math.trunc(min);
    }
    if (min <= 0) {
      return Promise.reject(new ERR_INVALID_ARG_VALUE('options.min', min, 'must be greater than 0'));
    }
    if (view.byteLength === 0 || view.buffer.byteLength === 0) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError(
        'View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (isDataView(view)) {
      if (min > view.byteLength) {
        return Promise.reject(new ERR_OUT_OF_RANGE('options.min', '<= view.byteLength', min));
      }
    } else if (min > view.length) {
      return Promise.reject(new ERR_OUT_OF_RANGE('options.min', '<= view.length', min));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const request = promiseReadRequest();
    readableStreamBYOBReaderRead(this, view, min, request);
    return request.promise;
  }

  releaseLock() {
    if (!isBYOBReader(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    readableStreamBYOBReaderRelease(this);
  }

  get closed() {
    if (!isBYOBReader(this)) return Promise.reject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isBYOBReader(this)) return Promise.reject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    return readerGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ReadableStreamBYOBReader', {
      stream: this[kState].stream,
      readIntoRequests: this[kState].readIntoRequests.length,
      close: this[kState].closed.promise,
    });
  }
}

defineWebIDLClass(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader',
                  ['read', 'releaseLock', 'closed', 'cancel']);

function setUpBYOBReader(reader, stream) {
  if (isReadableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  }
  if (!isByteController(stream[kState].controller)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
  }
  readerGenericInitialize(reader, stream);
  reader[kState].readIntoRequests = [];
}

function readableStreamBYOBReaderRead(reader, view, min, readIntoRequest) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  if (stream[kState].state === 'errored') {
    readIntoRequest.error(stream[kState].storedError);
  } else {
    byteControllerPullInto(stream[kState].controller, view, min, readIntoRequest);
  }
}

module.exports = {
  ReadableByteStreamController,
  ReadableStreamBYOBRequest,
  ReadableStreamBYOBReader,
  isByteController,
  createByteController,
  setUpReadableByteStreamController,
  setUpByteStreamFromSource,
  byteControllerClose,
  byteControllerEnqueue,
  byteControllerError,
  byteControllerRespond,
  byteControllerRespondWithNewView,
  byteControllerGetBYOBRequest,
  byteControllerGetDesiredSize,
  readableStreamBYOBReaderRead,
};
