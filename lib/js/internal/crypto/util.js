'use strict';
// Shared pieces of node:crypto: the binding's algorithm lists (as node filters them), the
// ERR_CRYPTO_* codes internal/errors does not define yet, and small helpers.

const binding = internalBinding('crypto');
const {
  getCiphers: getCiphersBinding,
  getHashes: getHashesBinding,
  getCurves: getCurvesBinding,
  getFipsCrypto,
  setFipsCrypto,
  setEngine: setEngineBinding,
  setOutputScratch,
} = binding;

const errors = require('internal/errors');
const {
  FastBuffer,
  createUnsafeArrayBuffer,
} = require('internal/buffer');

// Codes of node's crypto layer that internal/errors lacks; registered once, node's messages.
function defineCode(code, message, ...classes) {
  if (errors.codes[code] === undefined) errors.E(code, message, ...classes);
}
defineCode('ERR_CRYPTO_INVALID_AUTH_TAG', 'Invalid authentication tag length: %s', TypeError);
defineCode('ERR_CRYPTO_INVALID_COUNTER', 'Invalid counter value: %s', TypeError);
defineCode('ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name', TypeError);
defineCode('ERR_CRYPTO_INVALID_IV', 'Invalid IV length', TypeError);
defineCode('ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length', RangeError);
defineCode('ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair', RangeError);
defineCode('ERR_CRYPTO_INVALID_MESSAGELEN', 'Invalid message length', RangeError);
defineCode('ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
           (reason = '') => (reason ? `Invalid scrypt params: ${reason}` : 'Invalid scrypt params'),
           RangeError);
defineCode('ERR_CRYPTO_INVALID_TAG_LENGTH', 'Invalid taglength provided.', RangeError);
defineCode('ERR_CRYPTO_JOB_INIT_FAILED', 'Failed to initialize crypto job config', Error);
defineCode('ERR_CRYPTO_JWK_UNSUPPORTED_CURVE', 'Unsupported JWK EC curve: %s.', Error);
defineCode('ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.', Error);
defineCode('ERR_CRYPTO_OPERATION_FAILED', 'Operation failed', Error);
defineCode('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
           'Input buffers must have the same byte length', RangeError);
defineCode('ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher', Error);
defineCode('ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group', Error);
defineCode('ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation', Error);
defineCode('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);

// Lower-cased, de-duplicated and sorted, as node's filterDuplicateStrings (the last spelling
// of a name wins).
function filterDuplicateStrings(items, low) {
  const map = new Map();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = item.toLowerCase();
    map.set(key, low ? key : item);
  }
  return [...map.values()].sort();
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

const getCiphers = cachedResult(() => filterDuplicateStrings(getCiphersBinding()));
const getHashes = cachedResult(() => filterDuplicateStrings(getHashesBinding()));
const getCurves = cachedResult(() => filterDuplicateStrings(getCurvesBinding()));

function getFips() {
  return getFipsCrypto();
}

function setFips(val) {
  if (!setFipsCrypto(Boolean(val))) throw new errors.codes.ERR_CRYPTO_OPERATION_FAILED();
}

// crypto.setEngine(id[, flags]): flags 0 or absent means every method (ENGINE_METHOD_ALL).
function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags) validateNumber(flags, 'flags');
  flags = flags >>> 0;
  if (flags === 0) flags = binding.constants.ENGINE_METHOD_ALL;
  if (!setEngineBinding(id, flags)) throw new errors.codes.ERR_CRYPTO_ENGINE_UNKNOWN(id);
}

const { Buffer } = require('buffer');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { validateNumber, validateString } = require('internal/validators');

// A buffer argument as node's getArrayBufferOrView: ArrayBuffers and views pass through,
// strings are decoded (encoding 'buffer' means UTF-8).
function getArrayBufferOrView(buffer, name, encoding) {
  if (isAnyArrayBuffer(buffer)) return buffer;
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(buffer, encoding);
  }
  if (!isArrayBufferView(buffer)) {
    throw new errors.codes.ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

// options[key] if set (it must be a string).
function getStringOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) validateString(value, `options.${key}`);
  return value;
}

const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

let defaultEncoding = 'buffer';
function getDefaultEncoding() {
  return defaultEncoding;
}
function setDefaultEncoding(val) {
  defaultEncoding = val;
}

// The output scratch: binding calls with small results (cipher update/final/getAuthTag,
// digests, signatures) write them into one ArrayBuffer that never leaves this module, and
// takeOutput() copies them into a new Buffer. Each result so owns an ArrayBuffer of its exact
// size, as node's do (transferable, and cloning it sends only its own bytes), while the C++
// side makes no ArrayBuffer, backing store or Uint8Array per call (V8 makes a small Buffer far
// more cheaply from JS, on its heap for the smallest).
const kScratchSize = 32 * 1024;
let scratch = null;
const { set: typedArraySet } = Object.getPrototypeOf(Uint8Array.prototype);
const applySet = Function.prototype.call.bind(typedArraySet);

// The offset to pass to the binding (always 0: every result is copied out at once).
function outputOffset() {
  if (scratch === null) {
    scratch = createUnsafeArrayBuffer(kScratchSize);
    setOutputScratch(scratch);
  }
  return 0;
}

// A Buffer of a binding call's output: `result` is the byte count it wrote at
// outputOffset(), or a Uint8Array of bytes of its own (too big for the scratch).
function takeOutput(result) {
  if (typeof result === 'number') {
    const buf = new FastBuffer(result);
    if (result > 0) applySet(buf, new Uint8Array(scratch, 0, result));
    return buf;
  }
  return new FastBuffer(result.buffer, result.byteOffset, result.byteLength);
}

// --tls-cipher-list=LIST replaces the default cipher list (tls.DEFAULT_CIPHERS reads it here).
const cipherListOption = require('internal/options').runtimeOptionValue('--tls-cipher-list');
if (cipherListOption !== undefined) binding.constants.defaultCipherList = cipherListOption;

module.exports = {
  binding,
  constants: binding.constants,
  getCiphers,
  getHashes,
  getCurves,
  getFips,
  setEngine,
  setFips,
  kHandle,
  kKeyObject,
  getArrayBufferOrView,
  getStringOption,
  getDefaultEncoding,
  setDefaultEncoding,
  outputOffset,
  takeOutput,
};
