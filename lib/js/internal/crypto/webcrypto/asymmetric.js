'use strict';
// Asymmetric algorithms of crypto.subtle: ECDSA, ECDH (P-256/384/521), Ed25519, Ed448, X25519,
// X448, RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP — key pair generation, spki/pkcs8/jwk/raw
// import and export, and sign/verify, encrypt/decrypt and deriveBits, all on the thread pool
// through the node:crypto bindings (generateKeyPair, signOneShot, verifyOneShot, rsaCipher,
// statelessDH).

const {
  generateKeyPair: generateKeyPairBinding,
  signOneShot,
  verifyOneShot,
  rsaCipher,
  statelessDH,
  ecKeyFromPoint,
  ecPointOfKey,
  KeyObjectHandle,
  constants: {
    RSA_PKCS1_PADDING,
    RSA_PKCS1_PSS_PADDING,
    RSA_PKCS1_OAEP_PADDING,
    POINT_CONVERSION_UNCOMPRESSED,
  },
} = internalBinding('crypto');

const { Buffer } = require('buffer');
const {
  PublicKeyObject,
  PrivateKeyObject,
  createPublicKey,
  createPrivateKey,
} = require('internal/crypto/keys');
const { kHandle } = require('internal/crypto/util');
const { createCryptoKey, kKeyObject } = require('internal/crypto/webcrypto/keys');
const {
  domError,
  operationError,
  checkUsages,
  requireUsages,
  usagesIn,
} = require('internal/crypto/webcrypto/util');
const { kDigestNames, toArrayBuffer } = require('internal/crypto/webcrypto/secret');

const kCurves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const kEcdsaJwkAlg = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const kCurveBits = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };
const kOkpKeyType = { Ed25519: 'ed25519', Ed448: 'ed448', X25519: 'x25519', X448: 'x448' };
const kOkpBits = { X25519: 256, X448: 448 };
const kRsaJwkAlg = {
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384',
                         'SHA-512': 'RS512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
  'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256', 'SHA-384': 'RSA-OAEP-384',
                'SHA-512': 'RSA-OAEP-512' },
};
const kPublicEncrypt = 0;
const kPrivateDecrypt = 1;
const kDsaP1363 = 1;

function isRsa(name) {
  return name === 'RSASSA-PKCS1-v1_5' || name === 'RSA-PSS' || name === 'RSA-OAEP';
}

function isEc(name) {
  return name === 'ECDSA' || name === 'ECDH';
}

// Signature algorithms (JWK "use": "sig"); the rest encrypt or agree keys ("enc").
function isSigning(name) {
  return pairUsages(name).public[0] === 'verify';
}

// Usages each half of a pair may have, in the order node lists them.
function pairUsages(name) {
  switch (name) {
    case 'ECDH':
    case 'X25519':
    case 'X448':
      return { public: [], private: ['deriveKey', 'deriveBits'] };
    case 'RSA-OAEP':
      return { public: ['encrypt', 'wrapKey'], private: ['decrypt', 'unwrapKey'] };
    default:
      return { public: ['verify'], private: ['sign'] };
  }
}

function keyAlgorithm(algorithm, keyObject) {
  const { name } = algorithm;
  if (isEc(name)) return { name, namedCurve: algorithm.namedCurve };
  if (isRsa(name)) {
    const details = keyObject.asymmetricKeyDetails;
    let exponent = details.publicExponent.toString(16);
    if (exponent.length % 2) exponent = `0${exponent}`;
    return {
      name,
      modulusLength: details.modulusLength,
      publicExponent: new Uint8Array(Buffer.from(exponent, 'hex')),
      hash: { name: algorithm.hash.name },
    };
  }
  return { name };
}

function pairResult(name, publicKey, privateKey) {
  // node's result objects list the halves in this order.
  if (kOkpKeyType[name] !== undefined) return { __proto__: null, privateKey, publicKey };
  return { __proto__: null, publicKey, privateKey };
}

// ---- generateKey ----

function exponentOf(bytes) {
  let value = 0;
  // Leading zero bytes do not count toward the 32-bit limit.
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (bytes.length - start > 4) return -1;
  for (let i = start; i < bytes.length; i++) value = value * 256 + bytes[i];
  return value;
}

function generateKeyPair(algorithm, extractable, usages) {
  const { name } = algorithm;
  const allowed = pairUsages(name);
  checkUsages(usages, [...allowed.public, ...allowed.private], name);
  let args;
  if (isEc(name)) {
    const curve = kCurves[algorithm.namedCurve];
    if (curve === undefined) throw domError('Unrecognized namedCurve', 'NotSupportedError');
    args = ['ec', 0, 0, curve, false, -1];
  } else if (isRsa(name)) {
    const exponent = exponentOf(algorithm.publicExponent);
    if (exponent < 0) {
      throw operationError('The publicExponent must be equivalent to an unsigned 32-bit value');
    }
    args = ['rsa', algorithm.modulusLength, exponent, undefined, false, -1];
  } else {
    args = [kOkpKeyType[name], 0, 0, undefined, false, -1];
  }
  const privateUsages = usagesIn(usages, allowed.private);
  requireUsages(privateUsages);
  const publicUsages = usagesIn(usages, allowed.public);
  return new Promise((resolve, reject) => {
    generateKeyPairBinding(...args, (err, pubHandle, privHandle) => {
      if (err) return reject(domError('The operation failed for an operation-specific reason',
                                      'OperationError'));
      const publicObject = new PublicKeyObject(pubHandle);
      const privateObject = new PrivateKeyObject(privHandle);
      const keyAlg = keyAlgorithm(algorithm, publicObject);
      resolve(pairResult(
        name,
        createCryptoKey(publicObject, keyAlg, true, publicUsages),
        createCryptoKey(privateObject, { ...keyAlg }, extractable, privateUsages)));
    });
  });
}

// ---- importKey ----

function expectedKeyType(name) {
  if (isEc(name)) return 'ec';
  if (isRsa(name)) return 'rsa';
  return kOkpKeyType[name];
}

function parseKey(format, keyData, algorithm) {
  const { name } = algorithm;
  try {
    switch (format) {
      case 'spki': {
        const keyObject =
          createPublicKey({ key: Buffer.from(keyData), format: 'der', type: 'spki' });
        if (!isEc(name) || keyObject.asymmetricKeyType !== 'ec') return keyObject;
        // A compressed point is kept uncompressed, so spki export gives node's bytes.
        const { namedCurve } = keyObject.asymmetricKeyDetails;
        const point = ecPointOfKey(keyObject[kHandle], POINT_CONVERSION_UNCOMPRESSED);
        const handle = ecKeyFromPoint(namedCurve, point);
        return handle === undefined ? keyObject : new PublicKeyObject(handle);
      }
      case 'pkcs8':
        return createPrivateKey({ key: Buffer.from(keyData), format: 'der', type: 'pkcs8' });
      case 'raw': {
        if (isEc(name)) {
          const handle = ecKeyFromPoint(kCurves[algorithm.namedCurve], keyData);
          if (handle === undefined) return undefined;
          return new PublicKeyObject(handle);
        }
        const handle = new KeyObjectHandle();
        if (!handle.initRaw(1, name, keyData)) return undefined;
        return new PublicKeyObject(handle);
      }
      default: {
        const isPrivate = keyData.d !== undefined;
        const create = isPrivate ? createPrivateKey : createPublicKey;
        return create({ key: keyData, format: 'jwk' });
      }
    }
  } catch {
    return undefined;
  }
}

function checkAsymmetricJwk(keyData, name, algorithm, extractable, usages) {
  if (keyData === null || typeof keyData !== 'object' || keyData.kty === undefined) {
    throw domError('Invalid keyData', 'DataError');
  }
  const kty = isRsa(name) ? 'RSA' : isEc(name) ? 'EC' : 'OKP';
  if (keyData.kty !== kty) throw domError('Invalid JWK "kty" Parameter', 'DataError');
  if (isEc(name) && keyData.crv !== algorithm.namedCurve) {
    throw domError('JWK "crv" does not match the requested algorithm', 'DataError');
  }
  if (kty === 'OKP' && keyData.crv !== name) {
    throw domError('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
  }
  if (usages.length > 0 && keyData.use !== undefined) {
    const wanted = isSigning(name) ? 'sig' : 'enc';
    if (keyData.use !== wanted) throw domError('Invalid JWK "use" Parameter', 'DataError');
  }
  if (keyData.key_ops !== undefined &&
      (!Array.isArray(keyData.key_ops) ||
       !usages.every((usage) => keyData.key_ops.includes(usage)))) {
    throw domError('Key operations and usage mismatch', 'DataError');
  }
  if (keyData.ext === false && extractable) {
    throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
  if (name === 'ECDSA' && keyData.alg !== undefined &&
      keyData.alg !== kEcdsaJwkAlg[algorithm.namedCurve]) {
    throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
  }
  // node checks only the hash an "alg" names, whichever RSA family's name it is ('PS256'
  // imports as RSASSA-PKCS1-v1_5 with SHA-256).
  if (isRsa(name) && keyData.alg !== undefined &&
      !Object.values(kRsaJwkAlg).some((algs) => algs[algorithm.hash.name] === keyData.alg)) {
    throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
  }
}

function importKeyPairHalf(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  if (isEc(name) && kCurves[algorithm.namedCurve] === undefined) {
    throw domError('Unrecognized namedCurve', 'NotSupportedError');
  }
  if (format === 'raw' && isRsa(name)) {
    throw domError(`Unable to import ${name} key with format raw`, 'NotSupportedError');
  }
  const allowed = pairUsages(name);
  // The usages must fit the key's kind: a private JWK has d, pkcs8 is private.
  const isPrivate = format === 'pkcs8' || (format === 'jwk' && keyData?.d !== undefined);
  checkUsages(usages, isPrivate ? allowed.private : allowed.public, name);
  if (format === 'jwk') checkAsymmetricJwk(keyData, name, algorithm, extractable, usages);
  const keyObject = parseKey(format, keyData, algorithm);
  if (keyObject === undefined) throw domError('Invalid keyData', 'DataError');
  const type = keyObject.asymmetricKeyType;
  if (type !== expectedKeyType(name) && !(name === 'RSA-PSS' && type === 'rsa-pss')) {
    throw domError('Invalid key type', 'DataError');
  }
  if (isEc(name) &&
      keyObject.asymmetricKeyDetails.namedCurve !== kCurves[algorithm.namedCurve]) {
    throw domError('Named curve mismatch', 'DataError');
  }
  if (isEc(name) && !keyObject[kHandle].checkEcKeyData()) {
    throw domError('Invalid keyData', 'DataError');
  }
  if (isPrivate && usages.length === 0) {
    throw domError('Usages cannot be empty when importing a private key.', 'SyntaxError');
  }
  return createCryptoKey(keyObject, keyAlgorithm(algorithm, keyObject), extractable, usages);
}

// ---- exportKey ----

function exportKeyPairHalf(format, key) {
  const { name } = key.algorithm;
  const keyObject = key[kKeyObject];
  const { type } = keyObject;
  const refuse = (what) => {
    throw domError(`Unable to export a ${what} ${name} ${type} key`, 'InvalidAccessError');
  };
  switch (format) {
    case 'spki':
      if (type !== 'public') refuse('raw');
      return toArrayBuffer(keyObject.export({ format: 'der', type: 'spki' }));
    case 'pkcs8':
      if (type !== 'private') refuse('pkcs8');
      return toArrayBuffer(keyObject.export({ format: 'der', type: 'pkcs8' }));
    case 'raw': {
      if (type !== 'public' || isRsa(name)) refuse('raw');
      if (isEc(name)) {
        return toArrayBuffer(ecPointOfKey(keyObject[kHandle], POINT_CONVERSION_UNCOMPRESSED));
      }
      return toArrayBuffer(Buffer.from(keyObject.export({ format: 'jwk' }).x, 'base64'));
    }
    default: {
      const jwk = { key_ops: key.usages.slice(), ext: key.extractable,
                    ...keyObject.export({ format: 'jwk' }) };
      if (isRsa(name)) jwk.alg = kRsaJwkAlg[name][key.algorithm.hash.name];
      if (name === 'Ed25519' || name === 'Ed448') jwk.alg = name;
      return jwk;
    }
  }
}

// ---- operations ----

function jobPromise(start) {
  return new Promise((resolve, reject) => {
    start((err, result) => {
      if (err) reject(operationError());
      else resolve(result);
    });
  });
}

function signatureOptions(algorithm, key) {
  const { name } = key.algorithm;
  if (name === 'Ed448' && algorithm.context?.byteLength) {
    throw domError('Non zero-length context is not yet supported.', 'NotSupportedError');
  }
  if (name === 'ECDSA') return [kDigestNames[algorithm.hash.name], undefined, undefined, kDsaP1363];
  if (name === 'RSASSA-PKCS1-v1_5') {
    return [kDigestNames[key.algorithm.hash.name], RSA_PKCS1_PADDING, undefined, 0];
  }
  if (name === 'RSA-PSS') {
    return [kDigestNames[key.algorithm.hash.name], RSA_PKCS1_PSS_PADDING, algorithm.saltLength, 0];
  }
  return [undefined, undefined, undefined, 0];
}

async function asymmetricSign(algorithm, key, data) {
  const [digest, padding, saltLength, dsaEncoding] = signatureOptions(algorithm, key);
  const signature = await jobPromise((done) => signOneShot(
    key[kKeyObject][kHandle], digest, data, padding, saltLength, dsaEncoding, done));
  return toArrayBuffer(signature);
}

function asymmetricVerify(algorithm, key, signature, data) {
  const [digest, padding, saltLength, dsaEncoding] = signatureOptions(algorithm, key);
  return jobPromise((done) => verifyOneShot(
    key[kKeyObject][kHandle], digest, data, signature, padding, saltLength, dsaEncoding, done));
}

async function rsaOaep(algorithm, key, data, encrypt) {
  const result = await jobPromise((done) => rsaCipher(
    encrypt ? kPublicEncrypt : kPrivateDecrypt, key[kKeyObject][kHandle], data,
    RSA_PKCS1_OAEP_PADDING, kDigestNames[key.algorithm.hash.name], algorithm.label, done));
  return toArrayBuffer(result);
}

// ECDH / X25519 / X448 deriveBits: the shared secret, cut to length bits (null: all of it).
async function deriveSharedBits(algorithm, key, length) {
  // normalizeAlgorithm made sure algorithm.public is a CryptoKey.
  const peer = algorithm.public;
  if (peer.type !== 'public') {
    throw domError('algorithm.public must be a public key', 'InvalidAccessError');
  }
  if (pairUsages(peer.algorithm.name).private[0] !== 'deriveKey') {
    throw domError('Keys must be ECDH, X25519, or X448 keys', 'InvalidAccessError');
  }
  if (peer.algorithm.name !== key.algorithm.name) {
    throw domError('The public and private keys must be of the same type', 'InvalidAccessError');
  }
  if (isEc(key.algorithm.name) && peer.algorithm.namedCurve !== key.algorithm.namedCurve) {
    throw domError('Named curve mismatch', 'InvalidAccessError');
  }
  const secret = await jobPromise((done) => statelessDH(
    key[kKeyObject][kHandle], peer[kKeyObject][kHandle], done));
  if (length === null || length === undefined) return toArrayBuffer(secret);
  if (length > secret.byteLength * 8) throw operationError('derived bit length is too small');
  const bytes = new Uint8Array(secret.buffer, secret.byteOffset, Math.ceil(length / 8)).slice();
  if (length % 8 !== 0) bytes[bytes.length - 1] &= 0xff << (8 - (length % 8));
  return bytes.buffer;
}

function sharedSecretBits(key) {
  const { name, namedCurve } = key.algorithm;
  return isEc(name) ? kCurveBits[namedCurve] : kOkpBits[name];
}

module.exports = {
  generateKeyPair,
  importKeyPairHalf,
  exportKeyPairHalf,
  asymmetricSign,
  asymmetricVerify,
  rsaOaep,
  deriveSharedBits,
  sharedSecretBits,
  isRsa,
};
