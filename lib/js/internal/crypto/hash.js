'use strict';
// createHash / Hash (a LazyTransform stream) and the one-shot crypto.hash().

const {
  Hash: _Hash,
  Hmac: _Hmac,
  getDigestSize,
  oneShotDigest,
} = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  validateEncoding,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { normalizeEncoding } = require('internal/util');
const { Buffer } = require('buffer');
const LazyTransform = require('internal/crypto/lazy_transform');
const {
  getDefaultEncoding,
  getStringOption,
  kHandle,
  outputOffset,
  takeOutput,
} = require('internal/crypto/util');
const { prepareSecretKey } = require('internal/crypto/keys');

const kState = Symbol('kState');

function defaultEncodingIsBuffer() {
  return getDefaultEncoding() === 'buffer';
}
const kFinalized = Symbol('kFinalized');

// Calls handle.update for string or view data with node's encoding rules: UTF-8 and Latin-1
// strings go to C++ as they are; other encodings are decoded here; unknown ones are UTF-8.
function updateHandle(handle, data, encoding) {
  if (typeof data === 'string') {
    const enc = normalizeEncoding(encoding);
    if (enc === 'latin1') return handle.update(data, true);
    if (enc === undefined || enc === 'utf8') return handle.update(data, false);
    return handle.update(Buffer.from(data, enc), false);
  }
  return handle.update(data, false);
}

// The encodings the binding turns digests into strings itself (kDigestHex, kDigestBase64),
// which saves making a Buffer for them; 0: it returns the bytes.
function nativeEncoding(encoding) {
  return encoding === 'hex' ? 1 : encoding === 'base64' ? 2 : 0;
}

// The binding's digest in encoding: its string when it made one, else the bytes (takeOutput)
// encoded here.
function digestResult(result, encoding) {
  return typeof result === 'string' ? result : encodeOutput(takeOutput(result), encoding);
}

// A digest Buffer as node returns digests: the Buffer, or a string in `encoding` (an unknown
// encoding gives the Buffer).
function encodeOutput(buf, encoding) {
  if (encoding === 'buffer') return buf;
  const enc = normalizeEncoding(encoding);
  if (enc === undefined) return buf;
  return buf.toString(enc);
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  if (!(algorithm instanceof _Hash)) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  this[kHandle] = new _Hash(algorithm, xofLen);
  this[kState] = { [kFinalized]: false };
  Reflect.apply(LazyTransform, this, [options]);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  updateHandle(this[kHandle], chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(takeOutput(this[kHandle].digest(0, outputOffset())));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  // Fast path: UTF-8 strings and views with no encoding.
  if (encoding === undefined && defaultEncodingIsBuffer()) {
    if (typeof data === 'string' || isArrayBufferView(data)) {
      if (!this[kHandle].update(data, false)) throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
      return this;
    }
  }
  encoding = encoding || getDefaultEncoding();
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (!updateHandle(this[kHandle], data, encoding)) throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  outputEncoding = outputEncoding || getDefaultEncoding();
  const ret = digestResult(
    this[kHandle].digest(nativeEncoding(outputEncoding), outputOffset(), true),
    `${outputEncoding}`);
  state[kFinalized] = true;
  return ret;
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = getStringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  if (getDigestSize(hmac) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = new _Hmac();
  this[kHandle].init(hmac, key);
  this[kState] = { [kFinalized]: false };
  Reflect.apply(LazyTransform, this, [options]);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;

// A second digest() gives an empty result, as node's.
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  outputEncoding = outputEncoding || getDefaultEncoding();
  if (state[kFinalized]) {
    const buf = Buffer.from('');
    return outputEncoding === 'buffer' ? buf : buf.toString(outputEncoding);
  }
  const ret = digestResult(this[kHandle].digest(nativeEncoding(outputEncoding), outputOffset()),
                           `${outputEncoding}`);
  state[kFinalized] = true;
  return ret;
};

Hmac.prototype._flush = Hash.prototype._flush;
Hmac.prototype._transform = Hash.prototype._transform;

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

// crypto.hash(algorithm, data[, outputEncoding = 'hex']) (node v20.12).
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                   input);
  }
  let normalized = outputEncoding;
  // Fast case: check for the most common encodings first.
  if (outputEncoding !== 'hex' && outputEncoding !== 'base64' && outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    normalized = normalizeEncoding(outputEncoding);
    if (normalized === undefined) {
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
    }
  }
  const result =
    oneShotDigest(algorithm, input, false, undefined, nativeEncoding(normalized), outputOffset());
  if (result === undefined) throw new Error(`Digest method ${algorithm} is not supported`);
  return digestResult(result, normalized);
}

module.exports = {
  Hash,
  Hmac,
  createHash,
  createHmac,
  hash,
  updateHandle,
  encodeOutput,
  kState,
  kFinalized,
};
