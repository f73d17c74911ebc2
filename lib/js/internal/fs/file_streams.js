'use strict';
// fs.ReadStream and fs.WriteStream: node:stream's Readable and Writable over an fd. The fd is
// opened in _construct (unless one was given), read or written at `pos` when a start was given
// (else at the current position), and closed on destroy when autoClose. The fd may be a
// FileHandle, whose methods are used then. The calls go through options.fs when given (its
// open/read/write/writev/close/fsync), else through the fs callback functions.

const { Buffer } = require('buffer');
const { Readable, Writable, finished } = require('stream');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateFunction, validateInteger } = require('internal/validators');
const { deprecate } = require('internal/util');
const { toFd, toOptions, toPath } = require('internal/fs/args');
const { callback: fsCallbacks } = require('internal/fs/ops');

const kDefaultHighWaterMark = 64 * 1024;
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kBusy = Symbol('kBusy');  // A read or write is in flight (destroy waits for it).
const kIdle = Symbol('kIdle');

let FileHandle;
function isFileHandle(value) {
  FileHandle ??= require('internal/fs/file_handle').FileHandle;
  return value instanceof FileHandle;
}

// The callback-style calls of a FileHandle.
function handleCalls(handle) {
  const done = (cb) => [() => cb(null), (err) => cb(err)];
  return {
    read: (fd, buffer, offset, length, position, cb) =>
      handle.read(buffer, offset, length, position)
        .then(({ bytesRead }) => cb(null, bytesRead, buffer), cb),
    write: (fd, buffer, offset, length, position, cb) =>
      handle.write(buffer, offset, length, position)
        .then(({ bytesWritten }) => cb(null, bytesWritten, buffer), cb),
    writev: (fd, buffers, position, cb) =>
      handle.writev(buffers, position)
        .then(({ bytesWritten }) => cb(null, bytesWritten, buffers), cb),
    close: (fd, cb) => handle.close().then(...done(cb)),
    fsync: (fd, cb) => handle.sync().then(...done(cb)),
  };
}

// The fd-related state shared by both streams, set before the stream's own (node's key order).
function setup(stream, path, options, defaultFlags) {
  const fd = options.fd ?? null;
  if (isFileHandle(fd)) {
    stream[kHandle] = fd;
    stream[kFs] = handleCalls(fd);
    stream.fd = fd.fd;
  } else {
    stream[kHandle] = null;
    stream[kFs] = options.fs ?? null;
    stream.fd = fd === null ? null : toFd(fd);
  }
  stream.path = stream.fd === null ? toPath(path) : path;
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream[kBusy] = false;
}

function call(stream, name, ...args) {
  const impl = stream[kFs]?.[name];
  if (impl !== undefined && impl !== null) {
    validateFunction(impl, `options.fs.${name}`);
    return impl(...args);
  }
  return fsCallbacks[name](...args);
}

function construct(stream, callback) {
  if (stream.fd !== null) return callback();
  call(stream, 'open', stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) return callback(err);
    stream.fd = fd;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function destroy(stream, err, callback) {
  const closeFd = () => {
    if (stream.fd === null || !stream.autoClose) return callback(err);
    const fd = stream.fd;
    stream.fd = null;
    call(stream, 'close', fd, (closeErr) => callback(closeErr || err));
  };
  if (stream[kBusy]) stream.once(kIdle, closeFd);
  else closeFd();
}

function startIo(stream) {
  stream[kBusy] = true;
}

function endIo(stream) {
  stream[kBusy] = false;
  stream.emit(kIdle);
}

// --- ReadStream ----------------------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = { ...toOptions(options) };
  if (options.highWaterMark === undefined) options.highWaterMark = kDefaultHighWaterMark;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  }
  setup(this, path, options, 'r');
  this.start = options.start;
  this.end = options.end === undefined ? Infinity : options.end;
  if (this.start !== undefined) validateInteger(this.start, 'start', 0);
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  this.pos = this.start;
  this.bytesRead = 0;
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._readableState.autoDestroy; },
  set(value) { this._readableState.autoDestroy = value; },
});

ReadStream.prototype.open = deprecate(function open() {},
                                      'ReadStream.prototype.open() is deprecated', 'DEP0135');

ReadStream.prototype._construct = function _construct(callback) {
  construct(this, callback);
};

ReadStream.prototype._read = function _read(n) {
  const left = this.end - (this.pos !== undefined ? this.pos : this.bytesRead) + 1;
  n = Math.min(left, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buffer = Buffer.allocUnsafeSlow(n);
  startIo(this);
  call(this, 'read', this.fd, buffer, 0, n, this.pos ?? null, (err, bytesRead) => {
    endIo(this);
    if (err) {
      this.destroy(err);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      // A short read leaves most of the buffer unused: hand out a right-sized copy.
      this.push(bytesRead === n ? buffer :
        bytesRead * 4 < n ? Buffer.from(buffer.subarray(0, bytesRead)) :
          buffer.subarray(0, bytesRead));
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = function _destroy(err, callback) {
  destroy(this, err, callback);
};

ReadStream.prototype.close = function close(callback) {
  if (typeof callback === 'function') finished(this, callback);
  this.destroy();
};

Object.defineProperty(ReadStream.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() { return this.fd === null; },
});

// --- WriteStream ---------------------------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = { ...toOptions(options) };
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  }
  setup(this, path, options, 'w');
  this.flush = options.flush ?? false;
  if (typeof this.flush !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.flush', 'boolean', this.flush);
  }
  this.start = options.start;
  if (this.start !== undefined) validateInteger(this.start, 'start', 0);
  this.pos = this.start;
  this.bytesWritten = 0;
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._writableState.autoDestroy; },
  set(value) { this._writableState.autoDestroy = value; },
});

WriteStream.prototype.open = deprecate(function open() {},
                                       'WriteStream.prototype.open() is deprecated', 'DEP0135');

WriteStream.prototype._construct = function _construct(callback) {
  construct(this, callback);
};

WriteStream.prototype._write = function _write(data, encoding, callback) {
  startIo(this);
  call(this, 'write', this.fd, data, 0, data.length, this.pos ?? null, (err, written) => {
    endIo(this);
    if (err) return callback(err);
    this.bytesWritten += written;
    callback();
  });
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function _writev(chunks, callback) {
  const buffers = chunks.map(({ chunk }) => chunk);
  const size = buffers.reduce((sum, b) => sum + b.length, 0);
  startIo(this);
  call(this, 'writev', this.fd, buffers, this.pos ?? null, (err, written) => {
    endIo(this);
    if (err) return callback(err);
    this.bytesWritten += written;
    callback();
  });
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._final = function _final(callback) {
  if (!this.flush) return callback();
  call(this, 'fsync', this.fd, callback);
};

WriteStream.prototype._destroy = function _destroy(err, callback) {
  destroy(this, err, callback);
};

WriteStream.prototype.close = function close(callback) {
  if (callback) {
    if (this.closed) {
      process.nextTick(callback);
      return;
    }
    this.on('close', callback);
  }
  // An autoClose stream closes itself after 'finish'; otherwise close it then.
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

Object.defineProperty(WriteStream.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() { return this.fd === null; },
});

module.exports = { ReadStream, WriteStream };
