'use strict';
// createSign / createVerify (Writable streams over a digest) and the one-shot crypto.sign /
// crypto.verify (sync, or on the thread pool with a callback).

const {
  Hash: _Hash,
  getDigestSize,
  signOneShot: signOneShotBinding,
  verifyOneShot: verifyOneShotBinding,
  signDigest,
  verifyDigest,
} = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_SIGN_KEY_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateEncoding,
  validateFunction,
  validateString,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { FastBuffer } = require('internal/buffer');
const { Writable } = require('stream');
const {
  getArrayBufferOrView,
  getDefaultEncoding,
  kHandle,
  outputOffset,
  takeOutput,
} = require('internal/crypto/util');
const { updateHandle } = require('internal/crypto/hash');
const {
  preparePrivateKey,
  preparePublicOrPrivateKey,
  privateKeyHandle,
  publicOrPrivateKeyHandle,
} = require('internal/crypto/keys');

const kSigEncDER = 0;
const kSigEncP1363 = 1;

function invalidDigest() {
  const err = new TypeError('Invalid digest');
  err.code = 'ERR_CRYPTO_INVALID_DIGEST';
  return err;
}

// node's error for an update() after sign()/verify() (the binding throws it for those).
function notInitialised() {
  const err = new Error('Not initialised');
  err.code = 'ERR_CRYPTO_INVALID_STATE';
  return err;
}

function toBuffer(u8) {
  return new FastBuffer(u8.buffer, u8.byteOffset, u8.byteLength);
}

function getIntOption(name, options) {
  const value = options[name];
  if (value !== undefined) {
    if (value === value >> 0) return value;
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return undefined;
}

function getPadding(options) {
  return getIntOption('padding', options);
}

function getSaltLength(options) {
  return getIntOption('saltLength', options);
}

function getDSASignatureEncoding(options) {
  if (typeof options === 'object') {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der') return kSigEncDER;
    if (dsaEncoding === 'ieee-p1363') return kSigEncP1363;
    throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return kSigEncDER;
}

function initDigest(self, algorithm) {
  validateString(algorithm, 'algorithm');
  // OpenSSL 1.0's name for SHA-1 with DSA, which node's Sign and Verify still take.
  if (algorithm.toLowerCase() === 'dss1') algorithm = 'sha1';
  if (getDigestSize(algorithm) < 0) throw invalidDigest();
  self[kHandle] = new _Hash(algorithm);
}

function update(data, encoding) {
  encoding = encoding || getDefaultEncoding();
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  // False once sign()/verify() took the digest.
  if (!updateHandle(this[kHandle], data, encoding)) throw notInitialised();
  return this;
}

function write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  initDigest(this, algorithm);
  Reflect.apply(Writable, this, [options]);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);
Sign.prototype._write = write;
Sign.prototype.update = update;

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const prepared = preparePrivateKey(options);
  const rsaPadding = getPadding(options);
  const pssSaltLength = getSaltLength(options);
  const dsaSigEnc = getDSASignatureEncoding(options);
  const key = privateKeyHandle(prepared);
  const ret = takeOutput(signDigest(key, this[kHandle], rsaPadding, pssSaltLength, dsaSigEnc,
                                    outputOffset()));
  encoding = encoding || getDefaultEncoding();
  if (encoding && encoding !== 'buffer') return ret.toString(encoding);
  return ret;
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  initDigest(this, algorithm);
  Reflect.apply(Writable, this, [options]);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);
Verify.prototype._write = write;
Verify.prototype.update = update;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const prepared = preparePublicOrPrivateKey(options);
  sigEncoding = sigEncoding || getDefaultEncoding();
  const rsaPadding = getPadding(options);
  const pssSaltLength = getSaltLength(options);
  const dsaSigEnc = getDSASignatureEncoding(options);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  const key = publicOrPrivateKeyHandle(prepared);
  return verifyDigest(key, this[kHandle], signature, rsaPadding, pssSaltLength, dsaSigEnc);
};

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

function checkAlgorithm(algorithm) {
  if (algorithm != null) {
    validateString(algorithm, 'algorithm');
    if (getDigestSize(algorithm) < 0) {
      const { ERR_CRYPTO_INVALID_DIGEST } = require('internal/errors').codes;
      throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
    }
  }
}

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const rsaPadding = getPadding(key);
  const pssSaltLength = getSaltLength(key);
  const dsaSigEnc = getDSASignatureEncoding(key);
  const handle = privateKeyHandle(preparePrivateKey(key));
  checkAlgorithm(algorithm);
  if (callback !== undefined) {
    signOneShotBinding(handle, algorithm, data, rsaPadding, pssSaltLength, dsaSigEnc,
                       (err, sig) => {
                         if (err) return callback(err);
                         callback(null, toBuffer(sig));
                       });
    return;
  }
  return takeOutput(signOneShotBinding(handle, algorithm, data, rsaPadding, pssSaltLength,
                                       dsaSigEnc, undefined, outputOffset()));
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  }
  const rsaPadding = getPadding(key);
  const pssSaltLength = getSaltLength(key);
  const dsaSigEnc = getDSASignatureEncoding(key);
  if (!isArrayBufferView(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  const handle = publicOrPrivateKeyHandle(preparePublicOrPrivateKey(key));
  checkAlgorithm(algorithm);
  if (callback !== undefined) {
    verifyOneShotBinding(handle, algorithm, data, signature, rsaPadding, pssSaltLength,
                         dsaSigEnc, (err, result) => {
                           if (err) return callback(err);
                           callback(null, result);
                         });
    return;
  }
  return verifyOneShotBinding(handle, algorithm, data, signature, rsaPadding, pssSaltLength,
                              dsaSigEnc);
}

module.exports = {
  Sign,
  Verify,
  createSign,
  createVerify,
  signOneShot,
  verifyOneShot,
};
