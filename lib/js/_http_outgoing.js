'use strict';
// http.OutgoingMessage: what ServerResponse and ClientRequest share — header storage, the
// header block (Content-Length / chunked / Date / Connection decided as node does), body
// writes with chunked framing, trailers, and queuing until a socket is assigned.

const Stream = require('stream');
const { Buffer } = require('buffer');
const {
  CRLF, kOutHeaders, kNeedDrain, kUniqueHeaders, kHighWaterMark,
  utcDate, validateHeaderName, validateHeaderValue, checkInvalidHeaderChar, checkIsHttpToken,
} = require('internal/http/common');
const { getDefaultHighWaterMark } = require('internal/streams/state');
const {
  codes: {
    ERR_HTTP_CONTENT_LENGTH_MISMATCH, ERR_HTTP_HEADERS_SENT, ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID, ERR_HTTP_BODY_NOT_ALLOWED, ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE, ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN, ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_CANNOT_PIPE, ERR_STREAM_ALREADY_FINISHED, ERR_STREAM_WRITE_AFTER_END,
    ERR_STREAM_NULL_VALUES, ERR_STREAM_DESTROYED,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { Socket: NetSocket } = require('net');

const kCorked = Symbol('corked');
const kChunkedBuffer = Symbol('kChunkedBuffer');
const kChunkedLength = Symbol('kChunkedLength');
const kBytesWritten = Symbol('kBytesWritten');
const kErrored = Symbol('errored');

const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;
const RE_TE_CHUNKED = /(?:^|\W)chunked(?:$|\W)/i;

function nop() {}

function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this[kBytesWritten] = 0;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this[kChunkedBuffer] = [];
  this[kChunkedLength] = 0;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
  this[kErrored] = null;
  this[kHighWaterMark] = options?.highWaterMark ?? getDefaultHighWaterMark();
  this[kRejectNonStandardBodyWrites] = options?.rejectNonStandardBodyWrites ?? false;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');

Object.defineProperty(OutgoingMessage.prototype, 'errored', {
  __proto__: null, get() { return this[kErrored]; },
});
Object.defineProperty(OutgoingMessage.prototype, 'closed', {
  __proto__: null, get() { return this._closed; },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableFinished', {
  __proto__: null,
  get() {
    return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0);
  },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableObjectMode', {
  __proto__: null, get() { return false; },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableLength', {
  __proto__: null,
  get() {
    return this.outputSize + this[kChunkedLength] + (this.socket ? this.socket.writableLength : 0);
  },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableHighWaterMark', {
  __proto__: null,
  get() { return this.socket ? this.socket.writableHighWaterMark : this[kHighWaterMark]; },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableCorked', {
  // With a socket, the socket's count (cork() passes through to it); before, our own.
  __proto__: null, get() { return this.socket ? this.socket.writableCorked : this[kCorked]; },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableEnded', {
  __proto__: null, get() { return this.finished; },
});
Object.defineProperty(OutgoingMessage.prototype, 'writableNeedDrain', {
  __proto__: null, get() { return !this.destroyed && !this.finished && this[kNeedDrain]; },
});
Object.defineProperty(OutgoingMessage.prototype, 'connection', {
  __proto__: null,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});
Object.defineProperty(OutgoingMessage.prototype, 'headersSent', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return !!this._header; },
});

// Old views of the header store (DEP0066): _headers as a name -> value object, _headerNames as
// a lower-case name -> name-as-set object; both setters write through to the store.
const { deprecate } = require('internal/util');
Object.defineProperty(OutgoingMessage.prototype, '_headers', {
  __proto__: null, configurable: true, enumerable: false,
  get: deprecate(function() {
    return this.getHeaders();
  }, 'OutgoingMessage.prototype._headers is deprecated', 'DEP0066'),
  set: deprecate(function(val) {
    if (val == null) {
      this[kOutHeaders] = null;
    } else if (typeof val === 'object') {
      const headers = this[kOutHeaders] = new Map();
      for (const name of Object.keys(val)) headers.set(name.toLowerCase(), [name, val[name]]);
    }
  }, 'OutgoingMessage.prototype._headers is deprecated', 'DEP0066'),
});
Object.defineProperty(OutgoingMessage.prototype, '_headerNames', {
  __proto__: null, configurable: true, enumerable: false,
  get: deprecate(function() {
    const headers = this[kOutHeaders];
    if (headers === null) return null;
    const names = { __proto__: null };
    for (const { 0: key, 1: entry } of headers) names[key] = entry[0];
    return names;
  }, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'),
  set: deprecate(function(val) {
    const headers = this[kOutHeaders];
    if (typeof val !== 'object' || val === null || headers === null) return;
    for (const key of Object.keys(val)) {
      const entry = headers.get(key);
      if (entry !== undefined) entry[0] = val[key];
    }
  }, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'),
});

OutgoingMessage.prototype.cork = function() {
  if (this.socket) this.socket.cork();
  else this[kCorked]++;
};

OutgoingMessage.prototype.uncork = function() {
  if (this.socket) this.socket.uncork();
  else if (this[kCorked]) this[kCorked]--;
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) {
    this.once('socket', function socketSetTimeoutOnConnect(socket) {
      socket.setTimeout(msecs);
    });
  } else {
    this.socket.setTimeout(msecs);
  }
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) {
    this.socket.destroy(error);
  } else {
    this.once('socket', function socketDestroyOnConnect(socket) {
      socket.destroy(error);
    });
  }
  return this;
};

// Header text plus data: the first send carries the header block.
OutgoingMessage.prototype._send = function _send(data, encoding, callback, byteLength) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      const header = this._header;
      this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
      this.outputSize += header.length;
      this._onPendingData(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback, byteLength);
};

OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding, callback, size) {
  const conn = this.socket;
  if (conn?.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  // Buffer until a socket is assigned.
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this[kHighWaterMark];
};

// firstLine: 'HTTP/1.1 200 OK\r\n' or 'GET / HTTP/1.1\r\n'; headers: our [name, value] store,
// a plain object, or an array (flat or of pairs).
OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers) {
  const state = {
    connection: false,
    contLen: false,
    te: false,
    date: false,
    expect: false,
    trailer: false,
    pieces: [firstLine],
  };

  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const entry of headers.values()) {
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (let i = 0; i < headers.length; i++) {
          const entry = headers[i];
          processHeader(this, state, entry[0], entry[1], true);
        }
      } else {
        if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
        for (let n = 0; n < headers.length; n += 2) {
          processHeader(this, state, headers[n], headers[n + 1], true);
        }
      }
    } else {
      for (const key in headers) {
        if (Object.prototype.hasOwnProperty.call(headers, key)) {
          processHeader(this, state, key, headers[key], true);
        }
      }
    }
  }

  const { pieces } = state;

  if (this.sendDate && !state.date) pieces.push('Date: ', utcDate(), CRLF);

  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this.chunkedEncoding = false;
    this.shouldKeepAlive = false;
  }

  if (this._removedConnection) {
    // The user removed Connection: no header, and the peer decides.
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const shouldSendKeepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      pieces.push('Connection: close\r\n');
    } else if (shouldSendKeepAlive) {
      pieces.push('Connection: keep-alive\r\n');
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        pieces.push('Keep-Alive: timeout=', '' + Math.floor(this._keepAliveTimeout / 1000));
        if (~~this._maxRequestsPerSocket > 0) pieces.push(', max=', '' + this._maxRequestsPerSocket);
        pieces.push(CRLF);
      }
    } else {
      this._last = true;
      pieces.push('Connection: close\r\n');
    }
  }

  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen &&
               typeof this._contentLength === 'number') {
      pieces.push('Content-Length: ', '' + this._contentLength, CRLF);
    } else if (!this._removedTE) {
      pieces.push('Transfer-Encoding: chunked\r\n');
      this.chunkedEncoding = true;
    } else {
      // Both removed by the user: close delimits the body.
      this._last = true;
    }
  }

  if (this.chunkedEncoding !== true && state.trailer) {
    throw new ERR_HTTP_TRAILER_INVALID();
  }

  pieces.push(CRLF);
  this._header = joinHeader(pieces);
  this._headerSent = false;

  // A client waiting for 100-continue gets the headers now.
  if (state.expect) this._send('');
};

// The header block is collected as pieces and joined once into a flat string (built with +=
// it is a tree of ~20 pieces that the socket write has to flatten: a copy into a fresh heap
// string). A server mostly sends the same block again (its Date line changes once a second):
// pieces equal to the last block's give the last block's string.
let lastPieces = null;
let lastHeader = '';
function joinHeader(pieces) {
  const last = lastPieces;
  const n = pieces.length;
  if (last !== null && last.length === n) {
    let i = 0;
    while (i < n && pieces[i] === last[i]) i++;
    if (i === n) return lastHeader;
  }
  lastPieces = pieces;
  lastHeader = pieces.join('');
  return lastHeader;
}

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (key.length === 19 && self._contentLength && lowerCaseName(key) === 'content-disposition') {
    value = contentDispositionAsUtf8(value);
  }
  if (Array.isArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) &&
        (!self[kUniqueHeaders] || !self[kUniqueHeaders].has(key.toLowerCase()))) {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

// As node: once the body length is known, a Content-Disposition value given as latin1 text
// (bytes of a UTF-8 file name) is read back as UTF-8, so the header block's UTF-8 write puts
// the original bytes on the wire.
function contentDispositionAsUtf8(value) {
  if (Array.isArray(value)) return value.map(contentDispositionAsUtf8);
  return Buffer.from(value, 'latin1').toString();
}

function isCookieField(s) {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.pieces.push(key, ': ', typeof value === 'string' ? value : '' + value, CRLF);
  matchHeader(self, state, key, value);
}

function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = lowerCaseName(field);
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (RE_CONN_CLOSE.test(value)) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (RE_TE_CHUNKED.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

// Lower-cased header names, remembered for the names a program uses again and again.
const lowerCaseCache = new Map();
function lowerCaseName(name) {
  let lower = lowerCaseCache.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerCaseCache.size < 1000) lowerCaseCache.set(name, lower);
  }
  return lower;
}

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = new Map();
  headers.set(lowerCaseName(name), [name, value]);
  return this;
};

OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' ||
      typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  const cookies = [];
  for (const { 0: key, 1: value } of headers) {
    if (key === 'set-cookie') {
      if (Array.isArray(value)) cookies.push(...value);
      else cookies.push(value);
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = lowerCaseName(name);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = new Map();
  const entry = headers.get(field);
  if (entry === undefined) {
    headers.set(field, [name, value]);
    return this;
  }
  const existing = entry[1];
  const list = Array.isArray(existing) ? existing : [existing];
  if (Array.isArray(value)) list.push(...value);
  else list.push(value);
  entry[1] = list;
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return;
  const entry = headers.get(lowerCaseName(name));
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? [...this[kOutHeaders].keys()] : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Array.from(headers.values(), (entry) => entry[0]);
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const ret = { __proto__: null };
  if (headers) {
    for (const { 0: key, 1: entry } of headers) ret[key] = entry[1];
  }
  return ret;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null && this[kOutHeaders].has(lowerCaseName(name));
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  switch (key) {
    case 'connection':
      this._removedConnection = true;
      break;
    case 'content-length':
      this._removedContLen = true;
      break;
    case 'transfer-encoding':
      this._removedTE = true;
      break;
    case 'date':
      this.sendDate = false;
      break;
  }
  if (this[kOutHeaders] !== null) this[kOutHeaders].delete(key);
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = write_(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

function onError(msg, err, callback) {
  if (msg.socket?._hadError) return;
  process.nextTick(emitErrorNt, msg, err, callback);
}

function emitErrorNt(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
}

function strictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null && msg._hasBody &&
    !msg._removedContLen && !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}

// Returned by write_ when `finish` went out with the chunk (end()'s single-write path).
const kFinishSent = 2;

// finish: given by end() when the socket is idle and uncorked; a plain body then leaves in one
// socket write together with the header and carries the 'finish' callback.
function write_(msg, chunk, encoding, callback, fromEnd, finish) {
  if (typeof callback !== 'function') callback = nop;

  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }

  let err;
  if (msg.finished) {
    err = new ERR_STREAM_WRITE_AFTER_END();
  } else if (msg.destroyed) {
    err = new ERR_STREAM_DESTROYED('write');
  }
  if (err) {
    if (!msg.destroyed) onError(msg, err, callback);
    else process.nextTick(callback, err);
    return false;
  }

  let len;
  if (msg.strictContentLength) {
    len ??= typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    if (strictContentLength(msg) &&
        (fromEnd ? msg[kBytesWritten] + len !== msg._contentLength :
          msg[kBytesWritten] + len > msg._contentLength)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(len + msg[kBytesWritten], msg._contentLength);
    }
    msg[kBytesWritten] += len;
  }

  if (!msg._header) {
    if (fromEnd) {
      len ??= typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    process.nextTick(callback);
    return true;
  }

  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    // Coalesce this write with what follows in the same tick (header + body in one send).
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    // Four pieces: corked so they leave together (end() uncorks).
    if (finish !== undefined) msg.socket.cork();
    len ??= typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    msg._send(len.toString(16), 'latin1', null);
    msg._send(CRLF, 'latin1', null);
    msg._send(chunk, encoding, null, len);
    ret = msg._send(CRLF, 'latin1', callback);
  } else if (finish !== undefined) {
    msg._send(chunk, encoding, finish, len);
    ret = kFinishSent;
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

// True when what end() sends is one socket write: the socket is ours, idle and uncorked, and
// the header (if still unsent) can be joined with the chunk into one string. Only a net.Socket:
// any other Writable sees node's own sequence (the body, then an empty write).
function endsInOneWrite(msg, chunk, encoding) {
  const socket = msg.socket;
  if (socket === null || socket._httpMessage !== msg || msg.destroyed ||
      !(socket instanceof NetSocket) ||
      msg.outputData.length !== 0 || msg[kCorked] !== 0 || socket.writableCorked !== 0) {
    return false;
  }
  if (msg._headerSent || !chunk) return true;
  return typeof chunk === 'string' && (!encoding || encoding === 'utf8' || encoding === 'latin1');
}

function connectionCorkNT(conn) {
  conn.uncork();
}

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const keys = Object.keys(headers);
  const isArray = Array.isArray(headers);
  for (let i = 0, l = keys.length; i < l; i++) {
    let field, value;
    const key = keys[i];
    if (isArray) {
      field = headers[key][0];
      value = headers[key][1];
    } else {
      field = key;
      value = headers[key];
    }
    if (typeof field !== 'string' || !field || !checkIsHttpToken(field)) {
      throw new ERR_INVALID_HTTP_TOKEN('Trailer name', field);
    }
    if (Array.isArray(value) && value.length > 1 &&
        (!this[kUniqueHeaders] || !this[kUniqueHeaders].has(field.toLowerCase()))) {
      for (let j = 0, l = value.length; j < l; j++) {
        if (checkInvalidHeaderChar(value[j])) throw new ERR_INVALID_CHAR('trailer content', field);
        this._trailer += field + ': ' + value[j] + CRLF;
      }
    } else {
      if (Array.isArray(value)) value = value.join('; ');
      if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('trailer content', field);
      this._trailer += field + ': ' + value + CRLF;
    }
  }
};

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  outmsg.emit('finish');
}

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }

  const finish = onFinish.bind(undefined, this);
  let finishSent = false;
  if (chunk) {
    if (this.finished) {
      onError(this, new ERR_STREAM_WRITE_AFTER_END(),
              typeof callback !== 'function' ? nop : callback);
      return this;
    }
    if (endsInOneWrite(this, chunk, encoding)) {
      finishSent = write_(this, chunk, encoding, null, true, finish) === kFinishSent;
    } else {
      if (this.socket) this.socket.cork();
      write_(this, chunk, encoding, null, true);
    }
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) {
        this.on('finish', callback);
      } else {
        callback(new ERR_STREAM_ALREADY_FINISHED('end'));
      }
    }
    return this;
  } else if (!this._header) {
    if (this.socket && !endsInOneWrite(this, chunk, encoding)) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }

  if (typeof callback === 'function') this.once('finish', callback);

  if (strictContentLength(this) && this[kBytesWritten] !== this._contentLength) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten], this._contentLength);
  }

  if (finishSent) {
    // The body carried 'finish'.
  } else if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }

  if (this.socket && this.socket.writableCorked !== 0) {
    // Fully uncork: what was corked above goes out in one write.
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  this[kCorked] = 0;

  this.finished = true;

  // The last piece may still wait for a socket; _finish runs when it is flushed.
  if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) {
    this._finish();
  }
  return this;
};

OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

// Sends what was queued before the socket was assigned.
OutgoingMessage.prototype._flush = function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) {
      this._finish();
    } else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const outputLength = this.outputData.length;
  if (outputLength <= 0) return undefined;
  const outputData = this.outputData;
  socket.cork();
  let ret;
  for (let i = 0; i < outputLength; i++) {
    const { data, encoding, callback } = outputData[i];
    outputData[i].data = null;
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  // Force-flush the headers.
  this._send('');
};

OutgoingMessage.prototype.pipe = function pipe() {
  // OutgoingMessage should be write-only. Piping from it is disabled.
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

OutgoingMessage.prototype[Symbol.for('nodejs.rejection')] = function(err, event, ...args) {
  this.destroy(err);
};

function parseUniqueHeadersOption(headers) {
  if (!Array.isArray(headers)) return null;
  const unique = new Set();
  const l = headers.length;
  for (let i = 0; i < l; i++) unique.add(String(headers[i]).toLowerCase());
  return unique;
}

module.exports = {
  kHighWaterMark,
  kUniqueHeaders,
  parseUniqueHeadersOption,
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
};
