'use strict';
// Web Crypto: the Crypto object (globalThis.crypto and crypto.webcrypto) with getRandomValues,
// randomUUID and subtle; SubtleCrypto.digest runs on the thread pool. The other SubtleCrypto
// methods are not built yet and reject with ERR_NOT_IMPLEMENTED.

const { digestJob } = internalBinding('crypto');

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { lazyDOMException } = require('internal/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const random = require('internal/crypto/random');

const kConstructorToken = Symbol('kConstructorToken');

function webidlError(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

// Algorithm names SubtleCrypto.digest knows, by their upper-case spelling.
const kDigestAlgorithms = {
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function normalizeDigestAlgorithm(algorithm) {
  let name;
  if (typeof algorithm === 'string') {
    name = algorithm;
  } else if (algorithm !== null && typeof algorithm === 'object') {
    if (algorithm.name === undefined) {
      throw webidlError("Failed to normalize algorithm: passed algorithm can not be converted " +
                        "to 'Algorithm' because 'name' is required in 'Algorithm'.",
                        'ERR_MISSING_OPTION');
    }
    name = `${algorithm.name}`;
  } else {
    name = `${algorithm}`;
  }
  const digest = kDigestAlgorithms[name.toUpperCase()];
  if (digest === undefined) {
    throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  return digest;
}

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstructorToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  async digest(algorithm, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    if (arguments.length < 2) {
      throw webidlError("Failed to execute 'digest' on 'SubtleCrypto': 2 arguments required, " +
                        `but only ${arguments.length} present.`, 'ERR_MISSING_ARGS');
    }
    if (!isAnyArrayBuffer(data) && !isArrayBufferView(data)) {
      throw webidlError("Failed to execute 'digest' on 'SubtleCrypto': 2nd argument is not " +
                        'instance of ArrayBuffer, Buffer, TypedArray, or DataView.',
                        'ERR_INVALID_ARG_TYPE');
    }
    const digest = normalizeDigestAlgorithm(algorithm);
    return new Promise((resolve, reject) => {
      digestJob(digest, data, (result) => {
        if (result === undefined) {
          reject(lazyDOMException('The operation failed for an operation-specific reason',
                                  'OperationError'));
        } else {
          resolve(result);
        }
      });
    });
  }
}

for (const name of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey',
                    'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey']) {
  const method = {
    async [name]() {
      if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
      const { notImplemented } = require('internal/not_implemented');
      throw notImplemented(`SubtleCrypto.${name}`);
    },
  }[name];
  Object.defineProperty(SubtleCrypto.prototype, name, {
    __proto__: null, value: method, writable: true, enumerable: true, configurable: true,
  });
}
// digest after encrypt..verify, as node's prototype order.
{
  const digest = Object.getOwnPropertyDescriptor(SubtleCrypto.prototype, 'digest');
  delete SubtleCrypto.prototype.digest;
  const rest = {};
  for (const name of ['generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey',
                      'wrapKey', 'unwrapKey']) {
    rest[name] = Object.getOwnPropertyDescriptor(SubtleCrypto.prototype, name);
    delete SubtleCrypto.prototype[name];
  }
  Object.defineProperty(SubtleCrypto.prototype, 'digest', { ...digest, enumerable: true });
  for (const name of Object.keys(rest)) {
    Object.defineProperty(SubtleCrypto.prototype, name, rest[name]);
  }
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

class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'CryptoKey', writable: false, enumerable: false, configurable: true,
});

module.exports = {
  Crypto,
  CryptoKey,
  SubtleCrypto,
  crypto,
};
