'use strict';
// The streams of a child's stdio pipes (child.stdin, child.stdout, child.stderr, extra pipes):
// a Duplex over internalBinding('pipe_stream'), shaped as the net.Socket node hands out there.
// child.stdin has no readable side; the others read. Reading follows demand: _read starts the
// handle, a full buffer (push() returning false) stops it. Writes go to the handle, which
// writes at once when the pipe has room and queues the rest; the write callback waits for the
// queued bytes, so the Writable's highWaterMark gives the usual backpressure. end() shuts the
// write direction down (the child sees EOF on its stdin). Without a handle (the spawn failed)
// the stream ends at once when read, as node's.

const { Duplex } = require('stream');
const { FastBuffer } = require('internal/buffer');
const { Buffer } = require('buffer');
const { errnoException } = require('internal/errors');
const { PipeStream, UV_EOF } = internalBinding('pipe_stream');

const kHandle = Symbol('kHandle');

function onRead(nread, arrayBuffer) {
  const socket = this.owner;
  if (socket === undefined || socket.destroyed) return;
  if (nread > 0) {
    socket.bytesRead += nread;
    if (!socket.push(new FastBuffer(arrayBuffer, 0, nread))) {
      socket._reading = false;
      this.readStop();
    }
    return;
  }
  socket._reading = false;
  if (nread === UV_EOF) {
    socket.push(null);
    return;
  }
  socket.destroy(errnoException(nread, 'read'));
}

class Socket extends Duplex {
  constructor(handle, readable) {
    super({
      readable,
      allowHalfOpen: false,
      emitClose: false,
      autoDestroy: true,
      decodeStrings: true,
    });
    this.connecting = false;
    this._hadError = false;
    this._handle = null;
    this._reading = false;
    this.bytesRead = 0;
    this._bytesDispatched = 0;
    this.allowHalfOpen = false;
    this.server = null;
    this._server = null;
    if (handle) {
      this._handle = handle;
      handle.owner = this;
      handle.onread = onRead;
    }
  }

  get _type() { return 'pipe'; }

  get bytesWritten() { return this._bytesDispatched; }

  get readyState() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  }

  get writableLength() {
    const queued = this._handle ? this._handle.writeQueueSize || 0 : 0;
    return super.writableLength + queued;
  }

  get pending() { return !this._handle; }

  _read(n) {
    if (!this._handle) {
      // The spawn failed: there is nothing to read.
      this.push(null);
      return;
    }
    if (this._reading) return;
    this._reading = true;
    const err = this._handle.readStart();
    if (err < 0) {
      this._reading = false;
      this.destroy(errnoException(err, 'read'));
    }
  }

  _write(chunk, encoding, cb) {
    if (!this._handle) {
      cb(errnoException(-9 /* EBADF */, 'write'));
      return;
    }
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
    const req = { oncomplete: null };
    const result = this._handle.writeBuffer(req, chunk);
    if (result < 0) {
      cb(errnoException(result, 'write'));
      return;
    }
    this._bytesDispatched += chunk.length;
    if (result === 0) {
      cb();
      return;
    }
    req.oncomplete = (status) => {
      if (status < 0) {
        cb(errnoException(status, 'write'));
      } else {
        cb();
      }
    };
  }

  _writev(chunks, cb) {
    const buffers = new Array(chunks.length);
    for (let i = 0; i < chunks.length; i++) {
      const { chunk, encoding } = chunks[i];
      buffers[i] = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    }
    this._write(Buffer.concat(buffers), 'buffer', cb);
  }

  _final(cb) {
    if (!this._handle) {
      cb();
      return;
    }
    const req = { oncomplete: null };
    const err = this._handle.shutdown(req);
    if (err < 0) {
      // Already shut down or closing: nothing left to flush.
      cb();
      return;
    }
    req.oncomplete = (status) => {
      if (status < 0 && status !== -107 /* ENOTCONN */) {
        cb(errnoException(status, 'shutdown'));
      } else {
        cb();
      }
    };
  }

  _destroy(err, cb) {
    const handle = this._handle;
    if (!handle) {
      cb(err);
      process.nextTick(() => this.emit('close', !!err));
      return;
    }
    this._handle = null;
    this._reading = false;
    if (err) this._hadError = true;
    handle.onread = null;
    handle.close(() => {
      this.emit('close', this._hadError);
    });
    cb(err);
  }

  ref() {
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle) this._handle.unref();
    return this;
  }

  setEncoding(encoding) {
    return super.setEncoding(encoding);
  }

  // net.Socket API bits that mean nothing for a pipe.
  setKeepAlive() { return this; }
  setNoDelay() { return this; }
  setTimeout(ms, callback) {
    if (callback) this.once('timeout', callback);
    return this;
  }

  address() { return {}; }
}

// A stream for our end `fd` of a child's pipe, or an idle one without a handle.
function createSocket(fd, readable) {
  const handle = fd === undefined ? null : new PipeStream(fd);
  return new Socket(handle, readable);
}

module.exports = { Socket, createSocket, kHandle };
