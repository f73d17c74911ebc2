'use strict';
// generateKeyPair / generateKeyPairSync for rsa, rsa-pss, dsa, ec, ed25519, ed448, x25519, x448, dh:
// the pair is made natively (on the thread pool for the callback form) and exported here when
// publicKeyEncoding / privateKeyEncoding ask for strings or buffers.

const {
  generateKeyPair: generateKeyPairBinding,
  generateDhKeyPair,
  checkCurve,
} = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_OPTION,
  },
} = require('internal/errors');
const {
  validateBuffer,
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

// generateDhKeyPair's arguments: (group name | prime bytes | prime length, generator).
function dhJobArgs(options) {
  validateObject(options, 'options');
  const { group, primeLength, prime, generator } = options;
  if (group != null) {
    if (prime != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
    if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
    if (generator != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
    validateString(group, 'options.group');
    if (!/^modp(1|2|5|14|15|16|17|18)$/.test(group)) {
      const err = new Error('Unknown DH group');
      err.code = 'ERR_CRYPTO_UNKNOWN_DH_GROUP';
      throw err;
    }
    return [group, 2];
  }
  let primeArg;
  if (prime != null) {
    if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
    validateBuffer(prime, 'options.prime');
    primeArg = prime;
  } else if (primeLength != null) {
    validateInt32(primeLength, 'options.primeLength', 0);
    primeArg = primeLength;
  } else {
    throw new ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
  }
  if (generator != null) validateInt32(generator, 'options.generator', 0);
  return [primeArg, generator == null ? 2 : generator];
}

// RSA-PSS restrictions: [hashAlgorithm, mgf1HashAlgorithm, saltLength]; the old names
// hash/mgf1Hash still work (DEP0154) but may not disagree with the new ones.
function pssJobArgs(options) {
  const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
  if (saltLength !== undefined) validateInt32(saltLength, 'options.saltLength', 0);
  if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
  if (mgf1HashAlgorithm !== undefined) {
    validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
  }
  if (hash !== undefined) {
    process.emitWarning('"options.hash" is deprecated, use "options.hashAlgorithm" instead.',
                        'DeprecationWarning', 'DEP0154');
    validateString(hash, 'options.hash');
    if (hashAlgorithm && hash !== hashAlgorithm) {
      throw new ERR_INVALID_ARG_VALUE('options.hash', hash);
    }
  }
  if (mgf1Hash !== undefined) {
    process.emitWarning('"options.mgf1Hash" is deprecated, use ' +
                        '"options.mgf1HashAlgorithm" instead.', 'DeprecationWarning', 'DEP0154');
    validateString(mgf1Hash, 'options.mgf1Hash');
    if (mgf1HashAlgorithm && mgf1Hash !== mgf1HashAlgorithm) {
      throw new ERR_INVALID_ARG_VALUE('options.mgf1Hash', mgf1Hash);
    }
  }
  const md = hashAlgorithm || hash;
  const mgf1Md = mgf1HashAlgorithm || mgf1Hash;
  const { getHashes } = require('internal/crypto/util');
  const known = (name) => getHashes().includes(name.toLowerCase());
  if (md !== undefined && !known(md)) throw new ERR_CRYPTO_INVALID_DIGEST(md);
  if (mgf1Md !== undefined && !known(mgf1Md)) {
    const err = new TypeError(`Invalid MGF1 digest: ${mgf1Md}`);
    err.code = 'ERR_CRYPTO_INVALID_DIGEST';
    throw err;
  }
  return [md, mgf1Md, saltLength];
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
      const pss = type === 'rsa-pss' ? pssJobArgs(options) : [undefined, undefined, undefined];
      return {
        args: [type, modulusLength, publicExponent, undefined, false, -1, ...pss],
        encoding,
      };
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
  if (type === 'dh') return { dh: dhJobArgs(options), encoding };
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
  const { args, dh, encoding } = createJob(type, options);
  const [pub, priv] = dh ? generateDhKeyPair(...dh) : generateKeyPairBinding(...args);
  return finish(pub, priv, encoding);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { args, dh, encoding } = createJob(type, options);
  const start = dh ? generateDhKeyPair : generateKeyPairBinding;
  // The binding takes its callback after the nine key-pair arguments.
  const jobArgs = dh || [...args, ...new Array(9 - args.length).fill(undefined)];
  start(...jobArgs, (err, pub, priv) => {
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
