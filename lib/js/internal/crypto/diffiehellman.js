'use strict';
// Key agreement: DiffieHellman / DiffieHellmanGroup / ECDH (stateful objects over the
// binding's handles), createDiffieHellman / getDiffieHellman / createECDH, ECDH.convertKey,
// and diffieHellman() over two KeyObjects. Errors node raises natively carry the plain
// "Error: message" shape; the rest are the usual ERR_* classes.

const {
  DiffieHellman: DiffieHellmanHandle,
  DiffieHellmanGroup: DiffieHellmanGroupHandle,
  ECDH: ECDHHandle,
  ecdhConvertKey,
  statelessDH,
  constants: {
    POINT_CONVERSION_COMPRESSED,
    POINT_CONVERSION_HYBRID,
    POINT_CONVERSION_UNCOMPRESSED,
  },
} = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_ECDH_INVALID_FORMAT,
    ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
    ERR_CRYPTO_INCOMPATIBLE_KEY,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateInt32, validateObject, validateString } = require('internal/validators');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  getArrayBufferOrView,
  getDefaultEncoding,
  kHandle,
} = require('internal/crypto/util');
const { isKeyObject } = require('internal/crypto/keys');

const kDefaultGenerator = 2;

// An error shaped as node's C++ layer throws them: `Error: message` with a code property.
function nativeError(ErrorClass, code, message) {
  const err = new ErrorClass(message);
  err.code = code;
  return err;
}

function unknownGroupError() {
  return nativeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
}

function toBuffer(u8) {
  return new FastBuffer(u8.buffer, u8.byteOffset, u8.byteLength);
}

// Bytes as a Buffer, or a string in the given encoding ('buffer' and none: the Buffer).
function encode(u8, encoding) {
  const buf = toBuffer(u8);
  if (encoding && encoding !== 'buffer') return buf.toString(encoding);
  return buf;
}

function toBytes(value, encoding, name = 'key') {
  return getArrayBufferOrView(value, name, encoding);
}

function isBufferLike(value) {
  return isArrayBufferView(value) || isAnyArrayBuffer(value);
}

// ---- DiffieHellman ----

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
      !isBufferLike(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE(
      'sizeOrKey', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      sizeOrKey);
  }
  // Negative sizes get through to OpenSSL, which rejects them itself.
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');

  // (sizeOrKey, generator, genEncoding): the second argument is no encoding.
  if (keyEncoding && keyEncoding !== 'buffer' && !Buffer.isEncoding(keyEncoding)) {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  const defaultEncoding = getDefaultEncoding();
  keyEncoding = keyEncoding || defaultEncoding;
  genEncoding = genEncoding || defaultEncoding;

  let prime = sizeOrKey;
  if (typeof prime !== 'number') prime = toBytes(prime, keyEncoding, 'sizeOrKey');

  if (!generator) {
    generator = kDefaultGenerator;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = toBytes(generator, genEncoding, 'generator');
  } else if (!isBufferLike(generator)) {
    throw new ERR_INVALID_ARG_TYPE(
      'generator', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      generator);
  }

  const handle = new DiffieHellmanHandle();
  handle.init(prime, generator, false);
  this[kHandle] = handle;
  defineVerifyError(this, handle);
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  if (typeof name !== 'string') {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Group name must be a string');
  }
  const handle = new DiffieHellmanGroupHandle();
  if (!/^modp(1|2|5|14|15|16|17|18)$/.test(name)) throw unknownGroupError();
  handle.init(name, kDefaultGenerator, true);
  this[kHandle] = handle;
  defineVerifyError(this, handle);
}

function defineVerifyError(dh, handle) {
  Object.defineProperty(dh, 'verifyError', {
    __proto__: null,
    value: handle.verifyError,
    enumerable: true,
    writable: false,
  });
}

const kPrime = 0;
const kGenerator = 1;
const kPublicKey = 2;
const kPrivateKey = 3;

// The part's bytes, or node's "did you forget" error when it is not set.
function getPart(dh, part, encoding) {
  const u8 = dh[kHandle].get(part);
  if (u8 === undefined) {
    const what = part === kPublicKey ? 'public' : 'private';
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE',
                      `No ${what} key - did you forget to generate one?`);
  }
  return encode(u8, encoding || getDefaultEncoding());
}

function dhGenerateKeys(encoding) {
  return encode(this[kHandle].generateKeys(), encoding || getDefaultEncoding());
}

function dhComputeSecret(key, inputEncoding, outputEncoding) {
  const defaultEncoding = getDefaultEncoding();
  key = toBytes(key, inputEncoding || defaultEncoding);
  const result = this[kHandle].computeSecret(key);
  if (typeof result === 'number') {
    switch (result) {
      case 1:
        throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
      case 2:
        throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
      default:
        throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type');
    }
  }
  return encode(result, outputEncoding || defaultEncoding);
}

function dhGetPrime(encoding) {
  return encode(this[kHandle].get(kPrime), encoding || getDefaultEncoding());
}

function dhGetGenerator(encoding) {
  return encode(this[kHandle].get(kGenerator), encoding || getDefaultEncoding());
}

function dhGetPublicKey(encoding) {
  return getPart(this, kPublicKey, encoding);
}

function dhGetPrivateKey(encoding) {
  return getPart(this, kPrivateKey, encoding);
}

function dhSetPublicKey(key, encoding) {
  this[kHandle].set(kPublicKey, toBytes(key, encoding || getDefaultEncoding()));
  return this;
}

function dhSetPrivateKey(key, encoding) {
  this[kHandle].set(kPrivateKey, toBytes(key, encoding || getDefaultEncoding()));
  return this;
}

// Installs methods as node's prototypes have them (enumerable); functionNames gives the
// `name` each function reports where it differs from its name here.
function defineMethods(target, methods, functionNames = {}) {
  for (const name of Object.keys(methods)) {
    if (functionNames[name] !== undefined) {
      Object.defineProperty(methods[name], 'name', {
        __proto__: null, value: functionNames[name], configurable: true,
      });
    }
    Object.defineProperty(target, name, {
      __proto__: null, value: methods[name], writable: true, enumerable: true,
      configurable: true,
    });
  }
}

defineMethods(DiffieHellman.prototype, {
  generateKeys: dhGenerateKeys,
  computeSecret: dhComputeSecret,
  getPrime: dhGetPrime,
  getGenerator: dhGetGenerator,
  getPublicKey: dhGetPublicKey,
  getPrivateKey: dhGetPrivateKey,
  setPublicKey: dhSetPublicKey,
  setPrivateKey: dhSetPrivateKey,
}, { setPublicKey: 'setPublicKey', setPrivateKey: 'setPrivateKey' });

defineMethods(DiffieHellmanGroup.prototype, {
  generateKeys: dhGenerateKeys,
  computeSecret: dhComputeSecret,
  getPrime: dhGetPrime,
  getGenerator: dhGetGenerator,
  getPublicKey: dhGetPublicKey,
  getPrivateKey: dhGetPrivateKey,
});

// ---- ECDH ----

function invalidCurveError() {
  return nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
}

function pointFormat(format) {
  if (format) {
    if (format === 'compressed') return POINT_CONVERSION_COMPRESSED;
    if (format === 'hybrid') return POINT_CONVERSION_HYBRID;
    if (format !== 'uncompressed') throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return POINT_CONVERSION_UNCOMPRESSED;
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  const handle = new ECDHHandle();
  if (!handle.init(curve)) throw invalidCurveError();
  this[kHandle] = handle;
}

function ecdhComputeSecret(key, inputEncoding, outputEncoding) {
  const defaultEncoding = getDefaultEncoding();
  key = toBytes(key, inputEncoding || defaultEncoding);
  const result = this[kHandle].computeSecret(key);
  if (result === 1) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
  if (typeof result === 'number') throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
  return encode(result, outputEncoding || defaultEncoding);
}

function ecdhSetPrivateKey(key, encoding) {
  key = toBytes(key, encoding || getDefaultEncoding());
  if (!this[kHandle].setPrivateKey(key)) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE',
                      'Private key is not valid for specified curve.');
  }
  return this;
}

function ecdhSetPublicKey(key, encoding) {
  key = toBytes(key, encoding || getDefaultEncoding());
  if (!this[kHandle].setPublicKey(key)) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  }
  return this;
}

function ecdhGetPrivateKey(encoding) {
  const u8 = this[kHandle].getPrivateKey();
  if (u8 === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
  }
  return encode(u8, encoding || getDefaultEncoding());
}

function ecdhGenerateKeys(encoding, format) {
  this[kHandle].generateKeys();
  return this.getPublicKey(encoding, format);
}

function ecdhGetPublicKey(encoding, format) {
  const form = pointFormat(format);
  const u8 = this[kHandle].getPublicKey(form);
  if (u8 === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
  }
  return encode(u8, encoding || getDefaultEncoding());
}

defineMethods(ECDH.prototype, {
  computeSecret: ecdhComputeSecret,
  setPrivateKey: ecdhSetPrivateKey,
  setPublicKey: ecdhSetPublicKey,
  getPrivateKey: ecdhGetPrivateKey,
  generateKeys: ecdhGenerateKeys,
  getPublicKey: ecdhGetPublicKey,
}, {
  computeSecret: 'dhComputeSecret',
  setPrivateKey: 'setPrivateKey',
  setPublicKey: 'setPublicKey',
  getPrivateKey: 'dhGetPrivateKey',
  generateKeys: 'generateKeys',
  getPublicKey: 'getPublicKey',
});

function convertKey(key, curve, inEncoding, outEncoding, format) {
  validateString(curve, 'curve');
  key = toBytes(key, inEncoding || getDefaultEncoding());
  const form = pointFormat(format);
  const result = ecdhConvertKey(key, curve, form);
  if (result === -1) throw invalidCurveError();
  if (result === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  }
  return encode(result, outEncoding || getDefaultEncoding());
}
Object.defineProperty(ECDH, 'convertKey', {
  __proto__: null, value: convertKey, writable: true, enumerable: true, configurable: true,
});

// ---- diffieHellman({ privateKey, publicKey }) ----

function keyTypeOf(key) {
  return key.asymmetricKeyType;
}

function checkAgreementKeys(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (!isKeyObject(publicKey)) {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  if (privateKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }
  const privateType = keyTypeOf(privateKey);
  const publicType = keyTypeOf(publicKey);
  if (privateType !== publicType || !['dh', 'ec', 'x448', 'x25519'].includes(privateType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman',
                                          `${privateType} and ${publicType}`);
  }
  return { privateKey, publicKey };
}

function diffieHellman(options) {
  const { privateKey, publicKey } = checkAgreementKeys(options);
  return toBuffer(statelessDH(privateKey[kHandle], publicKey[kHandle]));
}

// ---- factories ----

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) {
  return new DiffieHellmanGroup(name);
}

function createECDH(curve) {
  return new ECDH(curve);
}

module.exports = {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  diffieHellman,
  checkAgreementKeys,
  unknownGroupError,
};
