'use strict';
// node:https — http's server and client over TLS: https.Server is a tls.Server whose secure
// connections go to http's connection listener; https.Agent is an http.Agent whose sockets
// come from tls.connect (with a cache of TLS sessions per origin for resumption).

const tls = require('tls');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const {
  Server: HttpServer, storeHTTPOptions, _connectionListener, setupConnectionsTracking,
  httpServerPreClose,
} = require('_http_server');
const { parseUniqueHeadersOption } = require('_http_outgoing');
const { kUniqueHeaders } = require('internal/http/common');
const { URL, urlToHttpOptions, isURL } = require('internal/url');
const { validateObject } = require('internal/validators');

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts == null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols && !opts.ALPNCallback) opts.ALPNProtocols = ['http/1.1'];

  storeHTTPOptions.call(this, opts);
  tls.Server.call(this, {
    noDelay: true,
    // http/1.0 clients may half-close after the request.
    allowHalfOpen: true,
    ...opts,
  }, _connectionListener);

  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);

  this.addListener('tlsClientError', function onTlsClientError(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });

  this.timeout = 0;
  this.maxHeadersCount = null;
  this[kUniqueHeaders] = parseUniqueHeadersOption(opts.uniqueHeaders);
  this.on('listening', setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

Server.prototype.closeAllConnections = HttpServer.prototype.closeAllConnections;
Server.prototype.closeIdleConnections = HttpServer.prototype.closeIdleConnections;
Server.prototype.setTimeout = HttpServer.prototype.setTimeout;

Server.prototype.close = function close() {
  httpServerPreClose(this);
  return tls.Server.prototype.close.apply(this, arguments);
};

Server.prototype[Symbol.asyncDispose] = HttpServer.prototype[Symbol.asyncDispose];

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// ---- Agent --------------------------------------------------------------------------------------

// createConnection(options) / (port, host, options) / (port, options).
function createConnection(port, host, options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;

  if (options._agentKey) {
    const session = this._getSession(options._agentKey);
    if (session) options = { session, ...options };
  }

  const socket = tls.connect(options);
  // The agent's 'keylog' listeners hear every connection it makes (line, tlsSocket).
  if (this.listenerCount('keylog') > 0) {
    socket.on('keylog', (line) => this.emit('keylog', line, socket));
  }
  if (options._agentKey) {
    // Cache new sessions; a socket that failed drops its origin's cached session.
    socket.on('session', (session) => this._cacheSession(options._agentKey, session));
    socket.once('close', (hadError) => {
      if (hadError) this._evictSession(options._agentKey);
    });
  }
  return socket;
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: {}, list: [] };
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = createConnection;

// The TLS options that make two connections to one origin different, in node's order.
const kNameOptions = [
  'ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
  'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder',
  'ecdhCurve', 'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs',
  'privateKeyIdentifier', 'privateKeyEngine',
];
const kPresenceOptions = new Set(['rejectUnauthorized', 'honorCipherOrder', 'secureOptions']);

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const key of kNameOptions) {
    name += ':';
    const value = options[key];
    if (kPresenceOptions.has(key)) {
      if (value !== undefined) name += value;
    } else if (key === 'servername') {
      if (value && value !== options.host) name += value;
    } else if (key === 'sigalgs') {
      if (value) name += JSON.stringify(value);
    } else if (value) {
      name += value;
    }
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  if (this._sessionCache.map[key]) {
    this._sessionCache.map[key] = session;
    return;
  }
  if (this._sessionCache.list.length >= this.maxCachedSessions) {
    const oldKey = this._sessionCache.list.shift();
    delete this._sessionCache.map[oldKey];
  }
  this._sessionCache.list.push(key);
  this._sessionCache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const index = this._sessionCache.list.indexOf(key);
  if (index === -1) return;
  this._sessionCache.list.splice(index, 1);
  delete this._sessionCache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ---- request ------------------------------------------------------------------------------------

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    const urlStr = args.shift();
    options = urlToHttpOptions(new URL(urlStr));
  } else if (isURL(args[0])) {
    options = urlToHttpOptions(args.shift());
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  args.unshift(options);
  return new ClientRequest(...args);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
