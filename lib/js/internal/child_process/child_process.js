'use strict';
// ChildProcess: an EventEmitter over internalBinding('process_wrap').Process.
//
// Events, as node: 'spawn' (next tick after a successful spawn), 'error' (spawn failures that
// are run-time conditions: ENOENT, EACCES, EAGAIN, EMFILE, ENFILE; and kill() failures),
// 'exit' (code, signal) when the child ends, and 'close' (code, signal) once it has ended and
// every stdio stream it reads from (stdout, stderr, extra pipes) has closed. After the exit,
// stdin is destroyed and output streams nobody reads are resumed so they can end and close.

const EventEmitter = require('events');
const { Process } = internalBinding('process_wrap');
const { errnoException } = require('internal/errors');
const {
  validateArray,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { convertToValidSignal } = require('internal/util');
const {
  kUsedAsStdio,
  normalizeStdio,
  signalName,
} = require('internal/child_process/spawn_options');
const { createSocket } = require('internal/child_process/socket');

const UV_EACCES = -13;
const UV_EAGAIN = -11;
const UV_EINVAL = -22;
const UV_EMFILE = -24;
const UV_ENFILE = -23;
const UV_ENOENT = -2;
const UV_ENOSYS = -38;
const UV_ESRCH = -3;

function onExit(exitCode, termSignal) {
  const child = this.owner;
  if (child === undefined) return;
  if (termSignal) {
    child.signalCode = signalName(termSignal);
  } else {
    child.exitCode = exitCode;
  }
  if (child.stdin) child.stdin.destroy();
  if (child._handle) {
    child._handle.close();
    child._handle = null;
  }
  if (exitCode < 0) {
    const syscall = child.spawnfile ? `spawn ${child.spawnfile}` : 'spawn';
    const err = errnoException(exitCode, syscall);
    if (child.spawnfile) err.path = child.spawnfile;
    err.spawnargs = child.spawnargs.slice(1);
    child.emit('error', err);
    process.nextTick(flushStdio, child);
    maybeClose(child);
  } else if (child.connected && child._channel) {
    // The channel's end is already readable: 'disconnect' comes first, as in node. (A child
    // that gave its channel to another process may keep it open: then not for long.)
    let timer = null;
    const finish = () => {
      require('timers').clearTimeout(timer);
      child.removeListener('disconnect', finish);
      emitExit(child);
    };
    timer = require('timers').setTimeout(finish, 1000);
    child.once('disconnect', finish);
  } else {
    emitExit(child);
  }
}

function emitExit(child) {
  child.emit('exit', child.exitCode, child.signalCode);
  process.nextTick(flushStdio, child);
  maybeClose(child);
}

// Output streams nobody consumes would never end; let them flow (their data is dropped).
function flushStdio(child) {
  const stdio = child.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream[kUsedAsStdio] ||
        stream.listenerCount('readable') > 0) {
      continue;
    }
    stream.resume();
  }
}

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('close', child.exitCode, child.signalCode);
  }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = new Process();
    this._handle.owner = this;
    this._handle.onexit = onExit;
  }

  spawn(options) {
    validateObject(options, 'options');
    const stdio = normalizeStdio(options.stdio || 'pipe', false);
    options.stdio = stdio;
    const ipcIndex = stdio.findIndex((entry) => entry.type === 'ipc');
    validateOneOf(options.serialization, 'options.serialization',
                  [undefined, 'json', 'advanced']);
    if (ipcIndex !== -1) {
      if (options.envPairs === undefined) {
        options.envPairs = [];
      } else {
        validateArray(options.envPairs, 'options.envPairs');
      }
    }
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) {
      this.spawnargs = [];
    } else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }
    if (options.args === undefined) options.args = [options.file];
    const serialization = options.serialization || 'json';
    if (ipcIndex !== -1) {
      // The channel is a socketpair at that index; the child learns where from its env.
      stdio[ipcIndex] = { __proto__: null, type: 'duplex', ipc: true };
      options.envPairs.push(`NODE_CHANNEL_FD=${ipcIndex}`,
                            `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }

    const err = this._handle.spawn(options);
    if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE || err === UV_ENFILE ||
        err === UV_ENOENT) {
      // Run-time conditions are 'error' events, not exceptions.
      process.nextTick(onErrorNT, this, err);
      if (err === UV_EMFILE || err === UV_ENFILE) return err;
    } else if (err) {
      this._handle.close();
      this._handle = null;
      throw errnoException(err, 'spawn');
    } else {
      process.nextTick(onSpawnNT, this);
    }

    this.pid = this._handle.pid;
    const spawned = err === 0;
    this.stdio = [];
    for (let i = 0; i < stdio.length; i++) {
      const entry = stdio[i];
      if (entry.ipc) {
        this.stdio.push(null);
        if (spawned) {
          this._closesNeeded++;
          const { setupChannel } = require('internal/child_process/ipc');
          const { PipeStream } = internalBinding('pipe_stream');
          setupChannel(this, new PipeStream(entry.pipeFd), serialization, {
            startRefd: true,
            onClose: () => maybeClose(this),
          });
        }
        continue;
      }
      if (entry.type !== 'pipe') {
        this.stdio.push(null);
        continue;
      }
      const socket = createSocket(spawned ? entry.pipeFd : undefined, i > 0);
      // As node: even without a child, the output streams end (when flushed) before 'close'.
      if (i > 0) {
        this._closesNeeded++;
        socket.on('close', () => maybeClose(this));
      }
      this.stdio.push(socket);
    }
    this.stdin = this.stdio.length >= 1 && this.stdio[0] !== null ? this.stdio[0] : null;
    this.stdout = this.stdio.length >= 2 && this.stdio[1] !== null ? this.stdio[1] : null;
    this.stderr = this.stdio.length >= 3 && this.stdio[2] !== null ? this.stdio[2] : null;
    return err;
  }

  kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === UV_ESRCH) {
        // Already gone.
      } else if (err === UV_EINVAL || err === UV_ENOSYS) {
        throw errnoException(err, 'kill');
      } else {
        this.emit('error', errnoException(err, 'kill'));
      }
    }
    return false;
  }

  ref() {
    if (this._handle) this._handle.ref();
  }

  unref() {
    if (this._handle) this._handle.unref();
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(ChildProcess.prototype, Symbol.dispose, {
    __proto__: null,
    configurable: true,
    writable: true,
    value: function dispose() {
      if (!this.killed) this.kill();
    },
  });
}

function onErrorNT(child, err) {
  child._handle.onexit(err);
}

function onSpawnNT(child) {
  child.emit('spawn');
}

module.exports = { ChildProcess };
