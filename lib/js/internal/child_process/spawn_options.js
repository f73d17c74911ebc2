'use strict';
// Option handling shared by spawn() and spawnSync(): argument shapes, validation with node's
// error codes, the shell rewrite, the environment as KEY=value pairs, and the stdio list.
//
// The result is what internalBinding('process_wrap').Process#spawn and
// internalBinding('spawn_sync').spawn read: { file, args (argv with argv[0]), envPairs, cwd,
// detached, stdio: [{ type: 'pipe' | 'ignore' | 'fd', fd }] } plus the caller's other options.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  isInt32,
  validateBoolean,
  validateObject,
  validateString,
} = require('internal/validators');
const { convertToValidSignal, kEmptyObject } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const { Buffer } = require('buffer');

// Marks a stream handed to a child as its stdio.
const kUsedAsStdio = Symbol('kUsedAsStdio');

// exec*/spawnSync default: 1 MiB per pipe.
const kDefaultMaxBuffer = 1024 * 1024;

function rejectNullBytes(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

// options.cwd as a path string: a string, a Buffer or a file: URL, without null bytes.
function validatedCwd(cwd) {
  let path = cwd;
  if (path !== null && typeof path === 'object' && path.href !== undefined &&
      path.protocol !== undefined) {
    path = require('url').fileURLToPath(path);
  } else if (Buffer.isBuffer(path)) {
    path = path.toString();
  } else if (typeof path !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'Buffer', 'URL'], cwd);
  }
  if (path.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('options.cwd', cwd,
                                     'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

// A signal name or number as a number; undefined when not given.
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  }
  if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  }
  return undefined;
}

// posix_spawn cannot switch users; only the ids we already run as are accepted.
function checkIds(options) {
  if (options.uid != null && !isInt32(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.gid != null && !isInt32(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.uid != null && options.uid !== process.geteuid()) {
    throw new ERR_NOT_IMPLEMENTED('child_process with options.uid (another user)');
  }
  if (options.gid != null && options.gid !== process.getegid()) {
    throw new ERR_NOT_IMPLEMENTED('child_process with options.gid (another group)');
  }
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  rejectNullBytes(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');

  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  for (let i = 0; i < args.length; i++) rejectNullBytes(args[i], `args[${i}]`);

  if (options === undefined) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }
  // Own properties only: nothing is read from a tampered Object.prototype.
  options = { __proto__: null, ...options };

  let cwd = options.cwd;
  if (cwd != null) cwd = validatedCwd(cwd);
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  checkIds(options);
  if (options.shell != null && typeof options.shell !== 'boolean' &&
      typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    rejectNullBytes(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    rejectNullBytes(options.shell, 'options.shell');
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

  // Every enumerable key, inherited ones included, as node does.
  const env = options.env || process.env;
  const envPairs = [];
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    rejectNullBytes(key, `options.env['${key}']`);
    rejectNullBytes(value, `options.env['${key}']`);
    envPairs.push(`${key}=${value}`);
  }

  return {
    __proto__: null,
    ...options,
    args,
    cwd,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  };
}

const kStdioNames = ['ignore', 'pipe', 'inherit', 'overlapped'];

// The stdio option as a list of { type, fd?, input? } entries (at least three). `sync` allows
// buffers and strings as input entries (spawnSync).
function normalizeStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    if (!kStdioNames.includes(stdio)) throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    stdio = [stdio, stdio, stdio];
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  const list = stdio.slice();
  while (list.length < 3) list.push(undefined);
  let ipc = false;
  return list.map((entry, i) => {
    if (entry == null) entry = i < 3 ? 'pipe' : 'ignore';
    if (entry === 'ignore') return { __proto__: null, type: 'ignore' };
    if (entry === 'pipe' || entry === 'overlapped') {
      return { __proto__: null, type: 'pipe', readable: i === 0, writable: i !== 0 };
    }
    if (entry === 'inherit') return { __proto__: null, type: 'fd', fd: i };
    if (entry === 'ipc') {
      if (sync) throw new ERR_IPC_SYNC_FORK();
      if (ipc) throw new ERR_IPC_ONE_PIPE();
      ipc = true;
      return { __proto__: null, type: 'ipc' };
    }
    if (typeof entry === 'number') return { __proto__: null, type: 'fd', fd: entry };
    if (entry !== null && typeof entry === 'object') {
      // A stream with an fd (process.stdout, an fs stream), or one of our pipe sockets (the
      // stdout of another child): the child gets that fd. Such a stream is not resumed when
      // its own child exits (it feeds the other one).
      let fd;
      if (typeof entry.fd === 'number' && entry.fd >= 0) {
        fd = entry.fd;
      } else if (entry._handle && typeof entry._handle.fd === 'number' &&
                 entry._handle.fd >= 0) {
        fd = entry._handle.fd;
      }
      if (fd !== undefined) {
        if (!sync) entry[kUsedAsStdio] = true;
        return { __proto__: null, type: 'fd', fd };
      }
    }
    if (sync && (isArrayBufferView(entry) || typeof entry === 'string')) {
      return { __proto__: null, type: 'pipe', readable: true, writable: false, input: entry };
    }
    throw new ERR_INVALID_ARG_VALUE('stdio', entry);
  });
}

// The name of a signal number (the first name listed, so 6 is SIGABRT, not SIGIOT).
let signalNames;
function signalName(signo) {
  if (signalNames === undefined) {
    signalNames = { __proto__: null };
    const { signals } = internalBinding('constants').os;
    for (const name in signals) signalNames[signals[name]] ??= name;
  }
  return signalNames[signo] ?? null;
}

module.exports = {
  kDefaultMaxBuffer,
  kUsedAsStdio,
  normalizeSpawnArguments,
  normalizeStdio,
  rejectNullBytes,
  sanitizeKillSignal,
  signalName,
  validateMaxBuffer,
  validateTimeout,
};
