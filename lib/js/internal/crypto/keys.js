'use strict';
// KeyObject (secret, public, private) over the binding's KeyObjectHandle; createSecretKey /
// createPublicKey / createPrivateKey; the key-encoding option parsing node shares between
// key import, export and generation; prepareSecretKey and prepareAsymmetricKey for the
// functions that take keys.

const { KeyObjectHandle } = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
    ERR_CRYPTO_INVALID_JWK,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateObject, validateOneOf, validateString } = require('internal/validators');
const { Buffer } = require('buffer');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { FastBuffer } = require('internal/buffer');
const { getArrayBufferOrView, kHandle, kKeyObject } = require('internal/crypto/util');
const { HostObject, kClone, kDeserialize } = require('internal/worker/js_transferable');

const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');

const kKeyTypeSecret = 0;
const kKeyTypePublic = 1;
const kKeyTypePrivate = 2;

// Contexts in which a key argument is consumed.
const kConsumePublic = 0;
const kConsumePrivate = 1;
const kCreatePublic = 2;
const kCreatePrivate = 3;

const encodingNames = { pkcs1: 'pkcs1', pkcs8: 'pkcs8', spki: 'spki', sec1: 'sec1' };

function isKeyObject(obj) {
  return obj != null && obj[kKeyType] !== undefined;
}

function isCryptoKey(obj) {
  return obj != null && obj[kKeyObject] !== undefined;
}

// postMessage/structuredClone carry a key as its export (DER, or the secret's bytes).
const kKeyObjectInfo = 'internal/crypto/keys:KeyObject';

class KeyObject extends HostObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof KeyObjectHandle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    super();
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, {
      __proto__: null, value: handle, enumerable: false, configurable: false, writable: false,
    });
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return key[kKeyObject];
  }

  [kClone]() {
    const type = this[kKeyType];
    let bytes;
    if (type === 'secret') bytes = this[kHandle].export();
    else if (type === 'public') bytes = this[kHandle].export('der', 'spki');
    else bytes = this[kHandle].export('der', 'pkcs8');
    return { data: { type, bytes }, deserializeInfo: kKeyObjectInfo };
  }

  static [kDeserialize]({ type, bytes }) {
    if (type === 'secret') return createSecretKey(bytes);
    const options = { key: Buffer.from(bytes), format: 'der' };
    if (type === 'public') return createPublicKey({ ...options, type: 'spki' });
    return createPrivateKey({ ...options, type: 'pkcs8' });
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type &&
      this[kHandle].equals(otherKeyObject[kHandle]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'KeyObject',
});

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return this[kHandle].getSymmetricKeySize();
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') return this[kHandle].exportJwk();
    }
    const u8 = this[kHandle].export();
    return new FastBuffer(u8.buffer, u8.byteOffset, u8.byteLength);
  }
}

function bytesToBigInt(u8) {
  let n = 0n;
  for (const b of u8) n = (n << 8n) | BigInt(b);
  return n;
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return this[kAsymmetricKeyType] ||= this[kHandle].getAsymmetricKeyType();
  }

  get asymmetricKeyDetails() {
    switch (this.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
      case 'dsa':
      case 'ec': {
        if (this[kAsymmetricKeyDetails] === undefined) {
          const details = this[kHandle].keyDetail();
          if (details.publicExponent !== undefined) {
            details.publicExponent = bytesToBigInt(details.publicExponent);
          }
          this[kAsymmetricKeyDetails] = details;
        }
        return { ...this[kAsymmetricKeyDetails] };
      }
      default:
        return {};
    }
  }
}

function exportResult(result) {
  if (typeof result === 'string') return result;
  return new FastBuffer(result.buffer, result.byteOffset, result.byteLength);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') return this[kHandle].exportJwk();
    const { format, type } = parsePublicKeyEncoding(options, this.asymmetricKeyType);
    return exportResult(this[kHandle].export(format, type));
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      if (options.passphrase !== undefined) {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
      }
      return this[kHandle].exportJwk();
    }
    const { format, type, cipher, passphrase } =
      parsePrivateKeyEncoding(options, this.asymmetricKeyType);
    return exportResult(this[kHandle].export(format, type, cipher, passphrase));
  }
}

// ---- encoding options ----

function parseKeyFormat(formatStr, defaultFormat, optionName) {
  if (formatStr === undefined && defaultFormat !== undefined) return defaultFormat;
  if (formatStr === 'pem' || formatStr === 'der' || formatStr === 'jwk') return formatStr;
  throw new ERR_INVALID_ARG_VALUE(optionName, formatStr);
}

function parseKeyType(typeStr, required, keyType, isPublic, optionName) {
  if (typeStr === undefined && !required) {
    return undefined;
  } else if (typeStr === 'pkcs1') {
    if (keyType !== undefined && keyType !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for RSA keys');
    }
    return 'pkcs1';
  } else if (typeStr === 'spki' && isPublic !== false) {
    return 'spki';
  } else if (typeStr === 'pkcs8' && isPublic !== true) {
    return 'pkcs8';
  } else if (typeStr === 'sec1' && isPublic !== true) {
    if (keyType !== undefined && keyType !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for EC keys');
    }
    return 'sec1';
  }
  throw new ERR_INVALID_ARG_VALUE(optionName, typeStr);
}

function option(name, objName) {
  return objName === undefined ? `options.${name}` : `options.${objName}.${name}`;
}

function parseKeyFormatAndType(enc, keyType, isPublic, objName) {
  const { format: formatStr, type: typeStr } = enc;
  const isInput = keyType === undefined;
  const format = parseKeyFormat(formatStr, isInput ? 'pem' : undefined, option('format', objName));
  const isRequired = (!isInput || format === 'der') && format !== 'jwk';
  const type = parseKeyType(typeStr, isRequired, keyType, isPublic, option('type', objName));
  return { format, type };
}

function isStringOrBuffer(val) {
  return typeof val === 'string' || isArrayBufferView(val) || isAnyArrayBuffer(val);
}

function parseKeyEncoding(enc, keyType, isPublic, objName) {
  validateObject(enc, 'options');
  const isInput = keyType === undefined;
  const { format, type } = parseKeyFormatAndType(enc, keyType, isPublic, objName);
  let cipher, passphrase, encoding;
  if (isPublic !== true) {
    ({ cipher, passphrase, encoding } = enc);
    if (!isInput) {
      if (cipher != null) {
        if (typeof cipher !== 'string') {
          throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
        }
        if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
          throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(encodingNames[type],
                                                        'does not support encryption');
        }
      } else if (passphrase !== undefined) {
        throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
      }
    }
    if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
        (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
      throw new ERR_INVALID_ARG_VALUE(option('passphrase', objName), passphrase);
    }
  }
  if (passphrase !== undefined) {
    passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  }
  return { format, type, cipher, passphrase };
}

function parsePublicKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, keyType ? true : undefined, objName);
}

function parsePrivateKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, false, objName);
}

// ---- consuming keys ----

function getKeyObjectHandle(key, ctx) {
  if (ctx === kCreatePrivate) {
    throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
                                           'DataView'], key);
  }
  if (key.type !== 'private') {
    if (ctx === kConsumePrivate || ctx === kCreatePublic) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    }
    if (key.type !== 'public') {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private or public');
    }
  }
  return key[kHandle];
}

function getKeyTypes(allowKeyObject, bufferOnly = false) {
  const types = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject',
                 'CryptoKey'];
  if (bufferOnly) return types.slice(0, 4);
  if (!allowKeyObject) return types.slice(0, 5);
  return types;
}

function prepareAsymmetricKey(key, ctx) {
  if (isKeyObject(key)) {
    return { data: getKeyObjectHandle(key, ctx) };
  } else if (isCryptoKey(key)) {
    return { data: getKeyObjectHandle(key[kKeyObject], ctx) };
  } else if (isStringOrBuffer(key)) {
    // PEM by default.
    return { format: 'pem', data: getArrayBufferOrView(key, 'key') };
  } else if (typeof key === 'object' && key !== null) {
    const { key: data, encoding, format } = key;
    // The key property may be a KeyObject, with options such as padding beside it.
    if (isKeyObject(data)) {
      return { data: getKeyObjectHandle(data, ctx) };
    } else if (isCryptoKey(data)) {
      return { data: getKeyObjectHandle(data[kKeyObject], ctx) };
    } else if (format === 'jwk') {
      validateObject(data, 'key.key');
      return { data: getKeyObjectHandleFromJwk(data, ctx), format: 'jwk' };
    }
    if (!isStringOrBuffer(data)) {
      throw new ERR_INVALID_ARG_TYPE('key.key', getKeyTypes(ctx !== kCreatePrivate), data);
    }
    const isPublic = (ctx === kConsumePrivate || ctx === kCreatePrivate) ? false : undefined;
    return {
      data: getArrayBufferOrView(data, 'key', encoding),
      ...parseKeyEncoding(key, undefined, isPublic),
    };
  }
  throw new ERR_INVALID_ARG_TYPE('key', getKeyTypes(ctx !== kCreatePrivate), key);
}

function jwkBytes(value) {
  return Buffer.from(value, 'base64');
}

// A KeyObjectHandle from a JWK (RSA, EC or OKP), public or private by ctx.
function getKeyObjectHandleFromJwk(key, ctx) {
  validateObject(key, 'key');
  validateOneOf(key.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;
  const kind = isPublic ? kKeyTypePublic : kKeyTypePrivate;
  const handle = new KeyObjectHandle();
  if (key.kty === 'OKP') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    validateString(key.x, 'key.x');
    if (!isPublic) validateString(key.d, 'key.d');
    const keyData = jwkBytes(isPublic ? key.x : key.d);
    const expected = { Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 }[key.crv];
    if (keyData.byteLength !== expected) throw new ERR_CRYPTO_INVALID_JWK();
    if (!handle.initRaw(kind, key.crv, keyData)) throw new ERR_CRYPTO_INVALID_JWK();
    return handle;
  }
  if (key.kty === 'EC') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    validateString(key.x, 'key.x');
    validateString(key.y, 'key.y');
    if (!isPublic) validateString(key.d, 'key.d');
    if (!handle.initJwkEc(kind, key.crv, jwkBytes(key.x), jwkBytes(key.y),
                          isPublic ? undefined : jwkBytes(key.d))) {
      // node's native message for this case.
      const err = new TypeError('Invalid JWK EC key');
      err.code = 'ERR_CRYPTO_INVALID_JWK';
      throw err;
    }
    return handle;
  }
  validateString(key.n, 'key.n');
  validateString(key.e, 'key.e');
  const members = [jwkBytes(key.n), jwkBytes(key.e)];
  if (!isPublic) {
    for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      validateString(key[name], `key.${name}`);
      members.push(jwkBytes(key[name]));
    }
  }
  if (!handle.initJwkRsa(kind, ...members)) throw new ERR_CRYPTO_INVALID_JWK();
  return handle;
}

// The KeyObjectHandle for a prepared key argument: the existing handle, or one parsed now
// (parsing comes last, after every option was checked, as node's jobs do it).
function keyHandleFor(prepared, ctx) {
  const { data, format, type, passphrase } = prepared;
  if (format === 'jwk') return data;
  if (data instanceof KeyObjectHandle && ctx !== kCreatePublic) return data;
  const handle = new KeyObjectHandle();
  const kind = (ctx === kConsumePrivate || ctx === kCreatePrivate) ?
    kKeyTypePrivate : kKeyTypePublic;
  handle.init(kind, data, format, type, passphrase);
  return handle;
}

function asymmetricKeyHandle(key, ctx) {
  return keyHandleFor(prepareAsymmetricKey(key, ctx), ctx);
}

// Checked key arguments; privateKeyHandle/publicOrPrivateKeyHandle turn them into handles.
function preparePrivateKey(key) {
  return prepareAsymmetricKey(key, kConsumePrivate);
}

function preparePublicOrPrivateKey(key) {
  return prepareAsymmetricKey(key, kConsumePublic);
}

function privateKeyHandle(prepared) {
  return keyHandleFor(prepared, kConsumePrivate);
}

function publicOrPrivateKeyHandle(prepared) {
  return keyHandleFor(prepared, kConsumePublic);
}

function createPublicKey(key) {
  return new PublicKeyObject(asymmetricKeyHandle(key, kCreatePublic));
}

function createPrivateKey(key) {
  return new PrivateKeyObject(asymmetricKeyHandle(key, kCreatePrivate));
}

// The bytes of a secret key argument (string, buffer, secret KeyObject or CryptoKey).
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kHandle].export();
    } else if (isCryptoKey(key)) {
      const keyObject = key[kKeyObject];
      if (keyObject.type !== 'secret') {
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'secret');
      }
      return keyObject[kHandle].export();
    }
  }
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key',
      ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView',
       ...(bufferOnly ? [] : ['string', 'KeyObject', 'CryptoKey'])],
      key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

function createSecretKey(key, encoding) {
  key = prepareSecretKey(key, encoding, true);
  const handle = new KeyObjectHandle();
  handle.init(kKeyTypeSecret, key);
  return new SecretKeyObject(handle);
}

function wrapHandle(handle, type) {
  return type === 'public' ? new PublicKeyObject(handle) : new PrivateKeyObject(handle);
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  KeyObjectHandle,
  isKeyObject,
  isCryptoKey,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  prepareSecretKey,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  privateKeyHandle,
  publicOrPrivateKeyHandle,
  parsePublicKeyEncoding,
  parsePrivateKeyEncoding,
  wrapHandle,
};
