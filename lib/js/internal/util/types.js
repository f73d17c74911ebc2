'use strict';

// util.types: the native checks from internalBinding('types') plus the typed-array checks,
// which read TypedArray.prototype[Symbol.toStringTag] (its getter throws for non-typed-arrays
// and returns the concrete type name otherwise).

const typesBinding = internalBinding('types');

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTagGetter =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

function typedArrayTag(value) {
  return typedArrayTagGetter.call(value);
}

function isTypedArray(value) {
  return typedArrayTag(value) !== undefined;
}

function isUint8Array(value) { return typedArrayTag(value) === 'Uint8Array'; }
function isUint8ClampedArray(value) { return typedArrayTag(value) === 'Uint8ClampedArray'; }
function isUint16Array(value) { return typedArrayTag(value) === 'Uint16Array'; }
function isUint32Array(value) { return typedArrayTag(value) === 'Uint32Array'; }
function isInt8Array(value) { return typedArrayTag(value) === 'Int8Array'; }
function isInt16Array(value) { return typedArrayTag(value) === 'Int16Array'; }
function isInt32Array(value) { return typedArrayTag(value) === 'Int32Array'; }
function isFloat32Array(value) { return typedArrayTag(value) === 'Float32Array'; }
function isFloat64Array(value) { return typedArrayTag(value) === 'Float64Array'; }
function isBigInt64Array(value) { return typedArrayTag(value) === 'BigInt64Array'; }
function isBigUint64Array(value) { return typedArrayTag(value) === 'BigUint64Array'; }

module.exports = {
  ...typesBinding,
  isArrayBufferView: ArrayBuffer.isView,
  isTypedArray,
  isUint8Array,
  isUint8ClampedArray,
  isUint16Array,
  isUint32Array,
  isInt8Array,
  isInt16Array,
  isInt32Array,
  isFloat32Array,
  isFloat64Array,
  isBigInt64Array,
  isBigUint64Array,
};

let isCryptoKey;
let isKeyObject;

function cryptoKeysAvailable() {
  return require('internal/bootstrap/realm').BuiltinModule.exists('internal/crypto/keys');
}

Object.defineProperties(module.exports, {
  isKeyObject: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value(obj) {
      // No KeyObject/CryptoKey can exist before node:crypto lands.
      if (!cryptoKeysAvailable()) return false;
      if (!isKeyObject) ({ isKeyObject } = require('internal/crypto/keys'));
      return isKeyObject(obj);
    },
  },
  isCryptoKey: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value(obj) {
      // No KeyObject/CryptoKey can exist before node:crypto lands.
      if (!cryptoKeysAvailable()) return false;
      if (!isCryptoKey) ({ isCryptoKey } = require('internal/crypto/keys'));
      return isCryptoKey(obj);
    },
  },
});
