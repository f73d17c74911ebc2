'use strict';
// pbkdf2, scrypt, hkdf (sync inline, async on the thread pool) and timingSafeEqual.

const {
  pbkdf2: pbkdf2Binding,
  scrypt: scryptBinding,
  scryptCheck,
  hkdf: hkdfBinding,
  getDigestSize,
  timingSafeEqual: timingSafeEqualBinding,
} = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_INVALID_KEYLEN,
    ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
    ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { Buffer, kMaxLength } = require('buffer');
const { getArrayBufferOrView } = require('internal/crypto/util');
const { isKeyObject } = require('internal/crypto/keys');

function derivingBitsFailed() {
  return new Error('Deriving bits failed');
}

// ---- pbkdf2 ----

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  // OpenSSL takes signed ints: 31 bits.
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt, iterations, keylen, digest } =
    checkPbkdf2(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  if (getDigestSize(digest) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  pbkdf2Binding(password, salt, iterations, keylen, digest, (result) => {
    if (result === undefined) return callback(derivingBitsFailed());
    callback(null, Buffer.from(result));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt, iterations, keylen, digest } =
    checkPbkdf2(password, salt, iterations, keylen, digest));
  if (getDigestSize(digest) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  const result = pbkdf2Binding(password, salt, iterations, keylen, digest);
  if (result === undefined) throw derivingBitsFailed();
  return Buffer.from(result);
}

// ---- scrypt ----

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function checkScrypt(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    const hasN = options.N !== undefined;
    if (hasN) {
      N = options.N;
      validateUint32(N, 'N');
    }
    if (options.cost !== undefined) {
      if (hasN) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      N = options.cost;
      validateUint32(N, 'cost');
    }
    const hasR = options.r !== undefined;
    if (hasR) {
      r = options.r;
      validateUint32(r, 'r');
    }
    if (options.blockSize !== undefined) {
      if (hasR) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    const hasP = options.p !== undefined;
    if (hasP) {
      p = options.p;
      validateUint32(p, 'p');
    }
    if (options.parallelization !== undefined) {
      if (hasP) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  const check = scryptCheck(N, r, p, maxmem);
  if (check !== true) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS(check);
  return { password, salt, keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const args = checkScrypt(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  scryptBinding(args.password, args.salt, args.N, args.r, args.p, args.maxmem, args.keylen,
                (result) => {
                  if (result === undefined) return callback(derivingBitsFailed());
                  callback(null, Buffer.from(result));
                });
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  const args = checkScrypt(password, salt, keylen, options);
  const result = scryptBinding(args.password, args.salt, args.N, args.r, args.p, args.maxmem,
                               args.keylen);
  if (result === undefined) throw derivingBitsFailed();
  return Buffer.from(result);
}

// ---- hkdf ----

function toBuf(val, encoding) {
  if (typeof val === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(val, encoding);
  }
  return val;
}

function validateByteSource(val, name) {
  val = toBuf(val);
  if (isAnyArrayBuffer(val) || isArrayBufferView(val)) return val;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView',
                                        'Buffer'], val);
}

// The key bytes of an ikm argument (a secret KeyObject, a buffer or a string).
function prepareIkm(key) {
  if (isKeyObject(key)) {
    const { prepareSecretKey } = require('internal/crypto/keys');
    return prepareSecretKey(key);
  }
  if (isAnyArrayBuffer(key)) return key;
  key = toBuf(key);
  if (!isArrayBufferView(key)) {
    throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer',
                                           'TypedArray', 'DataView', 'Buffer'], key);
  }
  return key;
}

function checkHkdf(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  key = prepareIkm(key);
  salt = validateByteSource(salt, 'salt');
  info = validateByteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return { hash, key, salt, info, length };
}

// Checks done by node's HKDF job constructor: a known digest, at most 255 blocks of output.
function checkHkdfJob(hash, length) {
  const size = getDigestSize(hash);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hash);
  if (length > 255 * size) throw new ERR_CRYPTO_INVALID_KEYLEN();
}

function hkdf(hash, key, salt, info, length, callback) {
  ({ hash, key, salt, info, length } = checkHkdf(hash, key, salt, info, length));
  validateFunction(callback, 'callback');
  checkHkdfJob(hash, length);
  hkdfBinding(hash, key, salt, info, length, (bits) => {
    if (bits === undefined) return callback(derivingBitsFailed());
    callback(null, bits);
  });
}

function hkdfSync(hash, key, salt, info, length) {
  ({ hash, key, salt, info, length } = checkHkdf(hash, key, salt, info, length));
  checkHkdfJob(hash, length);
  const bits = hkdfBinding(hash, key, salt, info, length);
  if (bits === undefined) throw derivingBitsFailed();
  return bits;
}

// ---- timingSafeEqual ----

function invalidBuffer(name) {
  const err = new TypeError(`The "${name}" argument must be an instance of ArrayBuffer, ` +
                            'Buffer, TypedArray, or DataView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function timingSafeEqual(buf1, buf2) {
  // Views first: the common case, and the cheaper test.
  if (!isArrayBufferView(buf1) && !isAnyArrayBuffer(buf1)) throw invalidBuffer('buf1');
  if (!isArrayBufferView(buf2) && !isAnyArrayBuffer(buf2)) throw invalidBuffer('buf2');
  if (buf1.byteLength !== buf2.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return timingSafeEqualBinding(buf1, buf2);
}

module.exports = {
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
  hkdf,
  hkdfSync,
  timingSafeEqual,
};
