'use strict';
// fs.ReadStream and fs.WriteStream: node:stream's Readable and Writable over an fd. The fd is
// opened in _construct (unless one was given), read or written at `pos` when a start was given
// (else at the current position), and closed on destroy when autoClose. The fd may be a
// FileHandle, whose methods are used then. The calls go through options.fs when given (its
// open/read/write/writev/close/fsync), else through node:fs's functions as they are at the
// time of the call (so patching fs.read, fs.close... affects streams, as in node). A subclass
// that overrides open() (old node, graceful-fs) is constructed through it: construction ends
// when it emits 'open' or 'error'.

const { Buffer } = require('buffer');
const { Readable, Writable, finished } = require('stream');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_OUT_OF_RANGE, ERR_STREAM_DESTROYED,
    ERR_SYSTEM_ERROR,
  },
} = require('internal/errors');
const { validateFunction, validateInteger } = require('internal/validators');
const { deprecate } = require('internal/util');
const { errorOrDestroy } = require('internal/streams/destroy');
const { toFd, toOptions, toPath } = require('internal/fs/args');

const kDefaultHighWaterMark = 64 * 1024;
// Chunks this large come from recycled blocks (their pages stay faulted in; fs_buffer_pool.h).
const kRecycledMin = 256 * 1024;
const kRecycledMax = 64 * 1024 * 1024;

let FastBuffer;
let poolUsers = 0;  // Open streams that took recycled chunks; the last one's close frees the pool.
const kUsesPool = Symbol('kUsesPool');
function allocChunk(stream, n) {
  if (n < kRecycledMin || n > kRecycledMax) return Buffer.allocUnsafeSlow(n);
  FastBuffer ??= require('internal/buffer').FastBuffer;
  if (!stream[kUsesPool]) {
    stream[kUsesPool] = true;
    poolUsers++;
    stream.once('close', () => {
      if (--poolUsers === 0) internalBinding('fs').releaseRecycled();
    });
  }
  return new FastBuffer(internalBinding('fs').recycledBuffer(n), 0, n);
}
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kBusy = Symbol('kBusy');  // Reads or writes in flight (destroy waits for them).
const kIdle = Symbol('kIdle');

let fileHandle;
const handles = () => (fileHandle ??= require('internal/fs/file_handle'));
const isFileHandle = (value) => value instanceof handles().FileHandle;

// The callback-style calls of a FileHandle. The stream holds a reference on the handle until
// it closes (the handle's fd stays open meanwhile) and closes with it.
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
    close: (fd, cb) => {
      const closed = handle.close();
      handle[handles().kUnref]();
      closed.then(...done(cb));
    },
    fsync: (fd, cb) => handle.sync().then(...done(cb)),
  };
}

// The fd-related state shared by both streams, set before the stream's own (node's key order).
// `calls` are the fs functions the stream needs (options.fs must have them).
function setup(stream, path, options, defaultFlags, calls) {
  const fd = options.fd ?? null;
  if (isFileHandle(fd)) {
    if (options.fs !== undefined) throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    stream[kHandle] = fd;
    stream[kFs] = handleCalls(fd);
    stream.fd = toFd(fd.fd);  // A closed handle's -1 is refused, as node's.
    fd[handles().kRef]();
    const onClose = () => stream.close();
    fd.on('close', onClose);
    stream.once('close', () => fd.off('close', onClose));
  } else {
    stream[kHandle] = null;
    stream[kFs] = options.fs ?? null;
    if (stream[kFs] !== null) {
      for (const name of calls) validateFunction(stream[kFs][name], `options.fs.${name}`);
      if (stream[kFs].writev != null && calls.includes('write')) {
        validateFunction(stream[kFs].writev, 'options.fs.writev');
      }
    }
    if (fd !== null && typeof fd !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], fd);
    }
    stream.fd = fd === null ? null : toFd(fd);
    if (fd === null) stream.path = toPath(path);
  }
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream[kBusy] = 0;
}

let publicFs;
function call(stream, name, ...args) {
  const impl = (stream[kFs] ?? (publicFs ??= require('fs')))[name];
  return impl(...args);
}

// Construction through an overridden open(): done when it emits 'open' (or fails with 'error').
function constructWithOpen(stream, callback) {
  const emit = stream.emit;
  stream.emit = function(event, ...args) {
    if (event === 'open' || event === 'error') {
      stream.emit = emit;
      if (event === 'error') return callback(args[0]);
      callback();
    }
    return Reflect.apply(emit, this, [event, ...args]);
  };
  stream.open();
}

function construct(stream, callback, ownOpen) {
  if (stream.open !== ownOpen) return constructWithOpen(stream, callback);
  if (stream.fd !== null) return callback();
  call(stream, 'open', stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) return callback(err);
    stream.fd = fd;
    stream[kOwnFd] = true;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function destroy(stream, err, callback) {
  const closeFd = () => {
    if (stream.fd === null || !stream.autoClose) {
      if (stream[kHandle] !== null && stream.fd !== null) stream[kHandle][handles().kUnref]();
      return callback(err);
    }
    call(stream, 'close', stream.fd, (closeErr) => {
      stream.fd = null;
      callback(closeErr || err);
    });
  };
  if (stream[kBusy]) stream.once(kIdle, closeFd);
  else closeFd();
}

function startIo(stream) {
  stream[kBusy]++;
}

function endIo(stream) {
  if (--stream[kBusy] === 0) stream.emit(kIdle);
}

// --- ReadStream ----------------------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = { ...toOptions(options) };
  if (options.highWaterMark === undefined) options.highWaterMark = kDefaultHighWaterMark;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  }
  setup(this, path, options, 'r', ['open', 'close', 'read']);
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
  this[kAhead] = [];
  this[kAheadAt] = -2;
  this[kWanted] = false;
  this[kOwnFd] = false;
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._readableState.autoDestroy; },
  set(value) { this._readableState.autoDestroy = value; },
});

const readStreamOpen = deprecate(function open() {},
                                 'ReadStream.prototype.open() is deprecated', 'DEP0135');
ReadStream.prototype.open = readStreamOpen;

ReadStream.prototype._construct = function _construct(callback) {
  construct(this, callback, readStreamOpen);
};

// Read-ahead: once a read came back full, the next ones start at once instead of when the
// consumer asks (_read), so the kernel copies chunks k+1 and k+2 (on io-wq workers, for large
// ones) while JS handles chunk k. At most kAheadDepth reads in flight and as many chunks held
// beyond the stream's buffer, delivered in file order, and only where it cannot be observed:
// the stream's own fs calls (no options.fs, no FileHandle, fs.read not patched) and a known
// position (a start was given, or the stream opened a regular file itself and reads it from 0;
// the reads then carry explicit positions).
const kAheadDepth = 2;
const kAhead = Symbol('kAhead');      // Reads started early, in file order: { done, pos, ... }.
const kAheadAt = Symbol('kAheadAt');  // Position of the next early read; -1 none, -2 undecided.
const kOwnFd = Symbol('kOwnFd');      // The stream opened its fd itself (at offset 0).
const kWanted = Symbol('kWanted');    // _read asked while the first early read was in flight.

let defaultRead;
function aheadStart(stream) {
  if (stream[kFs] !== null || stream[kHandle] !== null) return -1;
  defaultRead ??= require('internal/fs/api').callback.read;
  if ((publicFs ??= require('fs')).read !== defaultRead) return -1;
  if (stream.pos !== undefined) return stream.pos;
  if (stream[kOwnFd] && internalBinding('fs').isRegularFileCached(stream.fd)) {
    return stream.bytesRead;
  }
  return -1;
}

// Starts early reads of `n` bytes until kAheadDepth are queued (or the end is reached).
function readAhead(stream, n) {
  if (stream[kAheadAt] === -2) stream[kAheadAt] = aheadStart(stream);
  const queue = stream[kAhead];
  while (!stream.destroyed && stream[kAheadAt] >= 0 && queue.length < kAheadDepth) {
    const at = stream[kAheadAt];
    const size = Math.min(n, stream.end - at + 1);
    if (size <= 0) return;
    const ahead = { done: false, err: null, bytesRead: 0, buffer: allocChunk(stream, size), n: size, at };
    queue.push(ahead);
    stream[kAheadAt] = at + size;
    startIo(stream);
    call(stream, 'read', stream.fd, ahead.buffer, 0, size, at, (err, bytesRead) => {
      ahead.done = true;
      ahead.err = err;
      ahead.bytesRead = bytesRead;
      endIo(stream);
      if (stream[kWanted] && queue[0] === ahead && !stream.destroyed) {
        stream[kWanted] = false;
        takeAhead(stream);
      }
    });
  }
}

// Delivers the first early read (done).
function takeAhead(stream) {
  const queue = stream[kAhead];
  const ahead = queue.shift();
  if (ahead.err || ahead.bytesRead !== ahead.n) {
    // An error or a short read (the end, or a file that changed): what was read after it is
    // not the continuation; drop it and go on from here.
    queue.length = 0;
    stream[kAheadAt] = ahead.at + (ahead.err ? 0 : ahead.bytesRead);
  }
  deliverRead(stream, ahead.err, ahead.bytesRead, ahead.buffer, ahead.n);
}

function deliverRead(stream, err, bytesRead, buffer, n) {
  // A read that finishes after destroy() is dropped, as node's: pushing its end would mark the
  // stream ended, and iterators would miss the premature close.
  if (stream.destroyed) return;
  if (err) {
    errorOrDestroy(stream, err);  // Without autoClose the stream stays usable.
  } else if (bytesRead > 0) {
    if (stream.pos !== undefined) stream.pos += bytesRead;
    stream.bytesRead += bytesRead;
    if (bytesRead === n) readAhead(stream, n);
    // A short read leaves most of the buffer unused: hand out a right-sized copy.
    stream.push(bytesRead === n ? buffer :
      bytesRead * 4 < n ? Buffer.from(buffer.subarray(0, bytesRead)) :
        buffer.subarray(0, bytesRead));
  } else {
    stream.push(null);
  }
}

ReadStream.prototype._read = function _read(n) {
  const queue = this[kAhead];
  if (queue.length > 0) {
    if (queue[0].done) takeAhead(this);
    else this[kWanted] = true;
    return;
  }
  const left = this.end - (this.pos !== undefined ? this.pos : this.bytesRead) + 1;
  n = Math.min(left, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buffer = allocChunk(this, n);
  // After reading ahead, the file position is ours to track (the reads were positioned).
  const position = this.pos ?? (this[kAheadAt] >= 0 ? this[kAheadAt] : null);
  startIo(this);
  call(this, 'read', this.fd, buffer, 0, n, position, (err, bytesRead) => {
    endIo(this);
    if (!err && this[kAheadAt] >= 0) this[kAheadAt] = position + bytesRead;
    deliverRead(this, err, bytesRead, buffer, n);
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
  setup(this, path, options, 'w', ['open', 'close', 'write']);
  this.flush = options.flush ?? false;
  if (typeof this.flush !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.flush', 'boolean', this.flush);
  }
  this.start = options.start;
  if (this.start !== undefined) validateInteger(this.start, 'start', 0);
  this.pos = this.start;
  this.bytesWritten = 0;
  Writable.call(this, options);
  // A custom fs without writev gets each chunk written on its own (node's own null _writev).
  if (this[kFs] !== null && this[kFs].writev == null) this._writev = null;
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._writableState.autoDestroy; },
  set(value) { this._writableState.autoDestroy = value; },
});

const writeStreamOpen = deprecate(function open() {},
                                  'WriteStream.prototype.open() is deprecated', 'DEP0135');
WriteStream.prototype.open = writeStreamOpen;

WriteStream.prototype._construct = function _construct(callback) {
  construct(this, callback, writeStreamOpen);
};

// A write taken in part continues with the rest; EAGAIN and writes of nothing are tried again,
// and five such tries in a row without progress fail the stream (as node).
const kMaxTriesWithoutProgress = 5;

function writeOut(stream, buffer, position, tries, callback) {
  startIo(stream);
  call(stream, 'write', stream.fd, buffer, 0, buffer.length, position, (err, written) => {
    endIo(stream);
    afterWriteOut(stream, err, written, tries, callback, (rest, nextTries) => {
      const next = position == null ? position : position + written;
      writeOut(stream, buffer.subarray(buffer.length - rest), next, nextTries, callback);
    }, buffer.length, 'write failed');
  });
}

function writevOut(stream, buffers, size, position, tries, callback) {
  startIo(stream);
  call(stream, 'writev', stream.fd, buffers, position, (err, written) => {
    endIo(stream);
    afterWriteOut(stream, err, written, tries, callback, (rest, nextTries) => {
      // The rest goes out as one buffer.
      const remaining = Buffer.concat(buffers, size).subarray(size - rest);
      const next = position == null ? position : position + written;
      writevOut(stream, [remaining], rest, next, nextTries, callback);
    }, size, 'writev failed');
  });
}

function afterWriteOut(stream, err, written, tries, callback, continueWith, size, failure) {
  if (err?.code === 'EAGAIN') {
    err = null;
    written = 0;
  }
  if (err) return callback(err);
  if (stream.destroyed) return callback(new ERR_STREAM_DESTROYED('write'));
  stream.bytesWritten += written;
  const nextTries = written > 0 ? 0 : tries + 1;
  if (nextTries > kMaxTriesWithoutProgress) return callback(new ERR_SYSTEM_ERROR(failure));
  if (written >= size) return callback();
  continueWith(size - written, nextTries);
}

WriteStream.prototype._write = function _write(data, encoding, callback) {
  writeOut(this, data, this.pos, 0, callback);
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function _writev(chunks, callback) {
  const buffers = chunks.map(({ chunk }) => chunk);
  const size = buffers.reduce((sum, b) => sum + b.length, 0);
  writevOut(this, buffers, size, this.pos, 0, callback);
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
