'use strict';
// node:url: the WHATWG API (internal/url) and the legacy API (url.parse, url.format,
// url.resolve, url.resolveObject, Url) with node's lenient, historical parsing rules.

const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  isURL,
  legacyDomainToASCII,
  formatWHATWG,
} = require('internal/url');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL },
} = require('internal/errors');
const { validateString, validateObject } = require('internal/validators');
const querystring = require('querystring');

// Protocols that always have '//' after them, and ones that never have a host.
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const unsafeProtocol = hostlessProtocol;

const protocolRe = /^[a-z0-9.+-]+:/i;
const portRe = /:[0-9]*$/;
// '//user@host' means a host even without a protocol.
const authHostRe = /^\/\/[^@/]+@[^@/]+/;
// A plain path with an optional query: no protocol, host, '@' or '#'.
const simplePathRe = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIPv6 = /[\0\t\n\r #%/<>?@\\^|]/;
const hostnameMaxLength = 255;

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost);
  return result;
}

function isTrimmable(code) {
  return code < 33 || code === 0xa0 || code === 0xfeff;
}

// Trims C0 controls, spaces, NBSP and BOM from both ends and turns '\' into '/' up to the
// first '?' or '#'. Also reports whether the text has a '#', or an '@' before '?' / '#'.
function prepare(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isTrimmable(url.charCodeAt(start))) start++;
  while (end > start && isTrimmable(url.charCodeAt(end - 1))) end--;
  let text = url.slice(start, end);
  let hasAt = false;
  let hasHash = false;
  let split = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 || c === 0x3f) {
      split = i;
      break;
    }
    if (c === 0x40) hasAt = true;
  }
  if (text.indexOf('#') !== -1) hasHash = true;
  if (text.lastIndexOf('\\', split - 1) !== -1 && split > 0) {
    text = text.slice(0, split).replace(/\\/g, '/') + text.slice(split);
  }
  return { text, hasAt, hasHash };
}

// Characters escaped in the path, query and hash of a parsed URL.
const autoEscape = {
  __proto__: null,
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27', '<': '%3C',
  '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const autoEscapeRe = /[\t\n\r "'<>\\^`{|}]/g;

let warnedInvalidPort = false;

// The part of `hostname` before a '/', '\', '#', '?' or ':' stays the hostname; the rest goes
// back in front of the path.
function splitHostname(self, rest, hostname, url) {
  for (let i = 0; i < hostname.length; i++) {
    const c = hostname.charCodeAt(i);
    if (c === 0x2f || c === 0x5c || c === 0x23 || c === 0x3f || c === 0x3a) {
      if (c === 0x3a && !warnedInvalidPort) {
        warnedInvalidPort = true;
        process.emitWarning(
          `The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
          'DeprecationWarning', 'DEP0170');
      }
      self.hostname = hostname.slice(0, i);
      return `/${hostname.slice(i)}${rest}`;
    }
  }
  return rest;
}

function isIPv6Hostname(hostname) {
  return hostname[0] === '[' && hostname[hostname.length - 1] === ']';
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  const prepared = prepare(url);
  let rest = prepared.text;

  if (!slashesDenoteHost && !prepared.hasHash && !prepared.hasAt) {
    const simple = simplePathRe.exec(rest);
    if (simple !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? querystring.parse(this.search.slice(1)) :
          this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolRe.exec(rest);
  let lowerProto;
  if (proto !== null) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  // user@server is always a host, and //foo/bar is host foo, path /bar when slashes denote a
  // host (url.resolve), as browsers resolve relative URLs.
  let slashes;
  if (slashesDenoteHost || proto || authHostRe.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  // The original case of the protocol decides here, as node's.
  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (proto && !slashedProtocol.has(proto)))) {
    rest = parseAuthority(this, rest, url);
  }

  if (!unsafeProtocol.has(lowerProto)) rest = rest.replace(autoEscapeRe, (c) => autoEscape[c]);

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 0x23) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (c === 0x3f && questionIdx === -1) {
      questionIdx = i;
    }
  }

  if (questionIdx !== -1) {
    const searchEnd = hashIdx === -1 ? rest.length : hashIdx;
    this.search = rest.slice(questionIdx, searchEnd);
    this.query = rest.slice(questionIdx + 1, searchEnd);
    if (parseQueryString) this.query = querystring.parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const pathEnd = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ?
    questionIdx : hashIdx;
  if (pathEnd === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (pathEnd > 0) {
    this.pathname = rest.slice(0, pathEnd);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';

  // For http.request.
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');

  this.href = this.format();
  return this;
};

// The authority of a URL being parsed: auth, host, port, hostname. Returns the rest.
function parseAuthority(self, rest, url) {
  // The host ends at the first '/', '?' or '#'. Characters never allowed in a hostname (RFC
  // 2396) end it too, unless an '@' comes later: everything before the last '@' is auth.
  let hostEnd = -1;
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length && hostEnd === -1; i++) {
    switch (rest.charCodeAt(i)) {
      case 0x09: case 0x0a: case 0x0d:
        // Tabs and newlines up to the end of the host are dropped, as the WHATWG parser does.
        rest = rest.slice(0, i) + rest.slice(i + 1);
        i--;
        break;
      case 0x20: case 0x22: case 0x25: case 0x27: case 0x3b:
      case 0x3c: case 0x3e: case 0x5c: case 0x5e: case 0x60: case 0x7b: case 0x7c: case 0x7d:
        if (nonHost === -1) nonHost = i;
        break;
      case 0x23: case 0x2f: case 0x3f:
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
        break;
      case 0x40:
        atSign = i;
        nonHost = -1;
        break;
    }
  }
  let hostStart = 0;
  if (atSign !== -1) {
    self.auth = decodeURIComponent(rest.slice(0, atSign));
    hostStart = atSign + 1;
  }
  if (nonHost === -1) {
    self.host = rest.slice(hostStart);
    rest = '';
  } else {
    self.host = rest.slice(hostStart, nonHost);
    rest = rest.slice(nonHost);
  }

  self.parseHost();
  // A host was indicated, so even an empty one is present.
  if (typeof self.hostname !== 'string') self.hostname = '';

  const ipv6 = isIPv6Hostname(self.hostname);
  if (!ipv6) rest = splitHostname(self, rest, self.hostname, url);

  if (self.hostname.length > hostnameMaxLength) self.hostname = '';
  else self.hostname = self.hostname.toLowerCase();

  if (self.hostname !== '') {
    if (ipv6) {
      if (forbiddenHostCharsIPv6.test(self.hostname)) throw new ERR_INVALID_URL(url);
    } else {
      // IDNA: Punycode for the labels that need it. A hostname that comes out empty or with a
      // character splitHostname would have cut at can only be a spoofing attempt.
      self.hostname = legacyDomainToASCII(self.hostname);
      if (self.hostname === '' || forbiddenHostChars.test(self.hostname)) {
        throw new ERR_INVALID_URL(url);
      }
    }
  }

  self.host = (self.hostname || '') + (self.port ? ':' + self.port : '');

  // The host keeps the brackets of an IPv6 address, the hostname does not.
  if (ipv6) {
    self.hostname = self.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = '/' + rest;
  }
  return rest;
}


// Auth is escaped as querystring.escape does, ':' apart.
const authKeep = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!\'()*:') {
  authKeep[ch.charCodeAt(0)] = 1;
}
function escapeAuth(auth) {
  let out = '';
  for (let i = 0; i < auth.length; i++) {
    const c = auth.charCodeAt(i);
    if (c < 0x80 && authKeep[c] === 1) {
      out += auth[i];
    } else if (c < 0x80) {
      out += `%${c < 16 ? '0' : ''}${c.toString(16).toUpperCase()}`;
    } else {
      // Non-ASCII: as querystring.escape (which also rejects a trailing lone surrogate).
      let j = i + 1;
      if (c >= 0xd800 && c < 0xe000) j++;
      out += querystring.escape(auth.slice(i, j));
      i = j - 1;
    }
  }
  return out;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = escapeAuth(auth) + '@';

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const hostname = this.hostname;
    host = auth + (hostname.includes(':') && !isIPv6Hostname(hostname) ?
      `[${hostname}]` : hostname);
    if (this.port) host += ':' + this.port;
  }

  if (this.query !== null && typeof this.query === 'object') {
    query = querystring.stringify(this.query);
  }
  let search = this.search || (query && ('?' + query)) || '';

  if (protocol && protocol[protocol.length - 1] !== ':') protocol += ':';

  if (pathname.indexOf('#') !== -1 || pathname.indexOf('?') !== -1) {
    pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
  }

  // Only slashed protocols get '//', unless the URL had it to begin with.
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  return protocol + host + pathname + search + hash;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      validateObject(options, 'options');
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatWHATWG(urlObject.href, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function copyKeys(target, source, except) {
  for (const key of Object.keys(source)) {
    if (key !== except) target[key] = source[key];
  }
}

function setPath(url) {
  if (url.pathname !== null || url.search !== null) {
    url.path = (url.pathname ? url.pathname : '') + (url.search ? url.search : '');
  }
}

// host 'user@host' (left in the host by a non-slashed protocol) -> auth and host.
function takeAuthFromHost(result) {
  const at = result.host ? result.host.indexOf('@') : -1;
  if (at > 0) {
    const parts = result.host.split('@');
    result.auth = parts[0];
    result.host = result.hostname = parts[1];
  }
}

// RFC 1808-style resolution with node's historical rules for non-slashed protocols.
Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }

  const result = new Url();
  copyKeys(result, this);

  // The hash always comes from the relative URL, even an empty one removes it.
  result.hash = relative.hash;

  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // '//host/path' keeps only the protocol.
  if (relative.slashes && !relative.protocol) {
    copyKeys(result, relative, 'protocol');
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another protocol: an unknown one makes the relative URL absolute; a known one needs a
    // host (file: aside), taken from the first path segment when missing.
    if (!slashedProtocol.has(relative.protocol)) {
      copyKeys(result, relative);
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) &&
        !hostlessProtocol.has(relative.protocol)) {
      const segments = (relative.pathname || '').split('/');
      while (segments.length && !(relative.host = segments.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (segments[0] !== '') segments.unshift('');
      if (segments.length < 2) segments.unshift('');
      result.pathname = segments.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) {
      result.path = (result.pathname || '') + (result.search || '');
    }
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const sourceIsAbsolute = result.pathname && result.pathname[0] === '/';
  const relativeIsAbsolute = relative.host || (relative.pathname && relative.pathname[0] === '/');
  let mustEndAbsolute = relativeIsAbsolute || sourceIsAbsolute ||
    (result.host && relative.pathname);
  const removeAllDots = mustEndAbsolute;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

  // A non-slashed URL keeps its host as the first path segment while resolving, so '../..'
  // can climb up to it.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // The relative URL names the protocol again: the source's auth goes with its host.
      result.auth = null;
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbsolute = mustEndAbsolute && (relPath[0] === '' || srcPath[0] === '');
  }

  if (relativeIsAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // Relative path: drop the last source segment and append.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query ('?foo').
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      takeAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? '/' + result.search : null;
    result.href = result.format();
    return result;
  }

  // A path ending in '.' or '..' (or '') ends with a slash after resolution.
  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash =
    ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) ||
    last === '';

  // Drop '.' segments and resolve '..'; `up` counts the ones above the root.
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbsolute && !removeAllDots) {
    for (; up > 0; up--) srcPath.unshift('..');
  }

  if (mustEndAbsolute && srcPath[0] !== '' && (!srcPath[0] || srcPath[0][0] !== '/')) {
    srcPath.unshift('');
  }
  if (hasTrailingSlash && !srcPath.join('/').endsWith('/')) srcPath.push('');

  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0][0] === '/');

  // Put the host back for non-slashed protocols.
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    takeAuthFromHost(result);
  }

  mustEndAbsolute = mustEndAbsolute || (result.host && srcPath.length);
  if (mustEndAbsolute && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = portRe.exec(host);
  if (port !== null) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

module.exports = {
  // The legacy API.
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  // The WHATWG API.
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  // Helpers.
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
