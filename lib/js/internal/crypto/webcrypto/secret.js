'use strict';
// Secret-key algorithms of crypto.subtle: HMAC, AES-CTR/CBC/GCM/KW, PBKDF2 and HKDF — their key
// generation, raw/JWK import and export, and the operations, run on the thread pool
// (hmacJob, aesJob, pbkdf2, hkdf).

const {
  hmacJob,
  aesJob,
  pbkdf2: pbkdf2Binding,
  hkdf: hkdfBinding,
  getDigestSize,
  timingSafeEqual,
} = internalBinding('crypto');

const { Buffer } = require('buffer');
const { createSecretKey } = require('internal/crypto/keys');
const { randomBytes } = require('internal/crypto/random');
const { kHandle } = require('internal/crypto/util');
const { createCryptoKey, kKeyObject } = require('internal/crypto/webcrypto/keys');
const {
  domError,
  operationError,
  checkUsages,
  requireUsages,
} = require('internal/crypto/webcrypto/util');

const kDigestNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384',
                       'SHA-512': 'sha512' };
// HMAC's default key length is the hash's block size.
const kBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
const kHmacJwkAlg = { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384', 'SHA-512': 'HS512' };
const kAesModes = { 'AES-CBC': 0, 'AES-CTR': 1, 'AES-GCM': 2, 'AES-KW': 3 };
const kAesJwkSuffix = { 'AES-CBC': 'CBC', 'AES-CTR': 'CTR', 'AES-GCM': 'GCM', 'AES-KW': 'KW' };
const kGcmTagLengths = [32, 64, 96, 104, 112, 120, 128];

function digestName(hash) {
  return kDigestNames[hash.name];
}

function toArrayBuffer(u8) {
  return u8.buffer.byteLength === u8.byteLength && u8.byteOffset === 0 ?
    u8.buffer : u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
}

function secretBytes(key) {
  return key[kKeyObject][kHandle].export();
}

function usagesFor(name) {
  if (name === 'HMAC') return ['sign', 'verify'];
  if (name === 'AES-KW') return ['wrapKey', 'unwrapKey'];
  if (name === 'PBKDF2' || name === 'HKDF') return ['deriveKey', 'deriveBits'];
  return ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
}

function randomKey(bytes) {
  return new Promise((resolve, reject) => {
    randomBytes(bytes, (err, buf) => (err ? reject(operationError()) : resolve(buf)));
  });
}

// ---- generateKey ----

async function generateSecretKey(algorithm, extractable, usages) {
  const { name } = algorithm;
  usages = [...new Set(usages)];
  checkUsages(usages, usagesFor(name), name);
  requireUsages(usages);
  if (name === 'HMAC') {
    const length = algorithm.length === undefined ? kBlockBits[algorithm.hash.name] :
      algorithm.length;
    if (length === 0) throw operationError();
    const bytes = await randomKey(Math.ceil(length / 8));
    return createCryptoKey(createSecretKey(bytes),
                           { name, length, hash: { name: algorithm.hash.name } },
                           extractable, usages);
  }
  const { length } = algorithm;
  if (length !== 128 && length !== 192 && length !== 256) {
    throw operationError('AES key length must be 128, 192, or 256 bits');
  }
  const bytes = await randomKey(length / 8);
  return createCryptoKey(createSecretKey(bytes), { name, length }, extractable, usages);
}

// ---- importKey / exportKey ----

function checkJwk(keyData, algorithm, extractable, usages, expectedAlg) {
  if (keyData === null || typeof keyData !== 'object' || keyData.kty === undefined) {
    throw domError('Invalid keyData', 'DataError');
  }
  if (keyData.kty !== 'oct') throw domError('Invalid JWK "kty" Parameter', 'DataError');
  if (usages.length > 0 && keyData.use !== undefined) {
    const wanted = algorithm.name === 'HMAC' ? 'sig' : 'enc';
    if (keyData.use !== wanted) throw domError('Invalid JWK "use" Parameter', 'DataError');
  }
  if (keyData.key_ops !== undefined) {
    if (!Array.isArray(keyData.key_ops) ||
        !usages.every((usage) => keyData.key_ops.includes(usage))) {
      throw domError('Key operations and usage mismatch', 'DataError');
    }
  }
  if (keyData.ext !== undefined && keyData.ext === false && extractable) {
    throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
  if (typeof keyData.k !== 'string') throw domError('Invalid keyData', 'DataError');
  if (keyData.alg !== undefined && keyData.alg !== expectedAlg) {
    throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
  }
  return Buffer.from(keyData.k, 'base64');
}

function aesJwkAlg(name, bits) {
  return `A${bits}${kAesJwkSuffix[name]}`;
}

function importSecretKey(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  if (name === 'PBKDF2' || name === 'HKDF') {
    if (format !== 'raw') {
      throw domError(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
    }
    if (extractable) throw domError(`${name} keys are not extractable`, 'SyntaxError');
  } else if (format !== 'raw' && format !== 'jwk') {
    throw domError(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
  }
  checkUsages(usages, usagesFor(name), name);
  if (usages.length === 0) {
    throw domError('Usages cannot be empty when importing a secret key.', 'SyntaxError');
  }
  let bytes;
  if (format === 'jwk') {
    let expectedAlg;
    if (name === 'HMAC') {
      expectedAlg = kHmacJwkAlg[algorithm.hash.name];
    } else {
      const k = typeof keyData?.k === 'string' ? Buffer.from(keyData.k, 'base64') : undefined;
      expectedAlg = k === undefined ? undefined : aesJwkAlg(name, k.length * 8);
    }
    bytes = checkJwk(keyData, algorithm, extractable, usages, expectedAlg);
  } else {
    bytes = Buffer.from(keyData);
  }
  const keyObject = createSecretKey(bytes);
  const bits = bytes.length * 8;
  if (name === 'HMAC') {
    if (bits === 0 || algorithm.length === 0) {
      throw domError('Zero-length key is not supported', 'DataError');
    }
    if (algorithm.length !== undefined && algorithm.length !== bits) {
      throw domError('Invalid key length', 'DataError');
    }
    return createCryptoKey(keyObject, { name, hash: { name: algorithm.hash.name }, length: bits },
                           extractable, usages);
  }
  if (name === 'PBKDF2' || name === 'HKDF') {
    return createCryptoKey(keyObject, { name }, extractable, usages);
  }
  if (bits !== 128 && bits !== 192 && bits !== 256) {
    throw domError('Invalid key length', 'DataError');
  }
  return createCryptoKey(keyObject, { name, length: bits }, extractable, usages);
}

function exportSecretKey(format, key) {
  const { name } = key.algorithm;
  const bytes = secretBytes(key);
  if (format === 'raw') return toArrayBuffer(new Uint8Array(bytes));
  if (format === 'jwk' && name !== 'PBKDF2' && name !== 'HKDF') {
    const jwk = {
      key_ops: key.usages.slice(),
      ext: key.extractable,
      kty: 'oct',
      k: Buffer.from(bytes).toString('base64url'),
    };
    jwk.alg = name === 'HMAC' ? kHmacJwkAlg[key.algorithm.hash.name] :
      aesJwkAlg(name, bytes.length * 8);
    return jwk;
  }
  throw domError(`Unable to export a ${format === 'spki' ? 'raw' : format} ${name} secret key`,
                 'InvalidAccessError');
}

// ---- HMAC ----

function hmac(key, data) {
  return new Promise((resolve, reject) => {
    hmacJob(digestName(key.algorithm.hash), secretBytes(key), data, (u8) => {
      if (u8 === undefined) reject(operationError());
      else resolve(u8);
    });
  });
}

async function hmacSign(algorithm, key, data) {
  return toArrayBuffer(await hmac(key, data));
}

async function hmacVerify(algorithm, key, signature, data) {
  const expected = await hmac(key, data);
  return expected.byteLength === signature.byteLength && timingSafeEqual(expected, signature);
}

// ---- AES ----

function aesParams(algorithm, key, data, encrypt) {
  const { name } = algorithm;
  switch (name) {
    case 'AES-CBC':
      if (algorithm.iv.byteLength !== 16) {
        throw operationError('algorithm.iv must contain exactly 16 bytes');
      }
      return [algorithm.iv, 0, undefined];
    case 'AES-CTR':
      if (algorithm.counter.byteLength !== 16) {
        throw operationError('algorithm.counter must contain exactly 16 bytes');
      }
      if (algorithm.length === 0 || algorithm.length > 128) {
        throw operationError('AES-CTR algorithm.length must be between 1 and 128');
      }
      return [algorithm.counter, algorithm.length, undefined];
    case 'AES-GCM': {
      const tagLength = algorithm.tagLength === undefined ? 128 : algorithm.tagLength;
      if (!kGcmTagLengths.includes(tagLength)) {
        throw operationError(`${tagLength} is not a valid AES-GCM tag length`);
      }
      if (!encrypt && data.byteLength < tagLength / 8) {
        throw operationError('The provided data is too small.');
      }
      return [algorithm.iv, tagLength / 8, algorithm.additionalData];
    }
    default:
      return [undefined, 0, undefined];
  }
}

function aesCipher(algorithm, key, data, encrypt) {
  const [iv, size, aad] = aesParams(algorithm, key, data, encrypt);
  return new Promise((resolve, reject) => {
    aesJob(kAesModes[algorithm.name], encrypt, secretBytes(key), iv, data, size, aad, (u8) => {
      if (u8 === undefined) reject(operationError());
      else resolve(toArrayBuffer(u8));
    });
  });
}

// ---- PBKDF2 / HKDF ----

function checkDeriveLength(length) {
  if (length === null || length === undefined) throw operationError('length cannot be null');
  if (length % 8 !== 0) throw operationError('length must be a multiple of 8');
}

function pbkdf2Bits(algorithm, key, length) {
  checkDeriveLength(length);
  if (algorithm.iterations === 0) throw operationError('iterations cannot be zero');
  if (length === 0) return Promise.resolve(new ArrayBuffer(0));
  return new Promise((resolve, reject) => {
    pbkdf2Binding(secretBytes(key), algorithm.salt, algorithm.iterations, length / 8,
                  digestName(algorithm.hash), (result) => {
                    if (result === undefined) reject(operationError());
                    else resolve(result);
                  });
  });
}

function hkdfBits(algorithm, key, length) {
  checkDeriveLength(length);
  if (length === 0) return Promise.resolve(new ArrayBuffer(0));
  const digest = digestName(algorithm.hash);
  if (length / 8 > 255 * getDigestSize(digest)) {
    throw operationError('The length provided for HKDF is too large.');
  }
  return new Promise((resolve, reject) => {
    hkdfBinding(digest, secretBytes(key), algorithm.salt, algorithm.info, length / 8, (bits) => {
      if (bits === undefined) reject(operationError());
      else resolve(bits);
    });
  });
}

// The bit length a derived key of this algorithm needs (deriveKey's "get key length").
function secretKeyLength(algorithm) {
  if (algorithm.name === 'HMAC') {
    if (algorithm.length === undefined) return kBlockBits[algorithm.hash.name];
    if (algorithm.length === 0) throw domError('Invalid key length', 'OperationError');
    return algorithm.length;
  }
  if (algorithm.name === 'HKDF' || algorithm.name === 'PBKDF2') return null;
  const { length } = algorithm;
  if (length !== 128 && length !== 192 && length !== 256) {
    throw operationError('AES key length must be 128, 192, or 256 bits');
  }
  return length;
}

module.exports = {
  generateSecretKey,
  importSecretKey,
  exportSecretKey,
  hmacSign,
  hmacVerify,
  aesCipher,
  pbkdf2Bits,
  hkdfBits,
  secretKeyLength,
  toArrayBuffer,
  kDigestNames,
};
