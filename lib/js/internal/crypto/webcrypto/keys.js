'use strict';
// CryptoKey: what crypto.subtle hands out. It wraps a KeyObject (so KeyObject.from(key) and the
// node:crypto functions that take CryptoKeys work) with WebCrypto's type, extractable,
// algorithm and usages, and inspects as node's does.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { customInspectSymbol } = require('internal/util');
const { kKeyObject } = require('internal/crypto/util');
const { HostObject, kClone, kDeserialize } = require('internal/worker/js_transferable');

const kExtractable = Symbol('kExtractable');
const kAlgorithm = Symbol('kAlgorithm');
const kUsages = Symbol('kUsages');

class CryptoKey extends HostObject {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  // postMessage/structuredClone: the key (a KeyObject, cloned too) and its WebCrypto fields.
  [kClone]() {
    checkThis(this);
    return {
      data: {
        keyObject: this[kKeyObject],
        algorithm: this[kAlgorithm],
        extractable: this[kExtractable],
        usages: this[kUsages],
      },
      deserializeInfo: 'internal/crypto/webcrypto/keys:CryptoKey',
    };
  }

  static [kDeserialize]({ keyObject, algorithm, extractable, usages }) {
    return createCryptoKey(keyObject, algorithm, extractable, usages);
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const inspect = require('internal/util/inspect').inspect;
    const nested = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({
      type: this.type,
      extractable: this.extractable,
      algorithm: this.algorithm,
      usages: this.usages,
    }, nested)}`;
  }

  get type() {
    checkThis(this);
    return this[kKeyObject].type;
  }

  get extractable() {
    checkThis(this);
    return this[kExtractable];
  }

  get algorithm() {
    checkThis(this);
    return this[kAlgorithm];
  }

  get usages() {
    checkThis(this);
    return this[kUsages];
  }
}

function checkThis(key) {
  if (key === null || typeof key !== 'object' || key[kAlgorithm] === undefined) {
    throw new ERR_INVALID_THIS('CryptoKey');
  }
}

for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
  Object.defineProperty(CryptoKey.prototype, name, {
    ...Object.getOwnPropertyDescriptor(CryptoKey.prototype, name), enumerable: true,
  });
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'CryptoKey', writable: false, enumerable: false, configurable: true,
});

// Keys are made through this subclass (the public constructor throws), as node's are: their
// prototype's own property is just `constructor`.
class InternalCryptoKey {}
Object.setPrototypeOf(InternalCryptoKey.prototype, CryptoKey.prototype);
Object.setPrototypeOf(InternalCryptoKey, CryptoKey);
InternalCryptoKey.prototype.constructor = CryptoKey;

// A CryptoKey over keyObject.
function createCryptoKey(keyObject, algorithm, extractable, usages) {
  const key = Reflect.construct(HostObject, [], InternalCryptoKey);
  Object.defineProperty(key, kKeyObject, { __proto__: null, value: keyObject });
  Object.defineProperty(key, kAlgorithm, { __proto__: null, value: algorithm });
  Object.defineProperty(key, kExtractable, { __proto__: null, value: Boolean(extractable) });
  Object.defineProperty(key, kUsages, { __proto__: null, value: usages });
  return key;
}

function isCryptoKey(value) {
  return value !== null && typeof value === 'object' && value[kAlgorithm] !== undefined &&
    value[kKeyObject] !== undefined;
}

module.exports = {
  CryptoKey,
  createCryptoKey,
  isCryptoKey,
  kKeyObject,
};
