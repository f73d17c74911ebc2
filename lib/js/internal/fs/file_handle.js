'use strict';
// FileHandle (fs.promises.open): an fd owned by a JS object. Its methods are the promise rows
// of the operation table (ops.js) applied to the fd. Operations in flight keep the fd open: a
// close() waits for them, and after close() every operation rejects with EBADF 'file closed'.

const { Buffer } = require('buffer');
const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  validateBoolean, validateInteger, validateObject, validateString,
} = require('internal/validators');
const { SymbolAsyncDispose, kEmptyObject } = require('internal/util');
const {
  HostObject, dataCloneError, kDeserialize, kDetach, kTransfer,
} = require('internal/worker/js_transferable');
const { readArgs, toOptions, toView } = require('internal/fs/args');
const { runPromise } = require('internal/fs/run');
const { PROMISE, promise: ops, readBody, writeCallArgs, writeBody } = require('internal/fs/ops');
const {
  checkAborted, kPromiseWriteChunk, kWriteDefaults, readAll, toBytes, writeAll,
} = require('internal/fs/whole_file');

const kDefaultReadSize = 16384;
// The chunk of readableWebStream() without { type: 'bytes' } (node 20: ArrayBuffers of 64 KiB).
const kWebStreamChunk = 65536;

// A FileHandle collected while open: its fd is closed, with node's warnings.
const leaked = new FinalizationRegistry((fd) => {
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  process.emitWarning('Closing a FileHandle object on garbage collection is deprecated. ' +
                      'Please close FileHandle objects explicitly using ' +
                      'FileHandle.prototype.close(). In the future, an error will be ' +
                      'thrown if a file descriptor is closed during garbage collection.',
                      'DeprecationWarning', 'DEP0137');
  ops.close(fd).catch(() => {});
});

function closedError(syscall) {
  const err = new Error('file closed');
  err.code = 'EBADF';
  err.syscall = syscall;
  return err;
}

const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');

// An EventEmitter that postMessage can move (as node's, not an instance of EventEmitter).
class TransferableEventEmitter extends HostObject {
  constructor() {
    super();
    EventEmitter.call(this);
  }
}
for (const key of Reflect.ownKeys(EventEmitter.prototype)) {
  if (key === 'constructor') continue;
  Object.defineProperty(TransferableEventEmitter.prototype, key,
                        Object.getOwnPropertyDescriptor(EventEmitter.prototype, key));
}

class FileHandle extends TransferableEventEmitter {
  #fd;
  // The handle's own reference, one per operation in flight and one per stream on it: the fd
  // is closed when the count drops to 0 after close().
  #refs = 1;
  #closing = null;  // { promise, resolve, reject } of a pending close.
  #locked = false;  // A readableWebStream() was made (for good, as in node 20).
  #transferred = false;  // Moved by postMessage: posting it again sends nothing usable.

  constructor(fd) {
    super();
    this.#fd = fd;
    const close = () => this.#close();
    this.close = close;
    leaked.register(this, fd, this);
  }

  get fd() {
    return this.#fd;
  }

  getAsyncId() {
    return -1;
  }

  // The promise of fn(fd), run holding a reference.
  #use(syscall, fn) {
    const fd = this.#fd;
    if (fd === -1) return Promise.reject(closedError(syscall));
    this.#refs++;
    let result;
    try {
      result = Promise.resolve(fn(fd));
    } catch (err) {
      result = Promise.reject(err);
    }
    const release = () => this[kUnref]();
    result.then(release, release);
    return result;
  }

  [kRef]() {
    this.#refs++;
  }

  [kUnref]() {
    if (--this.#refs === 0 && this.#closing !== null) this.#closeNow();
  }

  #closeNow() {
    const fd = this.#fd;
    const { resolve, reject } = this.#closing;
    this.#fd = -1;
    // Done closing before anyone awaiting close() runs (a transfer then finds it closed).
    const settle = (fn) => (value) => {
      this.#closing = null;
      fn(value);
    };
    ops.close(fd).then(settle(resolve), settle(reject));
  }

  // Emits 'close' at once; the fd is closed when nothing uses it any more.
  #close() {
    if (this.#fd === -1) return Promise.resolve();
    if (this.#closing !== null) return this.#closing.promise;
    leaked.unregister(this);
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#closing = { promise, resolve, reject };
    this[kUnref]();
    this.emit('close');
    return promise;
  }

  // postMessage(fh, [fh]): the fd moves to the receiving side (same process), as node's.
  [kTransfer]() {
    // Operations or streams on it, a close under way, or a readableWebStream() (for good).
    if (this.#closing !== null || this.#refs > 1 || this.#locked) {
      throw dataCloneError('Cannot transfer FileHandle while in use');
    }
    if (this.#transferred) {
      return { data: { handle: null }, deserializeInfo: 'internal/fs/file_handle:FileHandle' };
    }
    if (this.#fd === -1) throw dataCloneError('Cannot transfer object of unsupported type.');
    return { data: { handle: { fd: this.#fd } },
             deserializeInfo: 'internal/fs/file_handle:FileHandle' };
  }

  [kDetach](sent) {
    if (this.#fd === -1) return;
    const fd = this.#fd;
    leaked.unregister(this);
    this.#fd = -1;
    this.#refs = 0;
    this.#transferred = true;
    // Listed but not in the message: nobody receives the fd.
    if (!sent) ops.close(fd).catch(() => {});
  }

  static [kDeserialize](data) {
    return new FileHandle(data.handle.fd);
  }

  [SymbolAsyncDispose]() {
    return this.#close();
  }

  chmod(mode) {
    return this.#use('fchmod', (fd) => ops.fchmod(fd, mode));
  }

  chown(uid, gid) {
    return this.#use('fchown', (fd) => ops.fchown(fd, uid, gid));
  }

  datasync() {
    return this.#use('fdatasync', (fd) => ops.fdatasync(fd));
  }

  sync() {
    return this.#use('fsync', (fd) => ops.fsync(fd));
  }

  stat(options) {
    return this.#use('fstat', (fd) => ops.fstat(fd, options));
  }

  truncate(len = 0) {
    return this.#use('ftruncate', (fd) => ops.ftruncate(fd, len));
  }

  utimes(atime, mtime) {
    return this.#use('futime', (fd) => ops.futimes(fd, atime, mtime));
  }

  // read(buffer, offset, length, position) | read(buffer, options) | read(options) | read()
  read(buffer, offset, length, position) {
    return this.#use('read', (fd) => {
      if (!ArrayBuffer.isView(buffer)) {
        const options = buffer ?? {};
        validateObject(options, 'options');
        ({ buffer = Buffer.alloc(kDefaultReadSize) } = options);
        ({ offset, length, position } = options);
      } else if (offset !== null && typeof offset === 'object') {
        ({ offset, length, position } = offset);
      }
      toView(buffer);
      if (offset == null) offset = 0;
      else validateInteger(offset, 'offset', 0);
      if (length === undefined || length === null) length = buffer.byteLength - offset;
      const checked = readArgs(buffer, offset, length, position ?? null, true);
      const result = (bytesRead) => ({ __proto__: null, bytesRead, buffer });
      if (checked[2] === 0) return result(0);
      return runPromise(readBody(PROMISE, fd, ...checked)).then(result);
    });
  }

  readv(buffers, position) {
    return this.#use('read', (fd) => ops.readv(fd, buffers, position)
      .then((bytesRead) => ({ __proto__: null, bytesRead, buffers })));
  }

  // write(buffer, offset, length, position) | write(buffer, options) |
  // write(string, position, encoding)
  write(buffer, offset, length, position) {
    return this.#use('write', (fd) => {
      const checked = writeCallArgs(fd, buffer, offset, length, position);
      return runPromise(writeBody(PROMISE, ...checked))
        .then((bytesWritten) => ({ __proto__: null, bytesWritten, buffer }));
    });
  }

  writev(buffers, position) {
    return this.#use('write', (fd) => ops.writev(fd, buffers, position)
      .then((bytesWritten) => ({ __proto__: null, bytesWritten, buffers })));
  }

  readFile(options) {
    return this.#use('read', (fd) => readWhole(fd, options));
  }

  writeFile(data, options) {
    return this.#use('write', (fd) => writeWhole(fd, data, options));
  }

  appendFile(data, options) {
    return this.writeFile(data, options);
  }

  readLines(options) {
    return require('readline').createInterface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }

  // A web ReadableStream of the file from the current position: ArrayBuffer chunks of 64 KiB,
  // or with { type: 'bytes' } a byte stream (Uint8Array chunks of 16 KiB, BYOB views filled in
  // place). The handle stays locked to it and open after it ends, as in node 20; closing the
  // handle closes the stream.
  readableWebStream(options = kEmptyObject) {
    if (this.#fd === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    if (this.#closing !== null) throw new ERR_INVALID_STATE('The FileHandle is closing');
    if (this.#locked) throw new ERR_INVALID_STATE('The FileHandle is locked');
    const type = options.type;
    if (type !== undefined) validateString(type, 'options.type');
    this.#locked = true;
    const { ReadableStream } = require('internal/webstreams/readablestream');
    const bytes = type === 'bytes';
    let ended = false;
    let controller;
    const end = () => {
      if (ended) return;
      ended = true;
      this.off('close', end);
      controller.close();
      // A BYOB read waiting for bytes ends as done.
      if (bytes) controller.byobRequest?.respond(0);
    };
    this.on('close', end);
    const start = (c) => {
      controller = c;
    };
    if (bytes) {
      return new ReadableStream({
        type: 'bytes',
        autoAllocateChunkSize: kDefaultReadSize,
        start,
        pull: async () => {
          if (ended) return;
          const request = controller.byobRequest;
          const view = request.view;
          const { bytesRead } = await this.read(view, 0, view.byteLength, null);
          if (ended) return;
          if (bytesRead === 0) return end();
          request.respond(bytesRead);
        },
      });
    }
    return new ReadableStream({
      start,
      pull: async () => {
        if (ended) return;
        const chunk = Buffer.allocUnsafeSlow(kWebStreamChunk);
        const { bytesRead } = await this.read(chunk, 0, kWebStreamChunk, null);
        if (ended) return;
        if (bytesRead === 0) return end();
        controller.enqueue(bytesRead === kWebStreamChunk ?
          chunk.buffer : chunk.buffer.slice(0, bytesRead));
      },
    });
  }

  createReadStream(options) {
    const { ReadStream } = require('internal/fs/file_streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options) {
    const { WriteStream } = require('internal/fs/file_streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }
}

// readFile on an fd (a FileHandle's): from the current position to the end.
async function readWhole(fd, options) {
  options = toOptions(options, { flag: 'r' });
  checkAborted(options.signal);
  const data = await runPromise(readAll(fd, options.signal));
  return options.encoding ? data.toString(options.encoding) : data;
}

const isIterable = (data) => data != null && typeof data === 'object' &&
  (typeof data[Symbol.iterator] === 'function' || typeof data[Symbol.asyncIterator] === 'function');

// writeFile on an fd: strings, ArrayBufferViews, and (fs.promises only) iterables of them.
async function writeWhole(fd, data, options) {
  options = toOptions(options, kWriteDefaults);
  checkWhole(data, options);
  const { encoding, signal } = options;
  checkAborted(signal);
  if (typeof data === 'string' || ArrayBuffer.isView(data)) {
    await runPromise(writeAll(fd, toBytes(data, encoding), signal, kPromiseWriteChunk));
  } else {
    for await (const chunk of data) {
      checkAborted(signal);
      const bytes = ArrayBuffer.isView(chunk) ? chunk : Buffer.from(chunk, encoding);
      await runPromise(writeAll(fd, bytes, signal, kPromiseWriteChunk));
    }
  }
  if (options.flush === true) await ops.fsync(fd);
}

function checkWhole(data, options) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data) && !isIterable(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (options.flush != null) validateBoolean(options.flush, 'options.flush');
}

module.exports = { FileHandle, checkWhole, isIterable, kRef, kUnref, writeWhole };
