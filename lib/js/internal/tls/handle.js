'use strict';
// TLSHandle: what a TLSSocket (a net.Socket) has as its _handle. It speaks the stream-handle
// protocol net.Socket uses (readStart/readStop, writeBuffer/writeString/writev with
// streamState, shutdown, close, onread) in cleartext, and moves the encrypted bytes between
// the TLS engine (internalBinding('tls_wrap').TLSWrap, an SSL object over memory BIOs) and
// the transport: the Duplex underneath (a net.Socket for every TCP connection, or whatever
// stream tls.connect({ socket }) was given).
//
// Encrypted output goes to transport.write() in the order the engine made it. A cleartext
// write completes a turn later (setImmediate, as node's TLSWrap) while the transport buffers
// less than its highWaterMark, and otherwise when the transport drains, so a slow peer holds
// the TLSSocket's writes back.

const { Buffer } = require('buffer');
const { TLSWrap, kEof } = internalBinding('tls_wrap');
const { streamState } = internalBinding('tcp_wrap');

const kBytesWritten = 0;
const kLastWriteWasAsync = 1;
const UV_ENOTCONN = -107;
const UV_EBADF = -9;
const UV_ECANCELED = -125;

function toBuffer(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
}

// A Buffer over the binding's Uint8Array (no copy).
function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// A write's completion a turn after the transport took it; it still runs when the socket was
// destroyed meanwhile (net's oncomplete then calls back without an error, as node's does).
function completeWrite(req) {
  req.oncomplete(0);
}

class TLSHandle {
  constructor(transport, context, isServer) {
    this.transport = transport;
    this.engine = new TLSWrap(context, isServer);
    this.reading = false;
    this.bytesRead = 0;
    this.closed = false;
    this.handshakeDone = false;
    this.userRead = null;  // net's onread option, see setUserBuffer().
    this.userPending = [];
    this.userPaused = false;
    this.userEof = false;
    // A server's renegotiations within tls.CLIENT_RENEG_WINDOW (node's handle.handshakes).
    this.handshakes = 0;
    this.lastHandshakeTime = 0;
    // Cleartext writes and a shutdown that arrived before the handshake finished.
    this.pendingWrites = [];
    this.pendingShutdown = null;
    // A write waiting for the transport to drain.
    this.drainReq = null;
    this.owner = null;  // The TLSSocket; set by it.
    // Whether the transport emitted 'close' (a net.Socket's stream state cannot tell).
    this.transportClosed = false;
    transport.once('close', () => { this.transportClosed = true; });

    const engine = this.engine;
    // tlsSocket.ssl.fd, as node's TLSWrap: the transport's descriptor (-1 without one).
    Object.defineProperty(engine, 'fd', {
      __proto__: null, configurable: true, enumerable: false, get: () => this.fd,
    });
    engine.onoutput = (bytes) => this._send(bytes);
    engine.oncleartext = (nread, ab) => this._onCleartext(nread, ab);
    engine.onhandshakedone = () => this._onHandshakeDone();
    engine.onhandshakestart = () => this.owner._onHandshakeStart();
    engine.onerror = (err) => this.owner._onEngineError(err);
    engine.onclienthello = (servername) => this.owner._onClientHello(servername);
    engine.onalpn = (servername, protocols) => this.owner._onALPN(servername, protocols);
    engine.onpskexchange = (...args) => this.owner._onPskExchange(...args);
    engine.onkeylog = (line) => this.owner._onKeylog(Buffer.from(line.buffer, line.byteOffset,
                                                                 line.byteLength));
    engine.onnewsession = (session, id) => this.owner._onNewSession(
      asBuffer(session), id === undefined ? undefined : asBuffer(id));
    engine.onresumesession = (id) => this.owner._onResumeSession(asBuffer(id));

    this._onData = (chunk) => {
      if (this.closed) return;
      if (typeof chunk === 'string') chunk = Buffer.from(chunk);
      this.engine.receive(chunk);
    };
    this._onEnd = () => {
      if (!this.closed) this.engine.receiveEof();
    };
    this._onDrain = () => {
      const req = this.drainReq;
      if (req === null) return;
      this.drainReq = null;
      req.oncomplete(0);
    };
  }

  // Starts moving encrypted bytes (the transport is connected).
  attach() {
    const t = this.transport;
    t.on('data', this._onData);
    t.on('end', this._onEnd);
    t.on('drain', this._onDrain);
    // The handshake needs the transport flowing whatever the cleartext side does.
    if (typeof t.resume === 'function') t.resume();
  }

  _send(bytes) {
    const t = this.transport;
    if (this.closed || t.destroyed || t.writableEnded) return true;
    return t.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  _onCleartext(nread, ab) {
    if (nread === kEof) {
      this.owner._onCleartextEnd();
      return;
    }
    this.bytesRead += nread;
    if (this.userRead !== null) {
      this.userPending.push(new Uint8Array(ab, 0, nread));
      this._deliverToUserBuffer();
      return;
    }
    this.onread(nread, ab);
  }

  // net's onread option ({ buffer, callback }): cleartext is copied into the caller's buffer
  // (or the one buffer() returns) and handed to callback(nread, buf) instead of 'data'; a
  // callback returning false stops reading until the socket resumes.
  setUserBuffer(onread) {
    this.userRead = onread;
  }

  _nextUserBuffer() {
    const { buffer } = this.userRead;
    return typeof buffer === 'function' ? buffer() : buffer;
  }

  _deliverToUserBuffer() {
    const pending = this.userPending;
    while (pending.length > 0 && !this.userPaused && !this.closed) {
      const chunk = pending[0];
      const buf = this._nextUserBuffer();
      const n = Math.min(buf.byteLength, chunk.byteLength);
      new Uint8Array(buf.buffer, buf.byteOffset, n).set(chunk.subarray(0, n));
      if (n === chunk.byteLength) pending.shift();
      else pending[0] = chunk.subarray(n);
      if (this.userRead.callback.call(this.owner, n, buf) === false) {
        this.reading = false;
        this.readStop();
      }
    }
    if (pending.length === 0 && this.userEof && !this.userPaused && !this.closed) {
      this.userEof = false;
      this.deliverEof();
    }
  }

  // The end of the cleartext, after whatever a user buffer still has to take.
  deliverEof() {
    if (this.userRead !== null) {
      if (this.userPending.length > 0 || this.userPaused) {
        this.userEof = true;
        return;
      }
      // As node, a buffer is asked for the read that finds the end too.
      this._nextUserBuffer();
    }
    this.onread(kEof);
  }

  _onHandshakeDone() {
    this.handshakeDone = true;
    this.owner._onHandshakeDone();
    if (this.closed) return;
    const writes = this.pendingWrites;
    this.pendingWrites = [];
    for (const { req, data, encoding } of writes) this._encryptAndSend(req, data, encoding, true);
    if (this.pendingShutdown !== null && !this.closed) {
      const req = this.pendingShutdown;
      this.pendingShutdown = null;
      this.shutdown(req);
    }
  }

  // ---- the stream-handle protocol net.Socket speaks ---------------------------------------

  readStart() {
    if (this.closed) return UV_EBADF;
    if (this.userRead !== null && this.userPaused) {
      this.userPaused = false;
      this._deliverToUserBuffer();
      if (this.closed) return 0;
    }
    this.engine.setReading(true);
    this.engine.cycle();
    if (!this.closed) this._resumeTransport();
    return 0;
  }

  readStop() {
    if (this.closed) return 0;
    if (this.userRead !== null) this.userPaused = true;
    // Encrypted bytes keep coming (the handshake, alerts, tickets); the engine keeps the
    // cleartext until reading resumes. Pausing the transport is what stops the peer.
    this.engine.setReading(false);
    if (this.handshakeDone && typeof this.transport.pause === 'function') this.transport.pause();
    return 0;
  }

  _resumeTransport() {
    if (typeof this.transport.resume === 'function') this.transport.resume();
  }

  writeBuffer(req, data) {
    return this._write(req, data, 0);
  }

  writeString(req, string, encodingCode) {
    return this._write(req, string, encodingCode);
  }

  writev(req, chunks, allBuffers) {
    const parts = [];
    if (allBuffers) {
      for (let i = 0; i < chunks.length; i++) parts.push(chunks[i]);
    } else {
      for (let i = 0; i < chunks.length; i += 2) {
        const chunk = chunks[i];
        if (typeof chunk === 'string') {
          parts.push(Buffer.from(chunk, ['utf8', 'latin1', 'utf16le'][chunks[i + 1]]));
        } else {
          parts.push(chunk);
        }
      }
    }
    return this._write(req, Buffer.concat(parts), 0);
  }

  _write(req, data, encodingCode) {
    if (this.closed) return UV_EBADF;
    const length = typeof data === 'string' ?
      Buffer.byteLength(data, ['utf8', 'latin1', 'utf16le'][encodingCode]) : data.byteLength;
    streamState[kBytesWritten] = length;
    if (!this.handshakeDone) {
      this.pendingWrites.push({ req, data, encoding: encodingCode });
      streamState[kLastWriteWasAsync] = 1;
      return 0;
    }
    const async = this._encryptAndSend(req, data, encodingCode, false);
    streamState[kLastWriteWasAsync] = async ? 1 : 0;
    return 0;
  }

  // Encrypts and sends; req completes later (after the transport drained, or a turn later). A
  // deferred write (queued during the handshake) always completes through req.oncomplete.
  _encryptAndSend(req, data, encodingCode, deferred) {
    if (typeof data === 'string' && encodingCode === 2) {
      data = Buffer.from(data, 'utf16le');
      encodingCode = 0;
    }
    let out;
    try {
      out = this.engine.write(data, encodingCode);
    } catch (err) {
      this.owner.destroy(err);
      return true;  // Never completes; destroy() fails the pending write.
    }
    const flowing = out === undefined ? true : this._send(out);
    if (!flowing && !this.transport.destroyed) {
      this.drainReq = req;
      return true;
    }
    // As node's TLSWrap: a write the transport took at once still completes a turn later, so
    // write() of more than the highWaterMark returns false there too.
    if (deferred) req.oncomplete(0);
    else setImmediate(completeWrite, req);
    return true;
  }

  // The close_notify alert. As with node's TLSWrap, a transport that can no longer take it (EPIPE
  // once the peer has gone) is not an error of the TLS socket: with nothing queued ahead it goes
  // straight to the transport's handle, whose result is ignored. Returns whether the kernel took
  // it whole at once.
  _sendCloseNotify(bytes) {
    const t = this.transport;
    const h = t._handle;
    if (!this.closed && !t.destroyed && !t.writableEnded && !t.connecting &&
        t.writableLength === 0 && h && typeof h.writeBuffer === 'function') {
      const err = h.writeBuffer({ oncomplete() {} }, asBuffer(bytes));
      return err === 0 && streamState[kLastWriteWasAsync] === 0;
    }
    this._send(bytes);
    return false;
  }

  shutdown(req) {
    if (this.closed) return UV_ENOTCONN;
    if (!this.handshakeDone) {
      this.pendingShutdown = req;
      return 0;
    }
    const out = this.engine.shutdown();
    const sent = out !== undefined && this._sendCloseNotify(out);
    const t = this.transport;
    if (t.destroyed) {
      process.nextTick(() => req.oncomplete(0));
    } else if (sent) {
      // The kernel has the alert: the shutdown is done as far as the TLS socket can tell, as
      // node's is within the turn, so a socket ended with destroySoon() is gone before a reset
      // from a peer that closed without reading the alert could show up as its error.
      t.end();
      process.nextTick(() => req.oncomplete(0));
    } else {
      t.end(() => req.oncomplete(0));
    }
    return 0;
  }

  close(cb) {
    if (this.closed) {
      if (typeof cb === 'function') process.nextTick(cb);
      return;
    }
    this.closed = true;
    this.engine.destroy();
    // As node: a closed TLSSocket has no ssl any more.
    if (this.owner) this.owner.ssl = null;
    // Writes still waiting for the handshake are cancelled, a loop turn later (after the
    // socket's 'error'), as node's write requests are when their handle closes.
    const cancelled = this.pendingWrites;
    this.pendingWrites = [];
    if (cancelled.length > 0) {
      setImmediate(() => {
        for (const { req } of cancelled) req.oncomplete(UV_ECANCELED);
      });
    }
    const t = this.transport;
    t.removeListener('data', this._onData);
    t.removeListener('end', this._onEnd);
    t.removeListener('drain', this._onDrain);
    if (typeof cb === 'function') {
      // One tick after the transport's 'close': an error the socket's destroy queued right
      // after asking for this close is emitted first, as with node's native handle.
      if (this.transportClosed) process.nextTick(cb);
      else t.once('close', () => process.nextTick(cb));
    }
    if (!t.destroyed) t.destroy();
  }

  reset() {
    this.closed = true;
    this.engine.destroy();
    const t = this.transport;
    if (typeof t.resetAndDestroy === 'function' && t._handle) t.resetAndDestroy();
    else t.destroy();
    return 0;
  }

  getpeername(out) {
    const t = this.transport;
    if (typeof t._getpeername !== 'function') return UV_ENOTCONN;
    const name = t._getpeername();
    if (!name || name.address === undefined) return UV_ENOTCONN;
    Object.assign(out, name);
    return 0;
  }

  getsockname(out) {
    const t = this.transport;
    if (typeof t._getsockname !== 'function') return UV_ENOTCONN;
    const name = t._getsockname();
    if (!name || name.address === undefined) return UV_ENOTCONN;
    Object.assign(out, name);
    return 0;
  }

  setNoDelay(on) {
    if (typeof this.transport.setNoDelay === 'function') this.transport.setNoDelay(on);
    return 0;
  }

  setKeepAlive(on, delaySecs) {
    if (typeof this.transport.setKeepAlive === 'function') {
      this.transport.setKeepAlive(on, delaySecs * 1000);
    }
    return 0;
  }

  ref() {
    if (typeof this.transport.ref === 'function') this.transport.ref();
  }

  unref() {
    if (typeof this.transport.unref === 'function') this.transport.unref();
  }

  hasRef() {
    const h = this.transport._handle;
    return h && typeof h.hasRef === 'function' ? h.hasRef() : true;
  }

  // Encrypted bytes the transport has not passed on yet (a number, as node's handles).
  get writeQueueSize() {
    return this.transport.writableLength || 0;
  }

  get fd() {
    const h = this.transport._handle;
    return h ? h.fd : -1;
  }
}

module.exports = { TLSHandle };
