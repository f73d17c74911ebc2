'use strict';
// process.stdout/stderr/stdin. Writes to stdout and stderr are synchronous for files, pipes and
// terminals (as node on Linux), so output is never lost or reordered at exit. Full stream
// semantics come with node:stream; until then these are EventEmitters with the write side of
// a Writable.

const EventEmitter = require('events');
const { writeString, writeBuffer } = internalBinding('fs');
const { isTTY, getWindowSize, guessHandleType } = internalBinding('tty_wrap');

class SyncWriteStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._type = guessHandleType(fd);
    this._isStdio = true;
    this.writable = true;
    this.destroyed = false;
    if (isTTY(fd)) {
      this.isTTY = true;
      const size = getWindowSize(fd);
      if (Array.isArray(size)) [this.columns, this.rows] = size;
    }
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const ctx = {};
    if (typeof chunk === 'string') {
      writeString(this.fd, chunk, ctx);
    } else if (ArrayBuffer.isView(chunk)) {
      writeBuffer(this.fd, chunk, ctx);
    } else {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    const err = ctx.errno === undefined ? null : require('internal/errors').UVException(ctx);
    if (err !== null && err.code === 'EPIPE') {
      // Reader went away (`ringjs x | head`): stop writing quietly, as node does for stdio.
      this.destroyed = true;
    }
    if (typeof callback === 'function') process.nextTick(callback, err);
    else if (err !== null && err.code !== 'EPIPE') process.nextTick(() => this.emit('error', err));
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof callback === 'function') process.nextTick(callback);
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroy() { this.destroyed = true; return this; }
  getColorDepth(env = process.env) {
    if (!this.isTTY) return 1;
    if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined) return 1;
    if (env.TERM === 'dumb') return 1;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    if (env.TERM?.endsWith('256color')) return 8;
    return 4;
  }
  hasColors(count = 16, env) {
    if (typeof count === 'object') { env = count; count = 16; }
    return count <= 2 ** this.getColorDepth(env);
  }
  get writableLength() { return 0; }
  get writableHighWaterMark() { return 16384; }
  get writableNeedDrain() { return false; }
}

class StdinStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    if (isTTY(fd)) this.isTTY = true;
  }
  setEncoding() { return this; }
  resume() { return this; }
  pause() { return this; }
  read() {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED('process.stdin.read');
  }
}

function createStdioStream(fd) {
  return fd === 0 ? new StdinStream(fd) : new SyncWriteStream(fd);
}

module.exports = { createStdioStream, SyncWriteStream };
