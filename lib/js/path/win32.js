'use strict';
// Windows flavour of the `path` module (id `path/win32`, also `path.win32`).
// Written from the behaviour documented for Node's path module; every result is checked
// against node's own path.win32 by test/js/tools/diff-path.js.

const { validateObject, validateString } = require('internal/validators');

const SLASH = 47; // '/'
const BACKSLASH = 92; // '\\'
const COLON = 58; // ':'
const DOT = 46; // '.'
const QUESTION = 63; // '?'

function isSep(code) {
  return code === SLASH || code === BACKSLASH;
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasDrive(path) {
  return path.length >= 2 && isDriveLetter(path.charCodeAt(0)) && path.charCodeAt(1) === COLON;
}

// DOS device names that Windows resolves anywhere ('CON:foo' must not be turned into
// something that reads as a drive or device reference by normalize()).
const reservedNames = new Set(['CON', 'PRN', 'AUX', 'NUL']);
for (const n of '123456789\u00b9\u00b2\u00b3') {
  reservedNames.add(`COM${n}`);
  reservedNames.add(`LPT${n}`);
}
function isReservedName(name) {
  return name.length >= 3 && name.length <= 4 && reservedNames.has(name.toUpperCase());
}

function normalizeSegments(path, aboveRoot) {
  const out = [];
  let start = 0;
  const len = path.length;
  for (let i = 0; i <= len; i++) {
    if (i < len && !isSep(path.charCodeAt(i))) continue;
    if (i > start) {
      const seg = path.slice(start, i);
      if (seg === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') {
          out.pop();
        } else if (aboveRoot) {
          out.push('..');
        }
      } else if (seg !== '.') {
        out.push(seg);
      }
    }
    start = i + 1;
  }
  return out.join('\\');
}

// Matches '\\server\share' at the start of `path` (either separator, repeated separators
// between the two names allowed). Returns null, or the server name, the share's bounds and
// whether the path ends right after the share.
function matchUnc(path) {
  const len = path.length;
  if (len < 3 || !isSep(path.charCodeAt(0)) || !isSep(path.charCodeAt(1))) return null;
  let j = 2;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  if (j === 2 || j >= len) return null;
  const server = path.slice(2, j);
  while (j < len && isSep(path.charCodeAt(j))) j++;
  if (j >= len) return null;
  const shareStart = j;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  return { server, shareStart, shareEnd: j, whole: j === len };
}

// Root of a path as normalize() and resolve() see it: a device ('C:' or '\\server\share'),
// how many characters the root takes, and whether the path is absolute.
function parseRoot(path) {
  const len = path.length;
  if (len === 0) return { device: undefined, rootEnd: 0, absolute: false };
  const c0 = path.charCodeAt(0);
  if (isSep(c0)) {
    const unc = matchUnc(path);
    if (unc !== null) {
      if (unc.server === '.' || unc.server === '?') {
        // Win32 device namespace ('\\.\COM1', '\\?\C:\x'): the root is the prefix
        // alone, what follows is an ordinary absolute tail.
        return { device: `\\\\${unc.server}\\`, rootEnd: 4, absolute: true };
      }
      return {
        device: `\\\\${unc.server}\\${path.slice(unc.shareStart, unc.shareEnd)}`,
        rootEnd: unc.shareEnd,
        absolute: true,
      };
    }
    return { device: undefined, rootEnd: 1, absolute: true };
  }
  if (hasDrive(path)) {
    if (len > 2 && isSep(path.charCodeAt(2))) {
      return { device: path.slice(0, 2), rootEnd: 3, absolute: true };
    }
    return { device: path.slice(0, 2), rootEnd: 2, absolute: false };
  }
  return { device: undefined, rootEnd: 0, absolute: false };
}

// Root as dirname() and parse() see it: its length, including the separator that follows
// a share or a drive ('\\server\share\', 'C:\'). 0 when there is none.
function rootLength(path) {
  const len = path.length;
  if (len === 0) return 0;
  const c0 = path.charCodeAt(0);
  if (isSep(c0)) {
    const unc = matchUnc(path);
    if (unc === null) return 1;
    return unc.whole ? len : unc.shareEnd + 1;
  }
  if (hasDrive(path)) return len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
  return 0;
}

// Start and end of the last segment at or after `floor`, ignoring trailing separators.
// end is -1 when there is no such segment.
function lastSegment(path, floor) {
  let end = path.length;
  while (end > floor && isSep(path.charCodeAt(end - 1))) end--;
  if (end === floor) return { start: floor, end: -1 };
  let start = end;
  while (start > floor && !isSep(path.charCodeAt(start - 1))) start--;
  return { start, end };
}

function segmentExtIndex(segment) {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0 || segment === '..') return -1;
  return dot;
}

function formatExt(ext) {
  if (!ext) return '';
  return ext[0] === '.' ? ext : `.${ext}`;
}

function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

function notImplemented(name) {
  const { codes } = require('internal/errors');
  if (typeof codes.ERR_NOT_IMPLEMENTED === 'function') return new codes.ERR_NOT_IMPLEMENTED(name);
  const err = new Error(`The ${name} method is not implemented`);
  err.code = 'ERR_NOT_IMPLEMENTED';
  return err;
}

function relativeBySegments(fromOrig, toOrig) {
  const fromParts = fromOrig.split('\\');
  const toParts = toOrig.split('\\');
  if (fromParts[fromParts.length - 1] === '') fromParts.pop();
  if (toParts[toParts.length - 1] === '') toParts.pop();
  const shorter = Math.min(fromParts.length, toParts.length);
  let i = 0;
  while (i < shorter && fromParts[i].toLowerCase() === toParts[i].toLowerCase()) i++;
  if (i === 0) return toOrig;
  const rest = toParts.slice(i).join('\\');
  if (i === shorter) {
    if (toParts.length > shorter) return rest;
    if (fromParts.length > shorter) return `${'..\\'.repeat(fromParts.length - 1 - i)}..`;
    return '';
  }
  return `${'..\\'.repeat(fromParts.length - i)}${rest}`;
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        // The per-drive cwd Windows keeps in '=C:' style variables; else the drive root.
        path = process.env[`=${device}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
             path.charCodeAt(2) === BACKSLASH)) {
          path = `${device}\\`;
        }
      }

      const root = parseRoot(path);
      if (root.device !== undefined && root.device.length > 0) {
        if (device.length > 0) {
          // A path on another device does not contribute.
          if (root.device.toLowerCase() !== device.toLowerCase()) continue;
        } else {
          device = root.device;
        }
      }

      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(root.rootEnd)}\\${tail}`;
        absolute = root.absolute;
        if (absolute && device.length > 0) break;
      }
    }
    tail = normalizeSegments(tail, !absolute);
    if (absolute) return device.endsWith('\\') ? `${device}${tail}` : `${device}\\${tail}`;
    return `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isSep(path.charCodeAt(0)) ? '\\' : path;

    let { device, rootEnd, absolute } = parseRoot(path);
    let reserved;
    if (device === undefined && !absolute) {
      // The name before the first colon (node takes all but the last character when
      // there is no colon; kept for identical results).
      const colon = path.indexOf(':');
      if (isReservedName(path.slice(0, colon))) {
        reserved = path.slice(0, colon + 1);
        rootEnd = reserved.length;
      }
    }

    let tail = rootEnd < len ? normalizeSegments(path.slice(rootEnd), !absolute) : '';
    if (tail.length === 0 && !absolute) tail = '.';
    if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) tail += '\\';

    if (reserved !== undefined) return `.\\${reserved}${tail}`;

    if (!absolute && device === undefined && path.includes(':')) {
      // A relative result must not read as drive-relative or as a stream/device
      // reference ('C:foo', 'x:'), so it gets a leading '.\'.
      if (hasDrive(tail)) return `.\\${tail}`;
      for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
        if (i === len - 1 || isSep(path.charCodeAt(i + 1))) return `.\\${tail}`;
      }
    }

    if (device === undefined) return absolute ? `\\${tail}` : tail;
    if (absolute && !device.endsWith('\\')) return `${device}\\${tail}`;
    return `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    if (isSep(path.charCodeAt(0))) return true;
    return len > 2 && hasDrive(path) && isSep(path.charCodeAt(2));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let first;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) {
          joined = first = arg;
        } else {
          joined = `${joined}\\${arg}`;
        }
      }
    }
    if (joined === undefined) return '.';

    // Leading separators that came from joining must not form a UNC root by accident.
    // Only when the first non-empty part itself starts with exactly two separators and a
    // name ('\\server') is a UNC path meant, and kept.
    const meantUnc = first.length > 2 && isSep(first.charCodeAt(0)) &&
      isSep(first.charCodeAt(1)) && !isSep(first.charCodeAt(2));
    if (!meantUnc) {
      let n = 0;
      while (n < joined.length && isSep(joined.charCodeAt(n))) n++;
      if (n >= 2) joined = `\\${joined.slice(n)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';
    if (from.length !== fromOrig.length || to.length !== toOrig.length) {
      // Lower-casing changed a length ('İ'), so offsets into the lower-cased strings do not
      // map back: compare segment by segment instead.
      return relativeBySegments(fromOrig, toOrig);
    }

    // Compare without leading backslashes, and without the trailing ones a root can have.
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === BACKSLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === BACKSLASH) fromEnd--;
    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === BACKSLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === BACKSLASH) toEnd--;
    const fromLen = fromEnd - fromStart;
    const toLen = toEnd - toStart;
    const shorter = Math.min(fromLen, toLen);

    // Offset (from the starts) of the last separator both share.
    let commonSep = -1;
    let i = 0;
    for (; i < shorter; i++) {
      const code = from.charCodeAt(fromStart + i);
      if (code !== to.charCodeAt(toStart + i)) break;
      if (code === BACKSLASH) commonSep = i;
    }

    if (i !== shorter) {
      // They differ before sharing any separator: no common root at all.
      if (commonSep === -1) return toOrig;
    } else {
      if (toLen > shorter) {
        // `from` is a prefix of `to`.
        if (to.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
        if (i === 2) return toOrig.slice(toStart + i); // from is a drive root 'c:'
      }
      if (fromLen > shorter) {
        if (from.charCodeAt(fromStart + i) === BACKSLASH) {
          commonSep = i;
        } else if (i === 2) {
          commonSep = 3;
        }
      }
      if (commonSep === -1) commonSep = 0;
    }

    // One '..' for every segment of `from` after the common part.
    const ups = [];
    for (let k = fromStart + commonSep + 1; k <= fromEnd; k++) {
      if (k === fromEnd || from.charCodeAt(k) === BACKSLASH) ups.push('..');
    }
    toStart += commonSep;
    if (ups.length > 0) return `${ups.join('\\')}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) toStart++;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.charCodeAt(0) === BACKSLASH) {
      if (resolved.charCodeAt(1) === BACKSLASH) {
        const code = resolved.charCodeAt(2);
        if (code !== QUESTION && code !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
      }
    } else if (hasDrive(resolved) && resolved.charCodeAt(2) === BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isSep(path.charCodeAt(0)) ? path : '.';
    const c0 = path.charCodeAt(0);
    let root = -1;
    if (isSep(c0)) {
      const unc = matchUnc(path);
      if (unc !== null && unc.whole) return path; // only '\\server\share'
      root = unc === null ? 1 : unc.shareEnd + 1;
    } else if (hasDrive(path)) {
      root = len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
    }
    const floor = root === -1 ? 0 : root;
    let end = -1;
    let seenName = false;
    for (let i = len - 1; i >= floor; i--) {
      if (isSep(path.charCodeAt(i))) {
        if (seenName) {
          end = i;
          break;
        }
      } else {
        seenName = true;
      }
    }
    if (end === -1) {
      if (root === -1) return '.';
      end = root;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    const floor = hasDrive(path) ? 2 : 0;
    const { start, end } = lastSegment(path, floor);
    const stripSuffix = suffix !== undefined && suffix.length > 0 && suffix.length <= path.length;
    if (stripSuffix && suffix === path) return '';
    if (end === -1) return stripSuffix ? path.slice(floor) : '';
    const base = path.slice(start, end);
    if (stripSuffix) {
      if (base.endsWith(suffix)) {
        return base.length === suffix.length ? base : base.slice(0, base.length - suffix.length);
      }
      // The whole segment matched the end of a longer suffix: the path is kept from the
      // segment on, trailing separators included.
      if (suffix.endsWith(base)) return path.slice(start);
    }
    return base;
  },

  extname(path) {
    validateString(path, 'path');
    const floor = hasDrive(path) ? 2 : 0;
    const { start, end } = lastSegment(path, floor);
    if (end === -1) return '';
    const base = path.slice(start, end);
    const dot = segmentExtIndex(base);
    return dot === -1 ? '' : base.slice(dot);
  },

  format: _format.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    if (len === 1) {
      if (isSep(path.charCodeAt(0))) {
        ret.root = ret.dir = path;
      } else {
        ret.base = ret.name = path;
      }
      return ret;
    }
    const rootEnd = rootLength(path);
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    const { start, end } = lastSegment(path, rootEnd);
    if (end !== -1) {
      const base = path.slice(start, end);
      ret.base = base;
      const dot = segmentExtIndex(base);
      if (dot === -1) {
        ret.name = base;
      } else {
        ret.name = base.slice(0, dot);
        ret.ext = base.slice(dot);
      }
    }
    ret.dir = start > 0 && start !== rootEnd ? path.slice(0, start - 1) : ret.root;
    return ret;
  },

  matchesGlob(path, pattern) {
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    throw notImplemented('path.matchesGlob');
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
  _makeLong: null,
};

win32.win32 = win32;
win32._makeLong = win32.toNamespacedPath;

module.exports = win32;

// Cross reference; path/posix finds this module's exports already in place.
win32.posix = require('path/posix');
