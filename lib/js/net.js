'use strict';
// node:net — TCP and Unix-socket streams and servers over internalBinding('tcp_wrap') /
// ('pipe_wrap') (src/bindings/stream_base.h): Socket is a Duplex whose reads come from a
// multishot recv on the ring and whose writes queue in C++ (one send in flight, the rest
// coalesced into one sendmsg).

const EventEmitter = require('events');
const stream = require('stream');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { setTimeout, clearTimeout } = require('timers');
const { insertGuarded, kRefed } = require('internal/timers');
const {
  TCP, constants: TCPConstants, streamState,
} = internalBinding('tcp_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const {
  ErrnoException, ExceptionWithHostPort, UVExceptionWithHostPort, NodeAggregateError,
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_FD_TYPE, ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS, ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING, ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION, ERR_SOCKET_CONNECTION_TIMEOUT, ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateFunction, validateInt32, validateNumber,
  validateObject, validatePort, validateString, validateOneOf,
} = require('internal/validators');
const { isIP, isIPv4, isIPv6 } = require('internal/net/ip');
const dnsLookup = require('internal/net/lookup');
const { SocketAddress } = require('internal/net/socketaddress');
const { BlockList } = require('internal/net/blocklist');
const { getDefaultHighWaterMark } = require('internal/streams/state');
const dc = require('diagnostics_channel');

// Published only when someone subscribed (one property read otherwise).
const netClientSocketChannel = dc.channel('net.client.socket');
const netServerSocketChannel = dc.channel('net.server.socket');

const kBytesWritten = 0;
const kLastWriteWasAsync = 1;
const UV_EOF = TCPConstants.UV_EOF;
const UV_ENOTCONN = -107;
const UV_EINVAL = -22;
const UV_EADDRINUSE = -98;

const { ownerSymbol: kOwner } = require('internal/async_hooks');
const kTimeout = Symbol('timeout');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kBytesRead = Symbol('kBytesRead');
const kBytesWrittenCount = Symbol('kBytesWritten');
const kReset = Symbol('kReset');
const normalizedArgsSymbol = Symbol('normalizedArgs');

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

function noop() {}

function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// [options, cb] from the many call forms of connect() and listen().
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = typeof cb === 'function' ? [options, cb] : [options, null];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

function errnoException(err, syscall, original) {
  return new ErrnoException(err, syscall, original);
}

// ---- Socket ------------------------------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options === undefined || options === null) {
    options = {};
  } else if (typeof options === 'number') {
    options = { fd: options };
  } else {
    options = { ...options };
  }
  if (options.objectMode) {
    throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode,
                                    'is not supported');
  } else if (options.readableObjectMode || options.writableObjectMode) {
    throw new ERR_INVALID_ARG_VALUE(
      `options.${options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode'}`,
      options.readableObjectMode || options.writableObjectMode, 'is not supported');
  }
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }

  this.connecting = false;
  this._hadError = false;
  this._parent = null;
  this._host = null;
  this._pendingData = null;
  this._pendingEncoding = '';
  this._peername = null;
  this._sockname = null;
  this[kTimeout] = null;
  this[kBytesRead] = 0;
  this[kBytesWrittenCount] = 0;
  this[kReset] = false;

  // The socket runs its own half-open logic; the Duplex only sees the option afterwards.
  const allowHalfOpen = options.allowHalfOpen;
  options.allowHalfOpen = true;
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  // The socket listens to its signal itself (once), not through the stream's.
  const signal = options.signal;
  options.signal = undefined;
  stream.Duplex.call(this, options);
  this.allowHalfOpen = Boolean(allowHalfOpen);

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    validateInt32(fd, 'fd', 0);
    const type = require('internal/util').guessHandleType(fd);
    if (type === 'PIPE' || type === 'UNIX') {
      this._handle = new Pipe(PipeConstants.SOCKET);
    } else if (type === 'TCP') {
      this._handle = new TCP(TCPConstants.SOCKET);
    } else {
      throw new ERR_INVALID_FD_TYPE(type);
    }
    const err = this._handle.open(fd);
    if (err) throw errnoException(err, 'open');
  } else {
    this._handle = null;
  }

  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);

  initSocketHandle(this);

  this.on('end', onReadableStreamEnd);

  if (this._handle !== null && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  if (signal) addSignal(this, signal);

  this.server = null;
  this._server = null;
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function addSignal(socket, signal) {
  validateAbortSignal(signal, 'options.signal');
  const { AbortError } = require('internal/errors');
  const onAbort = () => socket.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

function initSocketHandle(self) {
  self._undestroy();
  self._sockname = null;
  const handle = self._handle;
  if (handle) {
    handle[kOwner] = self;
    handle.onread = onStreamRead;
  }
}

// The readable side ended: without allowHalfOpen the Duplex ends the writable side too, and
// writes after that fail.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

// handle.onread(nread, arrayBuffer), this === handle.
function onStreamRead(nread, ab) {
  const self = this[kOwner];
  if (self === undefined) return;
  if (nread > 0) {
    if (self.destroyed) return;
    self._unrefTimer();
    const ok = self.push(new FastBuffer(ab, 0, nread));
    if (!ok && this.reading) {
      this.reading = false;
      const err = this.readStop();
      if (err) self.destroy(errnoException(err, 'read'));
    }
    return;
  }
  if (nread === 0) return;
  if (nread !== UV_EOF) {
    self.destroy(errnoException(nread, 'read'));
    return;
  }
  this.reading = false;
  if (self.destroyed) return;
  self.push(null);
  self.read(0);
}

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    // timeout 0 with a timer: one left armed on purpose (it is ignored when it fires).
    if (s[kTimeout] && s.timeout !== 0) s[kTimeout].refresh();
  }
};

Socket.prototype.setTimeout = function setTimeout_(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  validateNumber(msecs, 'msecs');
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  const timer = this[kTimeout];
  if (msecs === 0) {
    // The Timeout object stays for reuse (an HTTP keep-alive socket toggles it per request).
    if (timer) clearTimeout(timer);
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    if (timer && !timer._destroyed && timer._idleTimeout === msecs) {
      // Armed with the same duration: restart it in place.
      timer.refresh();
    } else if (timer) {
      // clearTimeout drops the callback; put it back and re-arm the same object.
      clearTimeout(timer);
      timer._onTimeout = onSocketTimeout;
      timer._idleTimeout = msecs;
      timer.refresh();
    } else {
      this[kTimeout] = setTimeout(onSocketTimeout, msecs, this);
      this[kTimeout].unref();
    }
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

function onSocketTimeout(socket) {
  // A timer left armed after setTimeout(0) (the HTTP server's keep-alive timer during a
  // request) says nothing.
  if (socket.destroyed || socket.timeout === 0) return;
  // Bytes a consumer (the HTTP parser) read straight from the handle are activity too: the
  // timer restarts from the last of them. (Appended behind timers that started later, it can
  // fire late by up to their remaining time.)
  const handle = socket._handle;
  if (handle !== null && handle._consumed) {
    const timer = socket[kTimeout];
    const lastRead = handle.lastConsumedReadTime();
    if (lastRead > timer._idleStart) {
      insertGuarded(timer, timer[kRefed], lastRead);
      return;
    }
  }
  socket.emit('timeout');
}

Socket.prototype._onTimeout = function() {
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function(enable) {
  const value = enable === undefined ? true : !!enable;
  if (!this._handle) {
    this[kSetNoDelay] = value;
    return this;
  }
  if (this._handle.setNoDelay && value !== this[kSetNoDelay]) {
    this[kSetNoDelay] = value;
    this._handle.setNoDelay(value);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (this._handle.setKeepAlive && (enable !== this[kSetKeepAlive] ||
      (enable && this[kSetKeepAliveInitialDelay] !== initialDelay))) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Object.defineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

Object.defineProperty(Socket.prototype, 'pending', {
  __proto__: null,
  get() { return !this._handle || this.connecting; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'readyState', {
  __proto__: null,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  __proto__: null,
  get() {
    // As node: what the stream holds (a handle's own write queue does not count).
    if (this._handle) return this.writableLength;
    return undefined;
  },
});

Object.defineProperty(Socket.prototype, 'bytesRead', {
  __proto__: null,
  // The handle counts what an HTTP parser consumed in C++ too.
  get() { return this._handle ? this._handle.bytesRead : this[kBytesRead]; },
});

Object.defineProperty(Socket.prototype, 'bytesWritten', {
  __proto__: null,
  get() {
    let bytes = this[kBytesWrittenCount];
    const state = this._writableState;
    const data = this._pendingData;
    const encoding = this._pendingEncoding;
    if (!state) return undefined;
    for (const el of this.writableBuffer) {
      bytes += el.chunk instanceof Buffer ? el.chunk.length :
        Buffer.byteLength(el.chunk, el.encoding);
    }
    if (Array.isArray(data)) {
      for (let i = 0; i < data.length; i++) {
        const chunk = data[i];
        if (data.allBuffers || chunk instanceof Buffer) bytes += chunk.length;
        else bytes += Buffer.byteLength(chunk.chunk, chunk.encoding);
      }
    } else if (data) {
      if (typeof data !== 'string') bytes += data.length;
      else bytes += Buffer.byteLength(data, encoding);
    }
    return bytes;
  },
});

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  } else if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (!this._sockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return out;
    this._sockname = out;
  }
  return this._sockname;
};

function peerGetter(key) {
  return { __proto__: null, configurable: true, enumerable: true,
           get() { return this._getpeername()[key]; } };
}
function sockGetter(key) {
  return { __proto__: null, configurable: true, enumerable: true,
           get() { return this._getsockname()[key]; } };
}
Object.defineProperty(Socket.prototype, 'remoteAddress', peerGetter('address'));
Object.defineProperty(Socket.prototype, 'remoteFamily', peerGetter('family'));
Object.defineProperty(Socket.prototype, 'remotePort', peerGetter('port'));
Object.defineProperty(Socket.prototype, 'localAddress', sockGetter('address'));
Object.defineProperty(Socket.prototype, 'localPort', sockGetter('port'));
Object.defineProperty(Socket.prototype, 'localFamily', sockGetter('family'));

Socket.prototype[kOwner] = undefined;

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => {
        this[kReset] = true;
        this.destroy();
      });
    } else {
      this[kReset] = true;
      this.destroy();
    }
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

function ERR_INVALID_HANDLE_TYPE() {
  const { codes } = require('internal/errors');
  return new codes.ERR_INVALID_HANDLE_TYPE();
}

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.pause = function() {
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  return stream.Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  return stream.Duplex.prototype.read.call(this, n);
};

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

// ---- writing -----------------------------------------------------------------------------------

// The binding's string encodings: 0 utf8, 1 latin1, 2 ucs2; -1 means "make a Buffer first".
function encodingCode(encoding) {
  switch (encoding) {
    case 'utf8': case 'utf-8': case undefined: case null: case '':
      return 0;
    case 'latin1': case 'binary': case 'ascii':
      return 1;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
      return 2;
    default:
      return -1;
  }
}

function onWriteComplete(status) {
  const self = this.socket;
  const cb = this.callback;
  if (self.destroyed) {
    if (typeof cb === 'function') cb(null);
    return;
  }
  if (status < 0) {
    const ex = errnoException(status, 'write', this.error);
    if (typeof cb === 'function') cb(ex);
    else self.destroy(ex);
    return;
  }
  self._unrefTimer();
  if (typeof cb === 'function') cb(null);
}

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  const handle = this._handle;
  if (!handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  this._unrefTimer();
  const req = { oncomplete: onWriteComplete, socket: this, callback: null, error: undefined };
  let err;
  if (writev) {
    const allBuffers = data.allBuffers;
    let chunks;
    if (allBuffers) {
      chunks = new Array(data.length);
      for (let i = 0; i < data.length; i++) chunks[i] = data[i].chunk;
    } else {
      chunks = new Array(data.length * 2);
      for (let i = 0; i < data.length; i++) {
        const entry = data[i];
        let chunk = entry.chunk;
        let code = 0;
        if (typeof chunk === 'string') {
          code = encodingCode(entry.encoding);
          if (code === -1) {
            chunk = Buffer.from(chunk, entry.encoding);
            code = 0;
          }
        }
        chunks[i * 2] = chunk;
        chunks[i * 2 + 1] = code;
      }
    }
    err = handle.writev(req, chunks, !!allBuffers);
  } else if (typeof data === 'string') {
    const code = encodingCode(encoding);
    if (code !== -1) {
      err = handle.writeString(req, data, code);
    } else {
      err = handle.writeBuffer(req, Buffer.from(data, encoding));
    }
  } else {
    err = handle.writeBuffer(req, data);
  }
  if (err !== 0) {
    cb(errnoException(err, 'write', req.error));
    return;
  }
  this[kBytesWrittenCount] += streamState[kBytesWritten];
  if (streamState[kLastWriteWasAsync] === 0) {
    cb();
  } else {
    req.callback = cb;
  }
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

function afterShutdown() {
  this.callback();
}

Socket.prototype._final = function(cb) {
  if (this.pending) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (!this._handle) {
    cb();
    return;
  }
  const req = { oncomplete: afterShutdown, callback: cb, handle: this._handle };
  const err = this._handle.shutdown(req);
  if (err === 1 || err === UV_ENOTCONN) {
    cb();
  } else if (err !== 0) {
    cb(errnoException(err, 'shutdown'));
  }
};

// ---- destroying --------------------------------------------------------------------------------

function emitCloseNT(self) {
  self.emit('close');
}

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) {
      clearTimeout(s[kTimeout]);
      s[kTimeout] = null;
    }
  }
  if (this._handle) {
    const isException = exception ? true : false;
    this[kBytesRead] = this.bytesRead;
    this[kBytesWrittenCount] = this.bytesWritten;
    if (this[kReset] && typeof this._handle.reset === 'function') {
      this._handle.reset();
    }
    this._handle.close(() => {
      this.emit('close', isException);
    });
    this._handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

// ---- connecting --------------------------------------------------------------------------------

Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const options = normalized[0];
  const cb = normalized[1];

  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;

  if (this.destroyed) {
    // Reconnecting: the byte counts start again with the new connection.
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this[kBytesRead] = 0;
    this[kBytesWrittenCount] = 0;
    this._undestroy();
  }

  const { path } = options;
  const pipe = !!path;
  if (options.port === undefined && path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }

  if (!this._handle) {
    this._handle = pipe ? new Pipe(PipeConstants.SOCKET) : new TCP(TCPConstants.SOCKET);
    initSocketHandle(this);
  }

  if (cb !== null) this.once('connect', cb);

  this._unrefTimer();
  this.connecting = true;

  if (pipe) {
    validateString(path, 'options.path');
    internalConnect(this, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout, autoSelectFamily } = options;

  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');

  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;

  if (autoSelectFamily != null) {
    validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  } else {
    autoSelectFamily = autoSelectFamilyDefault;
  }
  if (autoSelectFamilyAttemptTimeout !== undefined) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
    if (autoSelectFamilyAttemptTimeout < 10) autoSelectFamilyAttemptTimeout = 10;
  } else {
    autoSelectFamilyAttemptTimeout = autoSelectFamilyAttemptTimeoutDefault;
  }

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) {
        internalConnect(self, host, port, addressType, localAddress, localPort);
      }
    });
    return;
  }

  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const dnsopts = {
    family: socketToDnsFamily(options.family),
    hints: options.hints || 0,
  };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
    dnsopts.all = true;
  }
  self._host = host;
  // The public dns.lookup, as node's: it validates the options (hints) and throws here.
  const lookup = options.lookup || require('dns').lookup;
  lookup(host, dnsopts, function emitLookup(err, ip, addressType) {
    if (!self.connecting) return;
    if (err) {
      self.emit('lookup', err, ip, addressType, host);
      process.nextTick(connectErrorNT, self, err);
      return;
    }
    if (Array.isArray(ip)) {
      // All addresses: try them in order until one connects.
      for (const a of ip) {
        self.emit('lookup', null, a.address, a.family, host);
        if (!self.connecting) return;
      }
      const addresses = ip.filter((a) => isIP(a.address) && (a.family === 4 || a.family === 6));
      if (addresses.length === 0) {
        // Nothing usable: report what is wrong with the first answer.
        const first = ip[0] || {};
        const error = isIP(first.address) ?
          new ERR_INVALID_ADDRESS_FAMILY(first.family, options.host, options.port) :
          new ERR_INVALID_IP_ADDRESS(String(first.address));
        process.nextTick(connectErrorNT, self, error);
        return;
      }
      internalConnectMultiple(self, addresses, port, localAddress, localPort, []);
      return;
    }
    self.emit('lookup', err, ip, addressType, host);
    if (!isIP(ip)) {
      self.destroy(new ERR_INVALID_IP_ADDRESS(ip));
      return;
    }
    if ((addressType !== 4 && addressType !== 6)) {
      self.destroy(new ERR_INVALID_ADDRESS_FAMILY(addressType, options.host, options.port));
      return;
    }
    self._unrefTimer();
    internalConnect(self, ip, port, addressType, localAddress, localPort);
  });
}

function ERR_INVALID_ADDRESS_FAMILY(...args) {
  const { codes } = require('internal/errors');
  return new codes.ERR_INVALID_ADDRESS_FAMILY(...args);
}

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
    default: return family;
  }
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

// Tries each resolved address in turn (sequentially; node races them after a short delay).
function internalConnectMultiple(self, addresses, port, localAddress, localPort, errors) {
  const { address, family } = addresses[0];
  const rest = addresses.slice(1);
  if (rest.length === 0) {
    if (errors.length === 0) {
      internalConnect(self, address, port, family, localAddress, localPort);
      return;
    }
  }
  const req = {
    oncomplete(status) {
      if (self.destroyed) return;
      if (status === 0 || rest.length === 0) {
        if (status !== 0 && errors.length > 0) {
          errors.push(new ExceptionWithHostPort(status, 'connect', address, port));
          self.connecting = false;
          self.destroy(new NodeAggregateError(errors, errors[errors.length - 1].message));
          return;
        }
        afterConnect.call(req, status);
        return;
      }
      errors.push(new ExceptionWithHostPort(status, 'connect', address, port));
      // A failed connect leaves the socket unusable: start over on a fresh handle.
      const old = self._handle;
      self._handle = new TCP(TCPConstants.SOCKET);
      initSocketHandle(self);
      old.onread = noop;
      old.close();
      internalConnectMultiple(self, rest, port, localAddress, localPort, errors);
    },
    socket: self,
    address,
    port,
    localAddress,
    localPort,
  };
  const err = family === 6 ? self._handle.connect6(req, address, port) :
    self._handle.connect(req, address, port);
  if (err) req.oncomplete(err);
}

function internalConnect(self, address, port, addressType, localAddress, localPort) {
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress = localAddress || '0.0.0.0';
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress = localAddress || '::';
      err = self._handle.bind6(localAddress, localPort, 0);
    }
    if (err) {
      const ex = new ExceptionWithHostPort(err, 'bind', localAddress, localPort);
      self.destroy(ex);
      return;
    }
  }
  const req = { oncomplete: afterConnect, socket: self, address, port, localAddress, localPort };
  if (addressType === 6 || addressType === 4) {
    err = addressType === 4 ? self._handle.connect(req, address, port) :
      self._handle.connect6(req, address, port);
  } else {
    err = self._handle.connect(req, address);
  }
  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname && sockname.address) details = sockname.address + ':' + sockname.port;
    const ex = new ExceptionWithHostPort(err, 'connect', address, port, details);
    self.destroy(ex);
  }
}

function afterConnect(status) {
  const self = this.socket;
  if (self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  if (status === 0) {
    // noDelay/keepAlive asked for before the connection are applied once it exists.
    const handle = self._handle;
    if (self[kSetNoDelay] && handle.setNoDelay) handle.setNoDelay(true);
    if (self[kSetKeepAlive] && handle.setKeepAlive) {
      handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }
    self._unrefTimer();
    self.emit('connect');
    self.emit('ready');
    if (self.readable && !self.isPaused()) self.read(0);
    else if (self.readable && self.readableFlowing === null) self.read(0);
  } else {
    let details;
    if (this.localAddress && this.localPort) {
      details = this.localAddress + ':' + this.localPort;
    }
    const ex = new ExceptionWithHostPort(status, 'connect', this.address, this.port, details);
    if (details) {
      ex.localAddress = this.localAddress;
      ex.localPort = this.localPort;
    }
    self.destroy(ex);
  }
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (netClientSocketChannel.hasSubscribers) netClientSocketChannel.publish({ socket });
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// ---- Server ------------------------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof options.keepAliveInitialDelay !== 'undefined') {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  if (typeof options.highWaterMark !== 'undefined') {
    validateNumber(options.highWaterMark, 'options.highWaterMark');
    if (options.highWaterMark < 0) options.highWaterMark = getDefaultHighWaterMark();
  }
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._pipeName = undefined;
  this._connectionKey = undefined;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? getDefaultHighWaterMark();
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  __proto__: null,
  get() { return !!this._handle; },
  configurable: true,
  enumerable: true,
});

// A bound server handle, or -errno. Without an address: '::' (dual stack), else '0.0.0.0'.
function createServerHandle(address, port, addressType, fd, flags) {
  let handle;
  let err = 0;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    const type = require('internal/util').guessHandleType(fd);
    if (type === 'PIPE' || type === 'UNIX') handle = new Pipe(PipeConstants.SERVER);
    else if (type === 'TCP') handle = new TCP(TCPConstants.SERVER);
    else return UV_EINVAL;
    err = handle.open(fd);
    if (err) return err;
    return handle;
  }
  if (port === -1 && addressType === -1) {
    handle = new Pipe(PipeConstants.SERVER);
  } else {
    handle = new TCP(TCPConstants.SERVER);
    isTCP = true;
  }
  if (address || port || isTCP) {
    if (!address) {
      err = handle.bind6('::', port, flags);
      if (err) {
        handle.close();
        return createServerHandle('0.0.0.0', port, 4, undefined, flags);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else if (addressType === -1) {
      err = handle.bind(address);
    } else {
      err = handle.bind(address, port, flags);
    }
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  if (self._handle) self.emit('listening');
}

Server.prototype._listen2 = function setupListenHandle(address, port, addressType, backlog, fd,
                                                        flags) {
  if (!this._handle) {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      // No address: dual-stack '::' when the host has IPv6 (a busy port is reported against
      // '::', as node's deferred bind error is), else '0.0.0.0'.
      rval = createServerHandle('::', port, 6, fd, flags);
      if (typeof rval === 'number' && rval !== UV_EADDRINUSE) {
        rval = null;
        address = '0.0.0.0';
        addressType = 4;
      } else {
        address = '::';
        addressType = 6;
      }
    }
    if (rval === null) rval = createServerHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') {
      const error = new UVExceptionWithHostPort(rval, 'listen', address, port);
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }
  this._handle.onconnection = onconnection;
  this._handle[kOwner] = this;
  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = new UVExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, ex);
    return;
  }
  this._connectionKey = addressType + ':' + address + ':' + port;
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
};

// A cluster worker asks the primary for the handle (internal/cluster/child.js).
function listenInCluster(server, address, port, addressType, backlog, fd, exclusive, flags) {
  if (!require('internal/cluster/state').isWorker || exclusive || server._handle) {
    server._listen2(address, port, addressType, backlog, fd, flags);
    return;
  }
  require('internal/cluster/child')._listenInWorker(server, address, port, addressType, backlog,
                                                     fd, flags);
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
    toNumber(args.length > 2 && args[2]);

  options = options._handle || options.handle || options;
  const flags = getFlags(options.ipv6Only, options.reusePort);

  // listen(), listen(cb), listen(null) and { port: undefined | null }: any free port.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  if (options.signal) addServerSignal(this, options.signal);

  // listen(handle) / listen({ fd }).
  if (options instanceof TCP || options instanceof Pipe) {
    this._handle = options;
    this[kOwner] = this;
    listenInCluster(this, null, -1, -1, backlogFromArgs);
    return this;
  }
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlogFromArgs, options.fd);
    return this;
  }

  if (typeof options.port === 'number' || typeof options.port === 'string' ||
      (typeof options.port === 'undefined' && 'port' in options)) {
    validatePort(options.port, 'options.port');
    const backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined, options.exclusive,
                      flags);
    }
    return this;
  }

  if (options.path && isPipeName(options.path)) {
    const pipeName = this._pipeName = options.path;
    const backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined, options.exclusive);
    if (!this._handle) return this;
    let mode = 0;
    if (options.readableAll === true) mode |= 0o444;
    if (options.writableAll === true) mode |= 0o222;
    if (mode !== 0) {
      try {
        require('fs').chmodSync(pipeName, 0o666 & (mode | 0o111) & ~0o111 | mode);
      } catch (err) {
        this._handle.close();
        this._handle = null;
        throw err;
      }
    }
    return this;
  }

  if (!('port' in options || 'path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options,
                                    'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

// listen({ signal }): aborting closes the server.
function addServerSignal(server, signal) {
  validateAbortSignal(signal, 'options.signal');
  const onAbort = () => server.close();
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    server.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

function getFlags(ipv6Only, reusePort) {
  let flags = 0;
  if (ipv6Only === true) flags |= TCPConstants.UV_TCP_IPV6ONLY;
  if (reusePort === true) flags |= TCPConstants.UV_TCP_REUSEPORT;
  return flags;
}

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  dnsLookup.lookup(address, {}, (err, ip, addressType) => {
    if (err) {
      self.emit('error', err);
    } else {
      addressType = ip ? addressType : 4;
      listenInCluster(self, ip, port, addressType, backlog, undefined, exclusive, flags);
    }
  });
}

// handle.onconnection(status, clientHandle), this === the server handle.
function onconnection(err, clientHandle) {
  const self = this[kOwner];
  if (err) {
    self.emit('error', errnoException(err, 'accept'));
    return;
  }
  if (self.maxConnections != null && self._connections >= self.maxConnections) {
    if (clientHandle.getsockname || clientHandle.getpeername) {
      const data = { __proto__: null };
      if (clientHandle.getsockname) {
        const local = {};
        clientHandle.getsockname(local);
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
      }
      if (clientHandle.getpeername) {
        const remote = {};
        clientHandle.getpeername(remote);
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
      self.emit('drop', data);
    } else {
      self.emit('drop');
    }
    clientHandle.close();
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    highWaterMark: self.highWaterMark,
  });
  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
  if (netServerSocketChannel.hasSubscribers) netServerSocketChannel.publish({ socket });
}

Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    if (this._handle instanceof Pipe) return this._pipeName;
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(err, 'address');
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

Server.prototype.getConnections = function(cb) {
  const self = this;
  function end(err, connections) {
    process.nextTick(cb, err, connections);
  }
  if (this._usingWorkers) {  // Some connections were sent to other processes.
    require('internal/child_process/socket_list').countConnections(this, end);
    return this;
  }
  end(null, this._connections);
  return this;
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  if (this._usingWorkers) require('internal/child_process/socket_list').closeInWorkers(this);
  this._emitCloseIfDrained();
  return this;
};

Server.prototype[Symbol.asyncDispose] = function() {
  if (!this._handle) return Promise.resolve();
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitServerCloseNT, this);
};

function emitServerCloseNT(self) {
  self.emit('close');
}

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Server.prototype._setupWorker = noop;

// events.captureRejections: a rejected async 'connection' listener destroys that socket with
// the error (the socket emits it); any other event's rejection is the server's 'error'.
Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, socket) {
  if (event === 'connection') socket.destroy(err);
  else this.emit('error', err);
};

Object.defineProperty(Server.prototype, 'connections', {
  __proto__: null,
  get() { return this._connections; },
  set(val) { this._connections = val; },
  configurable: true,
  enumerable: false,
});

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  if (value < 10) value = 10;
  autoSelectFamilyAttemptTimeoutDefault = value;
}

// A Windows-only knob in node; elsewhere it only warns (once) that it is deprecated.
let simultaneousAcceptsWarned = false;
function setSimultaneousAccepts() {
  if (simultaneousAcceptsWarned) return;
  simultaneousAcceptsWarned = true;
  process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.',
                      'DeprecationWarning', 'DEP0121');
}

module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts: setSimultaneousAccepts,
  BlockList,
  SocketAddress,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
