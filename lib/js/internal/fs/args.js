'use strict';
// Argument rules of node:fs. Every entry point turns what the user passed into what the binding
// takes through these functions, so each rule, with node's error for it, is written once.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_URL_SCHEME,
    ERR_OUT_OF_RANGE,
    ERR_FS_INVALID_SYMLINK_TYPE,
  },
  hideStackFrames,
} = require('internal/errors');
const {
  parseFileMode,
  validateAbortSignal,
  validateInt32,
  validateInteger,
  validateObject,
} = require('internal/validators');
const { isArrayBufferView, isDate, isUint8Array } = require('internal/util/types');
const { BuiltinModule } = require('internal/bootstrap/realm');

const {
  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY, F_OK, X_OK, W_OK, R_OK,
} = internalBinding('constants').fs;

const kNoOptions = Object.freeze({ __proto__: null });
const kIoMaxLength = 2 ** 31 - 1;  // The most one read or write may transfer.

// --- paths ----------------------------------------------------------------------------------

function isURLLike(value) {
  return value != null && typeof value === 'object' && typeof value.href === 'string' &&
         typeof value.protocol === 'string' && value.auth === undefined &&
         value.path === undefined;
}

// A file: URL as a path (POSIX rules of the WHATWG URL spec).
function fileURLToPath(url) {
  if (BuiltinModule.exists('internal/url')) return require('internal/url').fileURLToPath(url);
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  if (/%2f/i.test(pathname)) {
    throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

function nullBytes(name, value) {
  return new ERR_INVALID_ARG_VALUE(name, value,
                                   'must be a string, Uint8Array, or URL without null bytes');
}

// A path argument as the binding takes it: a string, or the bytes of a Buffer/Uint8Array.
function toPath(value, name = 'path') {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nullBytes(name, value);
    return value;
  }
  if (isUint8Array(value)) {
    if (value.includes(0)) throw nullBytes(name, value);
    return value;
  }
  if (isURLLike(value)) return toPath(fileURLToPath(value), name);
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], value);
}

// A path as a string, for the functions that compute with paths (rm, cp, realpath, watch).
function toPathString(value, name = 'path') {
  const p = toPath(value, name);
  return typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString();
}

// --- numbers --------------------------------------------------------------------------------

function toFd(value, name = 'fd') {
  validateInt32(value, name, 0);
  return value;
}

// The fd of close, fstat, fsync, fdatasync, fchmod, fchown, futimes and ftruncate, which node 20
// checks in C++: its message names a function without its name, a BigInt without `n`, an
// object without prototype as an instance of Object, and a number without `_` separators.
// (hideStackFrames: the stack is taken again, with the message set here.)
const toNativeFd = hideStackFrames((value) => {
  let received;
  if (typeof value === 'function') received = 'function';
  else if (typeof value === 'bigint') received = `type bigint (${value})`;
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null) {
    received = 'an instance of Object';
  }
  if (received !== undefined) {
    const err = new ERR_INVALID_ARG_TYPE('fd', 'number', value);
    err.message = `The "fd" argument must be of type number. Received ${received}`;
    throw err;
  }
  if (Number.isInteger(value) && (value < 0 || value > 0x7fffffff)) {
    const err = new ERR_OUT_OF_RANGE('fd', '>= 0 && <= 2147483647', value);
    err.message = 'The value of "fd" is out of range. It must be >= 0 && <= 2147483647. ' +
      `Received ${value}`;
    throw err;
  }
  return toFd(value);
});

const kFlags = {
  __proto__: null,
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC,
  'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

// open(2) flags from node's flag strings ('r', 'w+', ...) or a number.
function toFlags(value, name = 'flags') {
  if (value == null) return O_RDONLY;
  if (typeof value === 'number') {
    validateInt32(value, name);
    return value;
  }
  const flags = typeof value === 'string' ? kFlags[value] : undefined;
  if (flags === undefined) throw new ERR_INVALID_ARG_VALUE('flags', value);
  return flags;
}

const toMode = (value, def, name = 'mode') => parseFileMode(value, name, def);

// The 0..7 modes of access() and copyFile(), with node's (native) messages.
function toSmallMode(value, def) {
  if (value == null) return def;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    const err = new TypeError('mode must be int32 or null/undefined');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const mode = Math.trunc(value);
  if (mode < F_OK || mode > (R_OK | W_OK | X_OK)) {
    const err = new RangeError('mode is out of range: >= 0 && <= 7');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return mode;
}

// uid/gid: -1 leaves the id unchanged.
function toId(value, name) {
  validateInteger(value, name, -1, 4294967295);
  return value;
}

// A length for truncate/ftruncate: an integer, negative counts as 0.
function toLength(value, name = 'len') {
  if (value === undefined) return 0;
  validateInteger(value, name);
  return Math.max(0, value);
}

// Seconds since the epoch from a number, a numeric string or a Date.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;  // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (isDate(time)) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// A file position: null/-1 = the current position; otherwise a safe integer or a bigint.
function toPosition(value, name = 'position') {
  if (value == null) return -1;
  if (typeof value === 'number') {
    validateInteger(value, name, -1);
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < -(2n ** 63n) || value > 2n ** 63n - 1n) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, value);
    }
    return value;
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], value);
}

// --- buffers --------------------------------------------------------------------------------

function toView(value, name = 'buffer') {
  if (!isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], value);
  }
  return value;
}

function toViews(value, name = 'buffers') {
  if (!Array.isArray(value) || !value.every(isArrayBufferView)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', value);
  }
  return value;
}

// read(fd, buffer, offset, length, position) | read(fd, buffer, options): the checked
// [buffer, offset, length, position]; length 0 means nothing to do.
function readArgs(buffer, offset, length, position, hasLength) {
  toView(buffer);
  if (!hasLength) {
    const options = offset ?? kNoOptions;
    validateObject(options, 'options');
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = options);
  }
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length |= 0;
  if (length === 0) return [buffer, offset, 0, -1];
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > buffer.byteLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
  }
  return [buffer, offset, length, toPosition(position)];
}

// The view part of write(fd, buffer, offset, length, position) | write(fd, buffer, options).
function writeViewArgs(buffer, offset, length, position) {
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  if (offset > buffer.byteLength) {
    throw new ERR_OUT_OF_RANGE('offset', `<= ${buffer.byteLength}`, offset);
  }
  if (length == null) {
    length = buffer.byteLength - offset;
  } else {
    validateInteger(length, 'length');
    if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  }
  if (offset + length > buffer.byteLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
  }
  if (length > kIoMaxLength) {
    throw new ERR_OUT_OF_RANGE('length', `>= 0 && <= ${kIoMaxLength}`, length);
  }
  return [buffer, offset, length, loosePosition(position)];
}

// The position of write/writev/readv: an integer, or else the current position (null).
function loosePosition(position) {
  return Number.isInteger(position) ? position : null;
}

// --- options --------------------------------------------------------------------------------

function checkEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// The options argument of most functions: nothing (the defaults), an encoding name, or an
// object (its missing fields take the defaults; inherited fields count, as node's).
function toOptions(options, defaults = kNoOptions) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  } else {
    const copy = { ...defaults };
    for (const key in options) copy[key] = options[key];
    options = copy;
  }
  checkEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

function toSymlinkFlags(type) {
  if (type == null || typeof type !== 'string') return 0;
  if (type === 'dir' || type === 'file' || type === 'junction') return 0;
  throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
}

module.exports = {
  fileURLToPath,
  isURLLike,
  kNoOptions,
  loosePosition,
  readArgs,
  toFd,
  toNativeFd,
  toFlags,
  toId,
  toLength,
  toMode,
  toOptions,
  toPath,
  toPathString,
  toSmallMode,
  toSymlinkFlags,
  toUnixTimestamp,
  toView,
  toViews,
  writeViewArgs,
};
