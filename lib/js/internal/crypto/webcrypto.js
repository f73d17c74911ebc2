'use strict';
// Web Crypto: the Crypto object (globalThis.crypto and crypto.webcrypto) with getRandomValues,
// randomUUID and subtle. SubtleCrypto checks its arguments as WebIDL does, normalizes the
// algorithm and hands the work to internal/crypto/webcrypto/{secret,asymmetric}.js, whose jobs
// run on the thread pool.

const { digestJob } = internalBinding('crypto');

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const random = require('internal/crypto/random');
const { CryptoKey, isCryptoKey } = require('internal/crypto/webcrypto/keys');
const {
  webidlError,
  domError,
  operationError,
  kOrdinals,
  isBufferSource,
  copyBytes,
  normalizeAlgorithm,
  convertUsages,
} = require('internal/crypto/webcrypto/util');
const secret = require('internal/crypto/webcrypto/secret');
const asymmetric = require('internal/crypto/webcrypto/asymmetric');

const kConstructorToken = Symbol('kConstructorToken');
const kKeyFormats = ['raw', 'pkcs8', 'spki', 'jwk'];
const kSecretAlgorithms = ['HMAC', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'PBKDF2', 'HKDF'];

// ---- WebIDL argument conversion ----

function checkThis(self) {
  if (self !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
}

function requireArgs(method, count, present) {
  if (present < count) {
    throw webidlError(TypeError, 'ERR_MISSING_ARGS',
                      `Failed to execute '${method}' on 'SubtleCrypto': ${count} arguments ` +
                      `required, but only ${present} present.`);
  }
}

function keyArg(method, key, position) {
  if (!isCryptoKey(key)) {
    throw webidlError(TypeError, 'ERR_INVALID_ARG_TYPE',
                      `Failed to execute '${method}' on 'SubtleCrypto': ` +
                      `${kOrdinals[position]} argument is not of type CryptoKey.`);
  }
  return key;
}

function bufferArg(method, data, position) {
  if (!isBufferSource(data)) {
    throw webidlError(TypeError, 'ERR_INVALID_ARG_TYPE',
                      `Failed to execute '${method}' on 'SubtleCrypto': ` +
                      `${kOrdinals[position]} argument is not instance of ArrayBuffer, Buffer, ` +
                      'TypedArray, or DataView.');
  }
  return copyBytes(data);
}

function formatArg(method, format, position) {
  const value = `${format}`;
  if (!kKeyFormats.includes(value)) {
    throw webidlError(TypeError, 'ERR_INVALID_ARG_VALUE',
                      `Failed to execute '${method}' on 'SubtleCrypto': ` +
                      `${kOrdinals[position]} argument value '${value}' is not a valid enum ` +
                      'value of type KeyFormat.');
  }
  return value;
}

function isSecret(name) {
  return kSecretAlgorithms.includes(name);
}

// ---- the operations, after argument conversion ----

async function encryptOrDecrypt(algorithm, key, data, encrypt, usage) {
  const normalized = normalizeAlgorithm(algorithm, encrypt ? 'encrypt' : 'decrypt');
  if (normalized.name !== key.algorithm.name || !key.usages.includes(usage)) {
    throw domError('The requested operation is not valid for the provided key',
                   'InvalidAccessError');
  }
  if (normalized.name === 'RSA-OAEP') return asymmetric.rsaOaep(normalized, key, data, encrypt);
  return secret.aesCipher(normalized, key, data, encrypt);
}

function checkSignKey(algorithm, key, usage) {
  if (algorithm.name !== key.algorithm.name || !key.usages.includes(usage)) {
    throw domError(`Unable to use this key to ${usage}`, 'InvalidAccessError');
  }
}

async function generateKeyFor(algorithm, extractable, usages) {
  const normalized = normalizeAlgorithm(algorithm, 'generateKey');
  if (isSecret(normalized.name)) {
    return secret.generateSecretKey(normalized, extractable, usages);
  }
  return asymmetric.generateKeyPair(normalized, extractable, usages);
}

async function deriveBitsFor(algorithm, baseKey, length, usage) {
  const normalized = normalizeAlgorithm(algorithm, 'deriveBits');
  if (normalized.name !== baseKey.algorithm.name) {
    throw domError('Key algorithm mismatch', 'InvalidAccessError');
  }
  if (!baseKey.usages.includes(usage)) {
    throw domError(`baseKey does not have ${usage} usage`, 'InvalidAccessError');
  }
  switch (normalized.name) {
    case 'PBKDF2':
      return secret.pbkdf2Bits(normalized, baseKey, length);
    case 'HKDF':
      return secret.hkdfBits(normalized, baseKey, length);
    default:
      return asymmetric.deriveSharedBits(normalized, baseKey, length);
  }
}

function importKeyFor(format, keyData, algorithm, extractable, usages) {
  // keyData's WebIDL conversion (a JsonWebKey dictionary or a BufferSource) comes first.
  if (format === 'jwk') {
    if (keyData != null && typeof keyData !== 'object' && typeof keyData !== 'function') {
      throw webidlError(TypeError, 'ERR_INVALID_ARG_TYPE',
                        "Failed to execute 'importKey' on 'SubtleCrypto': 2nd argument can " +
                        'not be converted to a dictionary');
    }
  } else if (!isBufferSource(keyData)) {
    throw webidlError(TypeError, 'ERR_INVALID_ARG_TYPE',
                      "Failed to execute 'importKey' on 'SubtleCrypto': 2nd argument is not " +
                      'instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }
  const normalized = normalizeAlgorithm(algorithm, 'importKey');
  if (format === 'jwk') {
    if (keyData === null || typeof keyData !== 'object' || isBufferSource(keyData)) {
      throw domError('Invalid keyData', 'DataError');
    }
  } else {
    keyData = copyBytes(keyData);
  }
  if (isSecret(normalized.name)) {
    return secret.importSecretKey(format, keyData, normalized, extractable, usages);
  }
  return asymmetric.importKeyPairHalf(format, keyData, normalized, extractable, usages);
}

function exportKeyFor(format, key) {
  if (!key.extractable) throw domError('key is not extractable', 'InvalidAccessException');
  if (key.type === 'secret') return secret.exportSecretKey(format, key);
  return asymmetric.exportKeyPairHalf(format, key);
}

// wrapKey/unwrapKey algorithms: AES-KW, or any encrypt algorithm.
function normalizeWrapAlgorithm(algorithm) {
  try {
    return normalizeAlgorithm(algorithm, 'wrapKey');
  } catch (err) {
    if (err.name !== 'NotSupportedError') throw err;
    return normalizeAlgorithm(algorithm, 'encrypt');
  }
}

async function wrapOrUnwrap(normalized, key, data, wrap) {
  const usage = wrap ? 'wrapKey' : 'unwrapKey';
  if (normalized.name !== key.algorithm.name || !key.usages.includes(usage)) {
    throw domError('The requested operation is not valid for the provided key',
                   'InvalidAccessError');
  }
  if (normalized.name === 'RSA-OAEP') return asymmetric.rsaOaep(normalized, key, data, wrap);
  if (normalized.name === 'AES-KW' && (data.byteLength % 8 !== 0 || data.byteLength < 16) &&
      wrap) {
    throw operationError();
  }
  return secret.aesCipher(normalized, key, data, wrap);
}

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstructorToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  async encrypt(algorithm, key, data) {
    checkThis(this);
    requireArgs('encrypt', 3, arguments.length);
    keyArg('encrypt', key, 1);
    data = bufferArg('encrypt', data, 2);
    return encryptOrDecrypt(algorithm, key, data, true, 'encrypt');
  }

  async decrypt(algorithm, key, data) {
    checkThis(this);
    requireArgs('decrypt', 3, arguments.length);
    keyArg('decrypt', key, 1);
    data = bufferArg('decrypt', data, 2);
    return encryptOrDecrypt(algorithm, key, data, false, 'decrypt');
  }

  async sign(algorithm, key, data) {
    checkThis(this);
    requireArgs('sign', 3, arguments.length);
    keyArg('sign', key, 1);
    data = bufferArg('sign', data, 2);
    const normalized = normalizeAlgorithm(algorithm, 'sign');
    checkSignKey(normalized, key, 'sign');
    if (normalized.name === 'HMAC') return secret.hmacSign(normalized, key, data);
    return asymmetric.asymmetricSign(normalized, key, data);
  }

  async verify(algorithm, key, signature, data) {
    checkThis(this);
    requireArgs('verify', 4, arguments.length);
    keyArg('verify', key, 1);
    signature = bufferArg('verify', signature, 2);
    data = bufferArg('verify', data, 3);
    const normalized = normalizeAlgorithm(algorithm, 'verify');
    checkSignKey(normalized, key, 'verify');
    if (normalized.name === 'HMAC') return secret.hmacVerify(normalized, key, signature, data);
    return asymmetric.asymmetricVerify(normalized, key, signature, data);
  }

  async digest(algorithm, data) {
    checkThis(this);
    requireArgs('digest', 2, arguments.length);
    data = bufferArg('digest', data, 1);
    const { name } = normalizeAlgorithm(algorithm, 'digest');
    return new Promise((resolve, reject) => {
      digestJob(secret.kDigestNames[name], data, (result) => {
        if (result === undefined) reject(operationError());
        else resolve(result);
      });
    });
  }

  async generateKey(algorithm, extractable, keyUsages) {
    checkThis(this);
    requireArgs('generateKey', 3, arguments.length);
    const usages = convertUsages(keyUsages, 'generateKey', 2);
    return generateKeyFor(algorithm, Boolean(extractable), usages);
  }

  async deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
    checkThis(this);
    requireArgs('deriveKey', 5, arguments.length);
    keyArg('deriveKey', baseKey, 1);
    const usages = convertUsages(keyUsages, 'deriveKey', 4);
    const keyType = normalizeAlgorithm(derivedKeyType, 'importKey');
    const length = secret.secretKeyLength(normalizeAlgorithm(derivedKeyType, 'get key length'));
    const bits = await deriveBitsFor(algorithm, baseKey, length, 'deriveKey');
    return importKeyFor('raw', bits, keyType, Boolean(extractable), usages);
  }

  async deriveBits(algorithm, baseKey, length = null) {
    checkThis(this);
    requireArgs('deriveBits', 2, arguments.length);
    keyArg('deriveBits', baseKey, 1);
    if (length !== null) length = Math.trunc(Number(length));
    return deriveBitsFor(algorithm, baseKey, length, 'deriveBits');
  }

  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    checkThis(this);
    requireArgs('importKey', 5, arguments.length);
    format = formatArg('importKey', format, 0);
    const usages = convertUsages(keyUsages, 'importKey', 4);
    return importKeyFor(format, keyData, algorithm, Boolean(extractable), usages);
  }

  async exportKey(format, key) {
    checkThis(this);
    requireArgs('exportKey', 2, arguments.length);
    format = formatArg('exportKey', format, 0);
    keyArg('exportKey', key, 1);
    return exportKeyFor(format, key);
  }

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    checkThis(this);
    requireArgs('wrapKey', 4, arguments.length);
    format = formatArg('wrapKey', format, 0);
    keyArg('wrapKey', key, 1);
    keyArg('wrapKey', wrappingKey, 2);
    const normalized = normalizeWrapAlgorithm(wrapAlgorithm);
    const exported = exportKeyFor(format, key);
    let bytes;
    if (format === 'jwk') {
      let json = JSON.stringify(exported);
      // AES-KW wraps whole 8-byte blocks: node pads the JSON with spaces (JSON.parse
      // ignores them on unwrap).
      if (normalized.name === 'AES-KW') {
        json += ' '.repeat((8 - (json.length % 8)) % 8);
      }
      bytes = new TextEncoder().encode(json);
    } else {
      bytes = new Uint8Array(exported);
    }
    return wrapOrUnwrap(normalized, wrappingKey, bytes, true);
  }

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm,
                  extractable, keyUsages) {
    checkThis(this);
    requireArgs('unwrapKey', 7, arguments.length);
    format = formatArg('unwrapKey', format, 0);
    wrappedKey = bufferArg('unwrapKey', wrappedKey, 1);
    keyArg('unwrapKey', unwrappingKey, 2);
    const usages = convertUsages(keyUsages, 'unwrapKey', 6);
    const bytes = await wrapOrUnwrap(normalizeWrapAlgorithm(unwrapAlgorithm), unwrappingKey,
                                     wrappedKey, false);
    let keyData = bytes;
    if (format === 'jwk') {
      try {
        keyData = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        throw domError('Invalid keyData', 'DataError');
      }
    }
    return importKeyFor(format, keyData, unwrappedKeyAlgorithm, Boolean(extractable), usages);
  }
}

for (const name of Object.getOwnPropertyNames(SubtleCrypto.prototype)) {
  if (name === 'constructor') continue;
  Object.defineProperty(SubtleCrypto.prototype, name, {
    ...Object.getOwnPropertyDescriptor(SubtleCrypto.prototype, name), enumerable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'SubtleCrypto', writable: false, enumerable: false, configurable: true,
});

const subtle = new SubtleCrypto(kConstructorToken);

class Crypto {
  constructor(token) {
    if (token !== kConstructorToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
for (const name of ['subtle', 'getRandomValues', 'randomUUID']) {
  Object.defineProperty(Crypto.prototype, name, {
    ...Object.getOwnPropertyDescriptor(Crypto.prototype, name), enumerable: true,
  });
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Crypto', writable: false, enumerable: false, configurable: true,
});

const crypto = new Crypto(kConstructorToken);

module.exports = {
  Crypto,
  CryptoKey,
  SubtleCrypto,
  crypto,
};
