'use strict';
// POSIX flavour of the `path` module (id `path/posix`, also `path.posix`).
// Written from the behaviour documented for Node's path module; every result is checked
// against node's own path.posix by test/js/tools/diff-path.js.

const { validateObject, validateString } = require('internal/validators');

const SLASH = 47; // '/'
const DOT = 46; // '.'

function isSlash(code) {
  return code === SLASH;
}

// Collapses '.', '..' and repeated separators of a path that has no root.
// `aboveRoot` keeps leading '..' segments (relative paths); otherwise they are dropped.
// Shared shape with the win32 flavour: `sep` is the separator written out and
// `isSep` decides which character codes split segments.
function normalizeSegments(path, aboveRoot, sep, isSep) {
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
  return out.join(sep);
}

// Index one past the end of the last segment, ignoring trailing separators
// (-1 when the path is made of separators only), and the start of that segment.
function lastSegment(path) {
  let end = path.length;
  while (end > 0 && isSlash(path.charCodeAt(end - 1))) end--;
  if (end === 0) return { start: 0, end: -1 };
  let start = end;
  while (start > 0 && !isSlash(path.charCodeAt(start - 1))) start--;
  return { start, end };
}

// The extension of one segment: from its last dot, unless the dot leads the segment
// ('.bashrc') or the segment is '..'.
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

const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    // Right to left until an absolute path is met; the cwd is the last resort.
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      const path = i >= 0 ? args[i] : process.cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path.charCodeAt(0) === SLASH;
    }
    resolved = normalizeSegments(resolved, !absolute, '/', isSlash);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path.charCodeAt(0) === SLASH;
    const trailing = path.charCodeAt(path.length - 1) === SLASH;
    let out = normalizeSegments(path, !absolute, '/', isSlash);
    if (out.length === 0) {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) out += '/';
    return absolute ? `/${out}` : out;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are absolute and normalized now: compare their segments.
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    const up = [];
    for (let i = common; i < fromParts.length; i++) up.push('..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    // Only Windows has namespaced paths.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const rooted = path.charCodeAt(0) === SLASH;
    // Find the separator that ends the directory part: the first one (from the right)
    // that comes after a non-separator character. Index 0 never counts.
    let end = -1;
    let seenName = false;
    for (let i = path.length - 1; i >= 1; i--) {
      if (path.charCodeAt(i) === SLASH) {
        if (seenName) {
          end = i;
          break;
        }
      } else {
        seenName = true;
      }
    }
    if (end === -1) return rooted ? '/' : '.';
    if (rooted && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    const floor = 0;
    const { start, end } = lastSegment(path);
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
    const { start, end } = lastSegment(path);
    if (end === -1) return '';
    const base = path.slice(start, end);
    const dot = segmentExtIndex(base);
    return dot === -1 ? '' : base.slice(dot);
  },

  format: _format.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === SLASH;
    if (absolute) ret.root = '/';
    const { start, end } = lastSegment(path);
    if (end !== -1) {
      const base = path.slice(start, end);
      ret.base = base;
      let dot = segmentExtIndex(base);
      // Node quirk kept: a '..' right after the root splits as name '.', ext '.'.
      if (base === '..' && start === 1 && absolute) dot = 1;
      if (dot === -1) {
        ret.name = base;
      } else {
        ret.name = base.slice(0, dot);
        ret.ext = base.slice(dot);
      }
    }
    // The root's own '/' never counts as the separator before the base.
    if (start > (absolute ? 1 : 0)) {
      ret.dir = path.slice(0, start - 1);
    } else if (absolute) {
      ret.dir = '/';
    }
    return ret;
  },

  matchesGlob(path, pattern) {
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    throw notImplemented('path.matchesGlob');
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
  _makeLong: null,
};

posix.posix = posix;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;

// Cross reference; path/win32 finds this module's exports already in place.
posix.win32 = require('path/win32');
