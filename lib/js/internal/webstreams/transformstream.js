'use strict';
// TransformStream and TransformStreamDefaultController (WHATWG Streams Standard): a writable
// side whose writes run transformer.transform() and a readable side fed by
// controller.enqueue(), with backpressure from the readable side holding writes back.

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
  createDeferred,
  customInspect,
  defineWebIDLClass,
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateStrategy,
  getCallback,
  invokePromiseCallback,
  kResolvedUndefined,
  PromiseThen,
} = require('internal/webstreams/util');
const { hasBrand } = require('internal/webstreams/readable_ops');
const rs = require('internal/webstreams/readablestream');
const ws = require('internal/webstreams/writablestream');

const kInternal = Symbol('kInternal');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const isTransformStream = (obj) => hasBrand(obj, 'TransformStream');
const isTransformController = (obj) => hasBrand(obj, 'TransformStreamDefaultController');

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
    if (transformer === null ||
        (transformer !== undefined && typeof transformer !== 'object' && typeof transformer !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('transformer', 'object', transformer);
    }
    validateStrategy(writableStrategy);
    validateStrategy(readableStrategy);
    // Transformer members in WebIDL dictionary order.
    const cancel = getCallback(transformer, 'cancel', 'transformer');
    const flush = getCallback(transformer, 'flush', 'transformer');
    const readableType = transformer?.readableType;
    const start = getCallback(transformer, 'start', 'transformer');
    const transform = getCallback(transformer, 'transform', 'transformer');
    const writableType = transformer?.writableType;
    if (readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', readableType);
    }
    if (writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const startPromise = createDeferred();
    initializeTransformStream(this, startPromise.promise, writableHWM, writableSize,
                              readableHWM, readableSize);
    const controller = new TransformStreamDefaultController(kInternal);
    const transformAlgorithm = transform === undefined ?
      (chunk) => {
        try {
          controllerEnqueue(controller, chunk);
          return Promise.resolve();
        } catch (error) {
          return Promise.reject(error);
        }
      } :
      (chunk) => invokePromiseCallback(transform, transformer, chunk, controller);
    const flushAlgorithm = flush === undefined ? kResolvedUndefined :
      () => invokePromiseCallback(flush, transformer, controller);
    const cancelAlgorithm = cancel === undefined ? kResolvedUndefined :
      (reason) => invokePromiseCallback(cancel, transformer, reason);
    setUpController(this, controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm);
    if (start !== undefined) {
      startPromise.resolve(Reflect.apply(start, transformer, [controller]));
    } else {
      startPromise.resolve(undefined);
    }
  }

  get readable() {
    if (!isTransformStream(this)) throw new ERR_INVALID_THIS('TransformStream');
    return this[kState].readable;
  }

  get writable() {
    if (!isTransformStream(this)) throw new ERR_INVALID_THIS('TransformStream');
    return this[kState].writable;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'TransformStream', {
      readable: this[kState].readable,
      writable: this[kState].writable,
      backpressure: this[kState].backpressure,
    });
  }
}

defineWebIDLClass(TransformStream, 'TransformStream', ['readable', 'writable']);

function initializeTransformStream(stream, startPromise, writableHWM, writableSize,
                                   readableHWM, readableSize) {
  const state = {
    brand: 'TransformStream',
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  };
  stream[kState] = state;
  const startAlgorithm = () => startPromise;
  state.writable = ws.createWritableStream(startAlgorithm,
                                           (chunk) => sinkWriteAlgorithm(stream, chunk),
                                           () => sinkCloseAlgorithm(stream),
                                           (reason) => sinkAbortAlgorithm(stream, reason),
                                           writableHWM, writableSize);
  state.readable = rs.createReadableStream(startAlgorithm,
                                           () => sourcePullAlgorithm(stream),
                                           (reason) => sourceCancelAlgorithm(stream, reason),
                                           readableHWM, readableSize);
  setBackpressure(stream, true);
}

function transformStreamError(stream, error) {
  rs.defaultControllerError(stream[kState].readable[kState].controller, error);
  errorWritableAndUnblockWrite(stream, error);
}

function errorWritableAndUnblockWrite(stream, error) {
  controllerClearAlgorithms(stream[kState].controller);
  ws.writableStreamDefaultControllerErrorIfNeeded(stream[kState].writable[kState].controller, error);
  unblockWrite(stream);
}

function unblockWrite(stream) {
  if (stream[kState].backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  const state = stream[kState];
  state.backpressureChange?.resolve();
  state.backpressureChange = createDeferred();
  state.backpressure = backpressure;
}

// --- TransformStreamDefaultController ---------------------------------------------------

class TransformStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kState] = {
      brand: 'TransformStreamDefaultController',
      stream: undefined,
      finishPromise: undefined,
      transformAlgorithm: undefined,
      flushAlgorithm: undefined,
      cancelAlgorithm: undefined,
    };
  }

  get desiredSize() {
    if (!isTransformController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    const readable = this[kState].stream[kState].readable;
    return rs.defaultControllerGetDesiredSize(readable[kState].controller);
  }

  enqueue(chunk = undefined) {
    if (!isTransformController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    controllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    if (!isTransformController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    if (!isTransformController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    controllerTerminate(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'TransformStreamDefaultController', {
      stream: this[kState].stream,
    });
  }
}

defineWebIDLClass(TransformStreamDefaultController, 'TransformStreamDefaultController',
                  ['desiredSize', 'enqueue', 'error', 'terminate']);

function setUpController(stream, controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
  const state = controller[kState];
  state.stream = stream;
  stream[kState].controller = controller;
  state.transformAlgorithm = transformAlgorithm;
  state.flushAlgorithm = flushAlgorithm;
  state.cancelAlgorithm = cancelAlgorithm;
}

function controllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.transformAlgorithm = undefined;
  state.flushAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
}

function controllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const readable = stream[kState].readable;
  const readableController = readable[kState].controller;
  if (!rs.defaultControllerCanCloseOrEnqueue(readableController)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    rs.defaultControllerEnqueue(readableController, chunk);
  } catch (error) {
    errorWritableAndUnblockWrite(stream, error);
    throw readable[kState].storedError;
  }
  const backpressure = rs.defaultControllerHasBackpressure(readableController);
  if (backpressure !== stream[kState].backpressure) setBackpressure(stream, true);
}

function controllerTerminate(controller) {
  const stream = controller[kState].stream;
  rs.defaultControllerClose(stream[kState].readable[kState].controller);
  errorWritableAndUnblockWrite(stream,
                               new ERR_INVALID_STATE.TypeError('TransformStream has been terminated'));
}

function controllerPerformTransform(controller, chunk) {
  const stream = controller[kState].stream;
  return PromiseThen(controller[kState].transformAlgorithm(chunk), undefined, (error) => {
    transformStreamError(stream, error);
    throw error;
  });
}

// --- Algorithms of the two sides --------------------------------------------------------

function sinkWriteAlgorithm(stream, chunk) {
  const controller = stream[kState].controller;
  if (stream[kState].backpressure) {
    return PromiseThen(stream[kState].backpressureChange.promise, () => {
      const writable = stream[kState].writable;
      if (writable[kState].state === 'erroring') throw writable[kState].storedError;
      return controllerPerformTransform(controller, chunk);
    });
  }
  return controllerPerformTransform(controller, chunk);
}

// Runs the transformer's cancel() or flush() once; both sides then settle from its outcome.
function finishWith(controller, algorithm, onFulfilled, onRejected) {
  const state = controller[kState];
  if (state.finishPromise !== undefined) return state.finishPromise.promise;
  const finish = createDeferred();
  state.finishPromise = finish;
  const promise = algorithm();
  controllerClearAlgorithms(controller);
  PromiseThen(promise, () => {
    try {
      onFulfilled();
      finish.resolve();
    } catch (error) {
      finish.reject(error);
    }
  }, (error) => {
    onRejected(error);
    finish.reject(error);
  });
  return finish.promise;
}

function sinkAbortAlgorithm(stream, reason) {
  const controller = stream[kState].controller;
  const readable = stream[kState].readable;
  const cancel = controller[kState].cancelAlgorithm;
  return finishWith(controller, () => (cancel ? cancel(reason) : Promise.resolve()), () => {
    if (readable[kState].state === 'errored') throw readable[kState].storedError;
    rs.defaultControllerError(readable[kState].controller, reason);
  }, (error) => rs.defaultControllerError(readable[kState].controller, error));
}

function sinkCloseAlgorithm(stream) {
  const controller = stream[kState].controller;
  const readable = stream[kState].readable;
  const flush = controller[kState].flushAlgorithm;
  return finishWith(controller, () => (flush ? flush() : Promise.resolve()), () => {
    if (readable[kState].state === 'errored') throw readable[kState].storedError;
    rs.defaultControllerClose(readable[kState].controller);
  }, (error) => rs.defaultControllerError(readable[kState].controller, error));
}

function sourcePullAlgorithm(stream) {
  setBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function sourceCancelAlgorithm(stream, reason) {
  const controller = stream[kState].controller;
  const writable = stream[kState].writable;
  const cancel = controller[kState].cancelAlgorithm;
  return finishWith(controller, () => (cancel ? cancel(reason) : Promise.resolve()), () => {
    if (writable[kState].state === 'errored') throw writable[kState].storedError;
    ws.writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, reason);
    unblockWrite(stream);
  }, (error) => {
    ws.writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, error);
    unblockWrite(stream);
  });
}

module.exports = {
  TransformStream,
  TransformStreamDefaultController,
  isTransformStream,
};
