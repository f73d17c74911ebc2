'use strict';
// node:http — server (_http_server), client (_http_client, _http_agent) and the shared message
// types, over internalBinding('http_parser') and node:net.

const { Agent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { IncomingMessage } = require('_http_incoming');
const {
  OutgoingMessage, validateHeaderName, validateHeaderValue,
} = require('_http_outgoing');
const {
  _connectionListener, STATUS_CODES, Server, ServerResponse,
} = require('_http_server');
const { METHODS, getMaxHeaderSize, parsers } = require('internal/http/common');
const { validateInteger } = require('internal/validators');

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

function setMaxIdleHTTPParsers(max) {
  validateInteger(max, 'max', 1);
  parsers.max = max;
}

module.exports = {
  _connectionListener,
  METHODS,
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers,
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return getMaxHeaderSize(); },
});

Object.defineProperty(module.exports, 'globalAgent', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('_http_agent').globalAgent; },
  set(value) { require('_http_agent').globalAgent = value; },
});
