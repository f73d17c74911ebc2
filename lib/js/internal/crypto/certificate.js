'use strict';
// crypto.Certificate: SPKAC (HTML5 <keygen>) helpers, callable as statics, as methods of an
// instance, and with or without `new`, as node's.

const {
  certVerifySpkac,
  certExportPublicKey,
  certExportChallenge,
} = internalBinding('crypto');
const { getArrayBufferOrView } = require('internal/crypto/util');
const { FastBuffer } = require('internal/buffer');

const kMaxSpkacSize = 2 ** 31 - 1;

function spkacBytes(spkac, encoding) {
  const bytes = getArrayBufferOrView(spkac, 'spkac', encoding);
  if (bytes.byteLength > kMaxSpkacSize) {
    // node's message for this one (not ERR_OUT_OF_RANGE's usual format).
    const err = new RangeError('spkac is too large');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return bytes;
}

function toBuffer(result) {
  if (typeof result === 'string') return result;
  return new FastBuffer(result.buffer, result.byteOffset, result.byteLength);
}

function verifySpkac(spkac, encoding) {
  return certVerifySpkac(spkacBytes(spkac, encoding));
}

function exportPublicKey(spkac, encoding) {
  return toBuffer(certExportPublicKey(spkacBytes(spkac, encoding)));
}

function exportChallenge(spkac, encoding) {
  return toBuffer(certExportChallenge(spkacBytes(spkac, encoding)));
}

function Certificate() {
  if (!new.target) return new Certificate();
}

Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;
Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;

module.exports = { Certificate };
