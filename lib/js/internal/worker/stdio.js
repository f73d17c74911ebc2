'use strict';
// A worker's stdio travels over the internal channel: the writing side posts each chunk as it
// is written (so nothing is lost when the worker exits), the reading side pushes what arrives.
// By default a Worker's stdout/stderr are piped into the parent's process.stdout/stderr.

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { STDIO_PAYLOAD } = require('internal/worker/protocol');

const kPort = Symbol('kPort');
const kName = Symbol('kName');

class WritableWorkerStdio extends Writable {
  constructor(port, name) {
    super({ decodeStrings: false });
    this[kPort] = port;
    this[kName] = name;
  }

  _writev(chunks, cb) {
    this[kPort].postMessage({
      type: STDIO_PAYLOAD,
      stream: this[kName],
      chunks: chunks.map(({ chunk, encoding }) => ({ chunk, encoding })),
    });
    cb();
  }

  _write(chunk, encoding, cb) {
    this._writev([{ chunk, encoding }], cb);
  }

  _final(cb) {
    this[kPort].postMessage({
      type: STDIO_PAYLOAD, stream: this[kName], chunks: [{ chunk: null, encoding: '' }],
    });
    cb();
  }
}

const kRefsPort = Symbol('kRefsPort');

class ReadableWorkerStdio extends Readable {
  // `port`: given for a worker's stdin, whose data comes over that (unref'ed) port; a worker
  // reading its stdin stays alive until the stream ends.
  constructor(name, port = null) {
    super();
    this[kName] = name;
    this[kPort] = port;
    this[kRefsPort] = false;
  }

  // Data is pushed as messages arrive; there is nothing to ask for, only to wait for.
  _read() {
    if (this[kPort] === null || this[kRefsPort]) return;
    this[kRefsPort] = true;
    this[kPort].ref();
  }

  _destroy(error, callback) {
    this.releasePort();
    callback(error);
  }

  releasePort() {
    if (!this[kRefsPort]) return;
    this[kRefsPort] = false;
    this[kPort].unref();
  }

  pushChunks(chunks) {
    for (const { chunk, encoding } of chunks) {
      if (chunk === null) {
        this.releasePort();
        if (!this.readableEnded) this.push(null);
      } else {
        this.push(chunk, encoding);
      }
    }
  }
}

// source.pipe(dest) without a MaxListenersExceededWarning for many workers writing to one
// process.stdout, and without ending dest when the worker's stream ends.
function pipeWithoutWarning(source, dest) {
  const sourceMax = source._maxListeners;
  const destMax = dest._maxListeners;
  source.setMaxListeners(Infinity);
  dest.setMaxListeners(Infinity);
  source.pipe(dest, { end: false });
  source._maxListeners = sourceMax;
  dest._maxListeners = destMax;
}

module.exports = { WritableWorkerStdio, ReadableWorkerStdio, pipeWithoutWarning };
