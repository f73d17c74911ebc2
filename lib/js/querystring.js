'use strict';
// node:querystring: parse and stringify application/x-www-form-urlencoded-like strings with
// node's rules (its own escape set, '+' as space, maxKeys, custom separators and codecs).

const {
  codes: { ERR_INVALID_URI },
} = require('internal/errors');

let BufferClass;
function lazyBuffer() {
  BufferClass ??= require('buffer').Buffer;
  return BufferClass;
}

// Characters qs.escape leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
const unreserved = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!\'()*') {
  unreserved[ch.charCodeAt(0)] = 1;
}

const hex = [];
for (let i = 0; i < 256; i++) hex.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// Percent-encodes the UTF-8 bytes of every character outside `keep`. As node: a surrogate
// takes the next code unit as its partner whatever it is; one at the very end is an error.
function encodeString(str, keep) {
  const len = str.length;
  if (len === 0) return str;
  let out = '';
  let start = 0;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (keep[c] === 1) continue;
      if (start < i) out += str.slice(start, i);
      out += hex[c];
      start = i + 1;
      continue;
    }
    if (start < i) out += str.slice(start, i);
    if (c < 0x800) {
      out += hex[0xc0 | (c >> 6)] + hex[0x80 | (c & 0x3f)];
    } else if (c < 0xd800 || c >= 0xe000) {
      out += hex[0xe0 | (c >> 12)] + hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
    } else {
      i++;
      if (i >= len) throw new ERR_INVALID_URI();
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      out += hex[0xf0 | (c >> 18)] + hex[0x80 | ((c >> 12) & 0x3f)] +
             hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
    }
    start = i + 1;
  }
  if (start === 0) return str;
  if (start < len) out += str.slice(start);
  return out;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    str = typeof str === 'object' ? String(str) : `${str}`;
  }
  return encodeString(str, unreserved);
}

function hexDigit(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// The bytes of `s` with %XX sequences decoded (and '+' as space when decodeSpaces). Other
// characters keep only their low byte, as node's.
function unescapeBuffer(s, decodeSpaces) {
  const Buffer = lazyBuffer();
  const len = s.length;
  const out = Buffer.allocUnsafe(len);
  let n = 0;
  let decoded = false;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2b && decodeSpaces) {
      out[n++] = 0x20;
      continue;
    }
    if (c === 0x25 && i < len - 2) {
      const hi = hexDigit(s.charCodeAt(i + 1));
      const lo = hi === -1 ? -1 : hexDigit(s.charCodeAt(i + 2));
      if (lo !== -1) {
        out[n++] = hi * 16 + lo;
        i += 2;
        decoded = true;
        continue;
      }
    }
    out[n++] = c;
  }
  return decoded ? out.slice(0, n) : out;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return module.exports.unescapeBuffer(s, decodeSpaces).toString();
  }
}

// A value as stringify writes it: strings escaped, finite numbers, bigints and booleans as
// text, anything else empty.
function stringifyValue(v, encode, custom) {
  let text;
  switch (typeof v) {
    case 'string':
      if (!custom) return v.length ? encode(v) : '';
      text = v;
      break;
    case 'number':
      if (!Number.isFinite(v)) {
        text = '';
      } else {
        text = `${v}`;
        if (!custom) return Math.abs(v) < 1e21 ? text : encode(text);
      }
      break;
    case 'bigint':
      text = `${v}`;
      if (!custom) return text;
      break;
    case 'boolean':
      text = v ? 'true' : 'false';
      if (!custom) return text;
      break;
    default:
      text = '';
      if (!custom) return text;
  }
  return encode(text);
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const custom = encode !== qsEscape;
  if (obj === null || typeof obj !== 'object') return '';
  const keys = Object.keys(obj);
  const parts = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = obj[key];
    const prefix = stringifyValue(key, encode, custom) + eq;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      let field = '';
      for (let j = 0; j < value.length; j++) {
        if (j !== 0) field += sep;
        field += prefix + stringifyValue(value[j], encode, custom);
      }
      parts.push(field);
    } else {
      parts.push(prefix + stringifyValue(value, encode, custom));
    }
  }
  return parts.join(sep);
}

function codesOf(str) {
  const codes = [];
  for (let i = 0; i < str.length; i++) codes.push(str.charCodeAt(i));
  return codes;
}

const defaultSep = [0x26];  // &
const defaultEq = [0x3d];  // =

function decodePart(s, decode) {
  try {
    return decode(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

function store(obj, key, value, decodeKey, decodeValue, decode) {
  if (key.length > 0 && decodeKey) key = decodePart(key, decode);
  if (value.length > 0 && decodeValue) value = decodePart(value, decode);
  const current = obj[key];
  if (current === undefined) obj[key] = value;
  else if (Array.isArray(current)) current.push(value);
  else obj[key] = [current, value];
}

// Splits on `sep`, then each piece on its first `eq`; '+' means space. Separators are matched
// code unit by code unit: a partial match that fails is text (and its characters are not
// looked at again). A key or value is decoded only when it holds a valid %XX (or a custom
// decoder is given). At most maxKeys pieces are read.
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sepCodes = sep ? codesOf(String(sep)) : defaultSep;
  const eqCodes = eq ? codesOf(String(eq)) : defaultEq;
  let remaining = 1000;
  if (options && typeof options.maxKeys === 'number') {
    remaining = options.maxKeys > 0 ? options.maxKeys : 0;
  }
  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const custom = decode !== qsUnescape;
  const space = custom ? '%20' : ' ';

  // An empty (but truthy, e.g. []) eq matches at the start of every piece: all text is value.
  const emptyEq = eqCodes.length === 0;
  let key = '';
  let value = '';
  let inValue = emptyEq;  // The whole `eq` was seen in this piece.
  let textStart = 0;  // Start of text not yet copied into key or value.
  let sepMatched = 0;
  let eqMatched = 0;
  let keyHasEscape = custom;
  let valueHasEscape = custom;
  let escapeState = 0;  // 1 after '%', 2 after '%' and one hex digit.

  const len = qs.length;
  for (let i = 0; i < len; i++) {
    const c = qs.charCodeAt(i);
    if (c === sepCodes[sepMatched]) {
      sepMatched++;
      if (sepMatched < sepCodes.length) continue;
      const end = i - sepCodes.length + 1;
      if (!inValue) {
        if (textStart < end) {
          key += qs.slice(textStart, end);
        } else if (key.length === 0) {
          // Nothing between two separators: it still counts as a piece.
          remaining--;
          if (remaining === 0) return obj;
          textStart = i + 1;
          sepMatched = eqMatched = 0;
          continue;
        }
      } else if (textStart < end) {
        value += qs.slice(textStart, end);
      }
      store(obj, key, value, keyHasEscape, valueHasEscape, decode);
      remaining--;
      if (remaining === 0) return obj;
      key = value = '';
      inValue = emptyEq;
      keyHasEscape = valueHasEscape = custom;
      escapeState = 0;
      textStart = i + 1;
      sepMatched = eqMatched = 0;
      continue;
    }
    sepMatched = 0;
    if (!inValue) {
      if (c === eqCodes[eqMatched]) {
        eqMatched++;
        if (eqMatched === eqCodes.length) {
          const end = i - eqCodes.length + 1;
          if (textStart < end) key += qs.slice(textStart, end);
          inValue = true;
          escapeState = 0;
          textStart = i + 1;
        }
        continue;
      }
      eqMatched = 0;
      if (!keyHasEscape) {
        if (c === 0x25) {
          escapeState = 1;
          continue;
        }
        if (escapeState > 0) {
          if (hexDigit(c) !== -1) {
            escapeState++;
            if (escapeState === 3) keyHasEscape = true;
            continue;
          }
          escapeState = 0;
        }
      }
      if (c === 0x2b) {
        if (textStart < i) key += qs.slice(textStart, i);
        key += space;
        textStart = i + 1;
      }
      continue;
    }
    if (c === 0x2b) {
      if (textStart < i) value += qs.slice(textStart, i);
      value += space;
      textStart = i + 1;
    } else if (!valueHasEscape) {
      if (c === 0x25) {
        escapeState = 1;
      } else if (escapeState > 0) {
        if (hexDigit(c) !== -1) {
          escapeState++;
          if (escapeState === 3) valueHasEscape = true;
        } else {
          escapeState = 0;
        }
      }
    }
  }
  if (textStart < len) {
    if (!inValue) key += qs.slice(textStart);
    else if (sepMatched < sepCodes.length) value += qs.slice(textStart);
  } else if (eqMatched === 0 && key.length === 0 &&
             (!inValue || (emptyEq && value.length === 0))) {
    return obj;
  }
  store(obj, key, value, keyHasEscape, valueHasEscape, decode);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
