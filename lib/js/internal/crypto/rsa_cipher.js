'use strict';
// publicEncrypt / privateDecrypt / privateEncrypt / publicDecrypt (RSA with PKCS#1, OAEP with
// oaepHash and oaepLabel, or no padding).

const { rsaCipher } = internalBinding('crypto');

const { validateString } = require('internal/validators');
const { FastBuffer } = require('internal/buffer');
const { getArrayBufferOrView, constants } = require('internal/crypto/util');
const {
  preparePrivateKey,
  preparePublicOrPrivateKey,
  publicOrPrivateKeyHandle,
} = require('internal/crypto/keys');

const { RSA_PKCS1_PADDING, RSA_PKCS1_OAEP_PADDING } = constants;
const kPublicEncrypt = 0;
const kPrivateDecrypt = 1;
const kPrivateEncrypt = 2;
const kPublicDecrypt = 3;

function rsaFunctionFor(op, defaultPadding, keyType) {
  return (options, buffer) => {
    const prepared = keyType === 'private' ?
      preparePrivateKey(options) : preparePublicOrPrivateKey(options);
    const padding = options.padding || defaultPadding;
    const { oaepHash, encoding } = options;
    let { oaepLabel } = options;
    if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
    if (oaepLabel !== undefined) {
      oaepLabel = getArrayBufferOrView(oaepLabel, 'key.oaepLabel', encoding);
    }
    buffer = getArrayBufferOrView(buffer, 'buffer', encoding);
    // A KeyObject must be private for the private operations, but key material is parsed as
    // public or private, as node's: a public PEM fails later in OpenSSL ('missing private key').
    const handle = publicOrPrivateKeyHandle(prepared);
    // Node 20 refuses PKCS#1 v1.5 decryption (the Marvin attack) where OpenSSL has no implicit
    // rejection (3.0).
    if (op === kPrivateDecrypt && padding === RSA_PKCS1_PADDING) {
      throw invalidPkcs1();
    }
    const out = rsaCipher(op, handle, buffer, padding, oaepHash, oaepLabel);
    return new FastBuffer(out.buffer, out.byteOffset, out.byteLength);
  };
}

function invalidPkcs1() {
  const err = new TypeError('RSA_PKCS1_PADDING is no longer supported for private decryption, ' +
                            'this can be reverted with --security-revert=CVE-2023-46809');
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

module.exports = {
  publicEncrypt: rsaFunctionFor(kPublicEncrypt, RSA_PKCS1_OAEP_PADDING, 'public'),
  publicDecrypt: rsaFunctionFor(kPublicDecrypt, RSA_PKCS1_PADDING, 'public'),
  privateEncrypt: rsaFunctionFor(kPrivateEncrypt, RSA_PKCS1_PADDING, 'private'),
  privateDecrypt: rsaFunctionFor(kPrivateDecrypt, RSA_PKCS1_OAEP_PADDING, 'private'),
};
