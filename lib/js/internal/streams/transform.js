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

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function(chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

Transform.prototype._write = function(chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;

  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }

    if (val != null) this.push(val);

    if (rState.ended) {
      // The readable side is over: nothing will ever read the output.
      process.nextTick(callback);
    } else if (wState.ended || // Backwards compatibility.
               length === rState.length || // Nothing was queued.
               rState.length < rState.highWaterMark) {
      callback();
    } else {
      // Wait for _read.
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function() {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};
