'use strict';
// stream.Duplex: a Readable that is also a Writable (instanceof both), with one state object
// per side. `allowHalfOpen: false` ends the writable side when the readable side ends.

module.exports = Duplex;

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Stream } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');

Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

{
  // Writable's methods, where Readable has no method of that name.
  const keys = Object.keys(Writable.prototype);
  for (let i = 0; i < keys.length; i++) {
    const method = keys[i];
    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
  }
}

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) markReadableSideOver(this._readableState);
    if (options.writable === false) markWritableSideOver(this._writableState);
    takeImplementationsFrom(options, this);
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }

  Stream.call(this, options);

  if (typeof this._construct === 'function') {
    destroyImpl.construct(this, Readable[destroyImpl.kOnConstructed]);
    destroyImpl.construct(this, Writable[destroyImpl.kOnConstructed]);
  }
}

// A side switched off at construction looks as if it had already ended.
function markReadableSideOver(state) {
  state.readable = false;
  state.ended = true;
  state.endEmitted = true;
}

function markWritableSideOver(state) {
  state.writable = false;
  state.ending = true;
  state.ended = true;
  state.finished = true;
}

// The simplified-construction options (node's order, which util.inspect shows).
const kImplementationOptions = [
  ['read', '_read'], ['write', '_write'], ['writev', '_writev'], ['destroy', '_destroy'],
  ['final', '_final'], ['construct', '_construct'],
];

function takeImplementationsFrom(options, stream) {
  for (const [option, method] of kImplementationOptions) {
    if (typeof options[option] === 'function') stream[method] = options[option];
  }
}

// Writable.prototype.destroy also fails queued writes.
Duplex.prototype.destroy = Writable.prototype.destroy;

function writableDescriptor(name) {
  return { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, name) };
}

Object.defineProperties(Duplex.prototype, {
  writable: writableDescriptor('writable'),
  writableHighWaterMark: writableDescriptor('writableHighWaterMark'),
  writableObjectMode: writableDescriptor('writableObjectMode'),
  writableBuffer: writableDescriptor('writableBuffer'),
  writableLength: writableDescriptor('writableLength'),
  writableFinished: writableDescriptor('writableFinished'),
  writableCorked: writableDescriptor('writableCorked'),
  writableEnded: writableDescriptor('writableEnded'),
  writableNeedDrain: writableDescriptor('writableNeedDrain'),

  destroyed: {
    __proto__: null,
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

Duplex.fromWeb = function(pair, options) {
  return require('internal/webstreams/adapters').newStreamDuplexFromReadableWritablePair(pair, options);
};

Duplex.toWeb = function(duplex) {
  return require('internal/webstreams/adapters').newReadableWritablePairFromDuplex(duplex);
};

let duplexify;
Duplex.from = function(body) {
  duplexify ??= require('internal/streams/duplexify');
  return duplexify(body, 'body');
};
