'use strict';
// node:dgram — UDP sockets over internalBinding('udp_wrap'): datagrams are received after a
// readiness wakeup with non-blocking recvmsg, sent with ring sendmsg (one in flight, the rest
// queued in order).

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { UDP, constants: { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR } } = internalBinding('udp_wrap');
const { isIP } = require('internal/net/ip');
const { deprecate } = require('internal/util');
const {
  ErrnoException, ExceptionWithHostPort,
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_SOCKET_ALREADY_BOUND, ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BUFFER_SIZE, ERR_SOCKET_DGRAM_IS_CONNECTED, ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING, ERR_SOCKET_BAD_TYPE, ERR_INVALID_FD_TYPE, ERR_BUFFER_OUT_OF_BOUNDS,
  },
} = require('internal/errors');
const {
  validateAbortSignal, validateFunction, validateNumber, validateOneOf, validatePort,
  validateString, validateInt32,
} = require('internal/validators');

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;
const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;
const RECV_BUFFER = true;
const SEND_BUFFER = false;

const kStateSymbol = Symbol('state symbol');
const kOwner = Symbol('owner');

function errnoException(err, syscall) {
  return new ErrnoException(err, syscall);
}

function Socket(type, listener) {
  EventEmitter.call(this);
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (lookup !== undefined) validateFunction(lookup, 'lookup');
    recvBufferSize = options.recvBufferSize;
    sendBufferSize = options.sendBufferSize;
  }
  if (type !== 'udp4' && type !== 'udp6') throw new ERR_SOCKET_BAD_TYPE();

  const handle = new UDP();
  handle[kOwner] = this;
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);

  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
    // Custom lookups get (host, family, cb), as dns.lookup; the default is read at call time.
    lookup: lookup || ((host, fam, cb) => require('dns').lookup(host, fam, cb)),
  };

  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function family(type) {
  return type === 'udp6' ? 6 : 4;
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);
  socket.emit('listening');
}

function replaceHandle(self, newHandle) {
  const state = self[kStateSymbol];
  const oldHandle = state.handle;
  newHandle[kOwner] = self;
  state.handle = newHandle;
  oldHandle.close();
}

Socket.prototype.bind = function(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    const removeListeners = () => {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    };
    const onListening = () => {
      removeListeners();
      cb.call(this);
    };
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  if (port !== null && typeof port === 'object' && typeof port.recvStart === 'function') {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }

  // bind({ fd })
  if (port !== null && typeof port === 'object' && typeof port.fd === 'number' && port.fd >= 0) {
    const fd = port.fd;
    const type = require('internal/util').guessHandleType(fd);
    if (type !== 'UDP') throw new ERR_INVALID_FD_TYPE(type);
    const err = state.handle.open(fd);
    if (err) throw errnoException(err, 'open');
    startListening(this);
    return this;
  }

  let address;
  let exclusive;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
    exclusive = false;
  }

  // Defaulting address for bind to all interfaces.
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.lookup(address, family(this.type), (err, ip) => {
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }
    if (!state.handle) return;  // Closed meanwhile.
    let flags = 0;
    if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
    if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
    const p = port || 0;
    // A cluster worker shares the primary's socket (internal/cluster/child.js).
    if (!exclusive && require('internal/cluster/state').isWorker) {
      require('internal/cluster/child')._bindInWorker(this, ip, p, flags, (errno, handle) => {
        if (errno) {
          state.bindState = BIND_STATE_UNBOUND;
          this.emit('error', new ExceptionWithHostPort(errno, 'bind', ip, p));
        } else if (state.handle) {
          replaceHandle(this, handle);
          startListening(this);
        } else {
          handle.close();
        }
      });
      return;
    }
    const error = this.type === 'udp4' ? state.handle.bind(ip, p, flags) :
      state.handle.bind6(ip, p, flags);
    if (error) {
      const ex = new ExceptionWithHostPort(error, 'bind', ip, p);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }
    startListening(this);
  });
  return this;
};

Socket.prototype.connect = function(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) {
    throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, () => _connect.call(this, port, address, callback));
    return;
  }
  _connect.call(this, port, address, callback);
};

function _connect(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  const afterDns = (ex, ip) => {
    defaultTriggerConnect(this, port, address, ip, ex);
  };
  if (!address) address = this.type === 'udp4' ? '127.0.0.1' : '::1';
  state.lookup(address, family(this.type), afterDns);
}

function defaultTriggerConnect(self, port, address, ip, ex) {
  const state = self[kStateSymbol];
  if (!state.handle) return;
  if (!ex) {
    const err = self.type === 'udp4' ? state.handle.connect(ip, port) :
      state.handle.connect6(ip, port);
    if (err) ex = new ExceptionWithHostPort(err, 'connect', address, port);
  }
  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => self.emit('error', ex));
  } else {
    state.connectState = CONNECT_STATE_CONNECTED;
    process.nextTick(() => self.emit('connect'));
  }
}

Socket.prototype.disconnect = function() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// Sends queued while the socket binds go out once it is listening.
function enqueue(self, toEnqueue) {
  const state = self[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  state.queue.push(toEnqueue);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  clearQueue.call(this);
}

function onListenError(err) {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

function clearQueue() {
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (const queueEntry of queue) queueEntry();
}

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                   buffer);
  }
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

function fixBufferList(list) {
  const newlist = new Array(list.length);
  for (let i = 0, l = list.length; i < l; i++) {
    const buf = list[i];
    if (typeof buf === 'string') {
      newlist[i] = Buffer.from(buf);
    } else if (!ArrayBuffer.isView(buf)) {
      return null;
    } else {
      newlist[i] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    }
  }
  return newlist;
}

// send(msg, [offset, length,] port [, address] [, callback]) or send(msg[, callback]) when
// connected.
Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  let list;
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }

  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (!ArrayBuffer.isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                     buffer);
    } else {
      list = [Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)];
    }
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments',
                                   ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);

  // Normalize callback so it's either a function or undefined but not anything else.
  if (typeof callback !== 'function') callback = undefined;

  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);

  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);

  if (list.length === 0) list.push(Buffer.alloc(0));

  // Not bound yet: send after 'listening'.
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, () => this.send(list, port, address, callback));
    return;
  }

  const afterDns = (ex, ip) => {
    doSend(ex, this, ip, list, address, port, callback);
  };

  if (!connected) {
    if (!address) address = this.type === 'udp4' ? '127.0.0.1' : '::1';
    state.lookup(address, family(this.type), afterDns);
  } else {
    afterDns(null, null);
  }
};

function doSend(ex, self, ip, list, address, port, callback) {
  const state = self[kStateSymbol];
  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => self.emit('error', ex));
    return;
  } else if (!state.handle) {
    return;
  }
  const req = {
    list,
    address,
    port,
    callback,
    oncomplete: afterSend,
  };
  let err;
  if (port) {
    err = self.type === 'udp4' ? state.handle.send(req, list, port, ip) :
      state.handle.send6(req, list, port, ip);
  } else {
    err = state.handle.send(req, list);
  }
  if (err && callback) {
    const e = new ExceptionWithHostPort(err, 'send', address, port);
    process.nextTick(callback, e);
  }
}

function afterSend(err, sent) {
  if (err) {
    err = new ExceptionWithHostPort(err, 'send', this.address, this.port);
  } else {
    err = null;
  }
  if (this.callback) this.callback(err, sent);
}

Socket.prototype.close = function(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;
  if (typeof callback === 'function') this.on('close', callback);
  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(socketCloseNT, this);
  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this[kStateSymbol].handle) return;
  await new Promise((resolve) => this.close(resolve));
};

function socketCloseNT(self) {
  self.emit('close');
}

Socket.prototype.address = function() {
  healthCheck(this);
  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw errnoException(err, 'getpeername');
  return out;
};

Socket.prototype.setBroadcast = function(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw errnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw errnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface = function(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

Socket.prototype.addMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.addMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.dropMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropMembership');
};

Socket.prototype.addSourceSpecificMembership = function(sourceAddress, groupAddress,
                                                        interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.addSourceSpecificMembership(sourceAddress, groupAddress,
                                                                    interfaceAddress);
  if (err) throw errnoException(err, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function(sourceAddress, groupAddress,
                                                         interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.dropSourceSpecificMembership(sourceAddress, groupAddress,
                                                                     interfaceAddress);
  if (err) throw errnoException(err, 'dropSourceSpecificMembership');
};

// The old positional form of send(); every argument is required.
Socket.prototype.sendto = function(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

// Internals that node exposed on the prototype once: reachable still, with DEP0112.
const stateProperties = {
  _handle: 'handle',
  _receiving: 'receiving',
  _bindState: 'bindState',
  _queue: 'queue',
  _reuseAddr: 'reuseAddr',
};
for (const name of Object.keys(stateProperties)) {
  const key = stateProperties[name];
  const message = `Socket.prototype.${name} is deprecated`;
  Object.defineProperty(Socket.prototype, name, {
    __proto__: null,
    configurable: true,
    get: deprecate(function() { return this[kStateSymbol][key]; }, message, 'DEP0112'),
    set: deprecate(function(value) { this[kStateSymbol][key] = value; }, message, 'DEP0112'),
  });
}
Socket.prototype._healthCheck = deprecate(function() { healthCheck(this); },
                                          'Socket.prototype._healthCheck() is deprecated',
                                          'DEP0112');
Socket.prototype._stopReceiving = deprecate(function() { stopReceiving(this); },
                                            'Socket.prototype._stopReceiving() is deprecated',
                                            'DEP0112');

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

// handle.onmessage(nread, arrayBuffer, address, family, port), this === handle.
function onMessage(nread, ab, address, familyName, port) {
  const self = this[kOwner];
  if (nread < 0) {
    self.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  const rinfo = { address, family: familyName, port, size: nread };
  self.emit('message', new FastBuffer(ab, 0, nread), rinfo);
}

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const handle = self[kStateSymbol].handle;
  const ret = handle ? handle.bufferSize(size, buffer) : -9;
  if (ret < 0) {
    const { 0: code, 1: message } = require('internal/errors').uvErrmapGet(ret) ||
      ['UNKNOWN', 'unknown error'];
    throw new ERR_SOCKET_BUFFER_SIZE({
      errno: ret,
      code,
      message,
      syscall: buffer === RECV_BUFFER ? 'uv_recv_buffer_size' : 'uv_send_buffer_size',
    });
  }
  return ret;
}

Socket.prototype.setRecvBufferSize = function(size) {
  bufferSize(this, size, RECV_BUFFER);
};

Socket.prototype.setSendBufferSize = function(size) {
  bufferSize(this, size, SEND_BUFFER);
};

Socket.prototype.getRecvBufferSize = function() {
  return bufferSize(this, 0, RECV_BUFFER);
};

Socket.prototype.getSendBufferSize = function() {
  return bufferSize(this, 0, SEND_BUFFER);
};

Socket.prototype.getSendQueueSize = function() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

Socket.prototype.ref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

module.exports = {
  _createSocketHandle() {
    throw new (require('internal/errors').codes.ERR_NOT_IMPLEMENTED)('dgram._createSocketHandle');
  },
  createSocket,
  Socket,
};
