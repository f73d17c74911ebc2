'use strict';
// readFile, writeFile and appendFile: a whole file read or written, on a path or an fd, as rows
// of the operation table (ops.js). A path read is one binding call (readFileAll chains open,
// fstat, read and close natively); an fd is read from its current position until EOF. A write
// opens the path (unless given an fd), writes every byte, optionally fsyncs, and closes.

const { Buffer } = require('buffer');
const {
  AbortError,
  codes: { ERR_FS_FILE_TOO_LARGE, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { isInt32, validateBoolean } = require('internal/validators');
const { toFd, toFlags, toMode, toOptions, toPath } = require('internal/fs/args');
const { named, runSync, step, uvError } = require('internal/fs/run');
const { PROMISE, SYNC, define, sync } = require('internal/fs/ops');

const binding = internalBinding('fs');
const { S_IFMT, S_IFREG } = internalBinding('constants').fs;

const kIoMaxLength = 2 ** 31 - 1;
const kUnknownSizeChunk = 64 * 1024;

const isFdArg = (path) => typeof path === 'number' && isInt32(path) && path >= 0;

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

const isUtf8 = (encoding) => encoding === 'utf8' || encoding === 'utf-8';

// Everything from the current position of `fd` to its end, as a Buffer.
function* readAll(fd, signal) {
  const [isFile, size] = yield step(binding.fstat, [fd, false],
                                    (a) => [(a[1] & S_IFMT) === S_IFREG, a[8]]);
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  if (isFile && size > 0) {
    const buffer = Buffer.allocUnsafeSlow(size);
    let total = 0;
    while (total < size) {
      checkAborted(signal);
      const n = yield step(binding.read, [fd, buffer, total, size - total, -1]);
      if (n === 0) break;
      total += n;
    }
    return total < size ? buffer.subarray(0, total) : buffer;
  }
  const chunks = [];
  let total = 0;
  for (;;) {
    checkAborted(signal);
    const chunk = Buffer.allocUnsafeSlow(kUnknownSizeChunk);
    const n = yield step(binding.read, [fd, chunk, 0, kUnknownSizeChunk, -1]);
    if (n === 0) break;
    total += n;
    if (total > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(total);
    chunks.push(n < kUnknownSizeChunk ? chunk.subarray(0, n) : chunk);
  }
  return Buffer.concat(chunks, total);
}

function readFileArgs(path, options) {
  options = toOptions(options, { flag: 'r' });
  const isFd = isFdArg(path);
  const target = isFd ? path : toPath(path);
  return [target, isFd, options.encoding, toFlags(options.flag), options.signal];
}

// readFileAll's value (the bytes, or the size of a file too large) as readFile's.
function fileContents(value, encoding) {
  if (typeof value === 'number') throw new ERR_FS_FILE_TOO_LARGE(value);
  const data = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return encoding ? data.toString(encoding) : data;
}

function readFileBody(how, target, isFd, encoding, flags, signal) {
  if (!isFd && signal === undefined) {
    return step(binding.readFileAll, [target, flags], (value) => fileContents(value, encoding));
  }
  return readWithSignal(target, isFd, encoding, flags, signal);
}

function* readWithSignal(target, isFd, encoding, flags, signal) {
  checkAborted(signal);
  let data;
  if (isFd) {
    data = yield* readAll(target, signal);
  } else {
    data = yield step(binding.readFileAll, [target, flags], (value) => fileContents(value));
  }
  checkAborted(signal);
  return encoding ? data.toString(encoding) : data;
}

define('readFile', [2, 3, 2], readFileArgs, readFileBody);

// UTF-8 text in one binding call.
sync.readFileSync = named(function(path, options) {
  const [target, isFd, encoding, flags] = readFileArgs(path, options);
  if (!isUtf8(encoding)) return runSync(readFileBody(SYNC, target, isFd, encoding, flags));
  const ctx = {};
  const text = binding.readFileUtf8(target, flags, ctx);
  if (ctx.errno !== undefined) throw uvError(ctx);
  return text;
}, 'readFileSync', 2);

// The bytes of writeFile's data.
function toBytes(data, encoding) {
  return typeof data === 'string' ? Buffer.from(data, encoding || 'utf8') : data;
}

// Writes all of `bytes` (an ArrayBufferView) at the current position of `fd`, at most `chunk`
// bytes per call, checking `signal` before each.
function* writeAll(fd, bytes, signal, chunk = Infinity) {
  const length = bytes.byteLength;
  let offset = 0;
  while (offset < length) {
    checkAborted(signal);
    const size = Math.min(chunk, length - offset);
    offset += yield step(binding.writeBuffer, [fd, bytes, offset, size, null]);
  }
}

// fs.promises writes in pieces of this size (an abort takes effect between them).
const kPromiseWriteChunk = 512 * 1024;

const kWriteDefaults = { encoding: 'utf8', mode: 0o666, flag: 'w' };
const kAppendDefaults = { encoding: 'utf8', mode: 0o666, flag: 'a' };

function checkData(data) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
}

// [target, isFd, data, encoding, flags, mode, flush, signal]
function writeArgs(defaults, appending, path, data, options) {
  options = toOptions(options, defaults);
  const isFd = isFdArg(path);
  const target = isFd ? toFd(path) : toPath(path);
  checkData(data);
  const { flush } = options;
  if (flush != null) validateBoolean(flush, 'options.flush');
  let flag = options.flag;
  if (appending && (!flag || isFd)) flag = 'a';
  return [target, isFd, data, options.encoding, toFlags(flag), toMode(options.mode, 0o666),
          flush === true, options.signal];
}

function* writeFileBody(how, target, isFd, data, encoding, flags, mode, flush, signal) {
  checkAborted(signal);
  const bytes = toBytes(data, encoding);
  const fd = isFd ? target : yield step(binding.open, [target, flags, mode]);
  try {
    yield* writeAll(fd, bytes, signal, how === PROMISE ? kPromiseWriteChunk : Infinity);
    if (flush) yield step(binding.fsync, [fd]);
  } finally {
    if (!isFd) yield step(binding.close, [fd]);
  }
}

// UTF-8 text without flush: one binding call.
function writeFileSyncFrom(args) {
  const [target, , data, encoding, flags, mode, flush] = args;
  if (typeof data !== 'string' || !isUtf8(encoding) || flush) {
    return runSync(writeFileBody(SYNC, ...args));
  }
  const ctx = {};
  binding.writeFileUtf8(target, data, flags, mode, ctx);
  if (ctx.errno !== undefined) throw uvError(ctx);
}

define('writeFile', [3, 4, 3], (...a) => writeArgs(kWriteDefaults, false, ...a), writeFileBody,
       { params: 3, required: 2 });
define('appendFile', [3, 4, 3], (...a) => writeArgs(kAppendDefaults, true, ...a), writeFileBody,
       { params: 3, required: 2 });

sync.writeFileSync = named(function(path, data, options) {
  writeFileSyncFrom(writeArgs(kWriteDefaults, false, path, data, options));
}, 'writeFileSync', 3);
sync.appendFileSync = named(function(path, data, options) {
  writeFileSyncFrom(writeArgs(kAppendDefaults, true, path, data, options));
}, 'appendFileSync', 3);

module.exports = {
  checkAborted,
  kAppendDefaults,
  kPromiseWriteChunk,
  kWriteDefaults,
  readAll,
  toBytes,
  writeAll,
};
