'use strict';
// cp / cpSync / fs.promises.cp as one generator (a row of the operation table, ops.js): copy a
// file, a link or (recursive) a directory tree, with node's checks and ERR_FS_CP_* errors.
// Directories are created with the source's mode and get it set again once filled; files go
// through copyFile (with options.mode), then get the source's mode (and its times with
// preserveTimestamps); links are recreated, relative targets made absolute unless
// verbatimSymlinks. options.filter(src, dest) decides per entry; the asynchronous forms await
// what it returns, the sync form refuses a promise.

const pathModule = require('path');
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_EEXIST,
    ERR_FS_CP_EINVAL,
    ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_CP_SOCKET,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
    ERR_FS_CP_UNKNOWN,
    ERR_FS_EISDIR,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateObject } = require('internal/validators');
const { isPromise } = require('internal/util/types');
const { kNoOptions, toPathString } = require('internal/fs/args');
const { step } = require('internal/fs/run');
const { SYNC, define, statMap } = require('internal/fs/ops');

const binding = internalBinding('fs');
const { EEXIST, EINVAL, EISDIR, ENOTDIR } = internalBinding('constants').os.errno;

const kBooleans = ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive',
                   'verbatimSymlinks'];

function cpOptions(options) {
  if (options === undefined) options = kNoOptions;
  else validateObject(options, 'options');
  // A boolean given, even as undefined, must be a boolean (node spreads options on defaults).
  const opts = { force: true };
  for (const key of kBooleans) {
    if (!(key in options)) continue;
    validateBoolean(options[key], `options.${key}`);
    opts[key] = options[key];
  }
  if (options.filter !== undefined) {
    validateFunction(options.filter, 'options.filter');
    opts.filter = options.filter;
  }
  opts.mode = 0;
  if (options.mode != null) {
    const mode = options.mode;
    if (typeof mode !== 'number') throw new ERR_INVALID_ARG_TYPE('mode', 'integer', mode);
    if (!Number.isInteger(mode) || mode < 0 || mode > 7) {
      throw new ERR_OUT_OF_RANGE('mode', '>= 0 && <= 7', mode);
    }
    opts.mode = mode;
  }
  if (opts.dereference && opts.verbatimSymlinks) {
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  return opts;
}

// ERR_FS_CP_* errors carry a system-error context.
const cpError = (Code, message, path, errno, code) =>
  new Code({ message, path, syscall: 'cp', errno, code });

const statStep = (path, follow) =>
  step(follow ? binding.stat : binding.lstat, [path, false], statMap);

function* statOrNull(path, follow) {
  try {
    return yield statStep(path, follow);
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

const sameFile = (a, b) => b !== null && a.ino === b.ino && a.dev === b.dev;

// Whether `dest` is `src` or lies under it.
function isSubdir(src, dest) {
  const srcParts = pathModule.resolve(src).split(pathModule.sep).filter(Boolean);
  const destParts = pathModule.resolve(dest).split(pathModule.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

function* allowed(how, opts, src, dest) {
  if (opts.filter === undefined) return true;
  let keep = opts.filter(src, dest);
  if (isPromise(keep)) {
    if (how === SYNC) throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', keep);
    keep = yield keep;
  }
  return keep;
}

// The stats of src and dest (null if dest is missing), refusing impossible copies.
function* checkPaths(src, dest, opts) {
  const srcStat = yield statStep(src, opts.dereference);
  const destStat = yield* statOrNull(dest, opts.dereference);
  if (destStat !== null) {
    if (sameFile(srcStat, destStat)) {
      throw cpError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, EINVAL, 'EINVAL');
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_DIR_TO_NON_DIR,
                    `cannot overwrite non-directory ${dest} with directory ${src}`,
                    dest, EISDIR, 'EISDIR');
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_NON_DIR_TO_DIR,
                    `cannot overwrite directory ${dest} with non-directory ${src}`,
                    dest, ENOTDIR, 'ENOTDIR');
    }
  }
  if (srcStat.isDirectory() && isSubdir(src, dest)) {
    throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`,
                  dest, EINVAL, 'EINVAL');
  }
  return [srcStat, destStat];
}

// No existing ancestor of dest (up to src's parent) may be src itself (through links).
function* checkAncestors(src, srcStat, dest) {
  const stop = pathModule.resolve(pathModule.dirname(src));
  let dir = pathModule.resolve(pathModule.dirname(dest));
  while (dir !== stop && dir !== pathModule.dirname(dir)) {
    const stat = yield* statOrNull(dir, true);
    if (stat === null) return;
    if (sameFile(srcStat, stat)) {
      throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`,
                    dest, EINVAL, 'EINVAL');
    }
    dir = pathModule.dirname(dir);
  }
}

function* copyFile(srcStat, destStat, src, dest, opts) {
  if (destStat !== null) {
    if (opts.force) {
      yield step(binding.unlink, [dest]);
    } else {
      if (opts.errorOnExist) {
        throw cpError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, EEXIST, 'EEXIST');
      }
      return;
    }
  }
  yield step(binding.copyFile, [src, dest, opts.mode]);
  const mode = srcStat.mode;
  if (opts.preserveTimestamps) {
    // The times can only be set on a file its owner may write.
    if ((mode & 0o200) === 0) yield step(binding.chmod, [dest, mode | 0o200]);
    const times = yield statStep(src, true);
    yield step(binding.utimes, [dest, times.atime.getTime() / 1000, times.mtime.getTime() / 1000]);
  }
  yield step(binding.chmod, [dest, mode]);
}

function* copyLink(destStat, src, dest, opts) {
  let target = yield step(binding.readlink, [src, 'utf8']);
  if (!opts.verbatimSymlinks && !pathModule.isAbsolute(target)) {
    target = pathModule.resolve(pathModule.dirname(src), target);
  }
  if (destStat === null) return yield step(binding.symlink, [target, dest, 0]);
  let destTarget;
  try {
    destTarget = yield step(binding.readlink, [dest, 'utf8']);
  } catch (err) {
    // dest is not a link: symlink() fails with EEXIST, as node's.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      return yield step(binding.symlink, [target, dest, 0]);
    }
    throw err;
  }
  if (!pathModule.isAbsolute(destTarget)) {
    destTarget = pathModule.resolve(pathModule.dirname(dest), destTarget);
  }
  if (isSubdir(target, destTarget)) {
    throw cpError(ERR_FS_CP_EINVAL,
                  `cannot copy ${target} to a subdirectory of self ${destTarget}`,
                  dest, EINVAL, 'EINVAL');
  }
  const srcTargetStat = yield statStep(src, true);
  if (srcTargetStat.isDirectory() && isSubdir(destTarget, target)) {
    throw cpError(ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
                  `cannot overwrite ${destTarget} with ${target}`, dest, EINVAL, 'EINVAL');
  }
  yield step(binding.unlink, [dest]);
  yield step(binding.symlink, [target, dest, 0]);
}

function* copyDir(how, srcStat, destStat, src, dest, opts) {
  if (destStat === null) yield step(binding.mkdir, [dest, srcStat.mode, false]);
  const names = yield step(binding.readdir, [src, 'utf8', false]);
  for (const name of names) {
    const srcItem = pathModule.join(src, name);
    const destItem = pathModule.join(dest, name);
    if (!(yield* allowed(how, opts, srcItem, destItem))) continue;
    const [itemStat, itemDestStat] = yield* checkPaths(srcItem, destItem, opts);
    yield* copyEntry(how, itemStat, itemDestStat, srcItem, destItem, opts);
  }
  if (destStat === null) yield step(binding.chmod, [dest, srcStat.mode]);
}

function* copyEntry(how, srcStat, destStat, src, dest, opts) {
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw new ERR_FS_EISDIR({
        message: `${src} is a directory (not copied)`,
        path: src,
        syscall: 'cp',
        errno: EISDIR,
        code: 'EISDIR',
      });
    }
    return yield* copyDir(how, srcStat, destStat, src, dest, opts);
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    return yield* copyFile(srcStat, destStat, src, dest, opts);
  }
  if (srcStat.isSymbolicLink()) return yield* copyLink(destStat, src, dest, opts);
  if (srcStat.isSocket()) {
    throw cpError(ERR_FS_CP_SOCKET, `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
  }
  if (srcStat.isFIFO()) {
    throw cpError(ERR_FS_CP_FIFO_PIPE, `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
  }
  throw cpError(ERR_FS_CP_UNKNOWN, `cannot copy an unknown file type: ${dest}`, dest, EINVAL,
                'EINVAL');
}

function* cp(how, src, dest, opts) {
  if (!(yield* allowed(how, opts, src, dest))) return;
  const [srcStat, destStat] = yield* checkPaths(src, dest, opts);
  yield* checkAncestors(src, srcStat, dest);
  const parent = pathModule.dirname(dest);
  if ((yield* statOrNull(parent, true)) === null) {
    yield step(binding.mkdir, [parent, 0o777, true]);
  }
  yield* copyEntry(how, srcStat, destStat, src, dest, opts);
}

define('cp', [3, 4, 3], (src, dest, options) => {
  src = toPathString(src, 'src');
  dest = toPathString(dest, 'dest');
  return [src, dest, cpOptions(options)];
}, cp, { spread: () => [undefined] });  // node's cp callback gets (null, undefined).
