'use strict';
// node:fs/promises (also fs.promises): the promise rows of the fs operation table
// (internal/fs/api), FileHandle for open(), and the whole-file functions, which also take a
// FileHandle and (writeFile, appendFile) iterables of chunks.

const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { toFd, toOptions, toPath } = require('internal/fs/args');
const { named, uvError } = require('internal/fs/run');
const { cpEntry, promise } = require('internal/fs/api');
const { FileHandle, checkWhole, isIterable, writeWhole } = require('internal/fs/file_handle');
const { kAppendDefaults, kWriteDefaults } = require('internal/fs/whole_file');
const { watchAsync } = require('internal/fs/watch');

const { EBADF } = internalBinding('constants').os.errno;

function open(path, flags, mode) {
  return promise.open(path, flags, mode).then((fd) => new FileHandle(fd));
}

// A closed FileHandle fails as node's: readFile on its fd (-1) is an argument error, a write
// to it EBADF.
function closedHandleError(syscall) {
  if (syscall === 'write') return uvError({ errno: -EBADF, syscall });
  try {
    toFd(-1);
  } catch (err) {
    return err;
  }
}

function readFile(path, options) {
  if (path instanceof FileHandle) {
    if (path.fd === -1) return Promise.reject(closedHandleError('read'));
    return path.readFile(options);
  }
  if (typeof path === 'number') {
    // fs.promises takes no fd: a number is a bad path (the table's row would read the fd).
    try {
      toPath(path);
    } catch (err) {
      return Promise.reject(err);
    }
  }
  return promise.readFile(path, options);
}

// writeFile/appendFile: strings and ArrayBufferViews as the table's rows; a FileHandle or
// iterable data through FileHandle's writer.
function whole(name, defaults) {
  return named(async function(path, data, options) {
    if (path instanceof FileHandle) {
      if (path.fd === -1) throw closedHandleError('write');
      return path.writeFile(data, toOptions(options, defaults));
    }
    if (typeof data === 'string' || ArrayBuffer.isView(data) || !isIterable(data)) {
      return promise[name](path, data, options);
    }
    const opts = toOptions(options, defaults);
    checkWhole(data, opts);
    const handle = await open(path, name === 'appendFile' && !opts.flag ? 'a' : opts.flag,
                              opts.mode);
    try {
      await writeWhole(handle.fd, data, opts);
    } finally {
      await handle.close();
    }
  }, name, 3);
}

async function lchmod(path, mode) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

module.exports = {
  access: promise.access,
  copyFile: promise.copyFile,
  cp: cpEntry('promise', 'cp', 3),
  open,
  opendir: promise.opendir,
  rename: promise.rename,
  truncate: named(promise.truncate, 'truncate', 1),
  rm: promise.rm,
  rmdir: promise.rmdir,
  mkdir: promise.mkdir,
  readdir: promise.readdir,
  readlink: promise.readlink,
  symlink: promise.symlink,
  lstat: promise.lstat,
  stat: promise.stat,
  statfs: promise.statfs,
  link: promise.link,
  unlink: promise.unlink,
  chmod: promise.chmod,
  lchmod,
  lchown: promise.lchown,
  chown: promise.chown,
  utimes: promise.utimes,
  lutimes: promise.lutimes,
  realpath: promise.realpath,
  mkdtemp: promise.mkdtemp,
  writeFile: whole('writeFile', kWriteDefaults),
  appendFile: whole('appendFile', kAppendDefaults),
  readFile,
  watch: watchAsync,
  constants: internalBinding('constants').fs,
};
