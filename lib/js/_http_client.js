'use strict';
// http.ClientRequest: an OutgoingMessage whose socket comes from an Agent (or
// createConnection); the response is parsed from the socket's 'data' events and handed out as
// an IncomingMessage ('response'), with 1xx as 'information', 101/CONNECT as
// 'upgrade'/'connect', and the socket returned to the agent once both sides are done.

const net = require('net');
const { Buffer } = require('buffer');
const { URL, urlToHttpOptions, isURL } = require('internal/url');
const { OutgoingMessage } = require('_http_outgoing');
const agentModule = require('_http_agent');
const { Agent } = agentModule;
const {
  HTTPParser, allocParser, freeParser, prepareError, checkIsHttpToken, kOutHeaders,
  kUniqueHeaders, getMaxHeaderSize, freeSocketErrorListener, isLenient,
} = require('internal/http/common');
const { parseUniqueHeadersOption } = require('_http_outgoing');
const {
  ConnResetException,
  codes: {
    ERR_HTTP_HEADERS_SENT, ERR_INVALID_ARG_TYPE, ERR_INVALID_HTTP_TOKEN, ERR_INVALID_PROTOCOL,
    ERR_UNESCAPED_CHARACTERS,
  },
} = require('internal/errors');
const {
  validateInteger, validateBoolean, validateFunction, validateString,
} = require('internal/validators');
const dc = require('diagnostics_channel');
const { observing, enqueueNodeEntry } = require('internal/perf/observe');
const { now: perfNow } = require('internal/perf/node_timing');
// performance.now() when the message began, while a PerformanceObserver watches 'http'.
const kPerfStart = Symbol('kPerfStart');

// Published only when someone subscribed (one property read otherwise).
const onClientRequestStartChannel = dc.channel('http.client.request.start');
const onClientResponseFinishChannel = dc.channel('http.client.response.finish');

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
const kError = Symbol('kError');

function nop() {}

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);

  if (typeof input === 'string') {
    const urlStr = input;
    input = urlToHttpOptions(new URL(urlStr));
  } else if (isURL(input)) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }

  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }

  let agent = options.agent;
  const defaultAgent = options._defaultAgent || agentModule.globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
    // Explicitly pass through this statement as agent will not be used when createConnection
    // is provided.
    options.agent = agent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'],
                                   agent);
  }
  this.agent = agent;

  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent?.protocol) expectedProtocol = this.agent.protocol;

  if (options.path) {
    const path = String(options.path);
    if (INVALID_PATH_REGEX.test(path)) throw new ERR_UNESCAPED_CHARACTERS('Request path');
  }

  if (protocol !== expectedProtocol) {
    throw new ERR_INVALID_PROTOCOL(protocol, expectedProtocol);
  }

  const defaultPort = options.defaultPort || (this.agent?.defaultPort);
  const optsWithoutSignal = { __proto__: null, ...options };
  // The request listens to the signal itself; the socket must not listen as well.
  delete optsWithoutSignal.signal;

  const port = optsWithoutSignal.port = options.port || defaultPort || 80;
  const host = optsWithoutSignal.host = validateHost(options.hostname, 'hostname') ||
    validateHost(options.host, 'host') || 'localhost';

  const setHost = options.setHost === undefined || Boolean(options.setHost);

  this.socketPath = options.socketPath;

  if (options.timeout !== undefined) {
    validateInteger(options.timeout, 'timeout', 0);
    this.timeout = options.timeout;
  }

  const signal = options.signal;
  if (signal) addAbortSignal(signal, this);

  let method = options.method;
  const methodIsString = typeof method === 'string';
  if (method !== null && method !== undefined && !methodIsString) {
    throw new ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  }
  if (methodIsString && method) {
    if (!checkIsHttpToken(method)) throw new ERR_INVALID_HTTP_TOKEN('Method', method);
    method = this.method = method.toUpperCase();
  } else {
    method = this.method = 'GET';
  }

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) {
    validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  }
  this.insecureHTTPParser = insecureHTTPParser;

  if (options.joinDuplicateHeaders !== undefined) {
    validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;

  this.path = options.path || '/';
  if (cb) this.once('response', cb);

  if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'OPTIONS' ||
      method === 'TRACE' || method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }

  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;
  if (observing('http')) this[kPerfStart] = perfNow();

  if (this.agent) {
    // Keep-alive only where the agent pools sockets.
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }

  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      const keys = Object.keys(options.headers);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        this.setHeader(key, options.headers[key]);
      }
    }

    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      // IPv6 literals go in brackets.
      const posColon = hostHeader.indexOf(':');
      if (posColon !== -1 && hostHeader.includes(':', posColon + 1) &&
          hostHeader.charCodeAt(0) !== 91 /* '[' */) {
        hostHeader = `[${hostHeader}]`;
      }
      if (port && +port !== defaultPort) hostHeader += ':' + port;
      this.setHeader('Host', hostHeader);
    }

    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    }

    if (this.getHeader('expect')) {
      if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
      this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
    }
  } else {
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', options.headers);
  }

  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);

  // A socket: from the agent, from createConnection, or a fresh connection.
  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    let opts = optsWithoutSignal;
    if (opts.path || opts.socketPath) {
      opts = { ...optsWithoutSignal };
      if (opts.socketPath) opts.path = opts.socketPath;
      else if (opts.path) opts.path = undefined;
    }
    if (typeof opts.createConnection === 'function') {
      let called = false;
      const oncreate = (err, socket) => {
        if (called) return;
        called = true;
        if (err) {
          process.nextTick(() => this.emit('error', err));
          return;
        }
        this.onSocket(socket);
      };
      try {
        const newSocket = opts.createConnection(opts, oncreate);
        if (newSocket) oncreate(null, newSocket);
      } catch (err) {
        oncreate(err);
      }
    } else {
      this.onSocket(net.createConnection(opts));
    }
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

function addAbortSignal(signal, req) {
  const { AbortError } = require('internal/errors');
  const onAbort = () => req.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    onAbort();  // destroyed at once; the error is emitted once the socket is settled
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

ClientRequest.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
  if (onClientRequestStartChannel.hasSubscribers) {
    onClientRequestStartChannel.publish({ request: this });
  }
};

ClientRequest.prototype._implicitHeader = function _implicitHeader() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
};

ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(emitAbortNT, this);
  this.destroy();
};

ClientRequest.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  // A response already flowing ends with it.
  if (this.res) this.res._dump();
  this[kError] = err;
  this.socket?.destroy(err);
  return this;
};

function emitAbortNT(req) {
  req.emit('abort');
}

function ondrain() {
  const msg = this._httpMessage;
  if (msg && !msg.finished && msg.writableNeedDrain) {
    msg.emit('drain');
  }
}

function socketCloseListener() {
  const socket = this;
  const req = socket._httpMessage;
  const parser = socket.parser;
  const res = req.res;
  req.destroyed = true;
  if (res) {
    // The socket closed before the response ended.
    if (!res.complete) res.destroy(new ConnResetException('aborted'));
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) res.push(null);
  } else {
    if (!req.socket._hadError) {
      // Nothing came back: 'socket hang up'.
      req.socket._hadError = true;
      req.emit('error', new ConnResetException('socket hang up'));
    }
    req._closed = true;
    req.emit('close');
  }
  if (req.outputData) req.outputData.length = 0;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
}

function socketErrorListener(err) {
  const socket = this;
  const req = socket._httpMessage;
  if (req) {
    req.socket._hadError = true;
    req.emit('error', err);
  }
  const parser = socket.parser;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.destroy();
}

function socketOnEnd() {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!req.res && !req.socket._hadError) {
    req.socket._hadError = true;
    req.emit('error', new ConnResetException('socket hang up'));
  }
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.destroy();
}

function socketOnData(d) {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  const ret = parser.execute(d);
  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    freeParser(parser, req, socket);
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.destroy();
    req.socket._hadError = true;
    req.emit('error', ret);
  } else if (parser.incoming && parser.incoming.upgrade) {
    // 101 Switching Protocols, or a CONNECT answer.
    const bytesParsed = ret;
    const res = parser.incoming;
    req.res = res;
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', responseOnTimeout);
    parser.finish();
    freeParser(parser, req, socket);

    const bodyHead = d.slice(bytesParsed, d.length);
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (req.listenerCount(eventName) > 0) {
      req.upgradeOrConnect = true;
      socket.emit('agentRemove');
      socket.removeListener('close', socketCloseListener);
      socket.removeListener('error', socketErrorListener);
      socket._httpMessage = null;
      socket.readableFlowing = null;
      req.emit(eventName, res, socket, bodyHead);
      req.destroyed = true;
      req._closed = true;
      req.emit('close');
    } else {
      // An upgrade nobody listens for.
      socket.destroy();
    }
  } else if (parser.incoming && parser.incoming.complete &&
             !statusIsInformational(parser.incoming.statusCode)) {
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);
    freeParser(parser, req, socket);
  }
}

function statusIsInformational(status) {
  return status < 200 && status >= 100 && status !== 101;
}

// parser.onIncoming for responses; this === the parser.
function parserOnIncomingClient(res, shouldKeepAlive) {
  const socket = this.socket;
  const req = socket._httpMessage;

  if (req.res) {
    // A second response to one request: the peer is broken.
    socket.destroy();
    return 0;
  }
  req.res = res;

  if (res.upgrade) return 2;

  const method = req.method;
  if (method === 'CONNECT') {
    res.upgrade = true;
    return 2;
  }

  if (statusIsInformational(res.statusCode)) {
    req.res = null;
    if (res.statusCode === 100) req.emit('continue');
    req.emit('information', {
      statusCode: res.statusCode,
      statusMessage: res.statusMessage,
      httpVersion: res.httpVersion,
      httpVersionMajor: res.httpVersionMajor,
      httpVersionMinor: res.httpVersionMinor,
      headers: res.headers,
      rawHeaders: res.rawHeaders,
    });
    return 1;
  }

  if (req.shouldKeepAlive && !shouldKeepAlive && !req.upgradeOrConnect) {
    // The server closes the connection after this response.
    req.shouldKeepAlive = false;
  }

  if (onClientResponseFinishChannel.hasSubscribers) {
    onClientResponseFinishChannel.publish({ request: req, response: res });
  }
  if (req[kPerfStart] !== undefined) {
    enqueueNodeEntry('HttpClient', 'http', req[kPerfStart], {
      req: { method: req.method, url: `${req.protocol}//${req.host}${req.path}`,
             headers: req.getHeaders() },
      res: { statusCode: res.statusCode, statusMessage: res.statusMessage,
             headers: res.headers },
    });
  }
  req.res = res;
  res.req = req;

  // Our cleanup runs before the user's 'end' listeners.
  res.on('end', responseOnEnd);
  req.on('finish', requestOnFinish);
  socket.on('timeout', responseOnTimeout);

  if (req.aborted || !req.emit('response', res)) res._dump();

  if (method === 'HEAD') return 1;
  if (res.statusCode === 304) {
    res.complete = true;
    return 1;
  }
  return 0;
}

function responseKeepAlive(req) {
  const socket = req.socket;
  if (req.timeoutCb) {
    socket.setTimeout(0, req.timeoutCb);
    req.timeoutCb = null;
  }
  socket.removeListener('close', socketCloseListener);
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('drain', ondrain);
  socket.removeListener('timeout', responseOnTimeout);
  socket.once('error', freeSocketErrorListener);
  req.destroyed = true;
  if (req.res) req.res.socket = null;
  // The socket goes back to the agent after the user's 'end' handlers ran.
  process.nextTick(emitFreeNT, req);
}

function responseOnEnd() {
  const req = this.req;
  const socket = req.socket;
  if (socket) {
    if (req.timeoutCb) socket.removeListener('timeout', emitRequestTimeout);
    socket.removeListener('timeout', responseOnTimeout);
  }
  req._ended = true;
  if (!req.shouldKeepAlive) {
    if (socket.writable) {
      if (typeof socket.destroySoon === 'function') socket.destroySoon();
      else socket.end();
    }
  } else if (req.writableFinished && !this.aborted) {
    responseKeepAlive(req);
  }
}

function responseOnTimeout() {
  const req = this._httpMessage;
  if (!req) return;
  const res = req.res;
  if (!res) return;
  res.emit('timeout');
}

function requestOnFinish() {
  const req = this;
  if (req.shouldKeepAlive && req._ended) responseKeepAlive(req);
}

function emitFreeNT(req) {
  req._closed = true;
  req.emit('close');
  if (req.socket) req.socket.emit('free');
}

function tickOnSocket(req, socket) {
  const parser = allocParser();
  req.socket = socket;
  const lenient = req.insecureHTTPParser === undefined ? isLenient() : req.insecureHTTPParser;
  parser.initialize(HTTPParser.RESPONSE, req.maxHeaderSize || getMaxHeaderSize(), lenient);
  parser.socket = socket;
  parser.outgoing = req;
  req.parser = parser;
  parser.joinDuplicateHeaders = req.joinDuplicateHeaders;

  socket.parser = parser;
  socket._httpMessage = req;

  if (typeof req.maxHeadersCount === 'number') parser.maxHeaderPairs = req.maxHeadersCount << 1;

  parser.onIncoming = parserOnIncomingClient;
  socket.on('error', socketErrorListener);
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('close', socketCloseListener);
  socket.on('drain', ondrain);

  if (req.timeout !== undefined ||
      (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
  }
  req.emit('socket', socket);
}

function emitRequestTimeout() {
  const req = this._httpMessage;
  if (req) req.emit('timeout');
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = emitRequestTimeout;
  if (req.socket) {
    req.socket.once('timeout', emitRequestTimeout);
  } else {
    req.on('socket', (socket) => socket.once('timeout', emitRequestTimeout));
  }
}

ClientRequest.prototype.onSocket = function onSocket(socket, err) {
  process.nextTick(onSocketNT, this, socket, err);
};

function onSocketNT(req, socket, err) {
  if (req.destroyed || err) {
    req.destroyed = true;
    function _destroy(req, err) {
      if (!req.aborted && !err) err = new ConnResetException('socket hang up');
      if (err) req.emit('error', err);
      req._closed = true;
      req.emit('close');
    }
    if (socket) {
      if (!err && req.agent && !socket.destroyed) {
        socket.emit('free');
      } else {
        // The socket's own error (e.g. one it was destroyed with) is the request's error.
        let socketError = null;
        socket.on('error', (error) => { socketError ??= error; });
        socket.destroy(err ?? req[kError]);
        if (socket.closed) {
          _destroy(req, socket.errored ?? err ?? req[kError]);
        } else {
          socket.once('close', () => _destroy(req, socketError ?? err ?? req[kError]));
        }
        return;
      }
    }
    _destroy(req, err || req[kError]);
  } else {
    tickOnSocket(req, socket);
    req._flush();
  }
}

ClientRequest.prototype._deferToConnect = function _deferToConnect(method, args) {
  const callSocketMethod = () => {
    if (method) this.socket[method].apply(this.socket, args);
  };
  const onSocket = () => {
    if (this.socket.writable) callSocketMethod();
    else this.socket.once('connect', callSocketMethod);
  };
  if (!this.socket) this.once('socket', onSocket);
  else onSocket();
};

ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this._ended) return this;
  validateInteger(msecs, 'msecs', 0);
  // Warned here, synchronously, so the warning's stack shows the caller.
  const { TIMEOUT_MAX } = require('internal/timers');
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    msecs = TIMEOUT_MAX;
  }
  if (callback) this.once('timeout', callback);
  if (this.socket) setSocketTimeout(this.socket, msecs);
  else this.once('socket', (sock) => setSocketTimeout(sock, msecs));
  return this;
};

function setSocketTimeout(sock, msecs) {
  if (sock.connecting) {
    sock.once('connect', function() { sock.setTimeout(msecs); });
  } else {
    sock.setTimeout(msecs);
  }
  const req = sock._httpMessage;
  if (req) listenSocketTimeout(req);
}

ClientRequest.prototype.setNoDelay = function setNoDelay(noDelay) {
  this._deferToConnect('setNoDelay', [noDelay]);
};

ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive(enable, initialDelay) {
  this._deferToConnect('setKeepAlive', [enable, initialDelay]);
};

ClientRequest.prototype.clearTimeout = function clearTimeout(cb) {
  this.setTimeout(0, cb);
};

module.exports = {
  ClientRequest,
};
