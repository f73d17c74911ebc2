'use strict';
// generatePrime / generatePrimeSync / checkPrime / checkPrimeSync: options checked here (with
// node's argument order), the work done by the binding inline or on the thread pool.

const {
  generatePrime: generatePrimeBinding,
  checkPrime: checkPrimeBinding,
} = internalBinding('crypto');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateObject,
} = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { kEmptyObject } = require('internal/util');

const kBigIntOrBuffer = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

// A non-negative bigint as big-endian bytes.
function bigIntToBytes(value, name) {
  if (value < 0n) throw new ERR_OUT_OF_RANGE(name, '>= 0', value);
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return bytes;
}

function bytesView(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function bytesToBigInt(value) {
  let n = 0n;
  for (const byte of bytesView(value)) n = (n << 8n) | BigInt(byte);
  return n;
}

function bigIntOrBytes(value, name) {
  if (typeof value === 'bigint') return bigIntToBytes(value, name);
  if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, kBigIntOrBuffer, value);
  }
  return value;
}

function bitLength(n) {
  return n === 0n ? 0 : n.toString(2).length;
}

function rangeError(message) {
  const err = new RangeError(message);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

// The binding's arguments for generatePrime after node's checks.
function primeJobArgs(size, options) {
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  let { add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  if (add !== undefined) add = bigIntOrBytes(add, 'options.add');
  if (rem !== undefined) rem = bigIntOrBytes(rem, 'options.rem');
  if (add !== undefined) {
    const addValue = bytesToBigInt(add);
    if (bitLength(addValue) > size) throw rangeError('invalid options.add');
    if (rem !== undefined && bytesToBigInt(rem) >= addValue) {
      throw rangeError('invalid options.rem');
    }
  }
  return { args: [size, safe, add, rem], bigint };
}

function primeResult(buffer, bigint) {
  return bigint ? bytesToBigInt(buffer) : buffer;
}

function generatePrime(size, options, callback) {
  validateInt32(size, 'size', 1);
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  const { args, bigint } = primeJobArgs(size, options);
  generatePrimeBinding(...args, (err, prime) => {
    if (err) return callback(err);
    callback(undefined, primeResult(prime, bigint));
  });
}

function generatePrimeSync(size, options = kEmptyObject) {
  validateInt32(size, 'size', 1);
  const { args, bigint } = primeJobArgs(size, options);
  return primeResult(generatePrimeBinding(...args), bigint);
}

function checkPrimeArgs(candidate, options) {
  const bytes = bigIntOrBytes(candidate, 'candidate');
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  return [bytes, checks];
}

function checkPrime(candidate, options = kEmptyObject, callback) {
  if (typeof candidate === 'bigint') bigIntOrBytes(candidate, 'candidate');
  else if (!isAnyArrayBuffer(candidate) && !isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE('candidate', kBigIntOrBuffer, candidate);
  }
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  const args = checkPrimeArgs(candidate, options);
  checkPrimeBinding(...args, callback);
}

function checkPrimeSync(candidate, options = kEmptyObject) {
  return checkPrimeBinding(...checkPrimeArgs(candidate, options));
}

module.exports = {
  generatePrime,
  generatePrimeSync,
  checkPrime,
  checkPrimeSync,
};
