'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues. The bytes come from
// the binding's randomFill: now for the sync forms, on the thread pool with a callback.

const { randomFill: randomFillBinding, secureHeapUsed } = internalBinding('crypto');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
} = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { lazyDOMException } = require('internal/util');
const { FastBuffer } = require('internal/buffer');
const { kMaxLength } = require('buffer');

const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = Math.min(kMaxLength, kMaxInt32);

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = new FastBuffer(size);
  if (callback === undefined) {
    randomFillBinding(buf.buffer, 0, size);
    return buf;
  }
  randomFill(buf.buffer, 0, size, function(error) {
    if (error) return Reflect.apply(callback, this, [error]);
    Reflect.apply(callback, this, [null, buf]);
  });
}

function validateBuf(buf) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomFillSync(buf, offset = 0, size) {
  validateBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) return buf;
  randomFillBinding(buf, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  validateBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = buf.byteLength;
  } else if (typeof size === 'function') {
    validateFunction(size, 'callback');
    callback = size;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    size = buf.byteLength - offset;
  } else {
    validateFunction(callback, 'callback');
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) {
      size = buf.byteLength - offset;
    } else {
      size = assertSize(size, elementSize, offset, buf.byteLength);
    }
  }
  if (size === 0) {
    callback(null, buf);
    return;
  }
  randomFillBinding(buf, offset, size, (err) => {
    if (err) return callback(err);
    callback(null, buf);
  });
}

// randomInt draws 48-bit values from a 6 KiB cache, rejecting the biased tail, as node.
const RAND_MAX = 0xFFFF_FFFF_FFFF;
const randomCache = new FastBuffer(6 * 1024);
let randomCacheOffset = randomCache.length;
let asyncCacheFillInProgress = false;
const asyncCachePendingTasks = [];

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  const randLimit = RAND_MAX - (RAND_MAX % range);
  while (isSync || (randomCacheOffset < randomCache.length)) {
    if (randomCacheOffset === randomCache.length) {
      randomFillSync(randomCache);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
  asyncCachePendingTasks.push({ min, max, callback });
  asyncRefillRandomIntCache();
}

function asyncRefillRandomIntCache() {
  if (asyncCacheFillInProgress) return;
  asyncCacheFillInProgress = true;
  randomFill(randomCache, (err) => {
    asyncCacheFillInProgress = false;
    const tasks = asyncCachePendingTasks;
    const errorReceiver = err && tasks.shift();
    if (!err) randomCacheOffset = 0;
    // Every waiting call restarts; an error goes to one of them only.
    for (const task of tasks.splice(0)) randomInt(task.min, task.max, task.callback);
    if (errorReceiver) errorReceiver.callback(err);
  });
}

// randomUUID: version 4 from a 128-UUID entropy cache unless disableEntropyCache.
const kBatchSize = 128;
let uuidData;
let uuidNotBuffered;
let uuidBatch = 0;
const kHexBytes = [];
for (let i = 0; i < 256; i++) kHexBytes.push((i < 16 ? '0' : '') + i.toString(16));

function serializeUUID(buf, offset = 0) {
  const b = kHexBytes;
  return b[buf[offset]] + b[buf[offset + 1]] + b[buf[offset + 2]] + b[buf[offset + 3]] + '-' +
    b[buf[offset + 4]] + b[buf[offset + 5]] + '-' +
    b[(buf[offset + 6] & 0x0f) | 0x40] + b[buf[offset + 7]] + '-' +
    b[(buf[offset + 8] & 0x3f) | 0x80] + b[buf[offset + 9]] + '-' +
    b[buf[offset + 10]] + b[buf[offset + 11]] + b[buf[offset + 12]] +
    b[buf[offset + 13]] + b[buf[offset + 14]] + b[buf[offset + 15]];
}

function getBufferedUUID() {
  uuidData ??= new FastBuffer(16 * kBatchSize);
  if (uuidBatch === 0) randomFillSync(uuidData);
  uuidBatch = (uuidBatch + 1) % kBatchSize;
  return serializeUUID(uuidData, uuidBatch * 16);
}

function getUnbufferedUUID() {
  uuidNotBuffered ??= new FastBuffer(16);
  randomFillSync(uuidNotBuffered);
  return serializeUUID(uuidNotBuffered);
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  return disableEntropyCache ? getUnbufferedUUID() : getBufferedUUID();
}

function isIntegerTypedArray(data) {
  if (!ArrayBuffer.isView(data) || data instanceof DataView) return false;
  const tag = Object.prototype.toString.call(data);
  return tag !== '[object Float32Array]' && tag !== '[object Float64Array]';
}

// Web Crypto's getRandomValues (the checks and DOMExceptions of node's).
function getRandomValues(data) {
  if (!isIntegerTypedArray(data)) {
    throw lazyDOMException('The data argument must be an integer-type TypedArray',
                           'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  randomFillSync(data, 0);
  return data;
}

module.exports = {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
  secureHeapUsed,
};
