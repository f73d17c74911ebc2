'use strict';
// tls.createSecurePair (deprecated, DEP0064): a TLSSocket over one end of an in-memory duplex
// pair. `encrypted` is the other end (TLS records in and out), `cleartext` the TLSSocket.

const EventEmitter = require('events');
const duplexPair = require('internal/streams/duplexpair');
const {
  codes: { ERR_TLS_INVALID_CONTEXT },
} = require('internal/errors');

class SecurePair extends EventEmitter {
  constructor(secureContext, isServer, requestCert, rejectUnauthorized, options) {
    super();
    const { SecureContext, createSecureContext } = require('tls');
    const { TLSSocket } = require('_tls_wrap');
    if (!secureContext) secureContext = createSecureContext();
    else if (!(secureContext instanceof SecureContext)) {
      throw new ERR_TLS_INVALID_CONTEXT('context');
    }
    options = options || {};
    this.server = options.server;
    this.credentials = secureContext;
    const [inner, outer] = duplexPair();
    this.encrypted = outer;
    this.cleartext = new TLSSocket(inner, {
      secureContext,
      isServer: !!isServer,
      requestCert: !!requestCert,
      rejectUnauthorized: !!rejectUnauthorized,
      ...options,
    });
    this.cleartext.once('secure', () => this.emit('secure'));
  }

  destroy() {
    this.cleartext.destroy();
    this.encrypted.destroy();
  }
}

let warned = false;

function createSecurePair(secureContext, isServer, requestCert, rejectUnauthorized, options) {
  if (!warned) {
    warned = true;
    process.emitWarning('tls.createSecurePair() is deprecated. Please use tls.TLSSocket instead.',
                        'DeprecationWarning', 'DEP0064');
  }
  return new SecurePair(secureContext, isServer, requestCert, rejectUnauthorized, options);
}

module.exports = { createSecurePair, SecurePair };
