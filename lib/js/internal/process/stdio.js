'use strict';
// process.stdout, process.stderr and process.stdin as real streams.
//
// stdout/stderr are Writables whose _write is a synchronous write(2) of the whole chunk, for
// files, pipes and terminals alike (node on Linux makes pipes and TTYs blocking for stdio), so
// output is never lost or reordered at exit. As node's stdio streams they cannot really be
// destroyed (destroy() leaves the fd open and the stream usable), and a write error such as
// EPIPE is emitted as 'error' on the stream.
//
// stdin is a Readable over fd 0. A pipe or terminal is read on readiness through
// internalBinding('pipe_stream') (a loop Poll on the fd, then read(2)): reading starts when the
// stream wants data and stops when its buffer is full or it is paused, so a paused stdin never
// keeps the process alive, as node's. A file (or /dev/null) is read on demand, one read(2) of up
// to 64 KiB from a setImmediate callback per _read, as node's fs.ReadStream. setRawMode is not
// available yet.

// The stream classes directly, not all of node:stream (kept off the console.log start-up path).
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { writeString, writeBuffer, read: readFd } = internalBinding('fs');
const { isTTY, getWindowSize } = internalBinding('tty_wrap');
const { guessHandleType } = require('internal/util');

let errorsModule;
function errors() {
  errorsModule ??= require('internal/errors');
  return errorsModule;
}

// stdio streams survive destroy(): the fd stays open and the stream is reset, but 'close' is
// still observable (finished() and pipeline() rely on it).
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState?.emitClose && !this._readableState?.emitClose) {
    process.nextTick(() => { this.emit('close'); });
  }
}

function handleType(fd) {
  switch (guessHandleType(fd)) {
    case 'TTY': return 'tty';
    case 'FILE': return 'fs';
    case 'PIPE':
    case 'TCP': return 'pipe';
    default: return 'unknown';
  }
}

function writeChunk(fd, chunk, encoding, type) {
  const ctx = {};
  if (typeof chunk === 'string') {
    if (encoding === 'utf8' || encoding === 'utf-8' || encoding === undefined) {
      writeString(fd, chunk, ctx);
    } else {
      writeBuffer(fd, Buffer.from(chunk, encoding), ctx);
    }
  } else {
    writeBuffer(fd, chunk, ctx);
  }
  if (ctx.errno === undefined) return null;
  // A file write fails as fs.writeSync does; a pipe or terminal as node's stream handles
  // ('write EPIPE').
  return type === 'fs' ? errors().UVException(ctx) : new (errors().ErrnoException)(ctx.errno, 'write');
}

// Writable over an fd with synchronous writes (node's SyncWriteStream, also used here for
// pipes and terminals).
function SyncWriteStream(fd, type) {
  Writable.call(this, { autoDestroy: true, decodeStrings: false });
  this.fd = fd;
  this.readable = false;
  this.autoClose = false;
  this._type = type;
  this._isStdio = true;
  this.destroySoon = this.destroy;
  this._destroy = dummyDestroy;
  if (type === 'tty') {
    this.isTTY = true;
    const size = getWindowSize(fd);
    if (Array.isArray(size)) [this.columns, this.rows] = size;
    // As node's tty.WriteStream: follow the terminal's size and say so with 'resize'.
    process.on('SIGWINCH', () => refreshSize(this));
  }
}

function refreshSize(stream) {
  const size = getWindowSize(stream.fd);
  if (!Array.isArray(size)) return;
  const [columns, rows] = size;
  if (columns === stream.columns && rows === stream.rows) return;
  stream.columns = columns;
  stream.rows = rows;
  stream.emit('resize');
}
Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function(chunk, encoding, cb) {
  cb(writeChunk(this.fd, chunk, encoding, this._type));
};

// Terminal queries and cursor control (tty.WriteStream's API). Color depth as node computes
// it from the environment: 1, 4, 8 or 24 bits.
const TERM_ENVS = {
  __proto__: null,
  'eterm': 4, 'cons25': 4, 'console': 4, 'cygwin': 4, 'dtterm': 4, 'gnome': 4, 'hurd': 4,
  'jfbterm': 4, 'konsole': 4, 'kterm': 4, 'mlterm': 4, 'mosh': 24, 'putty': 4, 'st': 4,
  'rxvt-unicode-24bit': 24, 'terminator': 24, 'xterm-kitty': 24,
};
const TERM_ENVS_REG_EXP = [
  /ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/,
  /^vt100/, /^vt220/,
];
const CI_ENVS = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITEA_ACTIONS',
                 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];

function colorDepth(env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return 4;
      case '2':
        return 8;
      case '3':
        return 24;
      default:
        return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (env.TMUX) return 24;
  if (env.CI) {
    if (CI_ENVS.some((sign) => sign in env) || env.CI_NAME === 'codeship') return 8;
    return 1;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 4 : 1;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return 8;
      return 24;
    case 'HyperTerm':
    case 'MacTerm':
      return 24;
    case 'Apple_Terminal':
      return 8;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (/truecolor/.test(env.TERM)) return 24;
    if (/^xterm-256/.test(env.TERM)) return 8;
    const termEnv = env.TERM.toLowerCase();
    if (TERM_ENVS[termEnv]) return TERM_ENVS[termEnv];
    if (TERM_ENVS_REG_EXP.some((term) => term.test(termEnv))) return 4;
  }
  if (env.COLORTERM) return 4;
  return 1;
}

SyncWriteStream.prototype.getColorDepth = function getColorDepth(env = process.env) {
  // Only a terminal shows colors (node has these methods on terminals only).
  if (!this.isTTY) return 1;
  return colorDepth(env);
};

SyncWriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    require('internal/validators').validateInteger(count, 'count', 2);
  }
  return count <= 2 ** this.getColorDepth(env);
};

SyncWriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

SyncWriteStream.prototype.cursorTo = function cursorTo(x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  const data = typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`;
  return this.write(data, callback);
};

SyncWriteStream.prototype.moveCursor = function moveCursor(dx, dy, callback) {
  let data = '';
  if (dx < 0) data += `\x1b[${-dx}D`;
  else if (dx > 0) data += `\x1b[${dx}C`;
  if (dy < 0) data += `\x1b[${-dy}A`;
  else if (dy > 0) data += `\x1b[${dy}B`;
  if (data === '') {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return this.write(data, callback);
};

SyncWriteStream.prototype.clearLine = function clearLine(dir, callback) {
  const data = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
  return this.write(data, callback);
};

SyncWriteStream.prototype.clearScreenDown = function clearScreenDown(callback) {
  return this.write('\x1b[0J', callback);
};

const kReadSize = 64 * 1024;
const kType = Symbol('kType');
const kGeneration = Symbol('kGeneration');
const kScheduled = Symbol('kScheduled');
const kHandle = Symbol('kHandle');
const kReading = Symbol('kReading');

let pipeStreamBinding;

// Readable over fd 0 (see the header).
function ReadStream(fd, type) {
  // A file ends without 'close' (node's fs.ReadStream with autoClose: false). A terminal reads
  // nothing ahead (highWaterMark 0, as node's tty.ReadStream): once paused, no read is pending.
  Readable.call(this, {
    highWaterMark: type === 'fs' ? kReadSize : type === 'tty' ? 0 : undefined,
    autoDestroy: type !== 'fs',
  });
  this.fd = fd;
  this[kType] = type;
  this._isStdio = true;
  if (type === 'tty') {
    this.isTTY = true;
    this.isRaw = false;
    this.setRawMode = setRawMode;
  }
  if (type === 'fs') {
    // Bumped by pause(): a read scheduled before it is dropped.
    this[kGeneration] = 0;
    this[kScheduled] = false;
    this.on('pause', () => {
      if (this[kScheduled]) {
        this[kGeneration]++;
        this[kScheduled] = false;
        this._readableState.reading = false;
      }
    });
  } else {
    pipeStreamBinding ??= internalBinding('pipe_stream');
    const handle = new pipeStreamBinding.PipeStream(fd);
    handle.owner = this;
    handle.onread = onHandleRead;
    this[kHandle] = handle;
    this[kReading] = false;
    // pause() stops reading once the stream is really paused (one tick later), so that the
    // process can exit.
    this.on('pause', () => process.nextTick(onPause, this));
  }
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

ReadStream.prototype._read = function() {
  if (this[kType] === 'fs') {
    if (this[kScheduled]) return;
    this[kScheduled] = true;
    setImmediate(readChunk, this, this[kGeneration]);
    return;
  }
  if (this[kReading]) return;
  this[kReading] = true;
  const err = this[kHandle].readStart();
  if (err < 0) {
    this[kReading] = false;
    this.destroy(new (errors().ErrnoException)(err, 'read'));
  }
};

ReadStream.prototype._destroy = function(err, cb) {
  const handle = this[kHandle];
  if (handle !== undefined && this[kReading]) {
    this[kReading] = false;
    handle.readStop();
  }
  cb(err);
};

function onPause(stream) {
  if (stream[kReading] && !stream.readableFlowing) {
    stream[kReading] = false;
    stream._readableState.reading = false;
    stream[kHandle].readStop();
  }
}

function onHandleRead(nread, arrayBuffer) {
  const stream = this.owner;
  if (stream.destroyed) return;
  if (nread > 0) {
    if (!stream.push(new FastBuffer(arrayBuffer, 0, nread))) {
      stream[kReading] = false;
      this.readStop();
    }
    return;
  }
  stream[kReading] = false;
  if (nread === pipeStreamBinding.UV_EOF) {
    stream.push(null);
    return;
  }
  stream.destroy(new (errors().ErrnoException)(nread, 'read'));
}

function readChunk(stream, generation) {
  if (generation !== stream[kGeneration] || stream.destroyed) return;
  stream[kScheduled] = false;
  const buffer = Buffer.allocUnsafe(kReadSize);
  const ctx = {};
  const n = readFd(stream.fd, buffer, 0, kReadSize, -1, undefined, ctx);
  if (ctx.errno !== undefined) {
    if (ctx.code === 'EAGAIN' || ctx.code === 'EWOULDBLOCK') {
      // A non-blocking fd shared with another process: try again shortly.
      stream[kScheduled] = true;
      setTimeout(readChunk, 10, stream, generation);
      return;
    }
    stream.destroy(errors().UVException(ctx));
    return;
  }
  if (n === 0) {
    stream.push(null);
  } else if (n < 8192) {
    // Do not keep a 64 KiB allocation alive for a short read.
    stream.push(Buffer.from(buffer.subarray(0, n)));
  } else {
    stream.push(buffer.subarray(0, n));
  }
}

// tty.ReadStream#setRawMode: termios through the tty binding (restored at exit).
function setRawMode(flag) {
  flag = !!flag;
  const err = internalBinding('tty_wrap').setRawMode(this.fd, flag);
  if (err) {
    this.emit('error', new (errors().ErrnoException)(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
}

function createStdioStream(fd) {
  const type = handleType(fd);
  if (fd === 0) {
    if (type === 'unknown') {
      // No usable stdin: an empty stream.
      const stream = new Readable({ read() { this.push(null); } });
      stream.fd = fd;
      return stream;
    }
    return new ReadStream(fd, type);
  }
  if (type === 'unknown') {
    // Nowhere to write: swallow the output, as node does.
    const stream = new Writable({ write(buf, enc, cb) { cb(); } });
    stream.fd = fd;
    stream._type = type;
    stream._isStdio = true;
    stream.destroySoon = stream.destroy;
    stream._destroy = dummyDestroy;
    return stream;
  }
  return new SyncWriteStream(fd, type);
}

module.exports = { createStdioStream, SyncWriteStream, ReadStream };
