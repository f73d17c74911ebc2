'use strict';
// rm and rmdir, as rows of the operation table (ops.js): a file, a link or, recursively, a
// whole tree (links are removed, never followed). A tree is walked with raw byte names, so
// entries whose names are not UTF-8 go too. Removals failing with a transient error (EBUSY,
// EMFILE, ENFILE, ENOTEMPTY, EPERM) are retried maxRetries times, retryDelay * attempt apart.

const { Buffer } = require('buffer');
const {
  codes: { ERR_FS_EISDIR },
} = require('internal/errors');
const {
  validateBoolean, validateInt32, validateObject, validateUint32,
} = require('internal/validators');
const { kNoOptions, toPath } = require('internal/fs/args');
const { pause, step } = require('internal/fs/run');
const { define, isDirMode } = require('internal/fs/ops');

const binding = internalBinding('fs');
const { UV_DIRENT_DIR, UV_DIRENT_UNKNOWN } = internalBinding('constants').fs;
const { EISDIR } = internalBinding('constants').os.errno;

const kRetryCodes = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);
const kSlash = Buffer.from('/');

const isDirStep = (path) => step(binding.lstat, [path, false], (a) => isDirMode(a[1]));

function childPath(dir, name) {
  const parts = dir[dir.length - 1] === kSlash[0] ? [dir, name] : [dir, kSlash, name];
  return Buffer.concat(parts);
}

// Runs the removal `attempt()` (a generator), retrying as described above; an entry that is
// already gone counts as removed.
function* retrying(attempt, maxRetries, retryDelay) {
  for (let tries = 1; ; tries++) {
    try {
      return yield* attempt();
    } catch (err) {
      if (err.code === 'ENOENT') return;
      if (!kRetryCodes.has(err.code) || tries > maxRetries) throw err;
      yield pause(retryDelay * tries);
    }
  }
}

// Removes the directory `dir` (bytes) and everything under it.
function* removeTree(dir, maxRetries, retryDelay) {
  for (let tries = 1; ; tries++) {
    let names;
    let types;
    try {
      [names, types] = yield step(binding.readdir, [dir, 'buffer', true]);
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
    for (let i = 0; i < names.length; i++) {
      const child = childPath(dir, names[i]);
      let isDir = types[i] === UV_DIRENT_DIR;
      if (types[i] === UV_DIRENT_UNKNOWN) {
        try {
          isDir = yield isDirStep(child);
        } catch (err) {
          if (err.code === 'ENOENT') continue;
          throw err;
        }
      }
      if (isDir) {
        yield* removeTree(child, maxRetries, retryDelay);
      } else {
        yield* retrying(function*() { yield step(binding.unlink, [child]); },
                        maxRetries, retryDelay);
      }
    }
    try {
      yield step(binding.rmdir, [dir]);
      return;
    } catch (err) {
      // ENOTEMPTY: something was created meanwhile; the next try removes it too.
      if (err.code === 'ENOENT') return;
      if (!kRetryCodes.has(err.code) || tries > maxRetries) throw err;
      yield pause(retryDelay * tries);
    }
  }
}

const toBytes = (path) => (typeof path === 'string' ? Buffer.from(path) : path);

function retryOptions(options) {
  const { maxRetries = 0, retryDelay = 100 } = options;
  validateUint32(maxRetries, 'options.maxRetries');
  validateInt32(retryDelay, 'options.retryDelay', 0);
  return [maxRetries, retryDelay];
}

// rm(path, { force, recursive, maxRetries, retryDelay })
define('rm', [2, 3, 2], (path, options) => {
  path = toPath(path);
  if (options === undefined) {
    options = kNoOptions;
  } else {
    validateObject(options, 'options');
  }
  const { recursive = false, force = false } = options;
  validateBoolean(recursive, 'options.recursive');
  validateBoolean(force, 'options.force');
  return [path, recursive, force, ...retryOptions(options)];
}, function* rm(how, path, recursive, force, maxRetries, retryDelay) {
  let isDir;
  try {
    isDir = yield isDirStep(path);
  } catch (err) {
    if (force && err.code === 'ENOENT') return;
    throw err;
  }
  if (!isDir) {
    yield* retrying(function*() { yield step(binding.unlink, [path]); }, maxRetries, retryDelay);
    return;
  }
  if (!recursive) {
    throw new ERR_FS_EISDIR({
      code: 'EISDIR',
      message: 'is a directory',
      path: String(path),
      syscall: 'rm',
      errno: EISDIR,
    });
  }
  yield* removeTree(toBytes(path), maxRetries, retryDelay);
}, { paramsFirst: true });

// rmdir(path, { recursive, maxRetries, retryDelay }); recursive is deprecated (DEP0147).
let recursiveWarned = false;
define('rmdir', [2, 3, 2], (path, options) => {
  path = toPath(path);
  if (options === undefined) return [path, false, 0, 0];
  validateObject(options, 'options');
  const { recursive = false } = options;
  validateBoolean(recursive, 'options.recursive');
  const retry = retryOptions(options);
  if (recursive && !recursiveWarned) {
    recursiveWarned = true;
    process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
                        'will be removed. Use fs.rm(path, { recursive: true }) instead',
                        'DeprecationWarning', 'DEP0147');
  }
  return [path, recursive, ...retry];
}, (how, path, recursive, maxRetries, retryDelay) => {
  if (!recursive) return step(binding.rmdir, [path]);
  return (function* rmdirTree() {
    if (!(yield isDirStep(path))) {
      yield step(binding.rmdir, [path]);  // ENOTDIR, as node.
      return;
    }
    yield* removeTree(toBytes(path), maxRetries, retryDelay);
  })();
});
