'use strict';
// node:_tls_common — SecureContext (a native SSL_CTX from internalBinding('tls_wrap')) and
// createSecureContext(options), which validates node's options and applies them in node's
// order; translatePeerCertificate finishes a peer-certificate object for JS.

const { SecureContext: NativeSecureContext } = internalBinding('tls_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_TLS_INVALID_PROTOCOL_VERSION, ERR_TLS_PROTOCOL_VERSION_CONFLICT,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateBuffer, validateInt32, validateObject, validateString,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { Buffer } = require('buffer');

const TLS1_VERSION = 0x301;
const TLS1_1_VERSION = 0x302;
const TLS1_2_VERSION = 0x303;
const TLS1_3_VERSION = 0x304;
const SSL_OP_CIPHER_SERVER_PREFERENCE = 0x400000;

const kVersions = {
  __proto__: null,
  'TLSv1': TLS1_VERSION,
  'TLSv1.1': TLS1_1_VERSION,
  'TLSv1.2': TLS1_2_VERSION,
  'TLSv1.3': TLS1_3_VERSION,
};

// The version range each secureProtocol name gives (the *_method family).
const kProtocolMethods = {
  __proto__: null,
  TLSv1_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_client_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_server_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_1_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_1_client_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_1_server_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_2_method: [TLS1_2_VERSION, TLS1_2_VERSION],
  TLSv1_2_client_method: [TLS1_2_VERSION, TLS1_2_VERSION],
  TLSv1_2_server_method: [TLS1_2_VERSION, TLS1_2_VERSION],
  // Every version OpenSSL allows.
  TLS_method: [0, TLS1_3_VERSION],
  TLS_client_method: [0, TLS1_3_VERSION],
  TLS_server_method: [0, TLS1_3_VERSION],
  // As node: the default minimum (null here) up to TLS 1.2.
  SSLv23_method: [null, TLS1_2_VERSION],
  SSLv23_client_method: [null, TLS1_2_VERSION],
  SSLv23_server_method: [null, TLS1_2_VERSION],
};

function toVersion(version, which) {
  const v = kVersions[version];
  if (v === undefined) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(version, which);
  return v;
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  const tls = require('tls');
  if (secureProtocol) {
    if (minVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    if (maxVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
  }
  let min = toVersion(minVersion ?? tls.DEFAULT_MIN_VERSION, 'minimum');
  let max = toVersion(maxVersion ?? tls.DEFAULT_MAX_VERSION, 'maximum');
  if (secureProtocol) {
    validateString(secureProtocol, 'secureProtocol');
    const range = kProtocolMethods[secureProtocol];
    if (range === undefined) {
      // SSLv2_method, SSLv3_client_method, ...: node names the protocol it refuses.
      const disabled = /^SSLv[23]_/.test(secureProtocol);
      const err = new TypeError(disabled ? `${secureProtocol.slice(0, 5)} methods disabled` :
        `Unknown method: ${secureProtocol}`);
      err.code = 'ERR_TLS_INVALID_PROTOCOL_METHOD';
      throw err;
    }
    min = range[0] ?? min;
    max = range[1];
  }
  this.context = new NativeSecureContext();
  this.context.init(min, max);
  if (secureOptions) {
    validateInt32(secureOptions, 'secureOptions');
    this.context.setOptions(secureOptions);
  }
}

function validateEngineOption(name, value) {
  if (typeof value !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'null', 'undefined'], value);
  }
}

function validateKeyOrCertOption(name, value) {
  if (typeof value !== 'string' && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

function eachValue(value, fn) {
  if (Array.isArray(value)) {
    for (const item of value) fn(item);
  } else {
    fn(value);
  }
}

// Splits a cipher string into TLS 1.3 suites and the TLS 1.2-and-below list.
function splitCiphers(ciphers) {
  const suites = [];
  const list = [];
  for (const name of ciphers.split(':')) {
    if (name.startsWith('TLS_')) suites.push(name);
    else if (name !== '') list.push(name);
  }
  return { suites: suites.join(':'), list: list.join(':') };
}

function createSecureContext(options) {
  if (!options) options = {};
  else validateObject(options, 'options');
  const tls = require('tls');
  const {
    honorCipherOrder, minVersion, maxVersion, secureProtocol,
  } = options;
  let { secureOptions } = options;
  if (honorCipherOrder) secureOptions |= SSL_OP_CIPHER_SERVER_PREFERENCE;

  const c = new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  const context = c.context;

  const { ca, cert, key, passphrase, sigalgs, crl, dhparam, pfx, ciphers, ecdhCurve } = options;

  // Ciphers first, as node: a "@SECLEVEL=n" in them decides which keys and certificates the
  // context then accepts.
  if (ciphers !== undefined && ciphers !== null) validateString(ciphers, 'options.ciphers');
  // An empty string means the defaults too.
  const cipherString = ciphers || tls.DEFAULT_CIPHERS;
  const { suites, list } = splitCiphers(cipherString);
  // Only separators (":"): nothing to offer at all.
  if (cipherString !== '' && suites === '' && list === '') {
    throw new ERR_INVALID_ARG_VALUE('options.ciphers', cipherString.split(':'));
  }
  if (suites) context.setCipherSuites(suites);
  context.setCiphers(list);
  // Only TLS 1.3 suites: nothing older (TLS 1.2-only ciphers keep TLS 1.3's default suites, as
  // node).
  if (list === '' && context.getMinProto() < TLS1_3_VERSION &&
      context.getMaxProto() > TLS1_2_VERSION) {
    context.setMinProto(TLS1_3_VERSION);
  }

  if (ca) {
    eachValue(ca, (value) => {
      validateKeyOrCertOption('options.ca', value);
      context.addCACert(value);
    });
  } else {
    context.addRootCerts();
  }

  if (cert) {
    eachValue(cert, (value) => {
      validateKeyOrCertOption('options.cert', value);
      context.setCert(value);
    });
  }

  if (key) {
    // { pem, passphrase } entries (in an array only, as node) carry their own passphrase.
    const inArray = Array.isArray(key);
    eachValue(key, (value) => {
      const entry = inArray && value?.pem !== undefined;
      const pem = entry ? value.pem : value;
      const pass = entry ? (value.passphrase ?? passphrase) : passphrase;
      validateKeyOrCertOption('options.key', pem);
      if (pass != null) validateString(pass, 'options.passphrase');
      context.setKey(pem, pass);
    });
  }

  if (sigalgs !== undefined && sigalgs !== null) {
    validateString(sigalgs, 'options.sigalgs');
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE('options.sigalgs', sigalgs);
    context.setSigalgs(sigalgs);
  }

  // Keys and client certificates held by an OpenSSL engine (deprecated in OpenSSL 3, still built).
  const { privateKeyIdentifier, privateKeyEngine, clientCertEngine } = options;
  if (privateKeyIdentifier != null) {
    if (privateKeyEngine == null) {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyEngine', privateKeyEngine);
    }
    validateEngineOption('options.privateKeyIdentifier', privateKeyIdentifier);
    validateEngineOption('options.privateKeyEngine', privateKeyEngine);
    context.setEngineKey(privateKeyIdentifier, privateKeyEngine);
  }
  if (clientCertEngine != null) {
    validateEngineOption('options.clientCertEngine', clientCertEngine);
    context.setClientCertEngine(clientCertEngine);
  }

  validateString(ecdhCurve ?? tls.DEFAULT_ECDH_CURVE, 'options.ecdhCurve');
  context.setECDHCurve(ecdhCurve ?? tls.DEFAULT_ECDH_CURVE);

  if (dhparam !== undefined && dhparam !== null) {
    if (dhparam !== 'auto') validateKeyOrCertOption('options.dhparam', dhparam);
    const bits = context.setDHParam(dhparam);
    if (typeof bits === 'number' && bits !== -1 && bits < 1024) {
      // node's own TypeError here: only a code, no name suffix.
      const err = new TypeError('DH parameter is less than 1024 bits');
      err.code = 'ERR_INVALID_ARG_VALUE';
      throw err;
    }
    if (typeof bits === 'number' && bits !== -1 && bits < 2048) {
      process.emitWarning('DH parameter is less than 2048 bits', 'SecurityWarning');
    }
  }

  if (crl) {
    eachValue(crl, (value) => {
      validateKeyOrCertOption('options.crl', value);
      context.addCRL(value);
    });
  }

  if (options.sessionIdContext) {
    validateString(options.sessionIdContext, 'options.sessionIdContext');
    context.setSessionIdContext(options.sessionIdContext);
  }

  if (pfx) {
    eachValue(pfx, (value) => {
      const buf = value?.buf !== undefined ? value.buf : value;
      const pass = value?.buf !== undefined ? (value.passphrase ?? passphrase) : passphrase;
      validateKeyOrCertOption('options.pfx', buf);
      context.loadPKCS12(typeof buf === 'string' ? Buffer.from(buf) : buf, pass);
    });
  }

  const { ticketKeys } = options;
  if (ticketKeys != null) {
    validateBuffer(ticketKeys, 'options.ticketKeys');
    if (ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE('options.ticketKeys', ticketKeys.byteLength,
                                      'must be exactly 48 bytes');
    }
    context.setTicketKeys(ticketKeys);
  }

  if (options.sessionTimeout != null) {
    validateInt32(options.sessionTimeout, 'options.sessionTimeout');
    context.setSessionTimeout(options.sessionTimeout);
  }

  return c;
}

// Links issuer certificates and parses infoAccess ("OCSP - URI:http://x\n...") into a
// null-prototype object of arrays.
function translatePeerCertificate(c) {
  if (!c) return null;
  // The binding's byte fields are Uint8Arrays; node's are Buffers.
  for (const key of ['raw', 'pubkey']) {
    const bytes = c[key];
    if (bytes && !Buffer.isBuffer(bytes)) {
      c[key] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  }
  if (c.issuerCertificate != null && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (c.infoAccess != null && typeof c.infoAccess === 'string') {
    const text = c.infoAccess;
    c.infoAccess = { __proto__: null };
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const key = line.slice(0, colon);
      let value = line.slice(colon + 1);
      if (value.startsWith('"')) {
        try { value = JSON.parse(value); } catch { /* keep the raw text */ }
      }
      if (key in c.infoAccess) c.infoAccess[key].push(value);
      else c.infoAccess[key] = [value];
    }
  }
  return c;
}

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
};
