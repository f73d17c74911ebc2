'use strict';
// generateKeyPair / generateKeyPairSync for rsa, rsa-pss, ec, ed25519, ed448, x25519, x448:
// the pair is made natively (on the thread pool for the callback form) and exported here when
// publicKeyEncoding / privateKeyEncoding ask for strings or buffers.

const {
  generateKeyPair: generateKeyPairBinding,
  checkCurve,
} = internalBinding('crypto');

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateOneOf,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  createSecretKey,
  PublicKeyObject,
  PrivateKeyObject,
  parsePublicKeyEncoding,
  parsePrivateKeyEncoding,
} = require('internal/crypto/keys');
const { customPromisifyArgs, kEmptyObject } = require('internal/util');

function parseKeyEncoding(keyType, options = kEmptyObject) {
  const { publicKeyEncoding, privateKeyEncoding } = options;
  let publicEnc;
  if (publicKeyEncoding == null) {
    publicEnc = undefined;
  } else if (typeof publicKeyEncoding === 'object') {
    publicEnc = parsePublicKeyEncoding(publicKeyEncoding, keyType, 'publicKeyEncoding');
  } else {
    throw new ERR_INVALID_ARG_VALUE('options.publicKeyEncoding', publicKeyEncoding);
  }
  let privateEnc;
  if (privateKeyEncoding == null) {
    privateEnc = undefined;
  } else if (typeof privateKeyEncoding === 'object') {
    privateEnc = parsePrivateKeyEncoding(privateKeyEncoding, keyType, 'privateKeyEncoding');
  } else {
    throw new ERR_INVALID_ARG_VALUE('options.privateKeyEncoding', privateKeyEncoding);
  }
  return { publicEnc, privateEnc };
}

// The binding's arguments for a key type, after node's checks.
function createJob(type, options) {
  validateString(type, 'type');
  const encoding = parseKeyEncoding(type, options);
  if (options !== undefined) validateObject(options, 'options');
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      let { publicExponent } = options;
      if (publicExponent == null) {
        publicExponent = 0x10001;
      } else {
        validateUint32(publicExponent, 'options.publicExponent');
      }
      return { args: [type, modulusLength, publicExponent, undefined, false, -1], encoding };
    }
    case 'ec': {
      validateObject(options, 'options');
      const { namedCurve } = options;
      validateString(namedCurve, 'options.namedCurve');
      let { paramEncoding } = options;
      if (paramEncoding == null || paramEncoding === 'named') {
        paramEncoding = false;
      } else if (paramEncoding === 'explicit') {
        paramEncoding = true;
      } else {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
      }
      if (!checkCurve(namedCurve)) {
        const err = new TypeError('Invalid EC curve name');
        err.code = 'ERR_CRYPTO_INVALID_CURVE';
        throw err;
      }
      return { args: [type, 0, 0, namedCurve, paramEncoding, -1], encoding };
    }
    case 'dsa': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      let { divisorLength } = options;
      if (divisorLength == null) {
        divisorLength = -1;
      } else {
        validateInt32(divisorLength, 'options.divisorLength', 0);
      }
      return { args: [type, modulusLength, 0, undefined, false, divisorLength], encoding };
    }
    case 'ed25519':
    case 'ed448':
    case 'x25519':
    case 'x448':
      return { args: [type, 0, 0, undefined, false, -1], encoding };
    default:
      break;
  }
  if (type === 'dh') {
    validateObject(options, 'options');
    const { notImplemented } = require('internal/not_implemented');
    throw notImplemented(`crypto.generateKeyPair('${type}')`);
  }
  throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
}

function finish(pubHandle, privHandle, encoding) {
  const publicKey = new PublicKeyObject(pubHandle);
  const privateKey = new PrivateKeyObject(privHandle);
  return {
    publicKey: encoding.publicEnc ? publicKey.export(encoding.publicEnc) : publicKey,
    privateKey: encoding.privateEnc ? privateKey.export(encoding.privateEnc) : privateKey,
  };
}

function generateKeyPairSync(type, options) {
  const { args, encoding } = createJob(type, options);
  const [pub, priv] = generateKeyPairBinding(...args);
  return finish(pub, priv, encoding);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { args, encoding } = createJob(type, options);
  generateKeyPairBinding(...args, (err, pub, priv) => {
    if (err) return callback(err);
    let result;
    try {
      result = finish(pub, priv, encoding);
    } catch (e) {
      return callback(e);
    }
    callback(null, result.publicKey, result.privateKey);
  });
}

// ---- secret keys: generateKey / generateKeySync ('hmac' or 'aes', length in bits) ----

function secretKeyLength(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac':
      validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
      break;
    case 'aes':
      validateOneOf(length, 'options.length', [128, 192, 256]);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return Math.floor(length / 8);
}

function generateKeySync(type, options) {
  const bytes = secretKeyLength(type, options);
  return createSecretKey(require('internal/crypto/random').randomBytes(bytes));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const bytes = secretKeyLength(type, options);
  require('internal/crypto/random').randomBytes(bytes, (err, buf) => {
    if (err) return callback(err);
    callback(null, createSecretKey(buf));
  });
}

// util.promisify(generateKeyPair) resolves to { publicKey, privateKey }.
Object.defineProperty(generateKeyPair, customPromisifyArgs, {
  __proto__: null,
  value: ['publicKey', 'privateKey'],
  enumerable: false,
});

module.exports = {
  generateKey,
  generateKeySync,
  generateKeyPair,
  generateKeyPairSync,
};
