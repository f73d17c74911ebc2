'use strict';
// fs/promises and FileHandle, after node v20's lib/internal/fs/promises.js: thin async
// functions over the same binding calls as node:fs, with kUsePromises in place of the request
// object (the binding returns a promise settled from the ring or thread-pool completion).
// A FileHandle wraps an fd; one that is garbage collected while open is closed with node's
// warnings. readLines and readableWebStream are not implemented yet.

const { fs: constants } = internalBinding('constants');
const {
  F_OK,
  O_SYMLINK,
  O_WRONLY,
  S_IFMT,
  S_IFREG,
} = constants;

const binding = internalBinding('fs');
const { Buffer } = require('buffer');

const {
  codes: {
    ERR_FS_FILE_TOO_LARGE,
    ERR_INVALID_ARG_VALUE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
  AbortError,
  aggregateTwoErrors,
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');

const {
  constants: {
    kIoMaxLength,
    kMaxUserId,
    kReadFileBufferLength,
    kReadFileUnknownBufferLength,
    kWriteFileMaxChunkSize,
  },
  copyObject,
  decodeName,
  decodeReaddirResult,
  emitRecursiveRmdirWarning,
  getDirents,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidatedPath,
  getValidFileMode,
  preprocessSymlinkDestination,
  stringToFlags,
  stringToSymlinkType,
  toUnixTimestamp,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateRmOptions,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');
const {
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateInteger,
  validateObject,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const pathModule = require('path');
const {
  kEmptyObject,
  promisify,
  SymbolAsyncDispose,
} = require('internal/util');
const { EventEmitterMixin } = require('internal/event_target');
const { StringDecoder } = require('string_decoder');
const { notImplemented } = require('internal/not_implemented');

const kHandle = Symbol('kHandle');
const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');

const { kUsePromises } = binding;

const getDirectoryEntriesPromise = promisify(getDirents);
const validateRmOptionsPromise = promisify(validateRmOptions);

// Lazy loaded to avoid circular dependency.
let fsStreams;
function lazyFsStreams() {
  return fsStreams ??= require('internal/fs/streams');
}

let rimrafPromises;
function lazyRimRaf() {
  rimrafPromises ??= require('internal/fs/rimraf').rimrafPromises;
  return rimrafPromises;
}

// An error made from a completion has no JS frames; capture them where JS resumes.
function handleErrorFromBinding(error) {
  Error.captureStackTrace(error, handleErrorFromBinding);
  return Promise.reject(error);
}

function call(promise) {
  return promise.then(undefined, handleErrorFromBinding);
}

// --- closing file descriptors of collected FileHandles ----------------------------------------

let gcDeprecationWarned = false;
const closeOnCollect = new FinalizationRegistry((fd) => {
  const ctx = {};
  binding.close(fd, undefined, ctx);
  if (ctx.errno !== undefined) return;
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  if (!gcDeprecationWarned) {
    gcDeprecationWarned = true;
    process.emitWarning(
      'Closing a FileHandle object on garbage collection is deprecated. Please close ' +
      'FileHandle objects explicitly using FileHandle.prototype.close(). In the future, an ' +
      'error will be thrown if a file descriptor is closed during garbage collection.',
      'DeprecationWarning', 'DEP0137');
  }
});

// The native side of a FileHandle: its fd and a close() returning a promise.
class FileHandleNative {
  constructor(fd) {
    this.fd = fd;
    this.closing = false;
  }

  close() {
    this.closing = true;
    closeOnCollect.unregister(this);
    return call(binding.close(this.fd, kUsePromises));
  }
}

class FileHandle extends EventEmitterMixin(class {}) {
  /**
   * @param {FileHandleNative | undefined} filehandle
   */
  constructor(filehandle) {
    super();
    this[kHandle] = filehandle;
    this[kFd] = filehandle ? filehandle.fd : -1;

    this[kRefs] = 1;
    this[kClosePromise] = null;
    if (filehandle) closeOnCollect.register(this, filehandle.fd, filehandle);
  }

  getAsyncId() {
    return -1;
  }

  get fd() {
    return this[kFd];
  }

  appendFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }

  datasync() {
    return fsCall(fdatasync, this);
  }

  sync() {
    return fsCall(fsync, this);
  }

  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFile, this, options);
  }

  readLines(options = undefined) {
    throw notImplemented('FileHandle.readLines');
  }

  stat(options) {
    return fsCall(fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }

  close = () => {
    if (this[kFd] === -1) {
      return Promise.resolve();
    }

    if (this[kClosePromise]) {
      return this[kClosePromise];
    }

    this[kRefs]--;
    if (this[kRefs] === 0) {
      this[kFd] = -1;
      this[kClosePromise] = this[kHandle].close().finally(() => {
        this[kClosePromise] = undefined;
      });
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = undefined;
        this[kCloseReject] = undefined;
        this[kCloseResolve] = undefined;
      });
    }

    this.emit('close');
    return this[kClosePromise];
  };

  async [SymbolAsyncDispose]() {
    return this.close();
  }

  readableWebStream(options = kEmptyObject) {
    throw notImplemented('FileHandle.readableWebStream');
  }

  createReadStream(options = undefined) {
    const { ReadStream } = lazyFsStreams();
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = lazyFsStreams();
    return new WriteStream(undefined, { ...options, fd: this });
  }

  [kRef]() {
    this[kRefs]++;
  }

  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      this[kFd] = -1;
      this[kHandle].close().then(this[kCloseResolve], this[kCloseReject]);
    }
  }
}

async function handleFdClose(fileOpPromise, closeFunc) {
  return fileOpPromise.then(
    (result) => closeFunc().then(() => result),
    (opError) =>
      closeFunc().then(
        () => Promise.reject(opError),
        (closeError) => Promise.reject(aggregateTwoErrors(closeError, opError)),
      ),
  );
}

async function handleFdSync(fileOpPromise, handle) {
  return fileOpPromise.then(
    (result) => handle.sync().then(
      () => result,
      (syncError) => Promise.reject(syncError),
    ),
    (opError) => Promise.reject(opError),
  );
}

async function fsCall(fn, handle, ...args) {
  if (handle[kRefs] === undefined) {
    throw new Error('handle must be an instance of FileHandle');
  }

  if (handle.fd === -1) {
    // eslint-disable-next-line no-restricted-syntax
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }

  try {
    handle[kRef]();
    return await fn(handle, ...args);
  } finally {
    handle[kUnref]();
  }
}

function checkAborted(signal) {
  if (signal?.aborted)
    throw new AbortError(undefined, { cause: signal?.reason });
}

function isIterable(obj) {
  if (obj == null) return false;
  return typeof obj[Symbol.asyncIterator] === 'function' ||
    typeof obj[Symbol.iterator] === 'function';
}

function isCustomIterable(obj) {
  return isIterable(obj) && !isArrayBufferView(obj) && typeof obj !== 'string';
}

async function writeFileHandle(filehandle, data, signal, encoding) {
  checkAborted(signal);
  if (isCustomIterable(data)) {
    for await (const buf of data) {
      checkAborted(signal);
      const toWrite =
        isArrayBufferView(buf) ? buf : Buffer.from(buf, encoding || 'utf8');
      let remaining = toWrite.byteLength;
      while (remaining > 0) {
        const writeSize = Math.min(kWriteFileMaxChunkSize, remaining);
        const { bytesWritten } = await write(
          filehandle, toWrite, toWrite.byteLength - remaining, writeSize);
        remaining -= bytesWritten;
        checkAborted(signal);
      }
    }
    return;
  }
  data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let remaining = data.byteLength;
  if (remaining === 0) return;
  do {
    checkAborted(signal);
    const { bytesWritten } =
      await write(filehandle, data, 0,
                  Math.min(kWriteFileMaxChunkSize, data.byteLength));
    remaining -= bytesWritten;
    data = new Uint8Array(
      data.buffer,
      data.byteOffset + bytesWritten,
      data.byteLength - bytesWritten,
    );
  } while (remaining > 0);
}

async function readFileHandle(filehandle, options) {
  const signal = options?.signal;
  const encoding = options?.encoding;
  const decoder = encoding && new StringDecoder(encoding);

  checkAborted(signal);

  const statFields = await call(binding.fstat(filehandle.fd, false, kUsePromises));

  checkAborted(signal);

  let size = 0;
  let length = 0;
  if ((statFields[1/* mode */] & S_IFMT) === S_IFREG) {
    size = statFields[8/* size */];
    length = encoding ? Math.min(size, kReadFileBufferLength) : size;
  }
  if (length === 0) {
    length = kReadFileUnknownBufferLength;
  }

  if (size > kIoMaxLength)
    throw new ERR_FS_FILE_TOO_LARGE(size);

  let totalRead = 0;
  const noSize = size === 0;
  let buffer = Buffer.allocUnsafeSlow(length);
  let result = '';
  let offset = 0;
  let buffers;
  const chunkedRead = length > kReadFileBufferLength;

  while (true) {
    checkAborted(signal);

    if (chunkedRead) {
      length = Math.min(size - totalRead, kReadFileBufferLength);
    }

    const bytesRead = (await call(
      binding.read(filehandle.fd, buffer, offset, length, -1, kUsePromises))) ?? 0;
    totalRead += bytesRead;

    if (bytesRead === 0 ||
        totalRead === size ||
        (bytesRead !== buffer.length && !chunkedRead && !noSize)) {
      const singleRead = bytesRead === totalRead;

      const bytesToCheck = chunkedRead ? totalRead : bytesRead;

      if (bytesToCheck !== buffer.length) {
        buffer = buffer.subarray(0, bytesToCheck);
      }

      if (!encoding) {
        if (noSize && !singleRead) {
          buffers.push(buffer);
          return Buffer.concat(buffers, totalRead);
        }
        return buffer;
      }

      if (singleRead) {
        return buffer.toString(encoding);
      }
      result += decoder.end(buffer);
      return result;
    }
    const readBuffer = bytesRead !== buffer.length ?
      buffer.subarray(0, bytesRead) :
      buffer;
    if (encoding) {
      result += decoder.write(readBuffer);
    } else if (size !== 0) {
      offset = totalRead;
    } else {
      buffers ??= [];
      // Unknown file size requires chunks.
      buffers.push(readBuffer);
      buffer = Buffer.allocUnsafeSlow(kReadFileUnknownBufferLength);
    }
  }
}

// All of the functions are defined as async in order to ensure that errors
// thrown cause promise rejections rather than being thrown synchronously.
async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  mode = getValidFileMode(mode, 'access');

  return await call(binding.access(pathModule.toNamespacedPath(path), mode, kUsePromises));
}

let cpPromises;
async function cp(src, dest, options) {
  options = validateCpOptions(options);
  src = pathModule.toNamespacedPath(getValidatedPath(src, 'src'));
  dest = pathModule.toNamespacedPath(getValidatedPath(dest, 'dest'));
  cpPromises ??= require('internal/fs/cp/cp').cpFn;
  return cpPromises(src, dest, options);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidFileMode(mode, 'copyFile');
  return await call(binding.copyFile(pathModule.toNamespacedPath(src),
                                     pathModule.toNamespacedPath(dest),
                                     mode,
                                     kUsePromises));
}

// Note that unlike fs.open() which uses numeric file descriptors,
// fsPromises.open() uses the fs.FileHandle class.
async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  const fd = await call(binding.open(pathModule.toNamespacedPath(path),
                                     flagsNumber, mode, kUsePromises));
  return new FileHandle(new FileHandleNative(fd));
}

let opendirPromise;
function opendir(path, options) {
  opendirPromise ??= promisify(require('internal/fs/dir').opendir);
  return opendirPromise(path, options);
}

async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    // This is fh.read(params)
    if (bufferOrParams !== undefined) {
      validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
    }
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);

    validateBuffer(buffer);
  }

  if (offset !== null && typeof offset === 'object') {
    // This is fh.read(buffer, options)
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offset);
  }

  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }

  length ??= buffer.byteLength - offset;

  if (length === 0)
    return { __proto__: null, bytesRead: length, buffer };

  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer,
                                    'is empty and cannot be written');
  }

  validateOffsetLengthRead(offset, length, buffer.byteLength);

  if (!Number.isSafeInteger(position))
    position = -1;

  const bytesRead = (await call(
    binding.read(handle.fd, buffer, offset, length, position, kUsePromises))) || 0;

  return { __proto__: null, bytesRead, buffer };
}

async function readv(handle, buffers, position) {
  validateBufferArray(buffers);

  if (typeof position !== 'number')
    position = null;

  const bytesRead = (await call(
    binding.readBuffers(handle.fd, buffers, position, kUsePromises))) || 0;
  return { __proto__: null, bytesRead, buffers };
}

// The binding encodes utf8, latin1/binary/ascii and ucs2 itself (see fs.js).
function isNativeStringEncoding(encoding) {
  switch (encoding) {
    case undefined: case null: case 'utf8': case 'utf-8':
    case 'latin1': case 'binary': case 'ascii':
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
      return true;
  }
  return false;
}

async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0)
    return { __proto__: null, bytesWritten: 0, buffer };

  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }

    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number')
      length = buffer.byteLength - offset;
    if (typeof position !== 'number')
      position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytesWritten = (await call(
      binding.writeBuffer(handle.fd, buffer, offset, length, position, kUsePromises))) || 0;
    return { __proto__: null, bytesWritten, buffer };
  }

  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer, length);
  let written;
  if (isNativeStringEncoding(length)) {
    written = binding.writeString(handle.fd, buffer, offset, length, kUsePromises);
  } else {
    const data = Buffer.from(buffer, length);
    written = binding.writeBuffer(handle.fd, data, 0, data.byteLength, offset, kUsePromises);
  }
  const bytesWritten = (await call(written)) || 0;
  return { __proto__: null, bytesWritten, buffer };
}

async function writev(handle, buffers, position) {
  validateBufferArray(buffers);

  if (typeof position !== 'number')
    position = null;

  if (buffers.length === 0) {
    return { __proto__: null, bytesWritten: 0, buffers };
  }

  const bytesWritten = (await call(
    binding.writeBuffers(handle.fd, buffers, position, kUsePromises))) || 0;
  return { __proto__: null, bytesWritten, buffers };
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return await call(binding.rename(pathModule.toNamespacedPath(oldPath),
                                   pathModule.toNamespacedPath(newPath),
                                   kUsePromises));
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return handleFdClose(ftruncate(fd, len), fd.close);
}

async function ftruncate(handle, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  return await call(binding.ftruncate(handle.fd, len, kUsePromises));
}

async function rm(path, options) {
  path = pathModule.toNamespacedPath(getValidatedPath(path));
  options = await validateRmOptionsPromise(path, options, false);
  return lazyRimRaf()(path, options);
}

async function rmdir(path, options) {
  path = pathModule.toNamespacedPath(getValidatedPath(path));
  options = validateRmdirOptions(options);

  if (options.recursive) {
    emitRecursiveRmdirWarning();
    const stats = await stat(path);
    if (stats.isDirectory()) {
      return lazyRimRaf()(path, options);
    }
  }

  return await call(binding.rmdir(path, kUsePromises));
}

async function fdatasync(handle) {
  return await call(binding.fdatasync(handle.fd, kUsePromises));
}

async function fsync(handle) {
  return await call(binding.fsync(handle.fd, kUsePromises));
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') {
    options = { mode: options };
  }
  const {
    recursive = false,
    mode = 0o777,
  } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');

  return await call(binding.mkdir(pathModule.toNamespacedPath(path),
                                  parseFileMode(mode, 'mode', 0o777), recursive,
                                  kUsePromises));
}

async function readdirBinding(path, encoding, withFileTypes) {
  const result = await call(binding.readdir(pathModule.toNamespacedPath(path), encoding,
                                            withFileTypes, kUsePromises));
  return decodeReaddirResult(result, encoding, withFileTypes);
}

async function readdirRecursive(originalPath, options) {
  const result = [];
  const queue = [
    [
      originalPath,
      await readdirBinding(originalPath, options.encoding, !!options.withFileTypes),
    ],
  ];


  if (options.withFileTypes) {
    while (queue.length > 0) {
      // If we want to implement BFS make this a `shift` call instead of `pop`
      const { 0: path, 1: readdir } = queue.pop();
      for (const dirent of getDirents(path, readdir)) {
        result.push(dirent);
        if (dirent.isDirectory()) {
          const direntPath = pathModule.join(path, dirent.name);
          queue.push([
            direntPath,
            await readdirBinding(direntPath, options.encoding, true),
          ]);
        }
      }
    }
  } else {
    while (queue.length > 0) {
      const { 0: path, 1: readdir } = queue.pop();
      for (const ent of readdir) {
        const direntPath = pathModule.join(path, ent);
        const stat = binding.internalModuleStat(direntPath);
        result.push(pathModule.relative(originalPath, direntPath));
        if (stat === 1) {
          queue.push([
            direntPath,
            await readdirBinding(direntPath, options.encoding, false),
          ]);
        }
      }
    }
  }

  return result;
}

async function readdir(path, options) {
  options = getOptions(options);

  // Make shallow copy to prevent mutating options from affecting results
  options = copyObject(options);

  path = getValidatedPath(path);
  if (options.recursive) {
    return readdirRecursive(path, options);
  }
  const result = await readdirBinding(path, options.encoding, !!options.withFileTypes);
  return options.withFileTypes ?
    getDirectoryEntriesPromise(path, result) :
    result;
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const result = await call(binding.readlink(pathModule.toNamespacedPath(path),
                                             options.encoding, kUsePromises));
  return decodeName(result, options.encoding);
}

async function symlink(target, path, type_) {
  const type = (typeof type_ === 'string' ? type_ : null);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return await call(binding.symlink(preprocessSymlinkDestination(target, type, path),
                                    pathModule.toNamespacedPath(path),
                                    stringToSymlinkType(type),
                                    kUsePromises));
}

async function fstat(handle, options = { bigint: false }) {
  const result = await call(binding.fstat(handle.fd, options.bigint, kUsePromises));
  return getStatsFromBinding(result);
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const result = await call(binding.lstat(pathModule.toNamespacedPath(path),
                                          options.bigint, kUsePromises));
  return getStatsFromBinding(result);
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const result = await call(binding.stat(pathModule.toNamespacedPath(path),
                                         options.bigint, kUsePromises));
  return getStatsFromBinding(result);
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const result = await call(binding.statfs(pathModule.toNamespacedPath(path),
                                           options.bigint, kUsePromises));
  return getStatFsFromBinding(result);
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return await call(binding.link(pathModule.toNamespacedPath(existingPath),
                                 pathModule.toNamespacedPath(newPath),
                                 kUsePromises));
}

async function unlink(path) {
  path = getValidatedPath(path);
  return await call(binding.unlink(pathModule.toNamespacedPath(path), kUsePromises));
}

async function fchmod(handle, mode) {
  mode = parseFileMode(mode, 'mode');
  return await call(binding.fchmod(handle.fd, mode, kUsePromises));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return await call(binding.chmod(pathModule.toNamespacedPath(path), mode, kUsePromises));
}

async function lchmod(path, mode) {
  if (O_SYMLINK === undefined)
    throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');

  const fd = await open(path, O_WRONLY | O_SYMLINK);
  return handleFdClose(fchmod(fd, mode), fd.close);
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return await call(binding.lchown(pathModule.toNamespacedPath(path), uid, gid,
                                   kUsePromises));
}

async function fchown(handle, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return await call(binding.fchown(handle.fd, uid, gid, kUsePromises));
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return await call(binding.chown(pathModule.toNamespacedPath(path), uid, gid,
                                  kUsePromises));
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return await call(binding.utimes(pathModule.toNamespacedPath(path),
                                   toUnixTimestamp(atime),
                                   toUnixTimestamp(mtime),
                                   kUsePromises));
}

async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  return await call(binding.futimes(handle.fd, atime, mtime, kUsePromises));
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return await call(binding.lutimes(pathModule.toNamespacedPath(path),
                                    toUnixTimestamp(atime),
                                    toUnixTimestamp(mtime),
                                    kUsePromises));
}

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const result = await call(binding.realpath(pathModule.toNamespacedPath(path),
                                             options.encoding, kUsePromises));
  return decodeName(result, options.encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);

  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);

  const result = await call(binding.mkdtemp(prefix, options.encoding, kUsePromises));
  return decodeName(result, options.encoding);
}

async function writeFile(path, data, options) {
  options = getOptions(options, {
    encoding: 'utf8',
    mode: 0o666,
    flag: 'w',
    flush: false,
  });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;

  validateBoolean(flush, 'options.flush');

  if (!isArrayBufferView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, options.encoding || 'utf8');
  }

  validateAbortSignal(options.signal);
  if (path instanceof FileHandle)
    return writeFileHandle(path, data, options.signal, options.encoding);

  checkAborted(options.signal);

  const fd = await open(path, flag, options.mode);
  let writeOp = writeFileHandle(fd, data, options.signal, options.encoding);

  if (flush) {
    writeOp = handleFdSync(writeOp, fd);
  }

  return handleFdClose(writeOp, fd.close);
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';

  if (path instanceof FileHandle)
    return readFileHandle(path, options);

  checkAborted(options.signal);

  if (!options.signal) {
    // The whole read in one binding call (open, stat, reads and close chained natively).
    path = getValidatedPath(path);
    const result = await call(binding.readFileAll(pathModule.toNamespacedPath(path),
                                                  stringToFlags(flag), kUsePromises));
    if (typeof result === 'number') throw new ERR_FS_FILE_TOO_LARGE(result);
    const buffer = Buffer.from(result.buffer, result.byteOffset, result.byteLength);
    return options.encoding ? buffer.toString(options.encoding) : buffer;
  }

  const fd = await open(path, flag, 0o666);
  return handleFdClose(readFileHandle(fd, options), fd.close);
}

async function* watch(filename, options = kEmptyObject) {
  validateObject(options, 'options');

  if (options.recursive != null) {
    validateBoolean(options.recursive, 'options.recursive');

    // inotify watches one directory level: recursion is a watch per directory (as node).
    if (options.recursive) {
      const { FSWatcher } = require('internal/fs/recursive_watch');
      const { kFSWatchStart } = require('internal/fs/watchers');
      const watcher = new FSWatcher(options);
      watcher[kFSWatchStart](filename);
      yield* watcher;
      return;
    }
  }

  yield* require('internal/fs/watchers').watch(filename, options);
}

module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    open,
    opendir,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    writeFile,
    appendFile,
    readFile,
    watch,
    constants,
  },

  FileHandle,
  kRef,
  kUnref,
};
