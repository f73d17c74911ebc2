'use strict';
// The WHATWG URL Standard (https://url.spec.whatwg.org/): the basic URL parser as a state
// machine over UTF-16 code units, host parsing (IPv4, IPv6, opaque hosts, domains through
// UTS #46 in internalBinding('url')), serialization, the URL and URLSearchParams classes with
// node's validation errors and inspect output, and node's helpers for file: URLs.
//
// Where node 20 (its ada parser) departs from the URL Standard, node is followed: the host and
// port setters (setPortLikeNode, URL#setHost), a final '..' on an empty non-special path, a
// segment starting with 'C:' counting as a drive letter, port 0 and the protocol setter, an
// empty host with a port reading as '', lax bidi rules and 'xn--abc-' labels (url.cc).
// Not followed: a relative input containing '#' against a base with an opaque path (node
// resolves 'x#y' against 'sc:a/b'; the standard, and this parser, fail).

const {
  domainToASCII: bindingDomainToASCII,
  domainToUnicode: bindingDomainToUnicode,
} = internalBinding('url');

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const {
  customInspectSymbol: kInspect,
  toUSVString: toUSVStringSlow,
  kEnumerableProperty,
} = require('internal/util');

// The WebIDL USVString conversion; most strings have no surrogate to look at.
const surrogateRe = /[\uD800-\uDFFF]/;
function toUSVString(value) {
  const str = `${value}`;
  return surrogateRe.test(str) ? toUSVStringSlow(str) : str;
}

let lazyInspectModule;
function lazyInspect() {
  lazyInspectModule ??= require('internal/util/inspect');
  return lazyInspectModule;
}

const kOmitted = 4294967295;

// ---------------------------------------------------------------------------------------------
// Code point classes and percent-encode sets.

const EOF = -1;

function isAsciiAlpha(c) {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isAsciiDigit(c) {
  return c >= 0x30 && c <= 0x39;
}
function isAsciiHexDigit(c) {
  return isAsciiDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
function isAsciiAlphanumeric(c) {
  return isAsciiAlpha(c) || isAsciiDigit(c);
}
function hexValue(c) {
  if (c <= 0x39) return c - 0x30;
  return (c | 0x20) - 0x57;
}

// One table of ASCII code points per set: 1 = percent-encode. Non-ASCII is always encoded.
function makeSet(base, extra) {
  const table = new Uint8Array(128);
  if (base !== undefined) table.set(base);
  else for (let c = 0; c < 0x20; c++) table[c] = 1;
  if (base === undefined) table[0x7f] = 1;
  for (const ch of extra) table[ch.charCodeAt(0)] = 1;
  return table;
}
const C0_CONTROL_SET = makeSet(undefined, '');
const FRAGMENT_SET = makeSet(C0_CONTROL_SET, ' "<>`');
const QUERY_SET = makeSet(C0_CONTROL_SET, ' "#<>');
const SPECIAL_QUERY_SET = makeSet(QUERY_SET, "'");
const PATH_SET = makeSet(QUERY_SET, '?`{}');
const USERINFO_SET = makeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = makeSet(USERINFO_SET, '$%&+,');
const FORM_SET = makeSet(COMPONENT_SET, "!'()~");

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push('%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());

// UTF-8 percent-encodes the code units of `str` in `set`; '+' for space when `spaceAsPlus`.
function percentEncode(str, set, spaceAsPlus = false) {
  const len = str.length;
  let i = 0;
  for (; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0x80 || set[c] === 1) break;
  }
  if (i === len) return str;
  let out = str.slice(0, i);
  let last = i;
  for (; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (set[c] !== 1) continue;
      if (last < i) out += str.slice(last, i);
      last = i + 1;
      out += spaceAsPlus && c === 0x20 ? '+' : hexTable[c];
      continue;
    }
    if (last < i) out += str.slice(last, i);
    if (c < 0x800) {
      out += hexTable[0xc0 | (c >> 6)] + hexTable[0x80 | (c & 0x3f)];
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len &&
               (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c & 0x3ff) << 10) + (str.charCodeAt(++i) & 0x3ff);
      out += hexTable[0xf0 | (c >> 18)] + hexTable[0x80 | ((c >> 12) & 0x3f)] +
             hexTable[0x80 | ((c >> 6) & 0x3f)] + hexTable[0x80 | (c & 0x3f)];
    } else {
      if ((c & 0xf800) === 0xd800) c = 0xfffd;  // A lone surrogate.
      out += hexTable[0xe0 | (c >> 12)] + hexTable[0x80 | ((c >> 6) & 0x3f)] +
             hexTable[0x80 | (c & 0x3f)];
    }
    last = i + 1;
  }
  if (last < len) out += str.slice(last);
  return out;
}

// WHATWG "UTF-8 decode without BOM" of bytes[start, end): invalid sequences become U+FFFD
// (maximal subparts, as the Encoding Standard's decoder).
function utf8Decode(bytes, start, end) {
  let out = '';
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
      need = 2;
      cp = b & 0xf;
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
      need = 3;
      cp = b & 0x7;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const cb = j < end ? bytes[j] : -1;
      if (cb < lower || cb > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (cb & 0x3f);
    }
    if (!ok) {
      out += '\uFFFD';
      i = j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i = j;
  }
  return out;
}

function utf8Encode(str) {
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      bytes.push(c);
    } else if (c < 0x800) {
      bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length &&
               (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c & 0x3ff) << 10) + (str.charCodeAt(++i) & 0x3ff);
      bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f),
                 0x80 | (c & 0x3f));
    } else {
      if ((c & 0xf800) === 0xd800) c = 0xfffd;
      bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
  }
  return bytes;
}

// Percent-decodes `str` (as UTF-8 bytes) and UTF-8 decodes the result.
function percentDecode(str) {
  if (str.indexOf('%') === -1) return str;
  const bytes = utf8Encode(str);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length && isAsciiHexDigit(bytes[i + 1]) &&
        isAsciiHexDigit(bytes[i + 2])) {
      out.push((hexValue(bytes[i + 1]) << 4) | hexValue(bytes[i + 2]));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return utf8Decode(out, 0, out.length);
}

// ---------------------------------------------------------------------------------------------
// Schemes.

const specialSchemes = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443,
                         'ws': 80, 'wss': 443 };
// Node's (ada's) scheme type numbers, shown by inspect with showHidden.
const schemeTypes = { __proto__: null, 'http': 0, 'https': 2, 'ws': 3, 'ftp': 4, 'wss': 5,
                      'file': 6 };

function isSpecialScheme(scheme) {
  switch (scheme) {
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
    case 'ftp':
    case 'file':
      return true;
    default:
      return false;
  }
}
function defaultPort(scheme) {
  const port = specialSchemes[scheme];
  return port === undefined ? null : port;
}

// ---------------------------------------------------------------------------------------------
// Hosts.

// Forbidden host code points: NUL TAB LF CR SP # / : < > ? @ [ \ ] ^ |
const forbiddenHost = new Uint8Array(128);
for (const c of [0, 9, 10, 13, 32, 0x23, 0x2f, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d,
  0x5e, 0x7c]) {
  forbiddenHost[c] = 1;
}
const forbiddenDomain = new Uint8Array(forbiddenHost);
for (let c = 0; c < 0x20; c++) forbiddenDomain[c] = 1;
forbiddenDomain[0x25] = 1;
forbiddenDomain[0x7f] = 1;

function parseIPv4Number(str) {
  if (str === '') return NaN;
  let radix = 10;
  let i = 0;
  if (str.length >= 2 && str[0] === '0' && (str[1] === 'x' || str[1] === 'X')) {
    radix = 16;
    i = 2;
  } else if (str.length >= 2 && str[0] === '0') {
    radix = 8;
    i = 1;
  }
  if (i === str.length) return 0;
  let n = 0;
  for (; i < str.length; i++) {
    const c = str.charCodeAt(i);
    let d;
    if (radix === 16) {
      if (!isAsciiHexDigit(c)) return NaN;
      d = hexValue(c);
    } else {
      if (!isAsciiDigit(c)) return NaN;
      d = c - 0x30;
      if (d >= radix) return NaN;
    }
    n = n * radix + d;
  }
  return n;
}

// The last label (a trailing dot aside) is all digits or 0x-hex: an IPv4 number.
const ipv4NumberRe = /^(?:[0-9]+|0[xX][0-9a-fA-F]*)$/;
function endsInANumber(str) {
  let end = str.length;
  if (end > 0 && str.charCodeAt(end - 1) === 0x2e) end--;
  const last = str.slice(str.lastIndexOf('.', end - 1) + 1, end);
  return last !== '' && ipv4NumberRe.test(last);
}

// Returns the serialized IPv4 address, or null on failure.
function parseIPv4(str) {
  const parts = str.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (Number.isNaN(n)) return null;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return null;
  }
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return null;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return `${Math.floor(ipv4 / 16777216)}.${Math.floor(ipv4 / 65536) % 256}.` +
         `${Math.floor(ipv4 / 256) % 256}.${ipv4 % 256}`;
}

// Returns the eight 16-bit pieces, or null on failure.
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const len = input.length;
  const at = (i) => (i < len ? input.charCodeAt(i) : EOF);
  if (at(p) === 0x3a) {
    if (at(p + 1) !== 0x3a) return null;
    p += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(p) !== EOF) {
    if (pieceIndex === 8) return null;
    if (at(p) === 0x3a) {
      if (compress !== null) return null;
      p++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isAsciiHexDigit(at(p))) {
      value = value * 16 + hexValue(at(p));
      p++;
      length++;
    }
    if (at(p) === 0x2e) {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (at(p) !== EOF) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(p) === 0x2e && numbersSeen < 4) p++;
          else return null;
        }
        if (!isAsciiDigit(at(p))) return null;
        while (isAsciiDigit(at(p))) {
          const number = at(p) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 256 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (at(p) === 0x3a) {
      p++;
      if (at(p) === EOF) return null;
    } else if (at(p) !== EOF) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[pieceIndex];
      address[pieceIndex] = address[compress + swaps - 1];
      address[compress + swaps - 1] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is compressed.
  let compress = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) {
      bestLength = j - i;
      compress = i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (compress === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

function isAsciiDomainFastPath(str) {
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0x80) return false;
  }
  // ACE labels are validated by UTS #46 (ICU).
  return !/(^|\.)xn--/i.test(str);
}

// domain to ASCII (beStrict false): null on failure.
function domainToASCIIInternal(domain) {
  if (isAsciiDomainFastPath(domain)) return domain.toLowerCase();
  const result = bindingDomainToASCII(domain);
  return result === undefined ? null : result;
}

// The host parser: the serialized host, or null on failure.
function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return null;
    const address = parseIPv6(input.slice(1, -1));
    return address === null ? null : `[${serializeIPv6(address)}]`;
  }
  if (isOpaque) {
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c < 0x80 && forbiddenHost[c] === 1) return null;
    }
    return percentEncode(input, C0_CONTROL_SET);
  }
  const domain = percentDecode(input);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === null || asciiDomain === '') return null;
  for (let i = 0; i < asciiDomain.length; i++) {
    const c = asciiDomain.charCodeAt(i);
    if (c < 0x80 && forbiddenDomain[c] === 1) return null;
  }
  if (endsInANumber(asciiDomain)) return parseIPv4(asciiDomain);
  return asciiDomain;
}

// ---------------------------------------------------------------------------------------------
// The URL record and the basic URL parser.

class URLRecord {
  constructor() {
    this.scheme = '';
    this.username = '';
    this.password = '';
    this.host = null;  // Serialized host or null.
    this.port = null;
    this.path = [];  // A list of segments, or a string when the path is opaque.
    this.query = null;
    this.fragment = null;
  }

  clone() {
    const r = new URLRecord();
    r.scheme = this.scheme;
    r.username = this.username;
    r.password = this.password;
    r.host = this.host;
    r.port = this.port;
    r.path = typeof this.path === 'string' ? this.path : this.path.slice();
    r.query = this.query;
    r.fragment = this.fragment;
    return r;
  }
}

function hasOpaquePath(url) {
  return typeof url.path === 'string';
}
function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}
function cannotHaveUsernamePasswordPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

function isWindowsDriveLetterCodes(c0, c1) {
  return isAsciiAlpha(c0) && (c1 === 0x3a || c1 === 0x7c);
}
function isWindowsDriveLetter(str) {
  return str.length === 2 && isWindowsDriveLetterCodes(str.charCodeAt(0), str.charCodeAt(1));
}
function startsWithWindowsDriveLetter(input, p) {
  if (input.length - p < 2) return false;
  if (!isWindowsDriveLetterCodes(input.charCodeAt(p), input.charCodeAt(p + 1))) return false;
  if (input.length - p === 2) return true;
  const c = input.charCodeAt(p + 2);
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}

function isSingleDot(s) {
  return s === '.' || (s.length === 3 && s.toLowerCase() === '%2e');
}
function isDoubleDot(s) {
  switch (s.length) {
    case 2: return s === '..';
    case 4: {
      const l = s.toLowerCase();
      return l === '.%2e' || l === '%2e.';
    }
    case 6: return s.toLowerCase() === '%2e%2e';
    default: return false;
  }
}

// As node (ada): a segment that merely starts with a normalized drive letter ('C:x') counts.
function startsWithNormalizedDriveLetter(str) {
  return str.length >= 2 && isAsciiAlpha(str.charCodeAt(0)) && str[1] === ':';
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && startsWithNormalizedDriveLetter(path[0])) {
    return;
  }
  path.pop();
}

const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

const kFailure = null;
// What a state-override parse returns when it stops without failing.
const kDone = true;

// The basic URL parser. Without `url`, returns a new URLRecord or null (failure). With `url`
// and `stateOverride`, modifies `url` and returns kDone or null.
function basicParse(input, base, url, stateOverride) {
  if (url === undefined) {
    url = new URLRecord();
    // Leading and trailing C0 controls and spaces.
    let start = 0;
    let end = input.length;
    while (start < end && input.charCodeAt(start) <= 0x20) start++;
    while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
    if (start !== 0 || end !== input.length) input = input.slice(start, end);
  }
  if (/[\t\n\r]/.test(input)) input = input.replace(/[\t\n\r]/g, '');

  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const len = input.length;
  let special = isSpecialScheme(url.scheme);

  for (let p = 0; ; p++) {
    let c = p < len ? input.charCodeAt(p) : EOF;
    switch (state) {
      case SCHEME_START:
        if (isAsciiAlpha(c)) {
          // The scheme's characters at once; the scheme state looks at what follows them.
          let e = p + 1;
          while (e < len) {
            const ch = input.charCodeAt(e);
            if (!isAsciiAlphanumeric(ch) && ch !== 0x2b && ch !== 0x2d && ch !== 0x2e) break;
            e++;
          }
          buffer = input.slice(p, e).toLowerCase();
          p = e - 1;
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          p--;
        } else {
          return kFailure;
        }
        break;

      case SCHEME:
        if (isAsciiAlphanumeric(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
          buffer += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
        } else if (c === 0x3a) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return kDone;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') {
              return kDone;
            }
            if (url.scheme === 'file' && url.host === '') return kDone;
          }
          url.scheme = buffer;
          special = isSpecialScheme(buffer);
          if (stateOverride) {
            // As node (ada): port 0 counts as the default port of a non-special scheme.
            if (url.port === (defaultPort(url.scheme) ?? 0)) url.port = null;
            return kDone;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (special && base != null && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (special) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (p + 1 < len && input.charCodeAt(p + 1) === 0x2f) {
            state = PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          p = -1;
        } else {
          return kFailure;
        }
        break;

      case NO_SCHEME:
        if (base == null || (hasOpaquePath(base) && c !== 0x23)) {
          return kFailure;
        } else if (hasOpaquePath(base) && c === 0x23) {
          url.scheme = base.scheme;
          special = isSpecialScheme(url.scheme);
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          p--;
        } else {
          state = FILE;
          p--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && p + 1 < len && input.charCodeAt(p + 1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = RELATIVE;
          p--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          state = PATH;
          p--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        special = isSpecialScheme(url.scheme);
        if (c === 0x2f || (special && c === 0x5c)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            p--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (special && (c === 0x2f || c === 0x5c)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2f && p + 1 < len && input.charCodeAt(p + 1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) {
          state = AUTHORITY;
          p--;
        }
        break;

      case AUTHORITY: {
        // The authority runs to the first '/', '?' or '#' ('\\' too when special). All before
        // its last '@' is userinfo (an earlier '@' is percent-encoded), split at the first ':'.
        let e = p;
        while (e < len) {
          const ch = input.charCodeAt(e);
          if (ch === 0x2f || ch === 0x3f || ch === 0x23 || (special && ch === 0x5c)) break;
          e++;
        }
        const at = e > p ? input.lastIndexOf('@', e - 1) : -1;
        if (at >= p) {
          const userinfo = input.slice(p, at);
          const colon = userinfo.indexOf(':');
          if (colon === -1) {
            url.username += percentEncode(userinfo, USERINFO_SET);
          } else {
            url.username += percentEncode(userinfo.slice(0, colon), USERINFO_SET);
            url.password += percentEncode(userinfo.slice(colon + 1), USERINFO_SET);
          }
          if (at + 1 === e) return kFailure;
          p = at;
        } else {
          p--;
        }
        state = HOST;
        break;
      }

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = FILE_HOST;
        } else {
          // Take the host up to ':' (outside brackets) or the end of the authority at once.
          let e = p;
          while (e < len) {
            const ch = input.charCodeAt(e);
            if (ch === 0x5b) {
              insideBrackets = true;
            } else if (ch === 0x5d) {
              insideBrackets = false;
            } else if ((ch === 0x3a && !insideBrackets) || ch === 0x2f || ch === 0x3f ||
                       ch === 0x23 || (special && ch === 0x5c)) {
              break;
            }
            e++;
          }
          if (e > p) buffer += input.slice(p, e);
          p = e;
          c = p < len ? input.charCodeAt(p) : EOF;
        }
        if (state === FILE_HOST) {
          // Handled in the file host state next time round.
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return kFailure;
          if (stateOverride === HOSTNAME) return kFailure;
          const host = parseHost(buffer, !special);
          if (host === null) return kFailure;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (special && c === 0x5c)) {
          p--;
          if (special && buffer === '') return kFailure;
          if (stateOverride && buffer === '' &&
              (includesCredentials(url) || url.port !== null)) {
            return kFailure;
          }
          const host = parseHost(buffer, !special);
          if (host === null) return kFailure;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return kDone;
        }
        break;

      case PORT:
        if (isAsciiDigit(c)) {
          buffer += input[p];
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (special && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            let port = 0;
            for (let i = 0; i < buffer.length; i++) {
              port = port * 10 + (buffer.charCodeAt(i) - 0x30);
              if (port > 65535) return kFailure;
            }
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          }
          if (stateOverride) return kDone;
          state = PATH_START;
          p--;
        } else {
          return kFailure;
        }
        break;

      case FILE:
        url.scheme = 'file';
        special = true;
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = FILE_SLASH;
        } else if (base != null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(input, p)) shortenPath(url);
            else url.path = [];
            state = PATH;
            p--;
          }
        } else {
          state = PATH;
          p--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2f || c === 0x5c) {
          state = FILE_HOST;
        } else {
          if (base != null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(input, p) && base.path.length > 0 &&
                startsWithNormalizedDriveLetter(base.path[0])) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          p--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          p--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return kDone;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !special);
            if (host === null) return kFailure;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return kDone;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += input[p];
        }
        break;

      case PATH_START:
        if (special) {
          state = PATH;
          if (c !== 0x2f && c !== 0x5c) p--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2f) p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH:
        // Take the rest of the segment at once.
        if (c !== EOF) {
          let e = p;
          while (e < len) {
            const ch = input.charCodeAt(e);
            if (ch === 0x2f || (special && ch === 0x5c) ||
                (!stateOverride && (ch === 0x3f || ch === 0x23))) {
              break;
            }
            e++;
          }
          if (e > p) {
            buffer += input.slice(p, e);
            p = e;
            c = p < len ? input.charCodeAt(p) : EOF;
          }
        }
        if (c === EOF || c === 0x2f || (special && c === 0x5c) ||
            (!stateOverride && (c === 0x3f || c === 0x23))) {
          const slash = c === 0x2f || (special && c === 0x5c);
          if (isDoubleDot(buffer)) {
            // As node (ada): a final '..' on an already empty non-special path leaves it empty.
            const wasEmpty = url.path.length === 0;
            shortenPath(url);
            if (!slash && (special || !wasEmpty)) url.path.push('');
          } else if (isSingleDot(buffer)) {
            if (!slash) url.path.push('');
          } else {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(percentEncode(buffer, PATH_SET));
          }
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          buffer += input[p];
        }
        break;

      case OPAQUE_PATH:
        if (c !== 0x3f && c !== 0x23 && c !== EOF) {
          let e = p + 1;
          while (e < len) {
            const ch = input.charCodeAt(e);
            if (ch === 0x3f || ch === 0x23) break;
            e++;
          }
          buffer += input.slice(p, e);
          p = e;
          c = p < len ? input.charCodeAt(p) : EOF;
        }
        if (c === 0x3f || c === 0x23 || c === EOF) {
          url.path += percentEncode(buffer, C0_CONTROL_SET);
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          buffer += input[p];
        }
        break;

      case QUERY:
        if (c !== EOF && (stateOverride || c !== 0x23)) {
          let e = stateOverride ? -1 : input.indexOf('#', p);
          if (e === -1) e = len;
          buffer += input.slice(p, e);
          p = e;
          c = p < len ? input.charCodeAt(p) : EOF;
        }
        if ((!stateOverride && c === 0x23) || c === EOF) {
          url.query += percentEncode(buffer, special ? SPECIAL_QUERY_SET : QUERY_SET);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          buffer += input[p];
        }
        break;

      case FRAGMENT:
        if (c !== EOF) {
          buffer += input.slice(p);
          p = len - 1;
        } else {
          url.fragment += percentEncode(buffer, FRAGMENT_SET);
          buffer = '';
        }
        break;
    }
    if (p >= len) break;
  }
  return stateOverride ? kDone : url;
}

function serializePath(url) {
  if (typeof url.path === 'string') return url.path;
  let out = '';
  for (let i = 0; i < url.path.length; i++) out += '/' + url.path[i];
  return out;
}

function serializeURL(url, excludeFragment = false) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const pathURL = basicParse(serializePath(url), null);
      if (pathURL !== null && (pathURL.scheme === 'http' || pathURL.scheme === 'https')) {
        return serializeOrigin(pathURL);
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${url.host}${url.port === null ? '' : ':' + url.port}`;
    default:
      return 'null';
  }
}

// The port setter as node's (ada's): a value without any digit changes nothing; one that does
// not start with digits clears the port; leading digits set it unless they exceed 65535.
function setPortLikeNode(url, value) {
  if (cannotHaveUsernamePasswordPort(url)) return;
  const trimmed = /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, '') : value;
  if (trimmed === '') {
    url.port = null;
    return;
  }
  if (trimmed.charCodeAt(0) <= 0x20) return;
  if (!/[0-9]/.test(value)) return;
  let i = 0;
  let port = 0;
  while (i < trimmed.length && isAsciiDigit(trimmed.charCodeAt(i))) {
    port = port * 10 + (trimmed.charCodeAt(i) - 0x30);
    if (port > 65535) return;
    i++;
  }
  if (i === 0) {
    url.port = null;
    return;
  }
  url.port = port === defaultPort(url.scheme) ? null : port;
}

// An opaque path loses its trailing spaces once neither a query nor a fragment follows it.
function stripTrailingSpacesFromOpaquePath(url) {
  if (!hasOpaquePath(url) || url.fragment !== null || url.query !== null) return;
  url.path = url.path.replace(/ +$/, '');
}

// ---------------------------------------------------------------------------------------------
// application/x-www-form-urlencoded

// Parses into a flat [name, value, name, value, ...] list.
function parseFormUrlencoded(input) {
  const list = [];
  const len = input.length;
  let start = 0;
  while (start <= len) {
    let end = input.indexOf('&', start);
    if (end === -1) end = len;
    if (end > start) {
      const seq = input.slice(start, end);
      const eq = seq.indexOf('=');
      let name = eq === -1 ? seq : seq.slice(0, eq);
      let value = eq === -1 ? '' : seq.slice(eq + 1);
      if (name.indexOf('+') !== -1) name = name.replace(/\+/g, ' ');
      if (value.indexOf('+') !== -1) value = value.replace(/\+/g, ' ');
      list.push(percentDecode(name), percentDecode(value));
    }
    start = end + 1;
  }
  return list;
}

function serializeFormUrlencoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += percentEncode(list[i], FORM_SET, true) + '=' +
           percentEncode(list[i + 1], FORM_SET, true);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// URLContext: node shows it (inspect with showHidden) with ada's component offsets.

class URLContext {
  href = '';
  protocol_end = 0;
  username_end = 0;
  host_start = 0;
  host_end = 0;
  pathname_start = 0;
  search_start = 0;
  hash_start = 0;
  port = 0;
  scheme_type = 1;

  get hasPort() {
    return this.port !== kOmitted;
  }

  get hasSearch() {
    return this.search_start !== kOmitted;
  }

  get hasHash() {
    return this.hash_start !== kOmitted;
  }
}

function makeContext(url, href) {
  const ctx = new URLContext();
  ctx.href = href;
  const protocolEnd = url.scheme.length + 1;
  ctx.protocol_end = protocolEnd;
  let pos = protocolEnd;
  if (url.host !== null) {
    pos += 2;
    const usernameEnd = pos + url.username.length;
    ctx.username_end = usernameEnd;
    let hostStart = usernameEnd;
    if (url.password !== '') hostStart += 1 + url.password.length;
    ctx.host_start = hostStart;
    ctx.host_end = hostStart + (includesCredentials(url) ? 1 : 0) + url.host.length;
    pos = ctx.host_end;
    if (url.port !== null) pos += 1 + String(url.port).length;
  } else {
    ctx.username_end = ctx.host_start = ctx.host_end = pos;
    if (typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') pos += 2;
  }
  ctx.pathname_start = pos;
  pos += serializePath(url).length;
  if (url.query !== null) {
    ctx.search_start = pos;
    pos += 1 + url.query.length;
  } else {
    ctx.search_start = kOmitted;
  }
  ctx.hash_start = url.fragment !== null ? pos : kOmitted;
  ctx.port = url.port !== null ? url.port : kOmitted;
  const type = schemeTypes[url.scheme];
  ctx.scheme_type = type === undefined ? 1 : type;
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// URLSearchParams

const kContext = Symbol('context');
const kQuery = Symbol('query');

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

class URLSearchParams {
  #list = [];
  #url = null;  // The URL this object belongs to.

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Empty.
    } else if (isObjectLike(init)) {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (!isObjectLike(pair) || typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [];
          for (const item of pair) items.push(item);
          if (items.length !== 2) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          this.#list.push(toUSVString(items[0]), toUSVString(items[1]));
        }
      } else {
        const keys = Reflect.ownKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable) {
            const typedKey = toUSVString(key);
            const typedValue = toUSVString(init[key]);
            // A record: a later duplicate name replaces the earlier value.
            let found = false;
            for (let j = 0; j < this.#list.length; j += 2) {
              if (this.#list[j] === typedKey) {
                this.#list[j + 1] = typedValue;
                found = true;
                break;
              }
            }
            if (!found) this.#list.push(typedKey, typedValue);
          }
        }
      }
    } else {
      init = toUSVString(init);
      this.#list = parseFormUrlencoded(init[0] === '?' ? init.slice(1) : init);
    }
  }

  static #check(self) {
    if (self == null || typeof self !== 'object' || !(#list in self)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
  }

  // Called by URL when its query changes.
  static setList(self, query) {
    self.#list = query === null || query === '' ? [] : parseFormUrlencoded(query);
  }

  static attach(self, url) {
    self.#url = url;
  }

  static getList(self) {
    return self.#list;
  }

  #update() {
    if (this.#url === null) return;
    const serialized = serializeFormUrlencoded(this.#list);
    setQueryFromSearchParams(this.#url, serialized === '' ? null : serialized);
  }

  get size() {
    URLSearchParams.#check(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const values = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    URLSearchParams.#check(this);
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Stable, by code units of the names (Array.prototype.sort is stable).
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (let i = 0; i < pairs.length; i++) {
      list[2 * i] = pairs[i][0];
      list[2 * i + 1] = pairs[i][1];
    }
    this.#update();
  }

  entries() {
    URLSearchParams.#check(this);
    return createSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    validateFunction(callback, 'callback');
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
    }
  }

  keys() {
    URLSearchParams.#check(this);
    return createSearchParamsIterator(this, 'key');
  }

  values() {
    URLSearchParams.#check(this);
    return createSearchParamsIterator(this, 'value');
  }

  toString() {
    URLSearchParams.#check(this);
    return serializeFormUrlencoded(this.#list);
  }

  [kInspect](recurseTimes, ctx) {
    URLSearchParams.#check(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${inspect(list[i], innerOpts)} => ${inspect(list[i + 1], innerOpts)}`);
    }
    const separator = ', ';
    let length = -separator.length;
    for (const entry of output) {
      length += removeColors(entry).length + separator.length;
    }
    const name = this.constructor.name;
    if (length > ctx.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
    if (output.length) return `${name} { ${output.join(separator)} }`;
    return `${name} {}`;
  }
}

function removeColors(str) {
  // eslint-disable-next-line no-control-regex
  return str.replace(/\u001b\[\d\d?m/g, '');
}

const { setList: setSearchParamsList, attach: attachSearchParams, getList: getSearchParamsList } =
  URLSearchParams;
delete URLSearchParams.setList;
delete URLSearchParams.attach;
delete URLSearchParams.getList;

Object.defineProperties(URLSearchParams.prototype, {
  size: kEnumerableProperty,
  append: kEnumerableProperty,
  delete: kEnumerableProperty,
  get: kEnumerableProperty,
  getAll: kEnumerableProperty,
  has: kEnumerableProperty,
  set: kEnumerableProperty,
  sort: kEnumerableProperty,
  entries: kEnumerableProperty,
  forEach: kEnumerableProperty,
  keys: kEnumerableProperty,
  values: kEnumerableProperty,
  toString: kEnumerableProperty,
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URLSearchParams' },
  [Symbol.iterator]: {
    __proto__: null, configurable: true, writable: true,
    value: URLSearchParams.prototype.entries,
  },
});

// The iterator: live over the list, as the spec's value pairs to iterate over.
class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  constructor(target, kind) {
    this.#target = target;
    this.#kind = kind;
  }

  next() {
    if (this == null || typeof this !== 'object' || !(#target in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = getSearchParamsList(this.#target);
    const index = this.#index;
    if (index >= list.length) return { value: undefined, done: true };
    this.#index = index + 2;
    const name = list[index];
    const value = list[index + 1];
    let result;
    if (this.#kind === 'key') result = name;
    else if (this.#kind === 'value') result = value;
    else result = [name, value];
    return { value: result, done: false };
  }

  [kInspect](recurseTimes, ctx) {
    if (this == null || typeof this !== 'object' || !(#target in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = getSearchParamsList(this.#target);
    const output = [];
    for (let i = this.#index; i < list.length; i += 2) {
      if (this.#kind === 'key') output.push(list[i]);
      else if (this.#kind === 'value') output.push(list[i + 1]);
      else output.push([list[i], list[i + 1]]);
    }
    const breakLn = inspect(output, innerOpts).includes('\n');
    const strs = output.map((entry) => inspect(entry, innerOpts));
    const body = breakLn ? `\n  ${strs.join(',\n  ')}` : ` ${strs.join(', ')}`;
    return `${this[Symbol.toStringTag]} {${body} }`;
  }
}

function createSearchParamsIterator(target, kind) {
  return new URLSearchParamsIterator(target, kind);
}

const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
Object.setPrototypeOf(URLSearchParamsIterator.prototype, iteratorPrototype);
Object.defineProperties(URLSearchParamsIterator.prototype, {
  next: kEnumerableProperty,
  [Symbol.toStringTag]: {
    __proto__: null, configurable: true, value: 'URLSearchParams Iterator',
  },
});
// Only `next` (and the symbols) live on the iterator prototype, as in node.
delete URLSearchParamsIterator.prototype.constructor;

// ---------------------------------------------------------------------------------------------
// URL

function throwReceiver() {
  throw new TypeError('Receiver must be an instance of class URL');
}

class URL {
  #url;
  #searchParams = null;
  #href = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    let baseRecord = null;
    if (base !== undefined) {
      base = toUSVString(base);
      baseRecord = basicParse(base, null);
      if (baseRecord === null) throw new ERR_INVALID_URL(input, base);
    }
    const record = basicParse(input, baseRecord);
    if (record === null) throw new ERR_INVALID_URL(input, base);
    this.#url = record;
  }

  static #check(self) {
    if (self == null || typeof self !== 'object' || !(#url in self)) throwReceiver();
  }

  static #changed(self) {
    self.#href = null;
  }

  static setQuery(self, query) {
    self.#url.query = query;
    if (query === null) stripTrailingSpacesFromOpaquePath(self.#url);
    self.#href = null;
  }

  static record(self) {
    return self.#url;
  }

  [kInspect](depth, opts) {
    URL.#check(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = lazyInspect();
    const constructor = getConstructorName(this);
    const obj = {};
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[kContext] = makeContext(this.#url, this.href);
    return `${constructor} ${inspect(obj, opts)}`;
  }

  toString() {
    URL.#check(this);
    return this.href;
  }

  get href() {
    URL.#check(this);
    return this.#href ??= serializeURL(this.#url);
  }

  set href(value) {
    URL.#check(this);
    value = toUSVString(value);
    const record = basicParse(value, null);
    if (record === null) throw new ERR_INVALID_URL(value);
    this.#url = record;
    this.#href = null;
    if (this.#searchParams !== null) setSearchParamsList(this.#searchParams, record.query);
  }

  get origin() {
    URL.#check(this);
    return serializeOrigin(this.#url);
  }

  get protocol() {
    URL.#check(this);
    return this.#url.scheme + ':';
  }

  set protocol(value) {
    URL.#check(this);
    basicParse(`${toUSVString(value)}:`, null, this.#url, SCHEME_START);
    this.#href = null;
  }

  get username() {
    URL.#check(this);
    return this.#url.username;
  }

  set username(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    this.#url.username = percentEncode(value, USERINFO_SET);
    this.#href = null;
  }

  get password() {
    URL.#check(this);
    return this.#url.password;
  }

  set password(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    this.#url.password = percentEncode(value, USERINFO_SET);
    this.#href = null;
  }

  get host() {
    URL.#check(this);
    const url = this.#url;
    // An empty host with a port (only node's host setter makes one) reads as '', as node's.
    if (url.host === null || url.host === '') return '';
    if (url.port === null) return url.host;
    return `${url.host}:${url.port}`;
  }

  set host(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (hasOpaquePath(this.#url)) return;
    this.#setHost(value, false);
  }

  get hostname() {
    URL.#check(this);
    return this.#url.host ?? '';
  }

  set hostname(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (hasOpaquePath(this.#url)) return;
    this.#setHost(value, true);
  }

  get port() {
    URL.#check(this);
    const port = this.#url.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    setPortLikeNode(this.#url, value);
    this.#href = null;
  }

  get pathname() {
    URL.#check(this);
    return serializePath(this.#url);
  }

  set pathname(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (hasOpaquePath(this.#url)) return;
    const copy = this.#url.clone();
    copy.path = [];
    if (basicParse(value, null, copy, PATH_START) !== null) {
      this.#url = copy;
      this.#href = null;
    }
  }

  get search() {
    URL.#check(this);
    const query = this.#url.query;
    return query === null || query === '' ? '' : '?' + query;
  }

  set search(value) {
    URL.#check(this);
    value = toUSVString(value);
    const url = this.#url;
    if (value === '') {
      url.query = null;
      stripTrailingSpacesFromOpaquePath(url);
      this.#href = null;
      if (this.#searchParams !== null) setSearchParamsList(this.#searchParams, null);
      return;
    }
    const input = value[0] === '?' ? value.slice(1) : value;
    const copy = url.clone();
    copy.query = '';
    basicParse(input, null, copy, QUERY);
    this.#url = copy;
    this.#href = null;
    if (this.#searchParams !== null) setSearchParamsList(this.#searchParams, copy.query);
  }

  get searchParams() {
    // As node's: a foreign receiver gets V8's own private-field error here.
    if (this.#searchParams === null) {
      const params = new URLSearchParams();
      setSearchParamsList(params, this.#url.query);
      attachSearchParams(params, this);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    URL.#check(this);
    const fragment = this.#url.fragment;
    return fragment === null || fragment === '' ? '' : '#' + fragment;
  }

  set hash(value) {
    URL.#check(this);
    value = toUSVString(value);
    const url = this.#url;
    if (value === '') {
      url.fragment = null;
      stripTrailingSpacesFromOpaquePath(url);
      this.#href = null;
      return;
    }
    const input = value[0] === '#' ? value.slice(1) : value;
    const copy = url.clone();
    copy.fragment = '';
    basicParse(input, null, copy, FRAGMENT);
    this.#url = copy;
    this.#href = null;
  }

  // The host and hostname setters as node's (ada's): the part after a ':' sets the port the way
  // the port setter does, even when the host then fails to parse (the port is put back then).
  #setHost(value, hostnameOnly) {
    const url = this.#url;
    if (url.scheme === 'file') {
      const copy = url.clone();
      if (basicParse(value, null, copy, hostnameOnly ? HOSTNAME : HOST) !== null) {
        this.#url = copy;
        this.#href = null;
      }
      return;
    }
    let input = value;
    const hash = input.indexOf('#');
    if (hash !== -1) input = input.slice(0, hash);
    if (/[\t\n\r]/.test(input)) input = input.replace(/[\t\n\r]/g, '');
    const special = isSpecialScheme(url.scheme);
    let location = input.length;
    let foundColon = false;
    let insideBrackets = false;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c === 0x5b) insideBrackets = true;
      else if (c === 0x5d) insideBrackets = false;
      else if (c === 0x3a && !insideBrackets) {
        foundColon = true;
        location = i;
        break;
      } else if (c === 0x2f || c === 0x3f || (special && c === 0x5c)) {
        location = i;
        break;
      }
    }
    const hostView = input.slice(0, location);
    const previousPort = url.port;
    if (foundColon) {
      if (hostnameOnly) return;
      const rest = input.slice(location + 1);
      if (rest !== '') setPortLikeNode(url, rest);
    } else if (hostView === '' && !special) {
      if (includesCredentials(url) || url.port !== null) return;
      url.host = '';
      this.#href = null;
      return;
    }
    const host = hostView === '' && !special ? '' : special && hostView === '' ? null :
      parseHost(hostView, !special);
    if (host === null) {
      url.port = previousPort;
      return;
    }
    url.host = host;
    this.#href = null;
  }

  toJSON() {
    URL.#check(this);
    return this.href;
  }

  static parse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    try {
      return new URL(url, base);
    } catch (err) {
      if (err?.code === 'ERR_INVALID_URL') return null;
      throw err;
    }
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = toUSVString(url);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base), null);
      if (baseRecord === null) return false;
    }
    return basicParse(url, baseRecord) !== null;
  }

  static createObjectURL(obj) {
    const { isBlob } = require('internal/blob');
    if (!isBlob(obj)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = randomUUID();
    blobURLs.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    const { pathname } = parsed;
    if (parsed.protocol !== 'blob:') return;
    const split = pathname.split(':');
    if (split.length === 2 && split[0] === 'nodedata') blobURLs.delete(split[1]);
  }
}

const setQueryFromURLSearchParams = URL.setQuery;
const getURLRecord = URL.record;
delete URL.setQuery;
delete URL.record;

function setQueryFromSearchParams(url, query) {
  setQueryFromURLSearchParams(url, query);
}

function getConstructorName(obj) {
  const { getConstructorOf } = require('internal/util');
  const constructor = getConstructorOf(obj);
  return constructor === null ? 'URL' : constructor.name;
}

Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URL' },
  toString: kEnumerableProperty,
  href: kEnumerableProperty,
  origin: kEnumerableProperty,
  protocol: kEnumerableProperty,
  username: kEnumerableProperty,
  password: kEnumerableProperty,
  host: kEnumerableProperty,
  hostname: kEnumerableProperty,
  port: kEnumerableProperty,
  pathname: kEnumerableProperty,
  search: kEnumerableProperty,
  searchParams: kEnumerableProperty,
  hash: kEnumerableProperty,
  toJSON: kEnumerableProperty,
});
Object.defineProperties(URL, {
  parse: { __proto__: null, configurable: true, writable: true, enumerable: true },
  canParse: { __proto__: null, configurable: true, writable: true, enumerable: true },
  createObjectURL: kEnumerableProperty,
  revokeObjectURL: kEnumerableProperty,
});

// Blob URLs (URL.createObjectURL): id -> Blob; buffer.resolveObjectURL reads it.
const blobURLs = new Map();
function getBlobFromURL(url) {
  try {
    const parsed = new URL(`${url}`);
    const split = parsed.pathname.split(':');
    if (parsed.protocol !== 'blob:' || split.length !== 2 || split[0] !== 'nodedata') return;
    return blobURLs.get(split[1]);
  } catch {
    return undefined;
  }
}

function randomUUID() {
  let bytes;
  try {
    bytes = require('crypto').randomBytes(16);
  } catch {
    bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-` +
         hex.slice(20);
}

// ---------------------------------------------------------------------------------------------
// Helpers node exports from internal/url.

function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined &&
                 self.path === undefined);
}

// url.domainToASCII / domainToUnicode: the hostname setter on `ws://x` ('' when it fails).
function wsHost(domain) {
  const record = basicParse('ws://x', null);
  if (basicParse(toUSVString(domain), null, record, HOSTNAME) === null) return null;
  return record.host;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return wsHost(domain) ?? '';
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = wsHost(domain);
  if (host === null) return '';
  return unicodeHost(host);
}

// The host for display: Unicode when `unicode` (url.format with { unicode: true }).
function unicodeHost(host) {
  if (host === '' || host[0] === '[' || !/(^|\.)xn--/.test(host)) return host;
  const unicode = bindingDomainToUnicode(host);
  if (unicode === undefined) return host;
  // An ACE label without an encoded part ('xn--abc-') is its ASCII body, as node's.
  const labels = host.split('.');
  const out = unicode.split('.');
  if (labels.length !== out.length) return unicode;
  for (let i = 0; i < labels.length; i++) {
    if (/^xn--[\x00-\x7f]*-$/.test(labels[i])) out[i] = labels[i].slice(4, -1);
  }
  return out.join('.');
}

// The legacy url.parse's IDNA step: UTS #46 ToASCII alone ('' when it fails).
function legacyDomainToASCII(hostname) {
  return domainToASCIIInternal(hostname) ?? '';
}

// url.format(URL, options): the href without the fragment, query or credentials, or with a
// Unicode host.
function formatWHATWG(href, fragment, unicode, search, auth) {
  const url = basicParse(href, null);
  if (url === null) return href;
  if (!fragment) url.fragment = null;
  if (unicode && url.host !== null) url.host = unicodeHost(url.host);
  if (!search) url.query = null;
  if (!auth) {
    url.username = '';
    url.password = '';
  }
  return serializeURL(url);
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST('linux');
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) ||  // 2f 2F /
          (pathname[n + 1] === '5' && third === 99)) {  // 5c 5C \
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = pathname.replace(/\//g, '\\');
  pathname = decodeURIComponent(pathname);
  if (hostname !== '') {
    // A UNC path: \\server\share\...
    return `\\\\${domainToUnicode(hostname)}${pathname}`;
  }
  const letter = pathname.codePointAt(1) | 0x20;
  const sep = pathname[2];
  if (letter < 0x61 || letter > 0x7a || sep !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows ?? false;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// pathToFileURL: the characters percent-encoded on top of what the URL parser does.
function encodePathChars(filepath, windows) {
  if (filepath.indexOf('%') !== -1) filepath = filepath.replace(/%/g, '%25');
  if (!windows && filepath.indexOf('\\') !== -1) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.indexOf('\n') !== -1) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.indexOf('\r') !== -1) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.indexOf('\t') !== -1) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows ?? false;
  const { validateString } = require('internal/validators');
  validateString(filepath, 'path');
  const path = require('path');
  if (windows && filepath.startsWith('\\\\')) {
    // UNC path: \\server\share\resource
    const outURL = new URL('file://');
    const hostnameEndIndex = filepath.indexOf('\\', 2);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath,
                                      'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(2, hostnameEndIndex);
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(filepath.slice(hostnameEndIndex).replace(/\\/g, '/'),
                                      windows);
    return outURL;
  }
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  const sep = windows ? '\\' : '/';
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 0x2f || (windows && last === 0x5c)) && resolved[resolved.length - 1] !== sep) {
    resolved += '/';
  }
  // '?' and '#' would start a query or fragment: encode them, then let the parser do the rest.
  let encoded = encodePathChars(resolved, windows);
  if (encoded.indexOf('?') !== -1) encoded = encoded.replace(/\?/g, '%3F');
  if (encoded.indexOf('#') !== -1) encoded = encoded.replace(/#/g, '%23');
  if (windows) encoded = encoded.replace(/\\/g, '/');
  return new URL(`file://${encoded}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// The options object http.request takes for a URL.
function urlToHttpOptions(url) {
  validateObject(url, 'url', { allowArray: true, allowFunction: true });
  const options = {
    __proto__: null,
    ...url,  // In case the url object was extended by the user.
    protocol: url.protocol,
    hostname: url.hostname && url.hostname[0] === '[' ? url.hostname.slice(1, -1) :
      url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

module.exports = {
  URL,
  URLSearchParams,
  URLContext,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  isURL,
  urlToHttpOptions,
  getBlobFromURL,
  legacyDomainToASCII,
  formatWHATWG,
  // For node:url's legacy API and format().
  encodeStr: percentEncode,
  unicodeHost,
  getURLRecord,
  serializeURL,
  // Internal pieces for tests and other modules.
  basicParse,
  parseHost,
  percentDecode,
  utf8Decode,
  kContext,
  kQuery,
};
