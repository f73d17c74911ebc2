'use strict';
// node:_tls_wrap — TLSSocket (a net.Socket whose handle is a TLSHandle, see
// internal/tls/handle.js), tls.Server (a net.Server wrapping each accepted socket) and
// tls.connect.

const net = require('net');
const { Buffer } = require('buffer');
const { TLSHandle } = require('internal/tls/handle');
const { translatePeerCertificate, SecureContext } = require('_tls_common');
const { deprecate } = require('internal/util');
const { isArrayBufferView, isUint8Array } = require('internal/util/types');
const {
  ConnResetException,
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_MULTIPLE_CALLBACK, ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_INVALID_STATE,
    ERR_TLS_REQUIRED_SERVER_NAME, ERR_TLS_SNI_FROM_SERVER, ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS,
    ERR_TLS_ALPN_CALLBACK_INVALID_RESULT, ERR_INTERNAL_ASSERTION,
    ERR_TLS_DH_PARAM_SIZE, ERR_TLS_SESSION_ATTACK, ERR_TLS_RENEGOTIATION_DISABLED,
    ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED, ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateBuffer, validateFunction, validateInt32, validateNumber, validateObject,
  validateString, validateUint32,
} = require('internal/validators');

const kConnectOptions = Symbol('connect-options');
const kTransport = Symbol('transport');
const kErrorEmitted = Symbol('error-emitted');
const kHandshakeTimeout = Symbol('handshake-timeout');
const kSNICallback = Symbol('snicallback');
const kIsVerified = Symbol('verified');
const kPendingSession = Symbol('pendingSession');
const kEnableTrace = Symbol('enableTrace');
const kPskCallback = Symbol('pskcallback');
const kPskIdentityHint = Symbol('pskidentityhint');

let ipServernameWarned = false;

function tlsModule() {
  return require('tls');
}

// ---- TLSSocket ----------------------------------------------------------------------------------

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const tlsOptions = { ...opts };

  if (tlsOptions.ALPNProtocols) {
    tlsOptions.ALPNProtocols = toALPNBuffer(tlsOptions.ALPNProtocols);
  }

  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this[kIsVerified] = false;
  this[kPendingSession] = null;

  // No socket: tls.connect() connects a net.Socket of our own underneath.
  let transport = socket;
  if (transport === undefined || transport === null) {
    transport = new net.Socket({ allowHalfOpen: true });
    this._ownTransport = true;
  } else if (!(transport instanceof net.Socket) &&
             (typeof transport.write !== 'function' || typeof transport.on !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('socket', ['net.Socket', 'stream.Duplex'], transport);
  }

  // The TLS socket runs the half-open logic; its transport must never end its write side on
  // its own when the peer's FIN arrives (queued encrypted bytes would be lost).
  const allowHalfOpen = socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen;
  if (transport instanceof net.Socket) transport.allowHalfOpen = true;

  const context = tlsOptions.secureContext || tlsModule().createSecureContext(tlsOptions);
  const nativeContext = context.context || context;
  const handle = new TLSHandle(transport, nativeContext, !!tlsOptions.isServer);

  this.encrypted = true;
  net.Socket.call(this, {
    handle,
    allowHalfOpen,
    pauseOnCreate: tlsOptions.pauseOnConnect,
    manualStart: true,
    highWaterMark: tlsOptions.highWaterMark,
    signal: tlsOptions.signal,
  });
  handle.owner = this;
  if (tlsOptions.onread !== undefined && tlsOptions.onread !== null) {
    setUserBuffer(handle, tlsOptions.onread);
  }
  this._parent = socket instanceof net.Socket ? socket : null;
  this.ssl = handle.engine;
  this[kTransport] = transport;

  // Until control is released (the server's 'secureConnection', or tls.connect returning),
  // errors go to the server as 'tlsClientError'.
  this.on('error', this._tlsError);

  this._init(socket, transport);

  if (this._ownTransport) {
    this.connecting = true;
  } else if (transport.connecting || (transport instanceof net.Socket && !transport._handle)) {
    // Connecting, or to be connected by the caller later.
    this.connecting = true;
    transport.once('connect', () => this._onTransportConnect());
  } else {
    handle.attach();
  }
  this._watchTransport(transport);

  // Reading starts on the next tick so the caller can add listeners first.
  process.nextTick(initRead, this);
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

// As net: an onread without a usable buffer (a Uint8Array or a function) and callback is
// ignored.
function setUserBuffer(handle, onread) {
  if (typeof onread !== 'object') return;
  const { buffer, callback } = onread;
  if (typeof buffer !== 'function' && !isUint8Array(buffer)) return;
  if (typeof callback !== 'function') return;
  handle.setUserBuffer({ buffer, callback });
}

// With onread, pausing and resuming act on the handle directly (no 'data' to hold back).
TLSSocket.prototype.pause = function() {
  const handle = this._handle;
  if (handle && handle.userRead && !this.connecting && handle.reading) {
    handle.reading = false;
    handle.readStop();
  }
  return net.Socket.prototype.pause.call(this);
};

TLSSocket.prototype.resume = function() {
  const handle = this._handle;
  if (handle && handle.userRead && !this.connecting && !handle.reading) {
    handle.reading = true;
    handle.readStart();
  }
  return net.Socket.prototype.resume.call(this);
};

function initRead(tlsSocket) {
  if (!tlsSocket._handle || tlsSocket.connecting) return;
  tlsSocket.read(0);
}

TLSSocket.prototype._watchTransport = function(transport) {
  transport.on('error', (err) => {
    if (!this.destroyed) this.destroy(err);
  });
  transport.on('close', () => {
    // A socket revived with _undestroy() after its handle closed has nothing left to end.
    if (!this.destroyed && this._handle) {
      // A transport that went away without an end: the TLS side ends here too.
      if (!this._secureEstablished) this._onCleartextEnd();
      else this.destroy();
    }
  });
};

TLSSocket.prototype._onTransportConnect = function() {
  if (this.destroyed) return;
  this.connecting = false;
  this._handle.attach();
  this.emit('connect');
  this.emit('ready');
  this._start();
  if (this.readable && !this.isPaused()) this.read(0);
};

// connect(...) as net.Socket's, for a TLSSocket made without a socket: connects the
// transport and starts the handshake once connected.
TLSSocket.prototype.connect = function(...args) {
  const normalized = net._normalizeArgs(args);
  const [options, cb] = normalized;
  if (!this._ownTransport || !this._handle) {
    return net.Socket.prototype.connect.apply(this, args);
  }
  if (cb) this.once('connect', cb);
  this.connecting = true;
  this._connectTransport(options);
  return this;
};

// Connects our own transport (tls.connect without a socket).
TLSSocket.prototype._connectTransport = function(options) {
  const transport = this[kTransport];
  transport.once('connect', () => this._onTransportConnect());
  transport.on('lookup', (...args) => this.emit('lookup', ...args));
  transport.connect(options);
};

TLSSocket.prototype._init = function(socket, transport) {
  const options = this._tlsOptions;
  const engine = this._handle.engine;

  this.server = options.server || null;
  if (keylogFilePath() !== null) engine.enableKeylog();
  this._requestCert = options.requestCert !== false;
  this._rejectUnauthorized = options.rejectUnauthorized !== false;

  if (options.isServer) {
    const server = options.server;
    this._requestCert = !!options.requestCert;
    this._rejectUnauthorized = options.rejectUnauthorized !== false;
    engine.setVerifyMode(this._requestCert, this._rejectUnauthorized);

    if (options.SNICallback && (options.SNICallback !== SNICallback ||
                                (server && server._contexts.length))) {
      this._SNICallback = options.SNICallback;
      engine.enableCertCallback();
    }
    if (options.ALPNCallback) {
      validateFunction(options.ALPNCallback, 'options.ALPNCallback');
      this._ALPNCallback = options.ALPNCallback;
      engine.enableALPNCallback();
    } else if (options.ALPNProtocols) {
      engine.setALPNProtocols(options.ALPNProtocols);
    }
    // node's server-side session cache: asked for only when someone listens.
    if (server && server.listenerCount('newSession') > 0) engine.enableSessionCallbacks();
    if (server && server.listenerCount('resumeSession') > 0) engine.enableSessionLookup();
    if (server && server.listenerCount('keylog') > 0) {
      engine.enableKeylog();
      this._keylogServer = server;
    }
    if (options.pskCallback) this._enablePsk(options.pskCallback, options.pskIdentityHint);
    if (options.handshakeTimeout > 0) {
      this.setTimeout(options.handshakeTimeout, this._handleTimeout);
    }
  } else {
    engine.setVerifyMode(true, this._rejectUnauthorized);
    if (options.pskCallback) this._enablePsk(options.pskCallback);
    if (options.ALPNProtocols) engine.setALPNProtocols(options.ALPNProtocols);
    engine.enableSessionCallbacks();
    this.on('newListener', keylogNewListener);
  }
};

function keylogNewListener(event) {
  if (event !== 'keylog' || !this._handle) return;
  this._handle.engine.enableKeylog();
  this.removeListener('newListener', keylogNewListener);
}

TLSSocket.prototype._handleTimeout = function() {
  this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
};

TLSSocket.prototype._emitTLSError = function(err) {
  const e = this._tlsError(err);
  if (e) this.emit('error', e);
};

TLSSocket.prototype._tlsError = function(err) {
  this.emit('_tlsError', err);
  if (this._controlReleased) return err;
  return null;
};

TLSSocket.prototype._releaseControl = function() {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

TLSSocket.prototype._start = function() {
  if (this.connecting) {
    this.once('connect', () => this._start());
    return;
  }
  if (!this._handle) return;
  if (this._tlsOptions.isServer) return;
  this._handle.engine.start();
};

TLSSocket.prototype._onHandshakeDone = function() {
  const engine = this._handle.engine;
  this.alpnProtocol = engine.getALPNNegotiatedProtocol();
  this.servername = engine.getServername();
  this.secureConnecting = false;
  this._secureEstablished = true;
  if (this._tlsOptions.isServer && this._tlsOptions.handshakeTimeout > 0) {
    this.setTimeout(0, this._handleTimeout);
  }
  if (this._newSessionPending) {
    this._securePending = true;
    return;
  }
  this.emit('secure');
};

// A server saw a handshake begin: the first is the connection's; more are renegotiations
// (counted in handle.handshakes),
// refused after disableRenegotiation() and limited to tls.CLIENT_RENEG_LIMIT within
// tls.CLIENT_RENEG_WINDOW seconds.
TLSSocket.prototype._onHandshakeStart = function() {
  const handle = this._handle;
  const now = Date.now();
  const last = handle.lastHandshakeTime;
  handle.lastHandshakeTime = now;
  // The connection's own handshake is not counted.
  if (last === 0) return;
  const tls = tlsModule();
  if (now - last >= tls.CLIENT_RENEG_WINDOW * 1000) handle.handshakes = 1;
  else handle.handshakes++;
  if (handle.handshakes > tls.CLIENT_RENEG_LIMIT) {
    this._emitTLSError(new ERR_TLS_SESSION_ATTACK());
  } else if (this._disableRenegotiation) {
    this._emitTLSError(new ERR_TLS_RENEGOTIATION_DISABLED());
  }
};

TLSSocket.prototype._onEngineError = function(err) {
  if (this._hadError) return;
  this._hadError = true;
  if (!this._secureEstablished) {
    // Before the handshake finished, control is not released on a server: the error goes to
    // 'tlsClientError' through _tlsError.
    this.destroy(err);
  } else if (this._tlsOptions.isServer && this._rejectUnauthorized &&
             /peer did not return a certificate/.test(err.message)) {
    this.destroy();
  } else {
    this._emitTLSError(err);
    this.destroy();
  }
};

// The peer's cleartext ended (close_notify, or the transport's end).
TLSSocket.prototype._onCleartextEnd = function() {
  if (this.destroyed) return;
  if (!this._secureEstablished) {
    if (this._tlsOptions.isServer) {
      // The server hears about it as 'tlsClientError' when the socket closes.
      this.destroy();
      return;
    }
    const options = this[kConnectOptions] || {};
    const error = new ConnResetException(
      'Client network socket disconnected before secure TLS connection was established');
    error.path = options.path;
    error.host = options.host;
    error.port = options.port;
    error.localAddress = options.localAddress;
    this.destroy(error);
    return;
  }
  this._handle.deliverEof();
};

TLSSocket.prototype._onClientHello = function(servername) {
  const callback = this._SNICallback;
  // Known before the handshake ends, so a failed SNICallback's tlsClientError can tell it.
  this.servername = servername;
  let called = false;
  const done = (err, context) => {
    if (called) {
      this.destroy(new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    if (err) {
      this.destroy(err);
      return;
    }
    if (this.destroyed || !this._handle) return;
    if (context) {
      const native = context.context || context;
      try {
        this._handle.engine.setSecureContext(native);
      } catch {
        // node's own TypeError, without a code.
        this.destroy(new TypeError('Invalid SNI context'));
        return;
      }
    }
    this._handle.engine.resumeHandshake();
  };
  try {
    callback.call(this, servername, done);
  } catch (err) {
    process.nextTick(() => this.destroy(err));
  }
};

TLSSocket.prototype._onALPN = function(servername, protocols) {
  const result = this._ALPNCallback({ servername, protocols });
  if (result === undefined) return undefined;
  // Thrown inside the handshake: the engine fails it with this error (tlsClientError).
  if (!protocols.includes(result)) throw new ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(result, protocols);
  return result;
};

// --tls-keylog=FILE: every TLS connection's key material is appended to FILE (NSS key log
// format), client and server alike.
let keylogFile;
function keylogFilePath() {
  if (keylogFile === undefined) {
    keylogFile = require('internal/options').runtimeOptionValue('--tls-keylog') ?? null;
    if (keylogFile !== null) {
      process.emitWarning('Using --tls-keylog makes TLS connections insecure by writing ' +
                          `secret key material to file ${keylogFile}`);
    }
  }
  return keylogFile;
}

// Pre-shared keys: pskCallback answers OpenSSL during the handshake; a server's identity hint
// OpenSSL refuses (over 128 bytes) fails the connection.
TLSSocket.prototype._enablePsk = function(callback, identityHint) {
  validateFunction(callback, 'pskCallback');
  this[kPskCallback] = callback;
  const engine = this._handle.engine;
  engine.enablePskCallback();
  if (identityHint !== undefined && identityHint !== null) {
    validateString(identityHint, 'options.pskIdentityHint');
    if (!engine.setPskIdentityHint(identityHint)) {
      process.nextTick(() => this.destroy(new ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED()));
    }
  }
};

// Server: (identity, maxPskLen) -> the key; client: (hint, maxPskLen, maxIdentityLen) ->
// { psk, identity }. Nothing returned refuses the handshake; what is thrown becomes its error.
TLSSocket.prototype._onPskExchange = function(...args) {
  if (this._tlsOptions.isServer) {
    const [identity, maxPskLen] = args;
    const key = this[kPskCallback](this, identity);
    if (key == null) return undefined;
    if (!isArrayBufferView(key)) {
      throw new ERR_INVALID_ARG_TYPE('ret', ['Buffer', 'TypedArray', 'DataView', 'Object'], key);
    }
    if (key.byteLength > maxPskLen) {
      throw new ERR_INVALID_ARG_VALUE('psk', key, `Pre-shared key exceeds ${maxPskLen} bytes`);
    }
    return key;
  }
  const [hint, maxPskLen, maxIdentityLen] = args;
  const ret = this[kPskCallback](hint);
  if (ret == null) return undefined;
  validateObject(ret, 'ret');
  validateBuffer(ret.psk, 'psk');
  if (ret.psk.byteLength > maxPskLen) {
    throw new ERR_INVALID_ARG_VALUE('psk', ret.psk, `Pre-shared key exceeds ${maxPskLen} bytes`);
  }
  validateString(ret.identity, 'identity');
  if (Buffer.byteLength(ret.identity) >= maxIdentityLen) {
    throw new ERR_INVALID_ARG_VALUE('identity', ret.identity,
                                    `PSK identity exceeds ${maxIdentityLen} bytes`);
  }
  return { psk: ret.psk, identity: ret.identity };
};

TLSSocket.prototype._onKeylog = function(line) {
  if (keylogFilePath() !== null) require('fs').appendFileSync(keylogFile, line);
  if (this._keylogServer) this._keylogServer.emit('keylog', line, this);
  else if (!this._tlsOptions.isServer) this.emit('keylog', line);
};

TLSSocket.prototype._onNewSession = function(session, id) {
  if (this._tlsOptions.isServer) {
    this._onServerNewSession(id, session);
    return;
  }
  // 'session' comes after 'secureConnect' even when the session was made during the
  // handshake (TLS 1.2).
  if (!this[kIsVerified]) {
    this[kPendingSession] = session;
    return;
  }
  this.emit('session', session);
};

// A server's new session goes to 'newSession' listeners; a handshake that finishes meanwhile
// is announced ('secure') once the listener calls back, as node.
TLSSocket.prototype._onServerNewSession = function(id, session) {
  const server = this._tlsOptions.server;
  if (!server) return;
  this._newSessionPending = true;
  let called = false;
  server.emit('newSession', id, session, () => {
    if (called) return;
    called = true;
    this._newSessionPending = false;
    if (this._securePending) {
      this._securePending = false;
      if (!this.destroyed) this.emit('secure');
    }
  });
};

// A server paused at the ClientHello: 'resumeSession' listeners answer with the session for
// the id (or nothing: a full handshake); an error ends the connection.
TLSSocket.prototype._onResumeSession = function(id) {
  const server = this._tlsOptions.server;
  let called = false;
  const done = (err, data) => {
    if (called) return;
    called = true;
    if (err) {
      this.destroy(err);
      return;
    }
    if (this.destroyed || !this._handle) return;
    this._handle.engine.loadSession(ArrayBuffer.isView(data) ? data : null);
  };
  if (server) server.emit('resumeSession', id, done);
  else done(null, null);
};

TLSSocket.prototype._finishInit = function() {};

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  this._handle.engine.setServername(name);
};

TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  this._handle.engine.setSession(session);
};

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (!this._handle) return null;
  const engine = this._handle.engine;
  if (!detailed) return translatePeerCertificate(engine.getPeerCertificate(false)) || {};
  const chain = engine.getPeerCertificate(true);
  if (chain.length === 0) return {};
  for (let i = 0; i < chain.length; i++) {
    if (i + 1 < chain.length) {
      chain[i].issuerCertificate = chain[i + 1];
    } else if (isSelfIssued(chain[i])) {
      chain[i].issuerCertificate = chain[i];
    }
  }
  return translatePeerCertificate(chain[0]);
};

function isSelfIssued(cert) {
  const a = cert.subject;
  const b = cert.issuer;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

TLSSocket.prototype.getCertificate = function() {
  if (!this._handle) return null;
  return translatePeerCertificate(this._handle.engine.getCertificate()) || {};
};

// The peer's (or, with peer false, our own) certificate as a crypto.X509Certificate, made from
// its DER bytes; undefined without a handshake or a certificate. A peer's issuerCertificate is
// the next certificate of the chain it sent.
function x509CertificateOf(socket, peer) {
  const raw = socket._handle?.engine?.getX509Raw(peer);
  if (raw === undefined) return undefined;
  const { X509Certificate, setIssuerCertificate } = require('internal/crypto/x509');
  if (!peer) return new X509Certificate(raw);
  const chain = raw.map((der) => new X509Certificate(der));
  for (let i = 0; i + 1 < chain.length; i++) setIssuerCertificate(chain[i], chain[i + 1]);
  return chain[0];
}

TLSSocket.prototype.getPeerX509Certificate = function() {
  return x509CertificateOf(this, true);
};

TLSSocket.prototype.getX509Certificate = function() {
  return x509CertificateOf(this, false);
};

function engineGetter(name, fallback) {
  return function() {
    if (!this._handle) return fallback;
    return this._handle.engine[name]();
  };
}

TLSSocket.prototype.getFinished = function() {
  if (!this._handle) return undefined;
  const f = this._handle.engine.getFinished(false);
  return f ? Buffer.from(f.buffer, f.byteOffset, f.byteLength) : undefined;
};

TLSSocket.prototype.getPeerFinished = function() {
  if (!this._handle) return undefined;
  const f = this._handle.engine.getFinished(true);
  return f ? Buffer.from(f.buffer, f.byteOffset, f.byteLength) : undefined;
};

TLSSocket.prototype.getSession = function() {
  if (!this._handle) return undefined;
  const s = this._handle.engine.getSession();
  return s ? Buffer.from(s.buffer, s.byteOffset, s.byteLength) : undefined;
};

TLSSocket.prototype.getTLSTicket = function() {
  if (!this._handle) return undefined;
  const t = this._handle.engine.getTLSTicket();
  return t ? Buffer.from(t.buffer, t.byteOffset, t.byteLength) : undefined;
};

TLSSocket.prototype.isSessionReused = function() {
  if (!this._handle) return false;
  return this._handle.engine.isSessionReused();
};

TLSSocket.prototype.getProtocol = engineGetter('getProtocol', null);
TLSSocket.prototype.getSharedSigalgs = engineGetter('getSharedSigalgs', null);

TLSSocket.prototype.getCipher = function() {
  if (!this._handle) return null;
  return this._handle.engine.getCipher() || null;
};

TLSSocket.prototype.getEphemeralKeyInfo = function() {
  if (!this._handle) return null;
  if (this._tlsOptions.isServer) return null;
  return this._handle.engine.getEphemeralKeyInfo();
};

TLSSocket.prototype.exportKeyingMaterial = function(length, label, context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
  const out = this._handle.engine.exportKeyingMaterial(length, label, context);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
};

TLSSocket.prototype.setMaxSendFragment = function(size) {
  validateInt32(size, 'size');
  return this._handle ? this._handle.engine.setMaxSendFragment(size) : false;
};

// A client's TLS 1.2 renegotiation (options may change requestCert/rejectUnauthorized);
// callback(null) after the new handshake, or callback(err) on the next tick when OpenSSL
// refuses (TLS 1.3: "wrong ssl version") and false is returned.
TLSSocket.prototype.renegotiate = function(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this.destroyed || !this._handle) return;
  const requestCert = options.requestCert !== undefined ? !!options.requestCert :
    !!this._requestCert;
  const rejectUnauthorized = options.rejectUnauthorized !== undefined ?
    !!options.rejectUnauthorized : !!this._rejectUnauthorized;
  if (requestCert !== this._requestCert || rejectUnauthorized !== this._rejectUnauthorized) {
    this._handle.engine.setVerifyMode(requestCert, rejectUnauthorized);
    this._requestCert = requestCert;
    this._rejectUnauthorized = rejectUnauthorized;
  }
  try {
    this._handle.engine.renegotiate();
  } catch (err) {
    if (callback) process.nextTick(callback, err);
    return false;
  }
  if (callback) this.once('secure', () => callback(null));
  return true;
};

TLSSocket.prototype.disableRenegotiation = function() {
  this._disableRenegotiation = true;
};

// Frees the TLS engine now (the socket is about to be destroyed); later engine calls are
// no-ops.
TLSSocket.prototype._destroySSL = function() {
  if (!this.ssl) return;
  this.ssl.destroy();
  this.ssl = null;
};

TLSSocket.prototype.enableTrace = function() {};

TLSSocket.prototype.setKeyCert = function(context) {
  if (!this._handle) return;
  let native;
  if (context instanceof SecureContext) native = context.context;
  else native = tlsModule().createSecureContext(context).context;
  this._handle.engine.setSecureContext(native);
};

Object.defineProperty(TLSSocket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

// ---- client -------------------------------------------------------------------------------------

function onConnectSecure() {
  const options = this[kConnectOptions];
  // A DHE key exchange with a smaller group than the client accepts ends the connection.
  const ekeyinfo = this.getEphemeralKeyInfo();
  if (ekeyinfo && ekeyinfo.type === 'DH' && ekeyinfo.size < options.minDHSize) {
    this.destroy(new ERR_TLS_DH_PARAM_SIZE(ekeyinfo.size));
    return;
  }
  let verifyError = verifyErrorOf(this);
  if (!verifyError && !this.isSessionReused()) {
    const hostname = options.servername || options.host ||
      (options.socket && options.socket._host) || 'localhost';
    const cert = this.getPeerCertificate(true);
    verifyError = options.checkServerIdentity(hostname, cert);
  }
  if (verifyError) {
    this.authorized = false;
    this.authorizationError = verifyError.code || verifyError.message;
    if (options.rejectUnauthorized) {
      this.destroy(verifyError);
      return;
    }
    this.emit('secureConnect');
  } else {
    this.authorized = true;
    this.emit('secureConnect');
  }
  this[kIsVerified] = true;
  const session = this[kPendingSession];
  this[kPendingSession] = null;
  if (session) this.emit('session', session);
  this.removeListener('end', onConnectEnd);
}

function verifyErrorOf(socket) {
  return socket._handle.engine.verifyError() || null;
}

function onConnectEnd() {}

function normalizeConnectArgs(listArgs) {
  const args = net._normalizeArgs(listArgs);
  const options = args[0];
  const cb = args[1];
  // tls.connect(port, host, options, cb) / tls.connect(port, options, cb).
  if (listArgs[1] !== null && typeof listArgs[1] === 'object') {
    Object.assign(options, listArgs[1]);
  } else if (listArgs[2] !== null && typeof listArgs[2] === 'object') {
    Object.assign(options, listArgs[2]);
  }
  return cb ? [options, cb] : [options];
}

let warnedInsecureEnv = false;

function connect(...args) {
  args = normalizeConnectArgs(args);
  let options = args[0];
  const cb = args[1];
  const tls = tlsModule();
  const allowUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allowUnauthorized && !warnedInsecureEnv) {
    // Once per process, whatever the connection's own options say, as node.
    warnedInsecureEnv = true;
    process.emitWarning("Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' " +
                        'makes TLS connections and HTTPS requests insecure by disabling ' +
                        'certificate verification.');
  }

  options = {
    rejectUnauthorized: !allowUnauthorized,
    ciphers: tls.DEFAULT_CIPHERS,
    checkServerIdentity: tls.checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;
  // rejectUnauthorized: undefined given explicitly still rejects (unless the environment says not).
  if (options.rejectUnauthorized === undefined) options.rejectUnauthorized = !allowUnauthorized;

  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  // node checks minDHSize with its internal assertions.
  if (typeof options.minDHSize !== 'number') {
    throw new ERR_INTERNAL_ASSERTION(`options.minDHSize is not a number: ${options.minDHSize}`);
  }
  if (!(options.minDHSize > 0)) {
    throw new ERR_INTERNAL_ASSERTION(
      `options.minDHSize is not a positive number: ${options.minDHSize}`);
  }

  const context = options.secureContext || tlsModule().createSecureContext(options);

  const tlssock = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: !!options.path,
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    pskCallback: options.pskCallback,
    onread: options.onread,
    highWaterMark: options.highWaterMark,
    signal: options.signal,
  });

  tlssock[kConnectOptions] = options;

  if (cb) tlssock.once('secureConnect', cb);

  if (!options.socket) {
    if (options.timeout) tlssock.setTimeout(options.timeout);
    tlssock._connectTransport(options);
  }

  tlssock._releaseControl();

  if (options.session) tlssock.setSession(options.session);

  if (options.servername) {
    if (!ipServernameWarned && net.isIP(options.servername)) {
      process.emitWarning(
        'Setting the TLS ServerName to an IP address is not permitted by ' +
        'RFC 6066. This will be ignored in a future version.',
        'DeprecationWarning',
        'DEP0123',
      );
      ipServernameWarned = true;
    }
    tlssock.setServername(options.servername);
  }

  if (options.socket && !tlssock.connecting) tlssock._start();

  tlssock.on('secure', onConnectSecure);
  tlssock.prependListener('end', onConnectEnd);

  return tlssock;
}

// ---- server -------------------------------------------------------------------------------------

function SNICallback(servername, callback) {
  // The most recently added matching context wins.
  const contexts = this.server._contexts;
  for (let i = contexts.length - 1; i >= 0; i--) {
    const [re, context] = contexts[i];
    if (re.test(servername)) {
      callback(null, context);
      return;
    }
  }
  callback(null, undefined);
}

function onServerSocketSecure() {
  if (this._requestCert) {
    const verifyError = verifyErrorOf(this);
    if (verifyError) {
      this.authorizationError = verifyError.code;
      if (this._rejectUnauthorized) this.destroy();
    } else {
      this.authorized = true;
    }
  }
  if (!this.destroyed && this._releaseControl()) {
    this._tlsOptions.server.emit('secureConnection', this);
  }
}

function onSocketTLSError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', err, this);
  }
}

function onSocketClose(err) {
  // A socket that closed during its handshake is the client's doing.
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', new ConnResetException('socket hang up'),
                                 this);
  }
}

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this.ALPNProtocols,
    ALPNCallback: this.ALPNCallback,
    SNICallback: this[kSNICallback] || SNICallback,
    pskCallback: this[kPskCallback],
    pskIdentityHint: this[kPskIdentityHint],
    pauseOnConnect: this.pauseOnConnect,
    highWaterMark: this.highWaterMark,
  });
  socket.on('secure', onServerSocketSecure);
  socket[kErrorEmitted] = false;
  socket.on('close', onSocketClose);
  socket.on('_tlsError', onSocketTLSError);
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = options ?? {};
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }

  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;

  this.ALPNCallback = options.ALPNCallback;
  if (this.ALPNCallback !== undefined) {
    validateFunction(this.ALPNCallback, 'options.ALPNCallback');
    if (options.ALPNProtocols) throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  }

  this.setSecureContext(options);

  this[kHandshakeTimeout] = options.handshakeTimeout || (120 * 1000);
  this[kSNICallback] = options.SNICallback;
  this[kPskCallback] = options.pskCallback;
  this[kPskIdentityHint] = options.pskIdentityHint;
  if (this[kPskCallback] !== undefined) validateFunction(this[kPskCallback], 'options.pskCallback');
  if (this[kPskIdentityHint] !== undefined) {
    validateString(this[kPskIdentityHint], 'options.pskIdentityHint');
  }
  validateNumber(this[kHandshakeTimeout], 'options.handshakeTimeout');
  if (this[kSNICallback] && typeof this[kSNICallback] !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.SNICallback', 'function', options.SNICallback);
  }

  net.Server.call(this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
  this[kEnableTrace] = options.enableTrace;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

// events.captureRejections: a rejected async 'secureConnection' listener destroys that socket
// with the error; other events as net.Server.
Server.prototype[Symbol.for('nodejs.rejection')] = function(err, event, socket) {
  if (event === 'secureConnection') socket.destroy(err);
  else net.Server.prototype[Symbol.for('nodejs.rejection')].call(this, err, event, socket);
};

function defaultSessionIdContext() {
  const { createHash } = require('crypto');
  return createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32);
}

Server.prototype.setSecureContext = function(options) {
  validateObject(options, 'options');
  const tls = tlsModule();
  // Own properties in node's order (util.inspect and Object.keys show it).
  // Kept from an earlier call when not given again.
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  this.pfx = options.pfx;
  this.key = options.key;
  this.passphrase = options.passphrase;
  this.cert = options.cert;
  this.clientCertEngine = options.clientCertEngine;
  this.ca = options.ca;
  this.minVersion = options.minVersion;
  this.maxVersion = options.maxVersion;
  this.secureProtocol = options.secureProtocol;
  this.crl = options.crl;
  this.sigalgs = options.sigalgs;
  this.ciphers = options.ciphers ?? tls.DEFAULT_CIPHERS;
  this.ecdhCurve = options.ecdhCurve;
  this.dhparam = options.dhparam;
  this.honorCipherOrder = options.honorCipherOrder === undefined ? true :
    !!options.honorCipherOrder;
  this.secureOptions = options.secureOptions;
  // As node: a server's sessions (and TLS 1.3 PSKs) belong to this program unless told otherwise.
  this.sessionIdContext = options.sessionIdContext ?? defaultSessionIdContext();
  this.privateKeyIdentifier = options.privateKeyIdentifier;
  this.privateKeyEngine = options.privateKeyEngine;
  if (options.ALPNProtocols) this.ALPNProtocols = toALPNBuffer(options.ALPNProtocols);

  this._sharedCreds = tlsModule().createSecureContext({
    key: this.key,
    cert: this.cert,
    ca: this.ca,
    passphrase: this.passphrase,
    pfx: this.pfx,
    sigalgs: this.sigalgs,
    ciphers: this.ciphers,
    ecdhCurve: this.ecdhCurve,
    dhparam: this.dhparam,
    crl: this.crl,
    honorCipherOrder: this.honorCipherOrder,
    minVersion: this.minVersion,
    maxVersion: this.maxVersion,
    secureProtocol: this.secureProtocol,
    secureOptions: this.secureOptions,
    sessionIdContext: this.sessionIdContext,
    sessionTimeout: this.sessionTimeout,
    ticketKeys: this.ticketKeys,
    privateKeyIdentifier: this.privateKeyIdentifier,
    privateKeyEngine: this.privateKeyEngine,
    clientCertEngine: this.clientCertEngine,
  });
};

// The options setOptions() copies when given (truthy), in node's order; it only records them
// (the secure context stays as it is).
const kSetOptionsNames = [
  'pfx', 'key', 'passphrase', 'cert', 'clientCertEngine', 'ca', 'minVersion', 'maxVersion',
  'secureProtocol', 'crl', 'sigalgs', 'ciphers', 'ecdhCurve', 'dhparam',
];
const kSetOptionsLaterNames = [
  'secureOptions', 'sessionIdContext', 'privateKeyIdentifier', 'privateKeyEngine',
  'sessionTimeout', 'ticketKeys',
];

Server.prototype.setOptions = deprecate(function setOptions(options) {
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  for (const name of kSetOptionsNames) {
    if (options[name]) this[name] = options[name];
  }
  this.honorCipherOrder = options.honorCipherOrder === undefined ? true :
    !!options.honorCipherOrder;
  for (const name of kSetOptionsLaterNames) {
    if (options[name]) this[name] = options[name];
  }
  if (options.ALPNProtocols) this.ALPNProtocols = toALPNBuffer(options.ALPNProtocols);
}, 'Server.prototype.setOptions() is deprecated', 'DEP0122');

Server.prototype._getServerData = function() {
  return { ticketKeys: this.getTicketKeys().toString('hex') };
};

Server.prototype._setServerData = function(data) {
  this.setTicketKeys(Buffer.from(data.ticketKeys, 'hex'));
};

Server.prototype.getTicketKeys = function() {
  const bytes = this._sharedCreds.context.getTicketKeys();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

Server.prototype.setTicketKeys = function(keys) {
  validateBuffer(keys);
  // node checks the size with its internal assert (ERR_INTERNAL_ASSERTION).
  if (keys.byteLength !== 48) {
    throw new ERR_INTERNAL_ASSERTION('Session ticket keys must be a 48-byte buffer');
  }
  this._sharedCreds.context.setTicketKeys(keys);
};

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const re = new RegExp('^' + servername
    .replace(/([.^$+?\-\\[\]{}])/g, '\\$1')
    .replace(/\*/g, '[^.]*') + '$');
  const secureContext = context instanceof SecureContext ? context :
    tlsModule().createSecureContext(context);
  this._contexts.push([re, secureContext.context]);
};

// ---- helpers ------------------------------------------------------------------------------------

function toALPNBuffer(protocols) {
  return tlsModule().convertALPNProtocols(protocols, {}).ALPNProtocols;
}

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = {
  TLSSocket,
  Server,
  createServer,
  connect,
};
