'use strict';
// Request (Fetch Standard) with node 20's validation messages and the Body mixin.

const { URL } = require('internal/url');
const { AbortController, AbortSignal } = require('internal/abort_controller');
const { TransformStream } = require('internal/webstreams/transformstream');
const {
  Headers,
  fillHeaders,
  setGuard,
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
} = require('internal/fetch/body');
const {
  illegalInvocation,
  requireArgs,
  defineInterface,
  inspectAs,
} = require('internal/fetch/webidl');

const kRequest = Symbol('kRequest');
const kSignal = Symbol('kSignal');
const kController = Symbol('kController');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalizedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);

const enums = {
  referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
                   'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin',
                   'unsafe-url'],
  mode: ['same-origin', 'no-cors', 'cors', 'navigate', 'websocket'],
  credentials: ['omit', 'same-origin', 'include'],
  cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
  redirect: ['follow', 'manual', 'error'],
  duplex: ['half'],
};

function isRequest(value) {
  return value != null && value[kRequest] !== undefined;
}


function enumMember(init, key) {
  if (init[key] === undefined) return undefined;
  const value = `${init[key]}`;
  if (!enums[key].includes(value)) {
    throw new TypeError(`Request constructor: ${value} is not an accepted type. ` +
                        `Expected one of ${enums[key].join(', ')}.`);
  }
  return value;
}

let warnedPatch = false;
function normalizeMethod(method) {
  method = `${method}`;
  if (!tokenRe.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
  const upper = method.toUpperCase();
  if (forbiddenMethods.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
  if (normalizedMethods.has(upper)) return upper;
  if (upper === 'PATCH' && method !== 'PATCH' && !warnedPatch) {
    warnedPatch = true;
    process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. ' +
                        '`PATCH` is much more likely to succeed.', { code: 'UNDICI-FETCH-patch' });
  }
  return method;
}

function parseRequestURL(input) {
  let url;
  try {
    url = new URL(`${input}`);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause });
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('Request cannot be constructed from a URL that includes credentials: ' +
                        `${input}`);
  }
  return url.href;
}

// A signal that aborts when `parent` does (the request's own signal follows init's).
function followingSignal(parent) {
  const controller = new AbortController();
  if (parent == null) return controller.signal;
  if (parent.aborted) {
    controller.abort(parent.reason);
    return controller.signal;
  }
  // A long-lived signal shared by many requests gets one listener per request (as undici,
  // which lifts the limit so that is no leak warning); the listener holds the request's
  // controller weakly so a finished request can be collected.
  const events = require('events');
  if (events.getMaxListeners(parent) === events.defaultMaxListeners) {
    events.setMaxListeners(1500, parent);
  }
  // The signal keeps its controller alive for as long as anyone holds the signal.
  Object.defineProperty(controller.signal, kController, { __proto__: null, value: controller });
  const weakController = new WeakRef(controller);
  parent.addEventListener('abort', () => weakController.deref()?.abort(parent.reason), { once: true });
  return controller.signal;
}

class Request {
  constructor(input, init = {}) {
    requireArgs(arguments.length, 1, 'Request constructor');
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
      if (init !== undefined) {
        throw new TypeError("Request constructor: Expected init to be a dictionary.");
      }
      init = {};
    }
    const fromRequest = isRequest(input);
    const base = fromRequest ? input[kRequest] : {
      method: 'GET', url: parseRequestURL(input), referrer: 'about:client', referrerPolicy: '',
      mode: 'cors', credentials: 'same-origin', cache: 'default', redirect: 'follow',
      integrity: '', keepalive: false,
    };
    const state = { ...base };
    if (!fromRequest) state.mode = 'cors';

    if (init.referrer !== undefined) {
      const referrer = `${init.referrer}`;
      if (referrer === '') {
        state.referrer = '';
      } else {
        let parsed;
        try {
          parsed = new URL(referrer);
        } catch (cause) {
          throw new TypeError(`Referrer "${referrer}" is not a valid URL.`, { cause });
        }
        state.referrer = parsed.href;
      }
    }
    const mode = enumMember(init, 'mode');
    if (mode === 'navigate') throw new TypeError('Request constructor: invalid request mode navigate.');
    if (mode !== undefined) state.mode = mode;
    for (const key of ['referrerPolicy', 'credentials', 'cache', 'redirect']) {
      const value = enumMember(init, key);
      if (value !== undefined) state[key] = value;
    }
    if (state.cache === 'only-if-cached' && state.mode !== 'same-origin') {
      throw new TypeError("'only-if-cached' can be set only with 'same-origin' mode");
    }
    enumMember(init, 'duplex');
    if (init.integrity !== undefined) state.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) state.keepalive = Boolean(init.keepalive);
    if (init.method !== undefined) state.method = normalizeMethod(init.method);

    let parentSignal = fromRequest ? input[kSignal] : null;
    if (init.signal !== undefined && init.signal !== null) {
      if (!(init.signal instanceof AbortSignal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
      parentSignal = init.signal;
    }

    this[kRequest] = state;
    this[kSignal] = followingSignal(parentSignal);
    this[kHeaders] = new Headers();
    setGuard(this[kHeaders], 'request');
    if (init.headers !== undefined) fillHeaders(this[kHeaders], init.headers);
    else if (fromRequest) fillHeaders(this[kHeaders], input[kHeaders]);
    this[kBody] = null;

    const inputBody = fromRequest ? input[kBody] : null;
    const hasInitBody = init.body !== undefined && init.body !== null;
    if ((hasInitBody || inputBody !== null) && (state.method === 'GET' || state.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (hasInitBody) {
      const extracted = extractBody(init.body);
      if (extracted.type !== null && getHeader(this[kHeaders], 'content-type') === null) {
        this[kHeaders].append('content-type', extracted.type);
      }
      if (extracted.body.source === null && init.duplex === undefined) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      this[kBody] = extracted.body;
    } else if (inputBody !== null) {
      if (isBodyUnusable(inputBody)) {
        throw new TypeError(
          'Cannot construct a Request with a Request object that has already been used.');
      }
      // The new request reads the old one's bytes through a pass-through, which leaves the
      // old body disturbed.
      const pass = new TransformStream();
      inputBody.stream.pipeTo(pass.writable).catch(() => {});
      this[kBody] = { stream: pass.readable, source: inputBody.source, length: inputBody.length };
    }
  }

  get method() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].method;
  }

  get url() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].url;
  }

  get headers() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kHeaders];
  }

  get destination() {
    if (!isRequest(this)) throw illegalInvocation();
    return '';
  }

  get referrer() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].referrer;
  }

  get referrerPolicy() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].referrerPolicy;
  }

  get mode() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].mode;
  }

  get credentials() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].credentials;
  }

  get cache() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].cache;
  }

  get redirect() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].redirect;
  }

  get integrity() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].integrity;
  }

  get keepalive() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kRequest].keepalive;
  }

  get isReloadNavigation() {
    if (!isRequest(this)) throw illegalInvocation();
    return false;
  }

  get isHistoryNavigation() {
    if (!isRequest(this)) throw illegalInvocation();
    return false;
  }

  get signal() {
    if (!isRequest(this)) throw illegalInvocation();
    return this[kSignal];
  }

  get duplex() {
    if (!isRequest(this)) throw illegalInvocation();
    return 'half';
  }

  clone() {
    if (!isRequest(this)) throw illegalInvocation();
    if (isBodyUnusable(this[kBody])) {
      throw new TypeError('Request.clone: Body has already been consumed.');
    }
    const clone = Object.create(Request.prototype);
    clone[kRequest] = { ...this[kRequest] };
    clone[kSignal] = followingSignal(this[kSignal]);
    clone[kHeaders] = new Headers(this[kHeaders]);
    setGuard(clone[kHeaders], 'request');
    clone[kBody] = cloneBody(this[kBody]);
    return clone;
  }

  [kInspect](depth, options) {
    return inspectAs('Request', {
      method: this.method,
      url: this.url,
      headers: this.headers,
      destination: this.destination,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      mode: this.mode,
      credentials: this.credentials,
      cache: this.cache,
      redirect: this.redirect,
      integrity: this.integrity,
      keepalive: this.keepalive,
      isReloadNavigation: this.isReloadNavigation,
      isHistoryNavigation: this.isHistoryNavigation,
      signal: this.signal,
    }, options);
  }
}

defineInterface(Request, 'Request', [
  'method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy', 'mode', 'credentials',
  'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation', 'isHistoryNavigation',
  'signal', 'duplex', 'clone',
]);
installBodyMixin(Request.prototype, isRequest, ['duplex', 'clone']);

// What fetch() reads from a Request.
function requestParts(request) {
  return {
    ...request[kRequest],
    headers: request[kHeaders],
    body: request[kBody],
    signal: request[kSignal],
  };
}

module.exports = { Request, isRequest, requestParts };
