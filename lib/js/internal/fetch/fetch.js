'use strict';
// fetch() over node:http/node:https: redirects (follow/manual/error, at most 20), abort
// signals, gzip/deflate/br response decoding, keep-alive through one Agent per protocol, and
// data: URLs. Network failures reject with `TypeError: fetch failed` carrying the cause.

const { URL } = require('internal/url');
const { DOMException } = require('internal/per_context/domexception');
const { ReadableStream } = require('internal/webstreams/readablestream');
const { Request, requestParts } = require('internal/fetch/request');
const {
  makeResponse,
  setResponseHeaders,
  setResponseBody,
  nullBodyStatus,
  redirectStatus,
} = require('internal/fetch/response');
const { Headers, headersFromRaw, headersToRaw, getHeader } = require('internal/fetch/headers');
const { reextractBody, streamFromBytes } = require('internal/fetch/body');

const kMaxRedirects = 20;

// Ports the Fetch Standard refuses ("bad port").
const badPorts = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669,
  6697, 10080,
]);

// Headers that describe a request body; dropped when a redirect turns the request into a GET.
const requestBodyHeaders = ['content-encoding', 'content-language', 'content-location', 'content-type'];

let agents;
function agentFor(protocol) {
  if (agents === undefined) {
    agents = {
      'http:': new (require('http').Agent)({ keepAlive: true }),
      'https:': new (require('https').Agent)({ keepAlive: true }),
    };
  }
  return agents[protocol];
}

function networkError(cause) {
  return new TypeError('fetch failed', { cause });
}

function networkErrorFor(message) {
  return networkError(new Error(message));
}

// undici's error classes, as causes of `fetch failed` show them.
function undiciErrorClass(name, code) {
  const ErrorClass = class extends Error {
    constructor(message, parserCode) {
      super(message);
      this.code = parserCode ?? code;
    }
  };
  Object.defineProperty(ErrorClass, 'name', { __proto__: null, value: name });
  Object.defineProperty(ErrorClass.prototype, 'name', {
    __proto__: null, value: name, writable: true, configurable: true,
  });
  return ErrorClass;
}
const SocketError = undiciErrorClass('SocketError', 'UND_ERR_SOCKET');
const HTTPParserError = undiciErrorClass('HTTPParserError');
const InvalidArgumentError = undiciErrorClass('InvalidArgumentError', 'UND_ERR_INVALID_ARG');
const NotSupportedError = undiciErrorClass('NotSupportedError', 'UND_ERR_NOT_SUPPORTED');

function otherSideClosed() {
  return new SocketError('other side closed');
}

// The error a response body fails with when the connection drops mid-body.
function terminated() {
  return new TypeError('terminated', { cause: otherSideClosed() });
}

// ---- data: URLs ----------------------------------------------------------------------------

function percentDecode(string) {
  const bytes = [];
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code === 0x25 && /^[0-9A-Fa-f]{2}$/.test(string.slice(i + 1, i + 3))) {
      bytes.push(parseInt(string.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (code < 0x80) {
      bytes.push(code);
    } else {
      bytes.push(...Buffer.from(string[i], 'utf8'));
    }
  }
  return new Uint8Array(bytes);
}

function forgivingBase64(bytes) {
  let text = String.fromCharCode(...bytes).replace(/[\t\n\f\r ]/g, '');
  if (text.length % 4 === 0) text = text.replace(/==?$/, '');
  if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function dataURLResponse(href) {
  const afterScheme = href.slice(5).replace(/#.*$/, '');
  const comma = afterScheme.indexOf(',');
  if (comma === -1) return null;
  let mime = afterScheme.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  let bytes = percentDecode(afterScheme.slice(comma + 1));
  const base64 = /;[\u0020]*base64$/i.exec(mime);
  if (base64 !== null) {
    mime = mime.slice(0, base64.index);
    bytes = forgivingBase64(bytes);
    if (bytes === null) return null;
  }
  if (mime.startsWith(';')) mime = `text/plain${mime}`;
  const essence = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)/.exec(mime.trim());
  let type;
  if (essence === null) {
    type = 'text/plain;charset=US-ASCII';
  } else {
    const params = mime.trim().slice(essence[0].length).split(';').map((p) => p.trim())
      .filter((p) => /^[^=]+=.+$/.test(p))
      .map((p) => {
        const eq = p.indexOf('=');
        return `${p.slice(0, eq).toLowerCase()}=${p.slice(eq + 1)}`;
      });
    type = [essence[0].toLowerCase(), ...params].join(';');
  }
  const response = makeResponse({ type: 'basic', status: 200, statusText: 'OK', urlList: [href] });
  const headers = headersFromRaw(['content-type', type], 'immutable');
  setResponseHeaders(response, headers);
  setResponseBody(response, { stream: streamFromBytes(bytes), source: bytes, length: bytes.length });
  return response;
}

// A Blob registered with URL.createObjectURL; null (undici's "invalid method") otherwise.
function blobURLResponse(href, method) {
  const blob = require('internal/url').getBlobFromURL(href);
  if (method !== 'GET' || blob === undefined || blob === null) return null;
  const response = makeResponse({ type: 'basic', status: 200, statusText: 'OK', urlList: [href] });
  setResponseHeaders(response, headersFromRaw(
    ['content-length', `${blob.size}`, 'content-type', blob.type], 'immutable'));
  setResponseBody(response, { stream: blob.stream(), source: blob, length: blob.size });
  return response;
}

// ---- response bodies -----------------------------------------------------------------------

// A byte ReadableStream fed by a node Readable, paused while the web stream's queue is full.
function streamFromReadable(readable, onCancel) {
  let controller;
  let settled = false;
  const stream = new ReadableStream({
    type: 'bytes',
    start(c) {
      controller = c;
      readable.on('data', (chunk) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk));  // a copy: enqueue detaches the buffer
        if (controller.desiredSize <= 0) readable.pause();
      });
      readable.on('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
        // A byte stream keeps pending reads open until they are answered.
        controller.byobRequest?.respond(0);
      });
      readable.on('error', (error) => fail(error));
    },
    pull() {
      readable.resume();
    },
    cancel(reason) {
      settled = true;
      onCancel(reason);
    },
  }, { highWaterMark: 64 * 1024 });
  function fail(error) {
    if (settled) return;
    settled = true;
    controller.error(error);
  }
  return { stream, fail };
}

// Decoders for each coding, last applied first; with a coding it does not know, undici hands
// out the bytes as they came.
function decoderChain(response, contentEncoding) {
  if (!contentEncoding) return response;
  const zlib = require('zlib');
  const { Z_SYNC_FLUSH, BROTLI_OPERATION_FLUSH } = zlib.constants;
  // Flushing on every chunk lets a body be read while it arrives; a truncated one still ends.
  const zlibOptions = { flush: Z_SYNC_FLUSH, finishFlush: Z_SYNC_FLUSH };
  const makers = {
    'gzip': () => zlib.createGunzip(zlibOptions),
    'x-gzip': () => zlib.createGunzip(zlibOptions),
    'deflate': () => zlib.createInflate(zlibOptions),
    'br': () => zlib.createBrotliDecompress({
      flush: BROTLI_OPERATION_FLUSH, finishFlush: BROTLI_OPERATION_FLUSH,
    }),
  };
  const codings = contentEncoding.toLowerCase().split(',').map((c) => c.trim()).filter(Boolean);
  if (!codings.every((coding) => Object.hasOwn(makers, coding))) return response;
  let source = response;
  for (const coding of codings.reverse()) {
    const decoder = makers[coding]();
    const from = source;
    from.on('error', (error) => decoder.destroy(error));
    from.pipe(decoder);
    source = decoder;
  }
  return source;
}

// ---- the HTTP exchange -----------------------------------------------------------------------

// Request headers undici refuses, with its error.
const refusedHeaders = {
  'keep-alive': () => new InvalidArgumentError('invalid keep-alive header'),
  'transfer-encoding': () => new InvalidArgumentError('invalid transfer-encoding header'),
  'upgrade': () => new InvalidArgumentError('invalid upgrade header'),
  'expect': () => new NotSupportedError('expect header not supported'),
};

// The header list sent: host and connection first, the request's own headers (host and
// content-length are set here, not taken from them), then fetch's defaults.
function outgoingHeaders(url, state) {
  const given = state.headers;
  const own = headersToRaw(given);
  let connection = 'keep-alive';
  const kept = [];
  for (let i = 0; i < own.length; i += 2) {
    const lower = own[i].toLowerCase();
    if (lower === 'host' || lower === 'content-length') continue;
    if (Object.hasOwn(refusedHeaders, lower)) throw refusedHeaders[lower]();
    if (lower === 'connection') {
      connection = own[i + 1].toLowerCase();
      if (connection !== 'close' && connection !== 'keep-alive') {
        throw new InvalidArgumentError('invalid connection header');
      }
      continue;
    }
    kept.push(own[i], own[i + 1]);
  }
  const raw = ['host', url.host, 'connection', connection, ...kept];
  const addDefault = (name, value) => {
    if (getHeader(given, name) === null) raw.push(name, value);
  };
  addDefault('accept', '*/*');
  addDefault('accept-language', '*');
  addDefault('sec-fetch-mode', 'cors');
  addDefault('user-agent', 'node');
  addDefault('accept-encoding', 'gzip, deflate');
  if (state.body !== null && state.body.length !== null) {
    raw.push('content-length', `${state.body.length}`);
  } else if (state.body !== null) {
    raw.push('transfer-encoding', 'chunked');
  } else if (state.body === null && (state.method === 'POST' || state.method === 'PUT')) {
    raw.push('content-length', '0');
  }
  return raw;
}

async function writeBody(req, body) {
  if (body === null) {
    req.end();
    return;
  }
  const reader = body.stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (req.destroyed) return;
    if (!req.write(value)) {
      await new Promise((resolve) => {
        const done = () => {
          req.off('drain', done);
          req.off('close', done);
          resolve();
        };
        req.on('drain', done);
        req.on('close', done);
      });
    }
  }
  req.end();
}

// One request/response exchange; resolves with the http.IncomingMessage.
function sendRequest(url, state, onRequest) {
  return new Promise((resolve, reject) => {
    const module = url.protocol === 'https:' ? require('https') : require('http');
    let req;
    try {
      req = module.request({
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: state.method,
        headers: outgoingHeaders(url, state),
        agent: agentFor(url.protocol),
        setHost: false,
      });
    } catch (error) {
      reject(networkError(error));
      return;
    }
    onRequest(req);
    req.on('response', resolve);
    req.on('error', (error) => {
      // A kept-alive connection the server had already closed: GET and HEAD (idempotent)
      // go again on a fresh one, as undici does; anything else fails as undici reports it.
      if (error.code === 'ECONNRESET' && error.message === 'socket hang up') {
        if (req.reusedSocket && (state.method === 'GET' || state.method === 'HEAD')) {
          resolve(sendRequest(url, state, onRequest));
          return;
        }
        error = otherSideClosed();
      } else if (typeof error.code === 'string' && error.code.startsWith('HPE_')) {
        const reason = error.reason ?? `${error.message}`.replace(/^Parse Error: /, '');
        error = new HTTPParserError(`Response does not match the HTTP/1.1 protocol (${reason})`,
                                    error.code);
      }
      reject(networkError(error));
    });
    writeBody(req, state.body).catch((error) => {
      req.destroy(error);
    });
  });
}

// The state a redirect response leads to, or a network error (Fetch "HTTP-redirect fetch").
function redirectedState(state, currentURL, res) {
  let location;
  try {
    location = new URL(res.headers.location, currentURL);
  } catch {
    return networkErrorFor('invalid location');
  }
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    return networkErrorFor('URL scheme must be a HTTP(S) scheme');
  }
  if (state.redirectCount >= kMaxRedirects) return networkErrorFor('redirect count exceeded');
  const next = { ...state, redirectCount: state.redirectCount + 1 };
  const status = res.statusCode;
  if (status !== 303 && state.body !== null && state.body.source === null) {
    return networkError(new Error());  // node's cause has no message here
  }
  const headers = new Headers(state.headers);
  if ((status === 303 && state.method !== 'GET' && state.method !== 'HEAD') ||
      ((status === 301 || status === 302) && state.method === 'POST')) {
    next.method = 'GET';
    next.body = null;
    for (const name of requestBodyHeaders) headers.delete(name);
  } else {
    next.body = reextractBody(state.body);
  }
  if (location.origin !== currentURL.origin) {
    headers.delete('authorization');
    headers.delete('proxy-authorization');
    headers.delete('cookie');
    headers.delete('host');
  }
  next.headers = headers;
  next.urlList = [...state.urlList, location.href];
  return next;
}

async function httpFetch(state, abortState) {
  for (;;) {
    const currentURL = new URL(state.urlList[state.urlList.length - 1]);
    if (currentURL.port !== '' && badPorts.has(Number(currentURL.port))) {
      throw networkErrorFor('bad port');
    }
    const res = await sendRequest(currentURL, state, (req) => { abortState.req = req; });
    const status = res.statusCode;
    const followable = redirectStatus.has(status) && res.headers.location !== undefined;
    if (followable && state.redirect !== 'manual') {
      res.resume();
      if (state.redirect === 'error') throw networkErrorFor('unexpected redirect');
      const next = redirectedState(state, currentURL, res);
      if (next instanceof Error) throw next;
      state = next;
      continue;
    }
    const response = makeResponse({
      type: 'basic',
      status,
      statusText: res.statusMessage ?? '',
      urlList: state.urlList,
      redirected: state.redirectCount > 0,
    });
    setResponseHeaders(response, headersFromRaw(res.rawHeaders, 'immutable'));
    if (state.method === 'HEAD' || nullBodyStatus.has(status)) {
      res.resume();
      return response;
    }
    const decoded = decoderChain(res, res.headers['content-encoding']);
    const body = streamFromReadable(decoded, () => {
      abortState.req?.destroy();
      res.destroy();
    });
    abortState.failBody = body.fail;
    res.on('aborted', () => body.fail(terminated()));
    setResponseBody(response, { stream: body.stream, source: null, length: null });
    return response;
  }
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (error) {
    return Promise.reject(error);
  }
  const parts = requestParts(request);
  const { signal } = parts;
  if (signal.aborted) return Promise.reject(signal.reason);

  return new Promise((resolve, reject) => {
    const abortState = { req: null, failBody: null, done: false };
    const onAbort = () => {
      const reason = signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
      if (!abortState.done) {
        abortState.done = true;
        reject(reason);
      }
      abortState.failBody?.(reason);
      abortState.req?.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const url = new URL(parts.url);
    let pending;
    if (url.protocol === 'data:') {
      const response = dataURLResponse(url.href);
      pending = response === null ?
        Promise.reject(networkErrorFor('invalid data: URL')) : Promise.resolve(response);
    } else if (url.protocol === 'blob:') {
      const response = blobURLResponse(url.href, parts.method);
      pending = response === null ?
        Promise.reject(networkErrorFor('invalid method')) : Promise.resolve(response);
    } else if (url.protocol === 'about:') {
      pending = Promise.reject(networkErrorFor('about scheme is not supported'));
    } else if (url.protocol === 'http:' || url.protocol === 'https:') {
      pending = httpFetch({
        method: parts.method,
        headers: parts.headers,
        body: parts.body,
        redirect: parts.redirect,
        urlList: [url.href],
        redirectCount: 0,
      }, abortState);
    } else {
      pending = Promise.reject(networkErrorFor('unknown scheme'));
    }
    pending.then((response) => {
      if (abortState.done) {
        response.body?.cancel().catch(() => {});
        return;
      }
      abortState.done = true;
      resolve(response);
    }, (error) => {
      if (abortState.done) return;
      abortState.done = true;
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

Object.defineProperty(fetch, 'length', { __proto__: null, value: 1 });

module.exports = { fetch };
