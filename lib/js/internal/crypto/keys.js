'use strict';
// Key material: prepareSecretKey (HMAC, ciphers, KDFs) and, later, KeyObject.

const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { getArrayBufferOrView, kKeyObject } = require('internal/crypto/util');

function isKeyObject(obj) {
  return obj != null && obj[kKeyObject] !== undefined;
}

function isCryptoKey(obj) {
  return obj != null && obj[Symbol.for('ringjs.cryptoKey')] !== undefined;
}

// The bytes of a secret key argument (string, buffer, secret KeyObject or CryptoKey).
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kKeyObject].secret();
    } else if (isCryptoKey(key)) {
      const keyObject = key[Symbol.for('ringjs.cryptoKey')];
      if (keyObject.type !== 'secret') {
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'secret');
      }
      return keyObject[kKeyObject].secret();
    }
  }
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key',
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView',
       ...(bufferOnly ? [] : ['KeyObject', 'CryptoKey'])],
      key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

module.exports = {
  isKeyObject,
  isCryptoKey,
  prepareSecretKey,
};
