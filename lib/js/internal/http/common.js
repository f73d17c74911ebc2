'use strict';
// Pieces the HTTP server and client share: the Date header cache, token and header-value
// checks, status texts, method tables and the parser glue over internalBinding('http_parser').

const { setTimeout } = require('timers');
const { FastBuffer } = require('internal/buffer');
const { HTTPParser, methods, allMethods, setCallbacks } = internalBinding('http_parser');
const {
  codes: { ERR_INVALID_HTTP_TOKEN, ERR_HTTP_INVALID_HEADER_VALUE, ERR_INVALID_CHAR },
} = require('internal/errors');

const kIncomingMessage = Symbol('IncomingMessage');
// How many entries of an IncomingMessage's rawHeaders count (maxHeadersCount may cut them).
const kHeadersCount = Symbol('kHeadersCount');
const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kHighWaterMark = Symbol('kHighWaterMark');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');
// IncomingMessage's end of body (push(null) once its Readable state exists).
const kPushEnd = Symbol('kPushEnd');

const CRLF = '\r\n';
const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;

// RFC 9110 token characters.
const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

// Field values: HTAB, SP, VCHAR and obs-text.
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

function validateHeaderName(name, label) {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label || 'Header name', name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('header content', name);
}

// The Date header, recomputed at most once a second.
let dateCache;
function utcDate() {
  if (!dateCache) {
    const d = new Date();
    dateCache = d.toUTCString();
    setTimeout(resetCache, 1000 - d.getMilliseconds()).unref();
  }
  return dateCache;
}
function resetCache() {
  dateCache = undefined;
}

const STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: 'I\'m a Teapot',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

// node 20's list; QUERY comes from its newer llhttp (8.1 here cannot parse it yet).
const METHODS = methods.concat(methods.includes('QUERY') ? [] : ['QUERY']).sort();

// --max-http-header-size, read as node does (leading digits; anything else is 0; a negative
// count wraps around 2^64). Read on first use: the options are set after this module loads.
let maxHeaderSize;
function getMaxHeaderSize() {
  if (maxHeaderSize === undefined) {
    const given = require('internal/options').runtimeOptionValue('--max-http-header-size');
    maxHeaderSize = given === undefined ? 16384 : parseUnsignedOption(given);
  }
  return maxHeaderSize;
}

function parseUnsignedOption(text) {
  const match = /^\s*([-+]?)(\d+)/.exec(text);
  if (match === null) return 0;
  let count = BigInt(match[2]);
  if (count >= 2n ** 64n) count = 2n ** 64n - 1n;  // strtoull saturates
  return Number(match[1] === '-' ? BigInt.asUintN(64, -count) : count);
}

// Parser callbacks; `this` is the HTTPParser. The owner (server or client code) sets
// parser.onIncoming(incoming, shouldKeepAlive) -> 0 | 1 (skip body) | 2 (upgrade).
function parserOnHeadersComplete(versionMajor, versionMinor, headers, method, url, statusCode,
                                 statusMessage, upgrade, shouldKeepAlive) {
  const parser = this;
  const { socket } = parser;
  const ParserIncomingMessage = (socket && socket.server &&
                                 socket.server[kIncomingMessage]) || IncomingMessage();
  const incoming = parser.incoming = new ParserIncomingMessage(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = versionMajor === 1 && versionMinor === 1 ? '1.1' :
    versionMajor === 1 && versionMinor === 0 ? '1.0' : `${versionMajor}.${versionMinor}`;
  incoming.joinDuplicateHeaders = socket?.server?.joinDuplicateHeaders ||
    parser.joinDuplicateHeaders;
  incoming.url = url;
  incoming.upgrade = upgrade;

  let n = headers.length;
  if (parser.maxHeaderPairs > 0) n = Math.min(n, parser.maxHeaderPairs);
  incoming._addHeaderLines(headers, n);

  if (typeof method === 'number') {
    incoming.method = allMethods[method];
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming, shouldKeepAlive);
}

function parserOnBody(ab) {
  const stream = this.incoming;
  if (stream === null || stream === undefined) return;
  // Dumped (or destroyed) messages drop their body.
  if (!stream._dumped) {
    const ret = stream.push(new FastBuffer(ab));
    if (!ret) readStop(this.socket);
  }
}

function parserOnMessageComplete(trailers) {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null && stream !== undefined) {
    stream.complete = true;
    if (trailers !== undefined) stream._addHeaderLines(trailers, trailers.length, true);
    stream[kPushEnd]();
  }
  // Keep-alive connections read the next message.
  readStart(parser.socket);
}

// A request that ended where its headers ended, reported in one call from C++.
function parserOnHeadersAndComplete(versionMajor, versionMinor, headers, method, url, statusCode,
                                    statusMessage, upgrade, shouldKeepAlive) {
  parserOnHeadersComplete.call(this, versionMajor, versionMinor, headers, method, url,
                               statusCode, statusMessage, upgrade, shouldKeepAlive);
  parserOnMessageComplete.call(this, undefined);
}

// An error or an upgrade while the parser read a socket by itself (parser.consume).
function parserOnExecute(ret, rest) {
  const fn = this.onExecute;
  if (typeof fn === 'function') fn(ret, rest);
}

setCallbacks({
  onHeadersComplete: parserOnHeadersComplete,
  onBody: parserOnBody,
  onMessageComplete: parserOnMessageComplete,
  onExecute: parserOnExecute,
  onHeadersAndComplete: parserOnHeadersAndComplete,
});

let IncomingMessageClass;
function IncomingMessage() {
  IncomingMessageClass ??= require('_http_incoming').IncomingMessage;
  return IncomingMessageClass;
}

// A parser per connection; idle ones are kept for reuse, at most parsers.max of them
// (http.setMaxIdleHTTPParsers; node's _http_common.parsers).
const freeParsers = [];
const parsers = {
  __proto__: {
    alloc() { return allocParser(); },
    free(parser) { freeParser(parser); },
  },
  name: 'parsers',
  ctor: newParser,
  max: 1000,
  list: freeParsers,
};

function allocParser() {
  const parser = freeParsers.pop() || newParser();
  return parser;
}

function newParser() {
  const parser = new HTTPParser();
  parser.onHeadersComplete = parserOnHeadersComplete;
  parser.onBody = parserOnBody;
  parser.onMessageComplete = parserOnMessageComplete;
  return parser;
}

function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed) parser.unconsume();
    parser._consumed = false;
    parser.onIncoming = null;
    parser.onExecute = null;
    parser.socket = null;
    parser.incoming = null;
    parser.outgoing = null;
    parser.maxHeaderPairs = 0;
    parser.joinDuplicateHeaders = undefined;
    if (freeParsers.length < parsers.max) freeParsers.push(parser);
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

function readStop(socket) {
  if (socket) socket.pause();
}

// An error on a pooled keep-alive socket (or one on its way to the pool) drops it from the
// agent. One function for the client and the agent, so either can remove the other's.
function freeSocketErrorListener(err) {
  this.destroy();
  this.emit('agentRemove');
}

// Adds node's extra fields to a parse error.
function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || Buffer.alloc(0);
  if (typeof err.reason === 'string') err.message = `Parse Error: ${err.reason}`;
}

// --insecure-http-parser: the default of insecureHTTPParser; its first use warns, as node.
let lenient;
function isLenient() {
  if (lenient === undefined) {
    lenient = require('internal/options').runtimeFlag('--insecure-http-parser') === true;
    if (lenient) process.emitWarning('Using insecure HTTP parsing');
  }
  return lenient;
}

module.exports = {
  CRLF,
  HTTPParser,
  METHODS,
  STATUS_CODES,
  allMethods,
  allocParser,
  checkInvalidHeaderChar,
  checkIsHttpToken,
  chunkExpression,
  continueExpression,
  freeParser,
  freeSocketErrorListener,
  getMaxHeaderSize,
  isLenient,
  parsers,
  kHeadersCount,
  kHighWaterMark,
  kIncomingMessage,
  kNeedDrain,
  kOutHeaders,
  kPushEnd,
  kRejectNonStandardBodyWrites,
  kUniqueHeaders,
  methods,
  prepareError,
  readStart,
  readStop,
  utcDate,
  validateHeaderName,
  validateHeaderValue,
};
