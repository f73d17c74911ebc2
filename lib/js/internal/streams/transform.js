'use strict';
// stream.Transform: a Duplex whose output is computed from its input by _transform(chunk,
// encoding, callback); _flush(callback) may push a last chunk before the readable side ends.
// The writable side waits (the _transform callback is held back) while the readable buffer is
// full, so backpressure propagates from the reader to the writer.

module.exports = Transform;

const { ERR_METHOD_NOT_IMPLEMENTED } = require('internal/errors').codes;
const Duplex = require('internal/streams/duplex');
const { getHighWaterMark } = require('internal/streams/state');

Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

// The _transform callback held back while the readable buffer is full (the symbol's
// description shows in util.inspect, as node's).
const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);

  // readableHighWaterMark 0 would stall the writable side unless it buffers nothing either.
  const readableHighWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }

  Duplex.call(this, options);

  // A pushed chunk must not be delivered synchronously to 'data' listeners from inside
  // _write; Transform reads are never "sync".
  this._readableState.sync = false;

  this[kCallback] = null;

  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }

  // Subclasses that override _final still get _flush and the end of the readable side.
  this.on('prefinish', prefinish);
}

// Ends the readable side, after _flush (if any) pushed its last chunk. `done` is the
// _final callback, absent when called from 'prefinish'.
function endOutput(stream, done) {
  const finishWith = (err) => {
    if (done) done(err);
    else if (err) stream.destroy(err);
  };
  if (typeof stream._flush !== 'function' || stream.destroyed) {
    stream.push(null);
    if (done) done();
    return;
  }
  stream._flush((err, lastChunk) => {
    if (err) {
      finishWith(err);
      return;
    }
    if (lastChunk != null) stream.push(lastChunk);
    stream.push(null);
    if (done) done();
  });
}

// Named as node's (visible on Transform.prototype._final and the 'prefinish' listener).
function final(cb) {
  endOutput(this, cb);
}

function prefinish() {
  if (this._final !== final) endOutput(this, undefined);
}

Transform.prototype._final = final;

Transform.prototype._transform = function(chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

// Whether the writer may go on right away: the readable side is ending anyway, nothing was
// queued, or the readable buffer still has room.
function outputCanTakeMore(readableState, writableState, lengthBefore) {
  return writableState.ended || // kept for backwards compatibility
    lengthBefore === readableState.length ||
    readableState.length < readableState.highWaterMark;
}

Transform.prototype._write = function(chunk, encoding, callback) {
  const readableState = this._readableState;
  const writableState = this._writableState;
  const lengthBefore = readableState.length;

  this._transform(chunk, encoding, (err, output) => {
    if (err) {
      callback(err);
      return;
    }
    if (output != null) this.push(output);

    if (readableState.ended) {
      // Nothing will ever read the output: let the writer finish.
      process.nextTick(callback);
    } else if (outputCanTakeMore(readableState, writableState, lengthBefore)) {
      callback();
    } else {
      this[kCallback] = callback; // released by the next _read
    }
  });
};

Transform.prototype._read = function() {
  const held = this[kCallback];
  if (held) {
    this[kCallback] = null;
    held();
  }
};
