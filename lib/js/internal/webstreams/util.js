'use strict';
// Pieces every web stream class shares: the internal-slot symbol, promise helpers, the
// queue-with-sizes, strategy extraction, ArrayBuffer transfer and the inspect helper.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const { isArrayBufferDetached } = require('internal/util');

// Every web stream object keeps its spec "internal slots" in one plain object under kState.
const kState = Symbol('kState');
const kType = Symbol('kType');

// Shared with internal/streams/utils: finished() and addAbortSignal() use these on web streams.
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

function createDeferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const noop = () => {};

// Internal reactions must not run a then() that user code patched onto Promise.prototype.
const PromisePrototypeThen = Promise.prototype.then;
function PromiseThen(promise, onFulfilled, onRejected) {
  return Reflect.apply(PromisePrototypeThen, promise, [onFulfilled, onRejected]);
}

// WebIDL's "a promise resolved with x": always a new promise, even when x is one.
function promiseResolvedWith(value) {
  return new Promise((resolve) => resolve(value));
}

function setPromiseHandled(promise) {
  PromiseThen(promise, undefined, noop);
}

const kResolvedUndefined = () => Promise.resolve();

// Calls an underlying source/sink/transformer method and always answers with a promise.
function invokePromiseCallback(fn, thisArg, ...args) {
  try {
    return promiseResolvedWith(Reflect.apply(fn, thisArg, args));
  } catch (error) {
    return Promise.reject(error);
  }
}

// Reads a callback member of an underlying source/sink/transformer dictionary: undefined or a
// function; anything else is node's ERR_INVALID_ARG_TYPE naming the property.
function getCallback(dict, key, dictName) {
  const value = dict?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(`${dictName}.${key}`, 'function', value);
  }
  return value;
}

// Turns an optional member callback into a promise-returning algorithm with the dictionary as
// `this`, or the default (a resolved promise).
function promiseAlgorithm(dict, fn) {
  if (fn === undefined) return kResolvedUndefined;
  return (...args) => invokePromiseCallback(fn, dict, ...args);
}

// Queue-with-sizes over a state object with `queue` and `queueTotalSize`.
function resetQueue(state) {
  state.queue = [];
  state.queueTotalSize = 0;
}

function enqueueValueWithSize(state, value, size) {
  size = +size;
  if (typeof size !== 'number' || size !== size || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  state.queue.push({ value, size });
  state.queueTotalSize += size;
}

function dequeueValue(state) {
  const { value, size } = state.queue.shift();
  state.queueTotalSize -= size;
  // Floating-point rounding must not leave a tiny negative total.
  if (state.queueTotalSize < 0) state.queueTotalSize = 0;
  return value;
}

function peekQueueValue(state) {
  return state.queue[0].value;
}

function extractHighWaterMark(strategy, defaultHWM) {
  const value = strategy?.highWaterMark;
  if (value === undefined) return defaultHWM;
  const hwm = +value;
  if (hwm !== hwm || hwm < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', value);
  }
  return hwm;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy?.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('strategy.size', 'function', size);
  }
  return (chunk) => size(chunk);
}

// Constructor arguments that must be an object (or undefined for the default).
function validateDictionaryArg(value, name) {
  if (value !== undefined && (value === null || (typeof value !== 'object' && typeof value !== 'function'))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', value);
  }
}

// A strategy argument: undefined/null mean "none", other non-objects are refused.
function validateStrategy(strategy) {
  if (strategy != null && typeof strategy !== 'object' && typeof strategy !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('strategy', 'object', strategy);
  }
}

let nativeClone;
// Moves an ArrayBuffer's memory into a new ArrayBuffer and detaches the original, as the
// spec's TransferArrayBuffer. V8 10.2 has no ArrayBuffer.prototype.transfer, so this goes
// through the serializer's transfer list (no copy).
function transferArrayBuffer(buffer) {
  if (isDetached(buffer)) {
    throw new ERR_INVALID_STATE.TypeError('ArrayBuffer is detached');
  }
  nativeClone ??= internalBinding('messaging').structuredClone;
  const { 0: ok, 1: result } = nativeClone(buffer, [buffer]);
  if (!ok) throw new ERR_INVALID_STATE.TypeError(`Cannot transfer ArrayBuffer: ${result}`);
  return result;
}

function isDetached(buffer) {
  return isArrayBufferDetached(buffer);
}

function isViewedArrayBufferDetached(view) {
  return view.byteLength === 0 && isDetached(view.buffer);
}

function copyDataBlockBytes(toBuffer, toIndex, fromBuffer, fromIndex, count) {
  new Uint8Array(toBuffer, toIndex, count).set(new Uint8Array(fromBuffer, fromIndex, count));
}

// The bytes of a view, copied into a fresh ArrayBuffer.
function cloneAsUint8Array(view) {
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}

let inspectFn;
// `Name { ...data }` as node prints web stream objects; nested ones follow the depth option.
// Past the depth limit node 20 prints `undefined` for these objects (not `[ReadableStream]`),
// and so do we.
function customInspect(depth, options, name, data) {
  if (depth < 0) return undefined;
  inspectFn ??= require('internal/util/inspect').inspect;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspectFn(data, opts)}`;
}

// Makes accessors and methods enumerable (WebIDL) and sets the toStringTag, as node's classes.
function defineWebIDLClass(klass, name, names) {
  const proto = klass.prototype;
  for (const key of names) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    desc.enumerable = true;
    Object.defineProperty(proto, key, desc);
  }
  Object.defineProperty(proto, Symbol.toStringTag, {
    __proto__: null, value: name, writable: false, enumerable: false, configurable: true,
  });
}

module.exports = {
  kState,
  kType,
  kIsClosedPromise,
  kControllerErrorFunction,
  createDeferred,
  setPromiseHandled,
  kResolvedUndefined,
  invokePromiseCallback,
  getCallback,
  promiseAlgorithm,
  resetQueue,
  enqueueValueWithSize,
  dequeueValue,
  peekQueueValue,
  extractHighWaterMark,
  extractSizeAlgorithm,
  validateDictionaryArg,
  validateStrategy,
  transferArrayBuffer,
  isDetached,
  isViewedArrayBufferDetached,
  copyDataBlockBytes,
  cloneAsUint8Array,
  customInspect,
  defineWebIDLClass,
  noop,
  PromiseThen,
  promiseResolvedWith,
};
