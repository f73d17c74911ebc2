'use strict';
// node:tls over the system OpenSSL 3 (internalBinding('tls_wrap')); sockets and servers are in
// _tls_wrap, contexts in _tls_common.
//
// Difference from node: tls.rootCertificates and the default trust store are the system's
// (OpenSSL's default certificate file and directory, /etc/ssl/certs on Debian), where node
// bundles Mozilla's list.

const { Buffer } = require('buffer');
const { getRootCertificates, getSSLCiphers } = internalBinding('tls_wrap');
const { defaultCipherList } = require('internal/crypto/util').constants;
const { checkServerIdentity } = require('internal/tls/identity');
const {
  codes: { ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const _tls_common = require('_tls_common');
const _tls_wrap = require('_tls_wrap');

// node lists every cipher OpenSSL offers plus the TLS 1.3 suites, lower-cased and sorted.
let ciphers;
function getCiphers() {
  if (ciphers === undefined) {
    const names = getSSLCiphers().concat([
      'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256',
      'TLS_AES_128_CCM_8_SHA256', 'TLS_AES_128_CCM_SHA256',
    ]);
    ciphers = [...new Set(names.map((n) => n.toLowerCase()))].sort();
  }
  return ciphers.slice();
}

let rootCertificates;
function cacheRootCertificates() {
  // As node: each PEM without its final newline, each certificate once.
  const pems = getRootCertificates().map((pem) => (pem.endsWith('\n') ? pem.slice(0, -1) : pem));
  rootCertificates = Object.freeze([...new Set(pems)]);
}

// ['h2', 'http/1.1'] or a Buffer/view -> the wire format (length-prefixed names).
function convertProtocols(protocols) {
  const lens = new Array(protocols.length);
  const total = protocols.reduce((p, c, i) => {
    const len = Buffer.byteLength(c);
    if (len > 255) {
      throw new ERR_OUT_OF_RANGE('The byte length of the protocol at index ' +
        `${i} exceeds the maximum length.`, '<= 255', len, true);
    }
    lens[i] = len;
    return p + 1 + len;
  }, 0);
  const buf = Buffer.allocUnsafe(total);
  let offset = 0;
  for (let i = 0; i < protocols.length; i++) {
    buf[offset++] = lens[i];
    buf.write(protocols[i], offset);
    offset += lens[i];
  }
  return buf;
}

function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    out.ALPNProtocols = convertProtocols(protocols);
  } else if (isArrayBufferView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(
      protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
  return out;
}

// --tls-min-v1.x / --tls-max-v1.x set the defaults (the lowest minimum and the highest maximum
// given win, as node; min 1.3 with max 1.2 is refused at start-up).
function defaultVersions() {
  const { hasRuntimeOption } = require('internal/options');
  const min = ['1.0', '1.1', '1.2', '1.3'].find((v) => hasRuntimeOption(`--tls-min-v${v}`));
  const max = ['1.3', '1.2'].find((v) => hasRuntimeOption(`--tls-max-v${v}`));
  const name = (v) => (v === '1.0' ? 'TLSv1' : `TLSv${v}`);
  return {
    min: min === undefined ? 'TLSv1.2' : name(min),
    max: max === undefined ? 'TLSv1.3' : name(max),
  };
}
const defaults = defaultVersions();

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: defaultCipherList,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: defaults.min,
  DEFAULT_MAX_VERSION: defaults.max,
  getCiphers,
  rootCertificates: undefined,
  convertALPNProtocols,
  checkServerIdentity,
  createSecureContext: _tls_common.createSecureContext,
  SecureContext: _tls_common.SecureContext,
  TLSSocket: _tls_wrap.TLSSocket,
  Server: _tls_wrap.Server,
  createServer: _tls_wrap.createServer,
  connect: _tls_wrap.connect,
  createSecurePair(...args) {
    return require('internal/tls/secure_pair').createSecurePair(...args);
  },
};

Object.defineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get() {
    if (!rootCertificates) cacheRootCertificates();
    return rootCertificates;
  },
});
