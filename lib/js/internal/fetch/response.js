'use strict';
// Response (Fetch Standard): constructor and statics with node 20's errors, the Body mixin,
// and the internal constructor fetch() uses for what came off the network.

const { URL } = require('internal/url');
const {
  Headers,
  fillHeaders,
  setGuard,
  getGuard,
  getHeader,
} = require('internal/fetch/headers');
const {
  kBody,
  kHeaders,
  kInspect,
  extractBody,
  cloneBody,
  isBodyUnusable,
  installBodyMixin,
  utf8Encode,
  streamFromBytes,
} = require('internal/fetch/body');
const { illegalInvocation, defineInterface, inspectAs } = require('internal/fetch/webidl');

const kResponse = Symbol('kResponse');

const nullBodyStatus = new Set([101, 103, 204, 205, 304]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);
// reason-phrase = *( HTAB / SP / VCHAR / obs-text )
const statusTextRe = /^[\t\x20-\x7E\x80-\xFF]*$/;

function isResponse(value) {
  return value != null && value[kResponse] !== undefined;
}


function newState(type) {
  return { type, status: 200, statusText: '', urlList: [], redirected: false };
}

// "initialize a response": status/statusText/headers from init, then the body.
function initializeResponse(response, init, extracted) {
  if (init !== undefined && init !== null && (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError("Response constructor: Expected init to be a dictionary.");
  }
  const status = init?.status === undefined ? 200 : init.status;
  const statusNumber = Number(status);
  if (!(statusNumber >= 200 && statusNumber <= 599)) {
    throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  }
  const statusText = init?.statusText === undefined ? '' : `${init.statusText}`;
  if (!statusTextRe.test(statusText)) throw new TypeError('Invalid statusText');
  const state = response[kResponse];
  state.status = Math.trunc(statusNumber);
  state.statusText = statusText;
  if (init?.headers !== undefined) fillHeaders(response[kHeaders], init.headers);
  if (extracted !== null) {
    if (nullBodyStatus.has(state.status)) {
      throw new TypeError(`Response constructor: Invalid response status code ${state.status}`);
    }
    response[kBody] = extracted.body;
    if (extracted.type !== null && getHeader(response[kHeaders], 'content-type') === null) {
      response[kHeaders].append('content-type', extracted.type);
    }
  }
}

class Response {
  constructor(body = null, init = undefined) {
    this[kResponse] = newState('default');
    this[kHeaders] = new Headers();
    setGuard(this[kHeaders], 'response');
    this[kBody] = null;
    initializeResponse(this, init, body === null ? null : extractBody(body));
  }

  static error() {
    const response = makeResponse({ type: 'error', status: 0 });
    setGuard(response[kHeaders], 'immutable');
    return response;
  }

  static json(data, init = undefined) {
    if (arguments.length < 1) {
      throw new TypeError('Response.json: 1 argument required, but 0 found.');
    }
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const response = makeResponse({ type: 'default' });
    initializeResponse(response, init, {
      body: { stream: streamFromBytes(utf8Encode(text)), source: text, length: null },
      type: 'application/json',
    });
    return response;
  }

  static redirect(url, status = 302) {
    if (arguments.length < 1) {
      throw new TypeError('Response.redirect: 1 argument required, but 0 found.');
    }
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (cause) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause });
    }
    status = Number(status);
    if (!redirectStatus.has(status)) throw new RangeError(`Invalid status code ${status}`);
    const response = makeResponse({ type: 'default', status });
    response[kHeaders].append('location', parsed.href);
    setGuard(response[kHeaders], 'immutable');
    return response;
  }

  get type() {
    if (!isResponse(this)) throw illegalInvocation();
    return this[kResponse].type;
  }

  get url() {
    if (!isResponse(this)) throw illegalInvocation();
    const { urlList } = this[kResponse];
    if (urlList.length === 0) return '';
    const url = urlList[urlList.length - 1];
    const hash = url.indexOf('#');
    return hash === -1 ? url : url.slice(0, hash);
  }

  get redirected() {
    if (!isResponse(this)) throw illegalInvocation();
    return this[kResponse].redirected;
  }

  get status() {
    if (!isResponse(this)) throw illegalInvocation();
    return this[kResponse].status;
  }

  get ok() {
    if (!isResponse(this)) throw illegalInvocation();
    const { status } = this[kResponse];
    return status >= 200 && status <= 299;
  }

  get statusText() {
    if (!isResponse(this)) throw illegalInvocation();
    return this[kResponse].statusText;
  }

  get headers() {
    if (!isResponse(this)) throw illegalInvocation();
    return this[kHeaders];
  }

  clone() {
    if (!isResponse(this)) throw illegalInvocation();
    if (isBodyUnusable(this[kBody])) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    const clone = makeResponse({ ...this[kResponse], urlList: [...this[kResponse].urlList] });
    fillHeaders(clone[kHeaders], this[kHeaders]);
    setGuard(clone[kHeaders], getGuard(this[kHeaders]));
    clone[kBody] = cloneBody(this[kBody]);
    return clone;
  }

  [kInspect](depth, options) {
    return inspectAs('Response', {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body,
      bodyUsed: this.bodyUsed,
      ok: this.ok,
      redirected: this.redirected,
      type: this.type,
      url: this.url,
    }, options);
  }
}

defineInterface(Response, 'Response',
                ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers', 'clone']);
installBodyMixin(Response.prototype, isResponse, ['clone']);

// A Response made without the constructor's checks: fields are { type, status, statusText,
// urlList, redirected }, headers and body are set by the caller.
function makeResponse(fields) {
  const response = Object.create(Response.prototype);
  response[kResponse] = { ...newState('default'), ...fields };
  response[kHeaders] = new Headers();
  setGuard(response[kHeaders], 'response');
  response[kBody] = null;
  return response;
}

function setResponseHeaders(response, headers) {
  response[kHeaders] = headers;
}

function setResponseBody(response, body) {
  response[kBody] = body;
}

module.exports = {
  Response,
  isResponse,
  makeResponse,
  setResponseHeaders,
  setResponseBody,
  nullBodyStatus,
  redirectStatus,
};
