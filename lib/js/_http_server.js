'use strict';
// http.Server and http.ServerResponse. Each connection gets an llhttp parser that reads the
// socket handle directly in C++ (parser.consume): received bytes never become JS Buffers
// unless they are a body. Requests are answered in order (pipelining): a response waits in
// state.outgoing until the one before it finished.

const net = require('net');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { setInterval, clearInterval } = require('timers');
const { OutgoingMessage, parseUniqueHeadersOption } = require('_http_outgoing');
const {
  IncomingMessage, dumpUnread, bodyReadOrScheduled, settleDumped,
} = require('_http_incoming');
const {
  HTTPParser, STATUS_CODES, allocParser, freeParser, prepareError, continueExpression,
  chunkExpression, kIncomingMessage, kUniqueHeaders, checkInvalidHeaderChar, kOutHeaders,
  getMaxHeaderSize, kNeedDrain, kHeadersCount, isLenient,
} = require('internal/http/common');
const {
  ConnResetException,
  codes: {
    ERR_HTTP_HEADERS_SENT, ERR_HTTP_INVALID_STATUS_CODE, ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_REQUEST_TIMEOUT, ERR_INVALID_ARG_VALUE, ERR_INVALID_CHAR, ERR_OUT_OF_RANGE,
    ERR_HTTP_SOCKET_ENCODING,
  },
} = require('internal/errors');
const {
  validateBoolean, validateInteger, validateObject, validateLinkHeaderValue,
} = require('internal/validators');
const dc = require('diagnostics_channel');
const { observing, enqueueNodeEntry } = require('internal/perf/observe');
const { now: perfNow } = require('internal/perf/node_timing');
// performance.now() when the message began, while a PerformanceObserver watches 'http'.
const kPerfStart = Symbol('kPerfStart');

// Published only when someone subscribed (one property read otherwise).
const onRequestStartChannel = dc.channel('http.server.request.start');
const onResponseFinishChannel = dc.channel('http.server.response.finish');

const kServerResponse = Symbol('ServerResponse');
const kConnections = Symbol('http.server.connections');
const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');
const kState = Symbol('http.server.state');
const kConnState = Symbol('kConnState');

function nop() {}

// ---- ServerResponse ----------------------------------------------------------------------------

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
};

function onServerResponseClose() {
  // The socket closed under an unfinished response.
  const res = this._httpMessage;
  if (res) emitCloseNT(res);
}

function emitCloseAndSettleNT(res, req) {
  emitCloseNT(res);
  settleDumped(req);
}

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, cb) {
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = validateLinkHeaderValue(hints.link);
  if (link.length === 0) return;
  head += 'Link: ' + link + '\r\n';
  for (const key of Object.keys(hints)) {
    if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
  }
  head += '\r\n';
  this._writeRaw(head, 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;

  let headers;
  if (this[kOutHeaders]) {
    // setHeader() was used: merge obj into the stored headers.
    if (obj) {
      if (Array.isArray(obj)) {
        if (obj.length && Array.isArray(obj[0])) {
          for (const [k, v] of obj) this.appendHeader(k, v);
        } else {
          if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
          // Replace what setHeader stored under the same names, then append.
          for (let n = 0; n < obj.length; n += 2) this.removeHeader(obj[n]);
          for (let n = 0; n < obj.length; n += 2) this.appendHeader(obj[n], obj[n + 1]);
        }
      } else {
        for (const k of Object.keys(obj)) {
          if (k) this.setHeader(k, obj[k]);
        }
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }

  if (checkInvalidHeaderChar(this.statusMessage)) throw new ERR_INVALID_CHAR('statusMessage');

  const statusLine = statusLineOf(statusCode, this.statusMessage);

  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;

  this._storeHeader(statusLine, headers);
  return this;
};

ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// Status lines with the standard text, made once (the same string each time lets the header
// block be recognised as the last one sent).
const standardStatusLines = new Map();
function statusLineOf(statusCode, statusMessage) {
  if (statusMessage !== STATUS_CODES[statusCode]) {
    return `HTTP/1.1 ${statusCode} ${statusMessage}\r\n`;
  }
  let line = standardStatusLines.get(statusCode);
  if (line === undefined) {
    line = `HTTP/1.1 ${statusCode} ${statusMessage}\r\n`;
    standardStatusLines.set(statusCode, line);
  }
  return line;
}

// ---- Server ------------------------------------------------------------------------------------

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecureHTTPParser;

  const requestTimeout = options.requestTimeout;
  if (requestTimeout !== undefined) {
    validateInteger(requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = requestTimeout;
  } else {
    this.requestTimeout = 300_000;
  }

  const headersTimeout = options.headersTimeout;
  if (headersTimeout !== undefined) {
    validateInteger(headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = headersTimeout;
  } else {
    this.headersTimeout = Math.min(60_000, this.requestTimeout);
  }
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }

  const keepAliveTimeout = options.keepAliveTimeout;
  if (keepAliveTimeout !== undefined) {
    validateInteger(keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = keepAliveTimeout;
  } else {
    this.keepAliveTimeout = 5_000;
  }

  const connectionsCheckingInterval = options.connectionsCheckingInterval;
  if (connectionsCheckingInterval !== undefined) {
    validateInteger(connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = connectionsCheckingInterval;
  } else {
    this.connectionsCheckingInterval = 30_000;
  }

  const requireHostHeader = options.requireHostHeader;
  if (requireHostHeader !== undefined) {
    validateBoolean(requireHostHeader, 'options.requireHostHeader');
    this.requireHostHeader = requireHostHeader;
  } else {
    this.requireHostHeader = true;
  }

  const joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (joinDuplicateHeaders !== undefined) {
    validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = joinDuplicateHeaders;

  const rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites;
  if (rejectNonStandardBodyWrites !== undefined) {
    validateBoolean(rejectNonStandardBodyWrites, 'options.rejectNonStandardBodyWrites');
    this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites;
  } else {
    this.rejectNonStandardBodyWrites = false;
  }
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);

  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);

  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
  this[kConnections] = new Set();
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.close = function close() {
  httpServerPreClose(this);
  return net.Server.prototype.close.apply(this, arguments);
};

// events.captureRejections: a rejected async 'request' listener answers 500 with none of the
// headers it had set, or, once the response started, destroys it; other events as net.Server.
Server.prototype[Symbol.for('nodejs.rejection')] = function(err, event, ...args) {
  if (event !== 'request') {
    net.Server.prototype[Symbol.for('nodejs.rejection')].apply(this, arguments);
    return;
  }
  const res = args[1];
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.statusCode = 500;
  res.end(STATUS_CODES[500]);
};

Server.prototype[Symbol.asyncDispose] = function() {
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  for (const socket of this[kConnections]) socket.destroy();
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  for (const socket of this[kConnections]) {
    const state = socket[kState];
    if (state && state.incoming.length === 0 && !socket._httpMessage) socket.destroy();
  }
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

function httpServerPreClose(server) {
  server.closeIdleConnections();
  clearInterval(server[kConnectionsCheckingInterval]);
}

function setupConnectionsTracking() {
  if (!this[kConnections]) this[kConnections] = new Set();
  if (this[kConnectionsCheckingInterval]) clearInterval(this[kConnectionsCheckingInterval]);
  if (this.connectionsCheckingInterval > 0 &&
      (this.headersTimeout > 0 || this.requestTimeout > 0)) {
    this[kConnectionsCheckingInterval] =
      setInterval(checkConnections.bind(this), this.connectionsCheckingInterval).unref();
  }
}

// Requests that take too long to arrive get a 408: headersTimeout until the headers are
// complete, requestTimeout until the whole request is, counted from the connection's start and,
// on a keep-alive connection, from the first byte of each later request (the parser keeps the
// clock).
function checkConnections() {
  const { headersTimeout, requestTimeout } = this;
  if (headersTimeout === 0 && requestTimeout === 0) return;
  const expired = [];
  for (const socket of this[kConnections]) {
    const parser = socket.parser;
    if (parser && parser.expired(headersTimeout, requestTimeout)) expired.push(socket);
  }
  for (let i = 0; i < expired.length; i++) {
    socketOnError.call(expired[i], new ERR_HTTP_REQUEST_TIMEOUT());
  }
}

function connectionListener(socket) {
  connectionListenerInternal(this, socket);
}

function connectionListenerInternal(server, socket) {
  socket.server = server;
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', socketOnTimeout);

  const parser = allocParser();
  parser.initialize(HTTPParser.REQUEST,
                    server.maxHeaderSize || getMaxHeaderSize(),
                    server.insecureHTTPParser === undefined ?
                      isLenient() : server.insecureHTTPParser);
  parser.socket = socket;
  socket.parser = parser;
  if (typeof server.maxHeadersCount === 'number') {
    parser.maxHeaderPairs = server.maxHeadersCount << 1;
  }

  const state = {
    socket,
    server,
    onData: null,
    onEnd: null,
    onClose: null,
    onDrain: null,
    outgoing: [],
    incoming: [],
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
  };
  socket[kState] = state;
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, socket, state);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  parser.onIncoming = parserOnIncoming.bind(undefined, server, socket, state);

  // Read the socket straight into the parser.
  if (socket._handle && typeof socket._handle.readStart === 'function' &&
      !socket._handle._consumed && parser.consume(socket._handle)) {
    parser._consumed = true;
    socket._handle._consumed = true;
    socket.on('pause', onSocketPause);
    socket.on('resume', onSocketResume);
  }
  parser.onExecute = onParserExecute.bind(undefined, server, socket, parser, state);

  socket._paused = false;
  // The parser reads bytes: decoding the socket would break it.
  socket.setEncoding = socketSetEncoding;
  if (parser._consumed) {
    socket.on = socketOnStopsConsuming;
    socket.addListener = socketOnStopsConsuming;
    socket.prependListener = socketPrependStopsConsuming;
  }
  server[kConnections].add(socket);
}

// A 'data' or 'readable' listener on a socket the parser reads directly: its bytes go through
// JS again (handle.onread → 'data' → socketOnData) so that the listener sees them too.
function socketOnStopsConsuming(event, listener) {
  const result = net.Socket.prototype.on.call(this, event, listener);
  if (event === 'data' || event === 'readable') stopConsuming(this);
  return result;
}

function socketPrependStopsConsuming(event, listener) {
  const result = net.Socket.prototype.prependListener.call(this, event, listener);
  if (event === 'data' || event === 'readable') stopConsuming(this);
  return result;
}

function stopConsuming(socket) {
  const parser = socket.parser;
  if (!parser || !parser._consumed) return;
  parser.unconsume();
  parser._consumed = false;
  if (socket._handle) socket._handle._consumed = false;
  socket.removeListener('pause', onSocketPause);
  socket.removeListener('resume', onSocketResume);
}

function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  // Reading resumes once the pipelined responses went out.
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.parser.resume();
    socket.resume();
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg.writableNeedDrain) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function socketOnTimeout() {
  const req = this.parser?.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnClose(socket, state) {
  freeParser(socket.parser, null, socket);
  abortIncoming(state.incoming);
  if (socket.server && socket.server[kConnections]) socket.server[kConnections].delete(socket);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(new ConnResetException('aborted'));
  }
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();
  if (ret instanceof Error) {
    prepareError(ret, parser, undefined);
    socketOnError.call(socket, ret);
    return;
  }
  if (!server.httpAllowHalfOpen) {
    abortIncoming(state.incoming);
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnData(server, socket, parser, state, d) {
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

function onParserExecute(server, socket, parser, state, ret, rest) {
  onParserExecuteCommon(server, socket, parser, state, ret,
                        rest === undefined ? undefined : new FastBuffer(rest), true);
}

const badRequestResponse = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const requestTimeoutResponse = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
const requestHeaderFieldsTooLargeResponse =
  'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
const requestChunkExtensionsTooLargeResponse =
  'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n';

function socketOnError(e) {
  // Errors after this one are not reported again.
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error', nop) === 0) this.on('error', nop);

  if (!this.server.emit('clientError', e, this)) {
    // An error answer only where it cannot land inside a response already under way.
    if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW':
          response = requestHeaderFieldsTooLargeResponse;
          break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
          response = requestChunkExtensionsTooLargeResponse;
          break;
        case 'ERR_HTTP_REQUEST_TIMEOUT':
          response = requestTimeoutResponse;
          break;
        default:
          response = badRequestResponse;
          break;
      }
      this.write(response);
    }
    this.destroy(e);
  }
}

function onParserExecuteCommon(server, socket, parser, state, ret, d, consumed) {
  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    socketOnError.call(socket, ret);
  } else if (parser.incoming && parser.incoming.upgrade) {
    // Upgrade or CONNECT: the socket leaves HTTP.
    const req = parser.incoming;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    socket.removeListener('data', state.onData);
    socket.removeListener('end', state.onEnd);
    socket.removeListener('close', state.onClose);
    socket.removeListener('drain', state.onDrain);
    socket.removeListener('error', socketOnError);
    socket.removeListener('timeout', socketOnTimeout);
    socket.removeListener('pause', onSocketPause);
    socket.removeListener('resume', onSocketResume);
    if (socket._handle) socket._handle._consumed = false;
    parser.finish();
    freeParser(parser, req, socket);
    server[kConnections].delete(socket);
    if (eventName === 'upgrade' || server.listenerCount(eventName) > 0) {
      const bodyHead = consumed ? (d || Buffer.alloc(0)) :
        d.slice(typeof ret === 'number' ? ret : d.length, d.length);
      socket.readableFlowing = null;
      server.emit(eventName, req, socket, bodyHead);
    } else {
      // CONNECT without a handler.
      socket.destroy();
    }
  }
  if (socket._paused && socket.parser) socket.parser.pause();
}

function onSocketResume() {
  // A consumed socket reads through its handle: keep it stopped while we hold it paused.
  if (this._paused) {
    this.pause();
    return;
  }
  if (this._handle && !this._handle.reading) {
    this._handle.reading = true;
    this._handle.readStart();
  }
}

function onSocketPause() {
  if (this._handle && this._handle.reading) {
    this._handle.reading = false;
    this._handle.readStop();
  }
}

// Per-response listeners without per-request closures: the connection state hangs off the
// response.
function onResPendingData(delta) {
  const state = this[kConnState];
  updateOutgoingData(state.socket, state, delta);
}

function onResFinish() {
  const state = this[kConnState];
  resOnFinish(this.req, this, state.socket, state, state.server);
}

function resOnFinish(req, res, socket, state, server) {
  if (res[kPerfStart] !== undefined) {
    enqueueNodeEntry('HttpRequest', 'http', res[kPerfStart], {
      req: { method: req.method, url: req.url, headers: req.headers },
      res: { statusCode: res.statusCode, statusMessage: res.statusMessage,
             headers: res.getHeaders() },
    });
  }
  if (onResponseFinishChannel.hasSubscribers) {
    onResponseFinishChannel.publish({ request: req, response: res, socket, server });
  }
  state.incoming.shift();
  // Nobody read the body: drain it so the next request can be parsed. A body nothing can
  // observe is settled right after the response's 'close' (as node's ticks would leave it).
  const settle = !req._consuming && !bodyReadOrScheduled(req) && dumpUnread(req);
  res.detachSocket(socket);
  if (settle) process.nextTick(emitCloseAndSettleNT, res, req);
  else process.nextTick(emitCloseNT, res);
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

// Whether a request carries a header (lower-case name), read from its raw list: req.headers is
// built on first use, and the checks made on every request should not build it.
function hasRawHeader(req, lower) {
  const count = req[kHeadersCount];
  if (count === undefined) return req.headers[lower] !== undefined;
  const raw = req.rawHeaders;
  for (let i = 0; i < count; i += 2) {
    const name = raw[i];
    if (name.length === lower.length && (name === lower || name.toLowerCase() === lower)) {
      return true;
    }
  }
  return false;
}

function parserOnIncoming(server, socket, state, req, keepAlive) {
  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' || server.listenerCount('upgrade') > 0;
    if (req.upgrade) return 2;
  }

  state.incoming.push(req);

  // A client sending many pipelined requests without reading the answers is paused until
  // the responses drain.
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }

  if (state.keepAliveTimeoutSet) {
    if (server.timeout) {
      socket.setTimeout(0);
      socket.setTimeout(server.timeout);
    } else {
      // No timeout during the request. The keep-alive timer stays armed but silent (net's
      // onSocketTimeout ignores a socket whose timeout is 0); the response's end restarts it,
      // which costs less than a clear and a fresh arm per request.
      socket.timeout = 0;
    }
    state.keepAliveTimeoutSet = false;
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res[kConnState] = state;
  res._onPendingData = onResPendingData;
  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];
  if (observing('http')) res[kPerfStart] = perfNow();

  if (onRequestStartChannel.hasSubscribers) {
    onRequestStartChannel.publish({ request: req, response: res, socket, server });
  }

  if (server.maxRequestsPerSocket > 0) {
    state.requestsCount++;
    res.maxRequestsOnConnectionReached = server.maxRequestsPerSocket <= state.requestsCount;
    if (server.maxRequestsPerSocket < state.requestsCount) {
      res.writeHead(503);
      res.end();
      return 0;
    }
  }

  if (socket._httpMessage) {
    state.outgoing.push(res);
  } else {
    res.assignSocket(socket);
  }

  res.on('finish', onResFinish);

  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (server.requireHostHeader && !hasRawHeader(req, 'host')) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return 0;
    }
    const isRequestsLimitSet = typeof server.maxRequestsPerSocket === 'number' &&
      server.maxRequestsPerSocket > 0;
    void isRequestsLimitSet;
    if (hasRawHeader(req, 'expect')) {
      if (continueExpression.test(req.headers.expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
      return 0;
    }
  }
  server.emit('request', req, res);
  return 0;
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
  httpServerPreClose,
  kConnectionsCheckingInterval,
};
