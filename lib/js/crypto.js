'use strict';
// node:crypto over internalBinding('crypto') (OpenSSL 3). Exports not built yet throw
// ERR_NOT_IMPLEMENTED when used (internal/stub_exports lists them).

const { stubModule } = require('internal/not_implemented');
const {
  constants,
  getCiphers,
  getHashes,
  getCurves,
  getFips,
  setFips,
  setEngine,
} = require('internal/crypto/util');
const {
  Hash,
  Hmac,
  createHash,
  createHmac,
  hash,
} = require('internal/crypto/hash');
const {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  secureHeapUsed,
} = require('internal/crypto/random');
const {
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
  hkdf,
  hkdfSync,
  timingSafeEqual,
} = require('internal/crypto/kdf');
const {
  Cipher,
  Decipher,
  createCipher,
  createDecipher,
  Cipheriv,
  Decipheriv,
  createCipheriv,
  createDecipheriv,
  getCipherInfo,
} = require('internal/crypto/cipher');
const {
  KeyObject,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
} = require('internal/crypto/keys');
const {
  Sign,
  Verify,
  createSign,
  createVerify,
  signOneShot,
  verifyOneShot,
} = require('internal/crypto/sig');
const {
  generateKey,
  generateKeySync,
  generateKeyPair,
  generateKeyPairSync,
} = require('internal/crypto/keygen');
const {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  diffieHellman,
} = require('internal/crypto/diffiehellman');
const {
  generatePrime,
  generatePrimeSync,
  checkPrime,
  checkPrimeSync,
} = require('internal/crypto/prime');
const {
  publicEncrypt,
  publicDecrypt,
  privateEncrypt,
  privateDecrypt,
} = require('internal/crypto/rsa_cipher');
const { Certificate } = require('internal/crypto/certificate');
const { X509Certificate } = require('internal/crypto/x509');

const implemented = {
  constants,
  getCiphers,
  getHashes,
  getCurves,
  getFips,
  setFips,
  setEngine,
  Hash,
  Hmac,
  createHash,
  createHmac,
  hash,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues(array) {
    const { crypto: webcrypto } = require('internal/crypto/webcrypto');
    return Reflect.apply(webcrypto.getRandomValues, webcrypto, [array]);
  },
  secureHeapUsed,
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
  hkdf,
  hkdfSync,
  timingSafeEqual,
  Cipher,
  Decipher,
  Cipheriv,
  Decipheriv,
  createCipheriv,
  createDecipheriv,
  getCipherInfo,
  KeyObject,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  Sign,
  Verify,
  createSign,
  createVerify,
  sign: signOneShot,
  verify: verifyOneShot,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  publicEncrypt,
  publicDecrypt,
  privateEncrypt,
  privateDecrypt,
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  createDiffieHellman,
  createDiffieHellmanGroup,
  getDiffieHellman: createDiffieHellmanGroup,
  createECDH,
  diffieHellman,
  generatePrime,
  generatePrimeSync,
  checkPrime,
  checkPrimeSync,
  Certificate,
  X509Certificate,
};

// Node v20's export order.
const kExportOrder = [
  'checkPrime', 'checkPrimeSync', 'createCipheriv', 'createDecipheriv', 'createDiffieHellman',
  'createDiffieHellmanGroup', 'createECDH', 'createHash', 'createHmac', 'createPrivateKey',
  'createPublicKey', 'createSecretKey', 'createSign', 'createVerify', 'diffieHellman',
  'generatePrime', 'generatePrimeSync', 'getCiphers', 'getCipherInfo', 'getCurves',
  'getDiffieHellman', 'getHashes', 'hkdf', 'hkdfSync', 'pbkdf2', 'pbkdf2Sync',
  'generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync', 'privateDecrypt',
  'privateEncrypt', 'publicDecrypt', 'publicEncrypt', 'randomBytes', 'randomFill',
  'randomFillSync', 'randomInt', 'randomUUID', 'scrypt', 'scryptSync', 'sign', 'setEngine',
  'timingSafeEqual', 'getFips', 'setFips', 'verify', 'hash', 'Certificate', 'Cipher',
  'Cipheriv', 'Decipher', 'Decipheriv', 'DiffieHellman', 'DiffieHellmanGroup', 'ECDH', 'Hash',
  'Hmac', 'KeyObject', 'Sign', 'Verify', 'X509Certificate', 'secureHeapUsed', 'constants',
  'webcrypto', 'subtle', 'getRandomValues',
];

// Web Crypto, loaded on first use.
const accessors = {
  webcrypto: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() { return require('internal/crypto/webcrypto').crypto; },
    set: undefined,
  },
  subtle: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() { return require('internal/crypto/webcrypto').crypto.subtle; },
    set: undefined,
  },
};

const stubs = stubModule('crypto');
module.exports = {};
for (const name of kExportOrder) {
  if (accessors[name] !== undefined) {
    Object.defineProperty(module.exports, name, accessors[name]);
  } else if (Object.prototype.hasOwnProperty.call(implemented, name)) {
    Object.defineProperty(module.exports, name, {
      __proto__: null,
      value: implemented[name],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    Object.defineProperty(module.exports, name, Object.getOwnPropertyDescriptor(stubs, name));
  }
}
// Legacy names of randomBytes: non-enumerable accessors, as node's; the first read decides the
// value (randomBytes itself, or a DEP0115 wrapper under --pending-deprecation), a write replaces
// it.
const { deprecate, isPendingDeprecation } = require('internal/util');
for (const name of ['pseudoRandomBytes', 'prng', 'rng']) {
  let value;
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      if (value === undefined) {
        value = isPendingDeprecation() ?
          deprecate(randomBytes, `crypto.${name} is deprecated.`, 'DEP0115') : randomBytes;
      }
      return value;
    },
    set(newValue) {
      value = newValue;
    },
  });
}

// The password-keyed ciphers (DEP0106): hidden and fixed, as node's.
for (const [name, fn] of [['createCipher', createCipher], ['createDecipher', createDecipher]]) {
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    value: deprecate(fn, `crypto.${name} is deprecated.`, 'DEP0106'),
    writable: false,
    enumerable: false,
    configurable: false,
  });
}

Object.defineProperty(module.exports, 'fips', {
  __proto__: null,
  get: getFips,
  set: setFips,
  enumerable: false,
  configurable: false,
});
