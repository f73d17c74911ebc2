'use strict';
// Shared pieces of crypto.subtle: WebIDL argument errors, algorithm normalization (the
// dictionaries each operation takes per algorithm, with node's messages), BufferSource copies,
// usage checks and the DOMExceptions the operations reject with.

const { emitExperimentalWarning, lazyDOMException } = require('internal/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');

function webidlError(ErrorClass, code, message) {
  const err = new ErrorClass(message);
  err.code = code;
  return err;
}

function domError(message, name) {
  return lazyDOMException(message, name);
}

function operationError(message = 'The operation failed for an operation-specific reason') {
  return domError(message, 'OperationError');
}

const kOrdinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];

function isBufferSource(value) {
  return isAnyArrayBuffer(value) || isArrayBufferView(value);
}

// A private copy of a BufferSource's bytes (WebCrypto takes a snapshot at call time).
function copyBytes(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value.slice(0));
  return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
}

// ---- algorithm names and dictionaries ----

const kAlgorithmNames = [
  'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'AES-CTR', 'AES-CBC', 'AES-GCM',
  'AES-KW', 'HMAC', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'HKDF', 'PBKDF2', 'Ed25519',
  'Ed448', 'X25519', 'X448',
];
const kCanonicalName = new Map(kAlgorithmNames.map((name) => [name.toUpperCase(), name]));

// Member kinds: 'hash' (a digest algorithm), 'buffer' (BufferSource), 'ulong' / 'octet'
// ([EnforceRange] integers), 'bigint' (publicExponent: a Uint8Array), 'key' (CryptoKey),
// 'curve' (DOMString), 'any'.
const kDictionaries = {
  HmacKeyGenParams: [['hash', 'hash', true], ['length', 'ulong', false]],
  HmacImportParams: [['hash', 'hash', true], ['length', 'ulong', false]],
  AesKeyGenParams: [['length', 'ushort', true]],
  AesDerivedKeyParams: [['length', 'ushort', true]],
  EcKeyGenParams: [['namedCurve', 'curve', true]],
  EcKeyImportParams: [['namedCurve', 'curve', true]],
  RsaHashedKeyGenParams: [['hash', 'hash', true], ['modulusLength', 'ulong', true],
                          ['publicExponent', 'bigint', true]],
  RsaHashedImportParams: [['hash', 'hash', true]],
  EcdsaParams: [['hash', 'hash', true]],
  RsaPssParams: [['saltLength', 'ulong', true]],
  RsaOaepParams: [['label', 'buffer', false]],
  AesGcmParams: [['additionalData', 'buffer', false], ['iv', 'buffer', true],
                 ['tagLength', 'octet', false]],
  AesCbcParams: [['iv', 'buffer', true]],
  AesCtrParams: [['counter', 'buffer', true], ['length', 'octet', true]],
  Pbkdf2Params: [['hash', 'hash', true], ['iterations', 'ulong', true], ['salt', 'buffer', true]],
  HkdfParams: [['hash', 'hash', true], ['info', 'buffer', true], ['salt', 'buffer', true]],
  EcdhKeyDeriveParams: [['public', 'key', true]],
  Ed448Params: [['context', 'buffer', false]],
  Algorithm: [],
};

// Which dictionary each operation takes for each algorithm (absent: not supported).
const kOperations = {
  digest: { 'SHA-1': 'Algorithm', 'SHA-256': 'Algorithm', 'SHA-384': 'Algorithm',
            'SHA-512': 'Algorithm' },
  generateKey: {
    'RSASSA-PKCS1-v1_5': 'RsaHashedKeyGenParams', 'RSA-PSS': 'RsaHashedKeyGenParams',
    'RSA-OAEP': 'RsaHashedKeyGenParams', 'ECDSA': 'EcKeyGenParams', 'ECDH': 'EcKeyGenParams',
    'AES-CTR': 'AesKeyGenParams', 'AES-CBC': 'AesKeyGenParams', 'AES-GCM': 'AesKeyGenParams',
    'AES-KW': 'AesKeyGenParams', 'HMAC': 'HmacKeyGenParams', 'Ed25519': 'Algorithm',
    'Ed448': 'Algorithm', 'X25519': 'Algorithm', 'X448': 'Algorithm',
  },
  importKey: {
    'RSASSA-PKCS1-v1_5': 'RsaHashedImportParams', 'RSA-PSS': 'RsaHashedImportParams',
    'RSA-OAEP': 'RsaHashedImportParams', 'ECDSA': 'EcKeyImportParams',
    'ECDH': 'EcKeyImportParams', 'HMAC': 'HmacImportParams', 'HKDF': 'Algorithm',
    'PBKDF2': 'Algorithm', 'AES-CTR': 'Algorithm', 'AES-CBC': 'Algorithm', 'AES-GCM': 'Algorithm',
    'AES-KW': 'Algorithm', 'Ed25519': 'Algorithm', 'Ed448': 'Algorithm', 'X25519': 'Algorithm',
    'X448': 'Algorithm',
  },
  sign: { 'RSASSA-PKCS1-v1_5': 'Algorithm', 'RSA-PSS': 'RsaPssParams', 'ECDSA': 'EcdsaParams',
          'HMAC': 'Algorithm', 'Ed25519': 'Algorithm', 'Ed448': 'Ed448Params' },
  encrypt: { 'RSA-OAEP': 'RsaOaepParams', 'AES-CBC': 'AesCbcParams', 'AES-GCM': 'AesGcmParams',
             'AES-CTR': 'AesCtrParams' },
  deriveBits: { 'HKDF': 'HkdfParams', 'PBKDF2': 'Pbkdf2Params', 'ECDH': 'EcdhKeyDeriveParams',
                'X25519': 'EcdhKeyDeriveParams', 'X448': 'EcdhKeyDeriveParams' },
  'get key length': { 'AES-CBC': 'AesDerivedKeyParams', 'AES-CTR': 'AesDerivedKeyParams',
                      'AES-GCM': 'AesDerivedKeyParams', 'AES-KW': 'AesDerivedKeyParams',
                      'HMAC': 'HmacImportParams', 'HKDF': 'Algorithm', 'PBKDF2': 'Algorithm' },
  wrapKey: { 'AES-KW': 'Algorithm' },
};
kOperations.verify = kOperations.sign;
kOperations.decrypt = kOperations.encrypt;
kOperations.unwrapKey = kOperations.wrapKey;

function memberError(ErrorClass, code, member, dictionary, what) {
  return webidlError(ErrorClass, code, `Failed to normalize algorithm: '${member}' of ` +
                     `'${dictionary}' (passed algorithm) ${what}`);
}

function convertInteger(value, member, dictionary, max) {
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw memberError(TypeError, 'ERR_INVALID_ARG_TYPE', member, dictionary,
                      'is not a finite number.');
  }
  const integer = Math.trunc(number);
  if (integer < 0 || integer > max) {
    throw memberError(TypeError, 'ERR_OUT_OF_RANGE', member, dictionary,
                      `is outside the expected range of 0 to ${max}.`);
  }
  return integer;
}

function convertMember(kind, value, member, dictionary) {
  switch (kind) {
    case 'hash':
      return normalizeAlgorithm(value, 'digest');
    case 'buffer':
    case 'bigint':
      if (!isBufferSource(value)) {
        throw memberError(TypeError, 'ERR_INVALID_ARG_TYPE', member, dictionary,
                          'is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
      }
      return copyBytes(value);
    case 'ulong':
      return convertInteger(value, member, dictionary, 4294967295);
    case 'ushort':
      return convertInteger(value, member, dictionary, 65535);
    case 'octet':
      return convertInteger(value, member, dictionary, 255);
    case 'curve':
      return `${value}`;
    case 'key':
      if (!require('internal/crypto/webcrypto/keys').isCryptoKey(value)) {
        throw memberError(TypeError, 'ERR_INVALID_ARG_TYPE', member, dictionary,
                          'is not of type CryptoKey.');
      }
      return value;
    default:
      return value;
  }
}

// WebCrypto's "normalize an algorithm" for an operation: the canonical name plus the
// dictionary's members, converted. Throws node's TypeErrors / NotSupportedError.
function normalizeAlgorithm(algorithm, op) {
  if (typeof algorithm === 'string') return normalizeAlgorithm({ name: algorithm }, op);
  if (algorithm === null || typeof algorithm !== 'object') {
    // Anything else converts to a string name, as WebIDL's union does.
    return normalizeAlgorithm({ name: `${algorithm}` }, op);
  }
  if (algorithm.name === undefined) {
    throw webidlError(TypeError, 'ERR_MISSING_OPTION',
                      "Failed to normalize algorithm: passed algorithm can not be converted to " +
                      "'Algorithm' because 'name' is required in 'Algorithm'.");
  }
  const name = kCanonicalName.get(`${algorithm.name}`.toUpperCase());
  const dictionary = name === undefined ? undefined : kOperations[op][name];
  if (dictionary === undefined) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  if (name === 'Ed448' || name === 'X448') {
    emitExperimentalWarning(`The ${name} Web Crypto API algorithm`);
  }
  const normalized = { name };
  const members = kDictionaries[dictionary];
  // Required members are checked in the dictionary's order before any conversion, as WebIDL's
  // dictionary conversion reads every member first.
  const values = members.map(([member]) => algorithm[member]);
  for (let i = 0; i < members.length; i++) {
    const [member, kind, required] = members[i];
    const value = values[i];
    if (value === undefined) {
      if (required) {
        throw webidlError(TypeError, 'ERR_MISSING_OPTION',
                          'Failed to normalize algorithm: passed algorithm can not be converted ' +
                          `to '${dictionary}' because '${member}' is required in ` +
                          `'${dictionary}'.`);
      }
      continue;
    }
    normalized[member] = convertMember(kind, value, member, dictionary);
  }
  return normalized;
}

// ---- usages ----

const kKeyUsages = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey',
                    'unwrapKey'];

// keyUsages as WebIDL converts a sequence<KeyUsage> argument.
function convertUsages(usages, method, position) {
  if (usages === null || typeof usages !== 'object' ||
      typeof usages[Symbol.iterator] !== 'function') {
    throw webidlError(TypeError, 'ERR_INVALID_ARG_TYPE',
                      `Failed to execute '${method}' on 'SubtleCrypto': ${kOrdinals[position]} ` +
                      'argument can not be converted to sequence.');
  }
  const result = [];
  let index = 0;
  for (const usage of usages) {
    const value = `${usage}`;
    if (!kKeyUsages.includes(value)) {
      throw webidlError(TypeError, 'ERR_INVALID_ARG_VALUE',
                        `Failed to execute '${method}' on 'SubtleCrypto': ` +
                        `${kOrdinals[position]} argument, index ${index} value '${value}' is not ` +
                        'a valid enum value of type KeyUsage.');
    }
    result.push(value);
    index++;
  }
  return result;
}

// SyntaxError unless every usage is one of allowed.
function checkUsages(usages, allowed, algorithmName) {
  for (const usage of usages) {
    if (!allowed.includes(usage)) {
      throw domError(`Unsupported key usage for ${articleFor(algorithmName)} key`, 'SyntaxError');
    }
  }
}

// node says "an HMAC key", "an AES-GCM key", "an Ed25519 key", "a ECDSA key", "a RSA-PSS key".
function articleFor(name) {
  return /^(HMAC|AES|Ed|X)/.test(name) ? `an ${name}` : `a ${name}`;
}

function requireUsages(usages) {
  if (usages.length === 0) {
    throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
  }
}

// The usages of a generated pair's half: allowed ones in the algorithm's own order.
function usagesIn(usages, allowed) {
  return allowed.filter((usage) => usages.includes(usage));
}

module.exports = {
  webidlError,
  domError,
  operationError,
  kOrdinals,
  isBufferSource,
  copyBytes,
  normalizeAlgorithm,
  convertUsages,
  checkUsages,
  requireUsages,
  usagesIn,
};
