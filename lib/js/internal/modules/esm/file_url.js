'use strict';
// The few WHATWG URL operations the ES module loader needs, on strings: file: URLs from and to
// paths (percent-encoded as node's url.pathToFileURL / fileURLToPath do), relative and absolute
// specifiers resolved against a file: URL, and the scheme of an absolute URL. node:url (a later
// issue) brings the full URL class; this stays a small, allocation-light helper for the loader.

const path = require('path');

function errors() { return require('internal/errors').codes; }

// Characters pathToFileURL leaves as they are (node 20 encodes everything else, '/' apart).
const kPathKeep = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!$&'()*+,-./:;=@_") {
  kPathKeep[c.charCodeAt(0)] = 1;
}

// Characters the URL parser percent-encodes in a path (WHATWG "path percent-encode set", less
// '?' and '#', which end the path before this is applied), with the C0 controls and DEL.
const kUrlPathEncode = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) kUrlPathEncode[c] = 1;
for (const c of ' "<>`{}\x7f') kUrlPathEncode[c.charCodeAt(0)] = 1;

const hex = '0123456789ABCDEF';

function percentEncodeChar(out, code) {
  return out + '%' + hex[code >> 4] + hex[code & 15];
}

// Percent-encodes the UTF-8 bytes of every character `keep` does not allow (non-ASCII always).
function encode(str, table, keepMeansEncode) {
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code < 128) {
      const flagged = table[code] === 1;
      if (flagged !== keepMeansEncode) continue;
      out += str.slice(last, i);
      out = percentEncodeChar(out, code);
      last = i + 1;
      continue;
    }
    out += str.slice(last, i);
    let cp = code;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;  // A lone surrogate becomes U+FFFD.
    if (cp < 0x800) {
      out = percentEncodeChar(out, 0xc0 | (cp >> 6));
    } else if (cp < 0x10000) {
      out = percentEncodeChar(out, 0xe0 | (cp >> 12));
      out = percentEncodeChar(out, 0x80 | ((cp >> 6) & 63));
    } else {
      out = percentEncodeChar(out, 0xf0 | (cp >> 18));
      out = percentEncodeChar(out, 0x80 | ((cp >> 12) & 63));
      out = percentEncodeChar(out, 0x80 | ((cp >> 6) & 63));
    }
    out = percentEncodeChar(out, 0x80 | (cp & 63));
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

// url.pathToFileURL(p).href: resolved against the cwd, a trailing '/' kept.
function pathToFileURL(filepath) {
  let resolved = filepath.charCodeAt(0) === 47 && !filepath.includes('/.') &&
    !filepath.includes('//') ? filepath : path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  return 'file://' + encode(resolved, kPathKeep, false);
}

// Splits an absolute URL string into its parts; undefined when it has no scheme.
const schemeRegEx = /^[a-zA-Z][a-zA-Z\d+\-.]*:/;
function getScheme(str) {
  const match = schemeRegEx.exec(str);
  return match === null ? undefined : match[0].toLowerCase();
}

// Removes '.' and '..' segments (and their %2e spellings) from an absolute URL path.
function normalizeURLPath(pathname) {
  if (!pathname.includes('.') && !pathname.includes('%2')) {
    return pathname;
  }
  const segments = pathname.split('/');
  const out = [];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    const lower = segment.length <= 6 ? segment.toLowerCase() : segment;
    const last = i === segments.length - 1;
    if (lower === '.' || lower === '%2e') {
      if (last) out.push('');
    } else if (lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e') {
      out.pop();
      if (last) out.push('');
    } else {
      out.push(segment);
    }
  }
  return '/' + out.join('/');
}

// Splits "path?query#hash" (after the authority) into the path and the "?query#hash" suffix.
function splitSuffix(rest) {
  let end = rest.length;
  const q = rest.indexOf('?');
  const h = rest.indexOf('#');
  if (q !== -1) end = q;
  if (h !== -1 && h < end) end = h;
  return [rest.slice(0, end), rest.slice(end)];
}

function encodeSuffix(suffix) {
  if (suffix === '') return suffix;
  // Queries and fragments keep most characters; spaces and controls are encoded.
  return encode(suffix, kUrlPathEncode, true);
}

// A file: URL string in the parser's normal form (host 'localhost' dropped, dot segments
// removed, '\' as '/', unsafe characters percent-encoded).
function parseFileURL(str, base) {
  let rest = str.slice(5).replace(/\\/g, '/');
  let host = '';
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    host = end === -1 ? rest.slice(2) : rest.slice(2, end);
    rest = end === -1 ? '/' : rest.slice(end);
    const suffixStart = host.search(/[?#]/);
    if (suffixStart !== -1) {
      rest = '/' + host.slice(suffixStart);
      host = host.slice(0, suffixStart);
    }
    host = host.toLowerCase();
    if (host === 'localhost') host = '';
  } else if (!rest.startsWith('/') && base !== undefined && base.startsWith('file:')) {
    // "file:x" against a file: base is relative to it.
    return resolveURL(rest, base);
  } else if (!rest.startsWith('/')) {
    rest = '/' + rest;
  }
  const [pathname, suffix] = splitSuffix(rest);
  return 'file://' + host + normalizeURLPath(encode(pathname, kUrlPathEncode, true)) +
    encodeSuffix(suffix);
}

// new URL(specifier, base).href for a specifier starting with '/', './' or '../' (or one that
// is an absolute file: URL) and a file: base. Other bases cannot hold relative URLs here.
function resolveURL(specifier, base) {
  // As the URL parser: tabs and newlines vanish, leading/trailing controls and spaces too.
  if (/[\t\n\r]|^[\x00-\x20]|[\x00-\x20]$/.test(specifier)) {
    specifier = specifier.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  }
  const scheme = getScheme(specifier);
  if (scheme === 'file:') return parseFileURL(specifier, base);
  if (scheme !== undefined) return specifier;
  if (base === undefined || !base.startsWith('file:')) {
    const { ERR_INVALID_URL } = errors();
    throw new ERR_INVALID_URL(specifier, base);
  }
  specifier = specifier.replace(/\\/g, '/');
  const afterScheme = base.slice(7);  // "file://" + host + path.
  const slash = afterScheme.indexOf('/');
  const host = slash === -1 ? afterScheme : afterScheme.slice(0, slash);
  if (specifier.startsWith('//')) return parseFileURL('file:' + specifier);
  const [basePath] = splitSuffix(slash === -1 ? '/' : afterScheme.slice(slash));
  const [relPath, suffix] = splitSuffix(specifier);
  let joined;
  if (relPath.startsWith('/')) {
    joined = relPath;
  } else if (relPath === '') {
    joined = basePath;
  } else {
    joined = basePath.slice(0, basePath.lastIndexOf('/') + 1) + relPath;
  }
  return 'file://' + host + normalizeURLPath(encode(joined, kUrlPathEncode, true)) +
    encodeSuffix(suffix);
}

// The path part of a URL string (no query or fragment).
function urlPathname(href) {
  const start = href.indexOf('/', href.startsWith('file://') ? 7 : href.indexOf(':') + 1);
  if (start === -1) return '/';
  return splitSuffix(href.slice(start))[0];
}

// url.fileURLToPath(href) for a file: URL string.
function fileURLToPath(href) {
  if (typeof href !== 'string' || !href.startsWith('file:')) {
    const { ERR_INVALID_URL_SCHEME } = errors();
    throw new ERR_INVALID_URL_SCHEME('file');
  }
  if (href.startsWith('file://')) {
    const slash = href.indexOf('/', 7);
    const host = slash === -1 ? href.slice(7) : href.slice(7, slash);
    if (host !== '' && host !== 'localhost') {
      const { ERR_INVALID_FILE_URL_HOST } = errors();
      throw new ERR_INVALID_FILE_URL_HOST(process.platform);
    }
  }
  const pathname = urlPathname(href);
  if (!pathname.includes('%')) return pathname;
  if (/%2f/i.test(pathname)) {
    const { ERR_INVALID_FILE_URL_PATH } = errors();
    throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

module.exports = {
  pathToFileURL, fileURLToPath, resolveURL, getScheme, parseFileURL, urlPathname,
};
