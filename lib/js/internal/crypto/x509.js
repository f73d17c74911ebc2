'use strict';
// crypto.X509Certificate over the binding's X509CertificateHandle (crypto_x509.cc): a PEM or
// DER certificate with node's field texts (computed once, then cached), the host/email/IP
// checks, issuer and key checks, signature verification and the legacy object
// tlsSocket.getPeerCertificate() shows.

const { parseX509, x509CheckFlags } = internalBinding('crypto');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateObject,
  validateString,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { customInspectSymbol } = require('internal/util');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { kHandle } = require('internal/crypto/util');
const { HostObject, kClone, kDeserialize } = require('internal/worker/js_transferable');
const { isKeyObject, PublicKeyObject } = require('internal/crypto/keys');

const kCache = Symbol('kCache');

function isX509Certificate(value) {
  return value != null && value[kHandle] !== undefined && value[kCache] !== undefined;
}

// checkHost / checkEmail options as X509_CHECK_FLAG_* bits.
function checkFlags(options = {}) {
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = options;
  let flags = 0;
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  switch (subject) {
    case 'default': break;
    case 'always': flags |= x509CheckFlags.ALWAYS_CHECK_SUBJECT; break;
    case 'never': flags |= x509CheckFlags.NEVER_CHECK_SUBJECT; break;
    default:
      throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  if (!wildcards) flags |= x509CheckFlags.NO_WILDCARDS;
  if (!partialWildcards) flags |= x509CheckFlags.NO_PARTIAL_WILDCARDS;
  if (multiLabelWildcards) flags |= x509CheckFlags.MULTI_LABEL_WILDCARDS;
  if (singleLabelSubdomains) flags |= x509CheckFlags.SINGLE_LABEL_SUBDOMAINS;
  return flags;
}

// A check's result; null (input OpenSSL refused) throws node's native error for it.
function refusedAs(result, message) {
  if (result !== null) return result;
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  throw err;
}

function toBuffer(u8) {
  return new FastBuffer(u8.buffer, u8.byteOffset, u8.byteLength);
}

class X509Certificate extends HostObject {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'],
                                     buffer);
    }
    super();
    Object.defineProperty(this, kHandle, {
      __proto__: null, value: parseX509(buffer), enumerable: false, configurable: false,
      writable: false,
    });
    Object.defineProperty(this, kCache, {
      __proto__: null, value: new Map(), enumerable: false, configurable: false,
      writable: false,
    });
  }

  // postMessage/structuredClone carry the certificate's DER.
  [kClone]() {
    return { data: this.raw, deserializeInfo: 'internal/crypto/x509:X509Certificate' };
  }

  static [kDeserialize](der) {
    return new InternalX509Certificate(der);
  }

  // The handle's answer for key, asked once.
  #cached(key, compute) {
    const cache = this[kCache];
    if (!cache.has(key)) cache.set(key, compute(this[kHandle]));
    return cache.get(key);
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return options.stylize('[X509Certificate]', 'special');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    }, opts)}`;
  }

  get subject() {
    return this.#cached('subject', (handle) => handle.subject());
  }

  get subjectAltName() {
    return this.#cached('subjectAltName', (handle) => handle.subjectAltName());
  }

  get issuer() {
    return this.#cached('issuer', (handle) => handle.issuer());
  }

  // Set only on certificates of a TLS peer's chain.
  get issuerCertificate() {
    return this[kCache].get('issuerCertificate');
  }

  get infoAccess() {
    return this.#cached('infoAccess', (handle) => handle.infoAccess());
  }

  get validFrom() {
    return this.#cached('validFrom', (handle) => handle.validFrom());
  }

  get validTo() {
    return this.#cached('validTo', (handle) => handle.validTo());
  }

  get fingerprint() {
    return this.#cached('fingerprint', (handle) => handle.fingerprint('sha1'));
  }

  get fingerprint256() {
    return this.#cached('fingerprint256', (handle) => handle.fingerprint('sha256'));
  }

  get fingerprint512() {
    return this.#cached('fingerprint512', (handle) => handle.fingerprint('sha512'));
  }

  get keyUsage() {
    return this.#cached('keyUsage', (handle) => handle.keyUsage());
  }

  get serialNumber() {
    return this.#cached('serialNumber', (handle) => handle.serialNumber());
  }

  get raw() {
    return this.#cached('raw', (handle) => toBuffer(handle.raw()));
  }

  get publicKey() {
    return this.#cached('publicKey', (handle) => new PublicKeyObject(handle.publicKey()));
  }

  toString() {
    return this.#cached('pem', (handle) => handle.pem());
  }

  // The PEM, as JSON.stringify shows a certificate.
  toJSON() {
    return this.toString();
  }

  get ca() {
    return this.#cached('ca', (handle) => handle.checkCA());
  }

  checkHost(name, options) {
    validateString(name, 'name');
    return refusedAs(this[kHandle].checkHost(name, checkFlags(options)), 'Invalid name');
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    return refusedAs(this[kHandle].checkEmail(email, checkFlags(options)), 'Invalid name');
  }

  checkIP(ip) {
    validateString(ip, 'ip');
    // node 20 ignores the options argument it used to take.
    return refusedAs(this[kHandle].checkIP(ip), 'Invalid IP');
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return this[kHandle].checkIssued(otherCert[kHandle]);
  }

  checkPrivateKey(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return this[kHandle].checkPrivateKey(pkey[kHandle]);
  }

  verify(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return this[kHandle].verify(pkey[kHandle]);
  }

  toLegacyObject() {
    const { translatePeerCertificate } = require('_tls_common');
    return translatePeerCertificate(this[kHandle].toLegacy());
  }
}

// For TLS: a certificate whose issuerCertificate is known (a peer's chain).
function setIssuerCertificate(cert, issuer) {
  cert[kCache].set('issuerCertificate', issuer);
}

// Clones are made through this subclass, as node's are: their prototype's own property is
// just `constructor` (X509Certificate).
class InternalX509Certificate extends X509Certificate {}
Object.defineProperty(InternalX509Certificate.prototype, 'constructor', {
  __proto__: null, value: X509Certificate, writable: true, enumerable: false, configurable: true,
});

module.exports = {
  X509Certificate,
  isX509Certificate,
  setIssuerCertificate,
};
