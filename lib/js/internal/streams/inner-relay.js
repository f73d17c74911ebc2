'use strict';
// The plumbing shared by the Duplexes that front other streams (Duplex.from's pairs and
// compose()): writes go to an inner writable, reads come from an inner readable, and the
// Duplex's callbacks are parked until the inner streams make progress. Backpressure thus
// stays with the inner streams.

const { AbortError } = require('internal/errors');

class InnerRelay {
  constructor(duplex) {
    this.duplex = duplex;
    this.waiting = { drain: null, finish: null, readable: null };
    // undefined while the inner streams run; the destroy callback if the Duplex was destroyed
    // first; null once the inner streams are done.
    this.destroyCallback = undefined;
  }

  release(kind) {
    const callback = this.waiting[kind];
    this.waiting[kind] = null;
    if (callback) callback();
  }

  // The Duplex writes into a node Writable; _final ends it and waits for release('finish').
  writeTo(sink) {
    const { duplex, waiting } = this;
    duplex._write = function(chunk, encoding, callback) {
      if (sink.write(chunk, encoding)) callback();
      else waiting.drain = callback;
    };
    duplex._final = function(callback) {
      sink.end();
      waiting.finish = callback;
    };
    sink.on('drain', () => this.release('drain'));
  }

  // The Duplex reads from a node Readable, pulling until it is empty or the Duplex is full.
  readFrom(source) {
    const { duplex, waiting } = this;
    source.on('readable', () => this.release('readable'));
    source.on('end', () => duplex.push(null));
    duplex._read = function() {
      for (;;) {
        const chunk = source.read();
        if (chunk === null) {
          waiting.readable = duplex._read;
          return;
        }
        if (!duplex.push(chunk)) return;
      }
    };
  }

  // The inner streams are done: completes a pending destroy, or destroys the Duplex with
  // the error. Returns false when there was neither.
  innerDone(err) {
    const callback = this.destroyCallback;
    this.destroyCallback = null;
    if (callback) {
      callback(err);
      return true;
    }
    if (err) {
      this.duplex.destroy(err);
      return true;
    }
    return false;
  }

  // Destroying the Duplex while the inner streams run destroys them (destroyInner) and
  // completes once they are done; without an error that is an AbortError.
  onDestroy(destroyInner) {
    const relay = this;
    this.duplex._destroy = function(err, callback) {
      if (!err && relay.destroyCallback !== null) err = new AbortError();
      relay.waiting.readable = null;
      relay.waiting.drain = null;
      relay.waiting.finish = null;
      if (relay.destroyCallback === null) {
        callback(err);
      } else {
        relay.destroyCallback = callback;
        destroyInner(err);
      }
    };
  }
}

module.exports = { InnerRelay };
