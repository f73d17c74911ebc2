'use strict';
// node:child_process. Children start with posix_spawn (src/bindings/process_spawn.cc); spawn()
// watches them from the event loop (internalBinding('process_wrap')), spawnSync() runs them to
// completion on this thread (internalBinding('spawn_sync')). fork() adds an IPC channel
// (internal/child_process/ipc.js).

const {
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
  AbortError,
  genericNodeError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateFunction,
  validateObject,
  validateString,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const { Buffer } = require('buffer');
const {
  kDefaultMaxBuffer,
  normalizeSpawnArguments,
  rejectNullBytes,
  sanitizeKillSignal,
  validateMaxBuffer,
  validateTimeout,
} = require('internal/child_process/spawn_options');
const { spawnSync: spawnSyncInternal } = require('internal/child_process/sync');

let ChildProcessClass;
function lazyChildProcess() {
  ChildProcessClass ??= require('internal/child_process/child_process').ChildProcess;
  return ChildProcessClass;
}

// --- argument shapes -----------------------------------------------------------------------

// execFile(file[, args][, options][, callback]) and the Sync form.
function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') {
    callback = options;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  if (options == null) options = kEmptyObject;
  if (callback != null) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    rejectNullBytes(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

// exec(command[, options][, callback]): a shell command line.
function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  rejectNullBytes(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

// --- synchronous ---------------------------------------------------------------------------

function spawnSync(file, args, options) {
  return spawnSyncInternal(file, args, options);
}

// The error execSync/execFileSync throw: the spawn error, or 'Command failed' for a non-zero
// status, carrying the whole spawnSync result.
function execSyncError(result, args, command) {
  if (result.error) {
    const error = result.error;
    Object.assign(error, result);
    return error;
  }
  if (result.status !== 0) {
    let message = `Command failed: ${command || args.join(' ')}`;
    if (result.stderr && result.stderr.length > 0) message += `\n${result.stderr.toString()}`;
    return genericNodeError(message, result);
  }
  return undefined;
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  // Without an explicit stdio, the child's stderr goes to ours (after the run).
  const inheritStderr = !options.stdio;
  const result = spawnSync(file, args, options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const error = execSyncError(result, [options.argv0 || file, ...args]);
  if (error) throw error;
  return result.stdout;
}

function execSync(command, options) {
  const normalized = normalizeExecArgs(command, options, null);
  const inheritStderr = !normalized.options.stdio;
  const result = spawnSync(normalized.file, normalized.options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const error = execSyncError(result, undefined, command);
  if (error) throw error;
  return result.stdout;
}

// --- asynchronous --------------------------------------------------------------------------

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(options.killSignal);
  const ChildProcess = lazyChildProcess();
  const child = new ChildProcess();
  child.spawn(options);

  if (options.timeout > 0) {
    let timer = setTimeout(() => {
      if (timer) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timer = null;
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
    });
  }

  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => abortChild(child, killSignal, signal.reason);
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function abortChild(child, killSignal, reason) {
  try {
    if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: reason }));
  } catch (err) {
    child.emit('error', err);
  }
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = {
    __proto__: null,
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: kDefaultMaxBuffer,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });

  let encoding;
  const stdoutChunks = [];
  const stderrChunks = [];
  let stdoutLength = 0;
  let stderrLength = 0;
  let killed = false;
  let exited = false;
  let timer = null;
  let ex = null;
  let cmd = file;
  if (options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding)) {
    encoding = options.encoding;
  }

  // Strings when an encoding was asked for, here or on the stream by the caller.
  function collect(chunks, stream) {
    if (encoding || (stream && stream.readableEncoding)) return chunks.join('');
    return Buffer.concat(chunks);
  }

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!callback) return;
    const stdout = collect(stdoutChunks, child.stdout);
    const stderr = collect(stderrChunks, child.stderr);
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args.length !== 0) cmd += ` ${args.join(' ')}`;
    if (!ex) {
      ex = genericNodeError(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? errnoName(code) : code,
        killed: child.killed || killed,
        signal,
      });
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timer = setTimeout(() => {
      kill();
      timer = null;
    }, options.timeout);
  }

  function onData(chunks, which) {
    const stream = child[which];
    return function(chunk) {
      const streamEncoding = stream.readableEncoding;
      const length = streamEncoding ? Buffer.byteLength(chunk, streamEncoding) : chunk.length;
      if (which === 'stdout') {
        stdoutLength += length;
      } else {
        stderrLength += length;
      }
      const total = which === 'stdout' ? stdoutLength : stderrLength;
      if (total > options.maxBuffer) {
        const over = total - options.maxBuffer;
        const keep = length - over;
        chunks.push(chunk.slice(0, keep));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(which);
        kill();
      } else {
        chunks.push(chunk);
      }
    };
  }

  if (child.stdout) {
    if (encoding) child.stdout.setEncoding(encoding);
    child.stdout.on('data', onData(stdoutChunks, 'stdout'));
  }
  if (child.stderr) {
    if (encoding) child.stderr.setEncoding(encoding);
    child.stderr.on('data', onData(stderrChunks, 'stderr'));
  }
  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

let errnoNameFn;
function errnoName(code) {
  errnoNameFn ??= require('util').getSystemErrorName;
  return errnoNameFn(code);
}

function exec(command, options, callback) {
  const normalized = normalizeExecArgs(command, options, callback);
  return execFile(normalized.file, normalized.options, normalized.callback);
}

const customPromiseExecFunction = (original) => (...args) => {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.child = original(...args, (err, stdout, stderr) => {
    if (err !== null) {
      err.stdout = stdout;
      err.stderr = stderr;
      reject(err);
    } else {
      resolve({ stdout, stderr });
    }
  });
  return promise;
};

const { promisify } = require('util');
Object.defineProperty(exec, promisify.custom, {
  __proto__: null,
  enumerable: false,
  value: customPromiseExecFunction(exec),
});
Object.defineProperty(execFile, promisify.custom, {
  __proto__: null,
  enumerable: false,
  value: customPromiseExecFunction(execFile),
});

function stdioStringToArray(stdio, channel) {
  const list = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      list.push(stdio, stdio, stdio);
      break;
    case 'inherit':
      list.push(0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) list.push(channel);
  return list;
}

// fork(modulePath[, args][, options]): our own runtime running modulePath, with an IPC
// channel (child.send / process.send).
function fork(modulePath, args, options) {
  modulePath = validatedModulePath(modulePath);
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options != null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  rejectNullBytes(options.execPath, 'options.execPath');
  let execArgv = options.execArgv || process.execArgv;
  for (let i = 0; i < execArgv.length; i++) rejectNullBytes(execArgv[i], `options.execArgv[${i}]`);
  // A child of `-e` code must not run that code again.
  if (execArgv === process.execArgv && process._eval != null) {
    const index = execArgv.lastIndexOf(process._eval);
    if (index > 0) {
      execArgv = execArgv.slice();
      execArgv.splice(index - 1, 2);
    }
  }
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

function validatedModulePath(modulePath) {
  let path = modulePath;
  if (path !== null && typeof path === 'object' && path.href !== undefined &&
      path.protocol !== undefined) {
    path = require('url').fileURLToPath(path);
  } else if (Buffer.isBuffer(path)) {
    path = path.toString();
  } else if (typeof path !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('modulePath', ['string', 'Buffer', 'URL'], modulePath);
  }
  if (path.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('modulePath', modulePath,
                                    'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function _forkChild(fd, serializationMode) {
  require('internal/child_process/ipc').forkChild(fd, serializationMode);
}

module.exports = {
  _forkChild,
  ChildProcess: undefined,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};

Object.defineProperty(module.exports, 'ChildProcess', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return lazyChildProcess(); },
  set(value) {
    Object.defineProperty(module.exports, 'ChildProcess', {
      __proto__: null, configurable: true, enumerable: true, writable: true, value,
    });
  },
});
