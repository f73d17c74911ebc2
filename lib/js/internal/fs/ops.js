'use strict';
// The operation table of node:fs. Each row names an operation, checks and converts its
// arguments (args.js), and describes what it runs: one binding call (a Step) or a generator
// of calls (run.js). From each row come the three variants:
//
//   fooSync(...args)        sync.fooSync
//   foo(...args, callback)  callback.foo   (the callback is the first function argument)
//   foo(...args)            promise.foo    (async: argument errors reject too)
//
// A row's body also receives how it runs (SYNC, CALLBACK or PROMISE) for the few operations
// whose behaviour differs between the variants as node's does.

const { Buffer } = require('buffer');
const pathModule = require('path');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateBoolean, validateFunction } = require('internal/validators');
const { customPromisifyArgs, kCustomPromisifiedSymbol } = require('internal/util');
const { Dirent, direntTypeOf, statFsFromArray, statsFromArray } = require('internal/fs/stats');
const {
  kNoOptions, loosePosition, readArgs, toFd, toFlags, toId, toLength, toMode, toNativeFd,
  toOptions, toPath, toSmallMode, toSymlinkFlags, toUnixTimestamp, toView, toViews, writeViewArgs,
} = require('internal/fs/args');
const { Step, named, runCallback, runPromise, runSync, step, uvError } = require('internal/fs/run');

const binding = internalBinding('fs');
const { F_OK, O_RDWR, S_IFMT, S_IFDIR, UV_DIRENT_UNKNOWN } =
  internalBinding('constants').fs;
const { EINVAL } = internalBinding('constants').os.errno;

const SYNC = 0;
const CALLBACK = 1;
const PROMISE = 2;

const sync = { __proto__: null };
const callback = { __proto__: null };
const promise = { __proto__: null };

// Splits the callback (the first function argument after the `required` ones: fs.stat(fn, cb)
// complains about the path, fs.rename(fn, fn) about the callback, as node) off `args`, with
// whatever followed it. Without one: `fallback` if the callback's place is empty, else null.
// With `last`, a function in the last place is the callback whatever precedes it ('always':
// whatever the last is).
function splitCallback(args, params, fallback, last, required) {
  if (last === 'always') return args.pop();
  if (last === 'positional') {
    return typeof args[params] === 'function' ? args.splice(params)[0] : null;
  }
  if (last && args.length > 1 && typeof args[args.length - 1] === 'function') {
    return args.pop();
  }
  for (let i = required; i < args.length; i++) {
    if (typeof args[i] === 'function') {
      const cb = args[i];
      args.length = i;
      return cb;
    }
  }
  return fallback !== undefined && args[params] === undefined ? fallback : null;
}

// define(name, [sync, callback, promise lengths], prepare, body, options):
//   prepare(...userArgs) -> the checked arguments (an array)
//   body(how, ...checked) -> a Step or a generator of Steps
//   options.params: how many arguments precede the callback (default prepare.length)
//   options.paramsFirst: the arguments are checked before the callback (else after), as node
//   options.early(...userArgs): checks made before the callback's in any case
//   options.cbName: the callback's name in errors ('cb')
//   options.spread(value, checked) -> the callback's values after err (default [value])
//   options.fallback: the callback when none is given (close)
//   options.makeOp(how, checked): makes the operation when `body` is null (simple rows)
//   options.cbLast(args): whether a function in the last place is the callback (read, write);
//     'always': the last argument is the callback (symlink); 'positional': the one after the
//     params is, whatever they are (fchmod, fchown, futimes)
//   options.required: how many leading arguments can never be the callback (default 1)
function define(name, lengths, prepare, body, options = kNoOptions) {
  const { spread, fallback, paramsFirst, early, cbLast, cbName = 'cb', required = 1 } = options;
  const params = options.params ?? prepare.length;
  const makeOp = body === null ? options.makeOp : (how, checked) => body(how, ...checked);
  sync[`${name}Sync`] = named(function(...args) {
    return runSync(makeOp(SYNC, prepare(...args)));
  }, `${name}Sync`, lengths[0]);
  callback[name] = named(function(...args) {
    if (early !== undefined) early(...args);
    const last = cbLast?.(args);
    const cb = splitCallback(args, params, fallback, last, required);
    if (last === 'always') {
      validateFunction(cb, cbName);
    } else if (cb === null && !paramsFirst) {
      validateFunction(args[params], cbName);
    }
    const checked = prepare(...args);
    if (cb === null) validateFunction(args[params], cbName);
    const op = makeOp(CALLBACK, checked);
    if (spread === undefined) return runCallback(op, cb);
    runCallback(op, (err, value) => (err ? cb(err) : cb(null, ...spread(value, checked))));
  }, name, lengths[1]);
  promise[name] = named(function(...args) {
    try {
      return runPromise(makeOp(PROMISE, prepare(...args)));
    } catch (err) {
      return Promise.reject(err);  // Argument errors are rejections too.
    }
  }, name, lengths[2] ?? lengths[1] - 1);
}

// A row that is one binding call with the checked arguments; `map(checked)` may give the
// function turning the binding's value into the API's.
function simple(name, lengths, prepare, fn, map, options = kNoOptions) {
  const makeOp = map === undefined ?
    (how, checked) => new Step(fn, checked) :
    (how, checked) => new Step(fn, checked, map(checked));
  define(name, lengths, prepare, null, { ...options, makeOp });
}

// Names (readdir, readlink, realpath, mkdtemp) come from the binding as strings for UTF-8 and
// latin1 and as bytes otherwise; this gives them in the requested encoding.
function decodeName(value, encoding) {
  if (typeof value === 'string') return value;
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}
const nameDecoder = (encoding) => (value) => decodeName(value, encoding);
const namesDecoder = (encoding) => (names) => names.map((name) => decodeName(name, encoding));
const encodingOf = (options) => toOptions(options).encoding;

const statMap = (value) => statsFromArray(value);
const optionsOrDefault = (options) => (options === undefined ? kNoOptions : options);

// --- metadata ------------------------------------------------------------------------------

const kParamsFirst = { paramsFirst: true };
const kPositional = { paramsFirst: true, cbLast: () => 'positional' };

simple('access', [2, 3, 1], (path, mode) => [toPath(path), toSmallMode(mode, F_OK)],
       binding.access, undefined, kParamsFirst);

simple('chmod', [2, 3, 2], (path, mode) => [toPath(path), toMode(mode)], binding.chmod,
       undefined, kParamsFirst);

simple('fchmod', [2, 3], (fd, mode) => {
  mode = toMode(mode);
  return [toNativeFd(fd), mode];
}, binding.fchmod, undefined, kPositional);

simple('chown', [3, 4, 3], (path, uid, gid) => [toPath(path), toId(uid, 'uid'), toId(gid, 'gid')],
       binding.chown);

simple('lchown', [3, 4, 3],
       (path, uid, gid) => [toPath(path), toId(uid, 'uid'), toId(gid, 'gid')], binding.lchown);

simple('fchown', [3, 4], (fd, uid, gid) => {
  uid = toId(uid, 'uid');
  gid = toId(gid, 'gid');
  return [toNativeFd(fd), uid, gid];
}, binding.fchown, undefined, kPositional);

simple('utimes', [3, 4, 3],
       (path, atime, mtime) => [toPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime)],
       binding.utimes);

simple('lutimes', [3, 4, 3],
       (path, atime, mtime) => [toPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime)],
       binding.lutimes);

simple('futimes', [3, 4], (fd, atime, mtime) => {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  return [toNativeFd(fd), atime, mtime];
}, binding.futimes, undefined, kPositional);

// stat/lstat/fstat/statfs take { bigint } (read even from null, as node).
const bigintOf = (options) => optionsOrDefault(options).bigint === true;

simple('stat', [1, 1, 1], (path, options) => [toPath(path), bigintOf(options)],
       binding.stat, () => statMap);
simple('lstat', [1, 1, 1], (path, options) => [toPath(path), bigintOf(options)],
       binding.lstat, () => statMap);
simple('fstat', [1, 1, 1], (fd, options) => [toNativeFd(fd), bigintOf(options)],
       binding.fstat, () => statMap);
simple('statfs', [1, 1, 1], (path, options) => [toPath(path), bigintOf(options)],
       binding.statfs, () => statFsFromArray);

// statSync/lstatSync: { throwIfNoEntry: false } gives undefined for a missing entry.
for (const name of ['stat', 'lstat']) {
  const fn = binding[name];
  sync[`${name}Sync`] = named(function(path, options = kNoOptions) {
    const ctx = {};
    const value = fn(toPath(path), options.bigint === true, undefined, ctx);
    if (ctx.errno !== undefined) {
      if (options.throwIfNoEntry === false && ctx.code === 'ENOENT') return undefined;
      throw uvError(ctx);
    }
    return statsFromArray(value);
  }, `${name}Sync`, 1);
}

// --- names ---------------------------------------------------------------------------------

simple('rename', [2, 3, 2],
       (oldPath, newPath) => [toPath(oldPath, 'oldPath'), toPath(newPath, 'newPath')],
       binding.rename, undefined, { required: 2 });

simple('link', [2, 3, 2],
       (existingPath, newPath) =>
         [toPath(existingPath, 'existingPath'), toPath(newPath, 'newPath')],
       binding.link, undefined, { required: 2 });

simple('symlink', [3, 4, 3], (target, path, type) => {
  target = toPath(target, 'target');
  path = toPath(path);
  return [target, path, toSymlinkFlags(type)];
}, binding.symlink, undefined, { cbLast: () => 'always' });

simple('unlink', [1, 2, 1], (path) => [toPath(path)], binding.unlink);

// node names readlink's path 'oldPath'.
simple('readlink', [2, 3, 2], (path, options) => [toPath(path, 'oldPath'), encodingOf(options)],
       binding.readlink, ([, encoding]) => nameDecoder(encoding));

simple('copyFile', [3, 4, 3],
       (src, dest, mode) => [toPath(src, 'src'), toPath(dest, 'dest'), toSmallMode(mode, 0)],
       binding.copyFile, undefined, kParamsFirst);

// A template ending with X is not portable (some systems take its Xs as part of the XXXXXX).
let trailingXWarned = false;
function mkdtempArgs(prefix, options) {
  prefix = toPath(prefix, 'prefix');
  const encoding = encodingOf(options);
  const last = prefix[prefix.length - 1];
  if (!trailingXWarned && (last === 'X' || last === 0x58)) {
    trailingXWarned = true;
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
  }
  return [prefix, encoding];
}
simple('mkdtemp', [2, 3, 2], mkdtempArgs, binding.mkdtemp,
       ([, encoding]) => nameDecoder(encoding));

// --- directories ---------------------------------------------------------------------------

function mkdirArgs(path, options) {
  path = toPath(path);
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = toMode(options, 0o777);
  } else if (options != null) {
    ({ recursive = false, mode = 0o777 } = options);
    validateBoolean(recursive, 'options.recursive');
    mode = toMode(mode, 0o777);
  }
  return [path, mode, recursive];
}
simple('mkdir', [2, 3, 2], mkdirArgs, binding.mkdir);

function readdirArgs(path, options) {
  path = toPath(path);
  options = toOptions(options);
  const recursive = options.recursive;
  if (recursive !== undefined) validateBoolean(recursive, 'options.recursive');
  return [path, options.encoding, !!options.withFileTypes, !!recursive];
}

const isDirMode = (mode) => (mode & S_IFMT) === S_IFDIR;
const joinName = (dir, name) => pathModule.join(String(dir), String(name));

// One directory's entries as Dirents; entries of unknown type are lstat'ed.
function* direntsOf(dir, encoding) {
  const [names, types] = yield step(binding.readdir, [dir, encoding, true]);
  const entries = [];
  for (let i = 0; i < names.length; i++) {
    let type = types[i];
    if (type === UV_DIRENT_UNKNOWN) {
      type = direntTypeOf(yield step(binding.lstat, [joinName(dir, names[i]), false], statMap));
    }
    entries.push(new Dirent(decodeName(names[i], encoding), type, dir));
  }
  return entries;
}

// readdir { recursive }: every entry under `root`, directories first level by level (the
// promise form takes the last directory found first, as node's). With names, links to
// directories are followed; with Dirents they are not.
function* readdirTree(how, root, encoding, withFileTypes) {
  const result = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = how === PROMISE ? pending.pop() : pending.shift();
    if (withFileTypes) {
      for (const entry of yield* direntsOf(dir, encoding)) {
        result.push(entry);
        if (entry.isDirectory()) pending.push(joinName(dir, entry.name));
      }
      continue;
    }
    const names = yield step(binding.readdir, [dir, encoding, false], namesDecoder(encoding));
    for (const name of names) {
      const full = joinName(dir, name);
      result.push(pathModule.relative(String(root), full));
      let isDir = false;
      try {
        isDir = yield step(binding.stat, [full, false], (a) => isDirMode(a[1]));
      } catch {
        // A dangling link or an entry gone meanwhile: not a directory to descend into.
      }
      if (isDir) pending.push(full);
    }
  }
  return result;
}

define('readdir', [2, 3, 2], readdirArgs, (how, path, encoding, withFileTypes, recursive) => {
  if (recursive) return readdirTree(how, path, encoding, withFileTypes);
  if (withFileTypes) return direntsOf(path, encoding);
  return step(binding.readdir, [path, encoding, false], namesDecoder(encoding));
});

// --- file descriptors ----------------------------------------------------------------------

simple('open', [3, 4, 3],
       (path, flags, mode) => [toPath(path), toFlags(flags), toMode(mode, 0o666)],
       binding.open, undefined, kParamsFirst);

function throwIfError(err) {
  if (err != null) throw err;
}
simple('close', [1, 1], (fd) => [toNativeFd(fd)], binding.close, undefined,
       { fallback: throwIfError });

simple('fsync', [1, 2], (fd) => [toNativeFd(fd)], binding.fsync);
simple('fdatasync', [1, 2], (fd) => [toNativeFd(fd)], binding.fdatasync);
// (f)truncate check `len` before the callback, the path or fd after.
const lenFirst = { early: (target, len) => (typeof len === 'function' ? 0 : toLength(len)) };
simple('ftruncate', [1, 1], (fd, len) => [toNativeFd(fd), toLength(len)], binding.ftruncate,
       undefined, lenFirst);

// truncate(path, len): open, ftruncate, close; an fd is deprecated and taken as ftruncate.
let truncateFdWarned = false;
function* truncatePath(path, len) {
  const fd = yield step(binding.open, [path, O_RDWR, 0o666]);
  try {
    yield step(binding.ftruncate, [fd, len]);
  } finally {
    yield step(binding.close, [fd]);
  }
}
define('truncate', [2, 3, 2], (path, len) => {
  if (typeof path === 'number') {
    if (!truncateFdWarned) {
      truncateFdWarned = true;
      process.emitWarning('Using fs.truncate with a file descriptor is deprecated. Please use ' +
                          'fs.ftruncate with a file descriptor instead.',
                          'DeprecationWarning', 'DEP0081');
    }
    return [toFd(path), toLength(len), true];
  }
  return [toPath(path), toLength(len), false];
}, (how, path, len, isFd) =>
  (isFd ? step(binding.ftruncate, [path, len]) : truncatePath(path, len)),
lenFirst);

// read(fd, buffer, offset, length, position) | read(fd, buffer, options) | read(fd, options)
// (callback form only): [fd, buffer, offset, length, position].
const kDefaultReadSize = 16384;
function readCallArgs(fd, buffer, offset, length, position, count) {
  fd = toFd(fd);
  if (count < 2 || buffer == null || (typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
    const options = buffer ?? kNoOptions;
    ({ buffer = Buffer.alloc(kDefaultReadSize) } = options);
    return [fd, ...readArgs(buffer, options, undefined, undefined, false)];
  }
  const hasLength = count > 3 && (offset === null || typeof offset !== 'object');
  return [fd, ...readArgs(buffer, offset, length, position, hasLength)];
}

function readBody(how, fd, buffer, offset, length, position) {
  if (length === 0) return readNothing();
  return step(binding.read, [fd, buffer, offset, length, position]);
}
function* readNothing() {
  return 0;
}

define('read', [5, 6], (...a) => readCallArgs(a[0], a[1], a[2], a[3], a[4], a.length), readBody, {
  params: 5,
  paramsFirst: true,
  cbLast: () => true,
  spread: (bytesRead, checked) => [bytesRead, checked[1]],
});
// readSync has no buffer-less form.
sync.readSync = named(function(fd, buffer, offset, length, position) {
  toFd(fd);
  const hasLength = arguments.length > 3 && (offset === null || typeof offset !== 'object');
  const [view, start, count, at] = readArgs(buffer, offset, length, position, hasLength);
  if (count === 0) return 0;
  const ctx = {};
  const bytesRead = binding.read(fd, view, start, count, at, undefined, ctx);
  if (ctx.errno !== undefined) throw uvError(ctx);
  return bytesRead;
}, 'readSync', 5);

function* readvEmpty() {
  throw uvError({ errno: -EINVAL, syscall: 'read' });
}
define('readv', [3, 4], (fd, buffers, position) =>
  [toFd(fd), toViews(buffers), loosePosition(position)],
(how, fd, buffers, position) => (buffers.length === 0 ? readvEmpty() :
  step(binding.readBuffers, [fd, buffers, position])),
{ paramsFirst: true, spread: (bytesRead, checked) => [bytesRead, checked[1]] });

// The string encodings the binding's writeString encodes itself.
const kNativeEncodings = new Set(['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2',
                                  'utf16le', 'utf-16le']);

// write(fd, buffer, offset, length, position) | write(fd, buffer, options) |
// write(fd, string, position, encoding): a Step; checked[1] is what the callback gets back.
function writeCallArgs(fd, buffer, offset, length, position) {
  fd = toFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    return [fd, buffer, ...writeViewArgs(buffer, offset, length, position)];
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'],
                                   buffer);
  }
  position = loosePosition(offset);
  let encoding = typeof length === 'string' ? length : 'utf8';
  if (!Buffer.isEncoding(encoding)) encoding = 'utf8';
  if (kNativeEncodings.has(encoding)) return [fd, buffer, buffer, position, encoding];
  if (encoding === 'hex' && buffer.length % 2 !== 0) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding,
                                    `is invalid for data of length ${buffer.length}`);
  }
  const bytes = Buffer.from(buffer, encoding);
  return [fd, buffer, bytes, 0, bytes.length, position];
}

function writeBody(how, fd, original, data, ...rest) {
  if (typeof data === 'string') return step(binding.writeString, [fd, data, rest[0], rest[1]]);
  return step(binding.writeBuffer, [fd, data, rest[0], rest[1], rest[2]]);
}

define('write', [5, 6], writeCallArgs, writeBody, {
  paramsFirst: true,
  cbLast: (args) => ArrayBuffer.isView(args[1]),
  spread: (written, checked) => [written, checked[1]],
});

function* writevEmpty() {
  return 0;
}
define('writev', [3, 4], (fd, buffers, position) =>
  [toFd(fd), toViews(buffers), loosePosition(position)],
(how, fd, buffers, position) => (buffers.length === 0 ? writevEmpty() :
  step(binding.writeBuffers, [fd, buffers, position])),
{ paramsFirst: true, spread: (written, checked) => [written, checked[1]] });

callback.read[customPromisifyArgs] = ['bytesRead', 'buffer'];
callback.readv[customPromisifyArgs] = ['bytesRead', 'buffers'];
callback.write[customPromisifyArgs] = ['bytesWritten', 'buffer'];
callback.writev[customPromisifyArgs] = ['bytesWritten', 'buffers'];

// --- exists --------------------------------------------------------------------------------

function existsSync(path) {
  try {
    path = toPath(path);
  } catch {
    return false;
  }
  return binding.existsSync(path);
}

function exists(path, cb) {
  validateFunction(cb, 'cb');
  try {
    path = toPath(path);
  } catch {
    process.nextTick(cb, false);
    return;
  }
  runCallback(step(binding.access, [path, F_OK]), (err) => cb(!err));
}
// A function named `exists`, as node's (util.promisify(fs.exists).name).
const existsPromisified = {
  exists: (path) => new Promise((resolve) => exists(path, resolve)),
}.exists;
Object.defineProperty(exists, kCustomPromisifiedSymbol, {
  __proto__: null,
  enumerable: false,
  value: existsPromisified,
});
callback.exists = exists;
sync.existsSync = existsSync;

module.exports = {
  PROMISE,
  SYNC,
  callback,
  decodeName,
  define,
  isDirMode,
  promise,
  readBody,
  statMap,
  sync,
  writeBody,
  writeCallArgs,
};
