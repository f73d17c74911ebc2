'use strict';
// stream.Readable, written from node's documentation and from observing node 20.
//
// A Readable sits between a source (the implementer's _read(), which calls push()) and a
// consumer, which uses one of three styles:
//   paused   read() when it wants; 'readable' says when read() has something to give
//   flowing  'data' events (a 'data' listener, resume(), pipe()); pause() stops them
//   iterator for await (readable_iterator.js), built on the paused style
// Chunks wait in a queue (readable_queue.js); the source is asked for more whenever the queue is
// below highWaterMark, either by read() itself or, when nobody reads, by a top-up scheduled on
// the next tick. Most events are deferred with process.nextTick and a few are synchronous;
// programs observe which, so each place below says why it is one or the other.
//
// Files: readable_state.js (the state object and its flag bits), readable_queue.js,
// readable_pipe.js, readable_iterator.js; this one holds push/read, the mode switches and the
// end of the stream.

module.exports = Readable;

const EE = require('events');
const { Stream } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
  },
  AbortError,
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const { SymbolAsyncDispose } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const { FastBuffer } = require('internal/buffer');
const { ReadableState, Flag, kState, kDecoderValue } = require('internal/streams/readable_state');
const queue = require('internal/streams/readable_queue');
const pipes = require('internal/streams/readable_pipe');
const { iterateReadable } = require('internal/streams/readable_iterator');

const { errorOrDestroy } = destroyImpl;
const { appendChunk, prependChunk, takeFromQueue } = queue;

const {
  OBJECT_MODE, ERROR_EMITTED, AUTO_DESTROY, DESTROYED, CLOSE_EMITTED, ERRORED, CONSTRUCTED,
  ENDED, END_EMITTED, READING, IN_READ_CALL, WANTS_READABLE, READABLE_SCHEDULED,
  READABLE_LISTENING, RESUME_SCHEDULED, DRAIN_SET, FILL_SCHEDULED, DATA_EMITTED, HAS_DECODER,
  FLOWING_KNOWN, FLOWING, PAUSED, DATA_LISTENING,
} = Flag;

let StringDecoder;
let from;
let Duplex;

Readable.ReadableState = ReadableState;
Readable._fromList = function fromList(n, state) {
  return takeFromQueue(n, state);
};

Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);

  Duplex ??= require('internal/streams/duplex');
  const isDuplex = this instanceof Duplex;

  // Declaring the usual events up front gives every Readable the same object shape.
  this._events ??= {
    close: undefined,
    error: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new ReadableState(options, this, isDuplex);

  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  destroyImpl.construct(this, afterConstruct);
}

// _construct() finished: a read that waited for it can start now.
function afterConstruct() {
  const state = this._readableState;
  if ((state[kState] & WANTS_READABLE) !== 0) scheduleTopUp(this, state);
}
Object.defineProperty(Readable, destroyImpl.kOnConstructed, {
  __proto__: null, value: afterConstruct,
});

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function(err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};

Readable.prototype[SymbolAsyncDispose] = function() {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : new AbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => {
    eos(this, (err) => (err && err !== error ? reject(err) : resolve(null)));
  });
};

// ---- Chunks coming in: push() and unshift() ----

Readable.prototype.push = function(chunk, encoding) {
  return acceptChunk(this, chunk, encoding, false);
};

Readable.prototype.unshift = function(chunk, encoding) {
  return acceptChunk(this, chunk, encoding, true);
};

// Result of push(): whether the source may keep pushing. An empty queue always wants more (that
// is how highWaterMark 0 still moves data).
function wantsMore(state) {
  return (state[kState] & ENDED) === 0 &&
    (state.length < state.highWaterMark || state.length === 0);
}

function invalidChunkError(chunk) {
  return new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

function acceptChunk(stream, chunk, encoding, atFront) {
  const state = stream._readableState;
  const objectMode = (state[kState] & OBJECT_MODE) !== 0;

  // Byte streams queue Buffers, or strings already in the stream's own encoding. `encoding`
  // ends up '' for bytes the decoder still has to turn into text.
  if (!objectMode && chunk != null) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (atFront && state.encoding) {
          // Unshifted text joins text that was already decoded: convert it directly.
          chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof Buffer) {
      encoding = '';
    } else if (isArrayBufferView(chunk)) {
      chunk = new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = '';
    } else {
      errorOrDestroy(stream, invalidChunkError(chunk));
      return wantsMore(state);
    }
  }

  if (chunk === null) {
    state[kState] &= ~READING;
    markEnded(stream, state);
  } else if (objectMode || (chunk && chunk.length > 0)) {
    if (atFront) {
      if ((state[kState] & END_EMITTED) !== 0) {
        errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      } else if ((state[kState] & (DESTROYED | ERRORED)) !== 0) {
        return false;
      } else {
        deliverChunk(stream, state, chunk, true);
      }
    } else if ((state[kState] & ENDED) !== 0) {
      errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    } else if ((state[kState] & (DESTROYED | ERRORED)) !== 0) {
      return false;
    } else {
      state[kState] &= ~READING;
      if (encoding || (state[kState] & HAS_DECODER) === 0) {
        deliverChunk(stream, state, chunk, false);
      } else {
        const text = state[kDecoderValue].write(chunk);
        // A partial character yields nothing yet.
        if (objectMode || text.length !== 0) deliverChunk(stream, state, text, false);
        else scheduleTopUp(stream, state);
      }
    }
  } else if (!atFront) {
    // An empty chunk (or undefined): nothing to queue, but the source may be asked again.
    state[kState] &= ~READING;
    scheduleTopUp(stream, state);
  }

  return wantsMore(state);
}

function stopWaitingForDrain(state) {
  if ((state[kState] & DRAIN_SET) !== 0) state.awaitDrainWriters.clear();
  else state.awaitDrainWriters = null;
}

// A chunk arrived: hand it to 'data' at once when that is the consumer and nothing is queued
// ahead of it (and we are not inside _read(), where events must wait), else queue it.
function deliverChunk(stream, state, chunk, atFront) {
  if ((state[kState] & (FLOWING | IN_READ_CALL | DATA_LISTENING)) === (FLOWING | DATA_LISTENING) &&
      state.length === 0) {
    stopWaitingForDrain(state);
    state[kState] |= DATA_EMITTED;
    stream.emit('data', chunk);
  } else {
    if (atFront) prependChunk(state, chunk);
    else appendChunk(state, chunk);
    if ((state[kState] & WANTS_READABLE) !== 0) scheduleReadableEvent(stream);
  }
  scheduleTopUp(stream, state);
}

// push(null): no more data. A decoder may still hold the end of a character.
function markEnded(stream, state) {
  if ((state[kState] & ENDED) !== 0) return;
  if ((state[kState] & HAS_DECODER) !== 0) {
    const rest = state[kDecoderValue].end();
    if (rest && rest.length) appendChunk(state, rest);
  }
  state[kState] |= ENDED;

  if ((state[kState] & IN_READ_CALL) !== 0) {
    // Inside _read(): the read() that called it finishes first; 'readable' comes next tick.
    scheduleReadableEvent(stream);
  } else {
    // Outside: tell the consumer now.
    state[kState] = (state[kState] & ~WANTS_READABLE) | READABLE_SCHEDULED;
    emitReadableNow(stream);
  }
}

Readable.prototype.isPaused = function() {
  const bits = this._readableState[kState];
  return (bits & PAUSED) !== 0 || (bits & (FLOWING_KNOWN | FLOWING)) === FLOWING_KNOWN;
};

Readable.prototype.setEncoding = function(enc) {
  StringDecoder ??= require('string_decoder').StringDecoder;
  const decoder = new StringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  // The decoder's name is the canonical one ('utf8' for 'UTF-8').
  state.encoding = decoder.encoding;
  queue.decodeQueue(state, decoder);
  return this;
};

// ---- Chunks going out: read() ----

// read(n) with n above highWaterMark raises the mark to the next power of two (at most 1 GiB).
const kLargestMark = 0x40000000;
function markFor(size) {
  if (size > kLargestMark) throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', size);
  let mark = 1;
  while (mark < size) mark *= 2;
  return mark;
}

// How much a read of `requested` (NaN: "whatever suits") can return right now.
function readableAmount(state, requested) {
  const bits = state[kState];
  if (requested <= 0 || (state.length === 0 && (bits & ENDED) !== 0)) return 0;
  if ((bits & OBJECT_MODE) !== 0) return 1;
  if (requested !== requested) {
    // No size given: one chunk at a time while flowing, everything otherwise.
    if ((bits & FLOWING) !== 0 && state.length) return queue.firstChunk(state).length;
    return state.length;
  }
  if (requested <= state.length) return requested;
  // Not enough yet; at the end the remainder will do.
  return (bits & ENDED) !== 0 ? state.length : 0;
}

// Calls _read(). While it runs, IN_READ_CALL makes pushes queue and defer their events.
function callSource(stream, state) {
  state[kState] |= READING | IN_READ_CALL;
  if (state.length === 0) state[kState] |= WANTS_READABLE;
  try {
    stream._read(state.highWaterMark);
  } catch (err) {
    errorOrDestroy(stream, err);
  }
  state[kState] &= ~IN_READ_CALL;
}

Readable.prototype.read = function(n) {
  const state = this._readableState;
  let requested;
  if (n === undefined) requested = NaN;
  else if (Number.isInteger(n)) requested = n;
  else requested = Number.parseInt(n, 10);

  if (requested > state.highWaterMark) state.highWaterMark = markFor(requested);
  if (requested !== 0) state[kState] &= ~READABLE_SCHEDULED;

  // read(0) is a poke: when enough is queued (or the stream ended) it only raises the due
  // 'readable' or 'end' and returns.
  if (requested === 0 && (state[kState] & WANTS_READABLE) !== 0) {
    const ended = (state[kState] & ENDED) !== 0;
    const full = state.highWaterMark !== 0 ?
      state.length >= state.highWaterMark : state.length > 0;
    if (full || ended) {
      if (ended && state.length === 0) scheduleEnd(this);
      else scheduleReadableEvent(this);
      return null;
    }
  }

  let amount = readableAmount(state, requested);
  if (amount === 0 && (state[kState] & ENDED) !== 0) {
    if (state.length === 0) scheduleEnd(this);
    return null;
  }

  // Ask the source for more when the queue is (or this read leaves it) below the mark, unless
  // a _read() is already pending, the stream is over, or _construct() has not finished.
  const wantsSource = (state[kState] & WANTS_READABLE) !== 0 || state.length === 0 ||
    state.length - amount < state.highWaterMark;
  if (wantsSource &&
      (state[kState] & (READING | ENDED | DESTROYED | ERRORED | CONSTRUCTED)) === CONSTRUCTED) {
    callSource(this, state);
    // Pushed synchronously: there may be more to give now.
    if ((state[kState] & READING) === 0) amount = readableAmount(state, requested);
  }

  const chunk = amount > 0 ? takeFromQueue(amount, state) : null;
  if (chunk === null) {
    if (state.length <= state.highWaterMark) state[kState] |= WANTS_READABLE;
    else state[kState] &= ~WANTS_READABLE;
    amount = 0;
  } else {
    state.length -= amount;
    stopWaitingForDrain(state);
  }

  if (state.length === 0) {
    if ((state[kState] & ENDED) === 0) {
      // Drained: the next push should wake the consumer.
      state[kState] |= WANTS_READABLE;
    } else if (requested !== amount) {
      // The last data is gone and nothing more comes: 'end' is due.
      scheduleEnd(this);
    }
  }

  if (chunk !== null && (state[kState] & (ERROR_EMITTED | CLOSE_EMITTED)) === 0) {
    state[kState] |= DATA_EMITTED;
    this.emit('data', chunk);
  }
  return chunk;
};

Readable.prototype._read = function(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

Readable.prototype.pipe = function(dest, pipeOpts) {
  return pipes.pipe(this, dest, pipeOpts);
};

Readable.prototype.unpipe = function(dest) {
  return pipes.unpipe(this, dest);
};

// ---- Deferred work ----

// 'readable' at most once per tick; it follows on the next one.
function scheduleReadableEvent(stream) {
  const state = stream._readableState;
  state[kState] &= ~WANTS_READABLE;
  if ((state[kState] & READABLE_SCHEDULED) === 0) {
    state[kState] |= READABLE_SCHEDULED;
    process.nextTick(emitReadableNow, stream);
  }
}

function emitReadableNow(stream) {
  const state = stream._readableState;
  if ((state[kState] & (DESTROYED | ERRORED)) === 0 &&
      (state.length || (state[kState] & ENDED) !== 0)) {
    stream.emit('readable');
    state[kState] &= ~READABLE_SCHEDULED;
  }
  // Unless flowing or ended, ask to be woken again once the consumer has drained the queue
  // below the mark. (Only set here, never cleared: a pending request survives, as in node 20.)
  if ((state[kState] & (FLOWING | ENDED)) === 0 && state.length <= state.highWaterMark) {
    state[kState] |= WANTS_READABLE;
  }
  drainWhileFlowing(stream);
}

// When nobody is reading, fill the queue up to the mark on the next tick, so data is ready
// before the consumer asks.
function scheduleTopUp(stream, state) {
  if ((state[kState] & (FILL_SCHEDULED | CONSTRUCTED)) === CONSTRUCTED) {
    state[kState] |= FILL_SCHEDULED;
    process.nextTick(topUp, stream, state);
  }
}

function topUp(stream, state) {
  while ((state[kState] & (READING | ENDED)) === 0 &&
         (state.length < state.highWaterMark ||
          ((state[kState] & FLOWING) !== 0 && state.length === 0))) {
    const before = state.length;
    stream.read(0);
    // The source answers later: stop polling.
    if (state.length === before) break;
  }
  state[kState] &= ~FILL_SCHEDULED;
}

// 'end' comes on the next tick, and only if nothing was unshifted back meanwhile.
function scheduleEnd(stream) {
  const state = stream._readableState;
  if ((state[kState] & END_EMITTED) === 0) {
    state[kState] |= ENDED;
    process.nextTick(emitEndIfStillEmpty, state, stream);
  }
}

function emitEndIfStillEmpty(state, stream) {
  if ((state[kState] & (ERRORED | CLOSE_EMITTED | END_EMITTED)) !== 0 || state.length !== 0) {
    return;
  }
  state[kState] |= END_EMITTED;
  stream.emit('end');

  if (stream.writable && stream.allowHalfOpen === false) {
    // A duplex that may not stay half-open ends its writable side too.
    process.nextTick(endWritableSide, stream);
  } else if ((state[kState] & AUTO_DESTROY) !== 0) {
    // A duplex is destroyed only once its writable side is done as well.
    const wState = stream._writableState;
    if (!wState ||
        (wState.autoDestroy && (wState.finished || wState.writable === false))) {
      stream.destroy();
    }
  }
}

function endWritableSide(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

// ---- Flowing and paused mode ----

// Read chunk after chunk, each read() emitting 'data', while the stream flows.
function drainWhileFlowing(stream) {
  const state = stream._readableState;
  while ((state[kState] & FLOWING) !== 0 && stream.read() !== null);
}

// Listeners choose the mode: 'data' flows (unless paused explicitly); 'readable' takes
// precedence and keeps the stream paused.
Readable.prototype.on = function(ev, fn) {
  const result = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;

  if (ev === 'data') {
    state[kState] |= DATA_LISTENING;
    // (As node 20 this only ever sets the flag; a removed 'readable' listener is accounted
    // for on the next tick.)
    if (this.listenerCount('readable') > 0) state[kState] |= READABLE_LISTENING;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable' && (state[kState] & (END_EMITTED | READABLE_LISTENING)) === 0) {
    state[kState] = (state[kState] | READABLE_LISTENING | WANTS_READABLE | FLOWING_KNOWN) &
      ~(FLOWING | READABLE_SCHEDULED);
    if (state.length) scheduleReadableEvent(this);
    else if ((state[kState] & READING) === 0) process.nextTick(pokeRead, this);
  }
  return result;
};
Readable.prototype.addListener = Readable.prototype.on;

function pokeRead(stream) {
  stream.read(0);
}

Readable.prototype.removeListener = function(ev, fn) {
  const state = this._readableState;
  const result = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') {
    // Next tick, so that a listener can be replaced without switching modes in between.
    process.nextTick(reviewReadableListeners, this);
  } else if (ev === 'data' && this.listenerCount('data') === 0) {
    state[kState] &= ~DATA_LISTENING;
  }
  return result;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function(ev) {
  const result = Reflect.apply(Stream.prototype.removeAllListeners, this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(reviewReadableListeners, this);
  return result;
};

// Flowing starts on the next tick ('resume' event, then 'data').
Readable.prototype.resume = function() {
  const state = this._readableState;
  if ((state[kState] & FLOWING) === 0) {
    // With 'readable' listeners attached this only starts reading; they keep it paused.
    state.flowing = (state[kState] & READABLE_LISTENING) === 0;
    if ((state[kState] & RESUME_SCHEDULED) === 0) {
      state[kState] |= RESUME_SCHEDULED;
      process.nextTick(startFlowing, this, state);
    }
  }
  state.paused = false;
  return this;
};

function startFlowing(stream, state) {
  if ((state[kState] & READING) === 0) stream.read(0);
  state[kState] &= ~RESUME_SCHEDULED;
  stream.emit('resume');
  drainWhileFlowing(stream);
  if ((state[kState] & (FLOWING | READING)) === FLOWING) stream.read(0);
}

Readable.prototype.pause = function() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state.paused = true;
  return this;
};

// The 'readable' listeners changed: pick the mode that the remaining listeners imply.
function reviewReadableListeners(stream) {
  const state = stream._readableState;
  const readableListening = stream.listenerCount('readable') > 0;
  state.readableListening = readableListening;

  if ((state[kState] & RESUME_SCHEDULED) !== 0 && state.paused === false) {
    // resume() was called while 'readable' listeners kept the stream paused.
    state.flowing = true;
  } else if (stream.listenerCount('data') > 0) {
    stream.resume();
  } else if (!readableListening) {
    state.flowing = null;
  }
}

// Turns an old-style stream (only 'data'/'end' events and pause()/resume()) into a Readable.
Readable.prototype.wrap = function(stream) {
  let sourcePaused = false;

  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      sourcePaused = true;
      stream.pause();
    }
  });
  stream.on('end', () => {
    this.push(null);
  });
  stream.on('error', (err) => {
    errorOrDestroy(this, err);
  });
  stream.on('close', () => {
    this.destroy();
  });
  stream.on('destroy', () => {
    this.destroy();
  });

  this._read = () => {
    if (sourcePaused && stream.resume) {
      sourcePaused = false;
      stream.resume();
    }
  };

  // Borrow the old stream's own methods that a Readable lacks (skipping its first own key).
  const keys = Object.keys(stream);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    if (this[key] === undefined && typeof stream[key] === 'function') {
      this[key] = stream[key].bind(stream);
    }
  }
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function() {
  return iterateReadable(this);
};

Readable.prototype.iterator = function(options) {
  if (options !== undefined) validateObject(options, 'options');
  return iterateReadable(this, options);
};

// ---- Public getters ----

Object.defineProperties(Readable.prototype, {
  readable: {
    __proto__: null,
    get() {
      const r = this._readableState;
      // A Duplex without a readable side sets r.readable = false.
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },
  readableDidRead: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState.dataEmitted; },
  },
  readableAborted: {
    __proto__: null,
    enumerable: false,
    get() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
  },
  readableHighWaterMark: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState.highWaterMark; },
  },
  readableBuffer: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState?.buffer; },
  },
  readableFlowing: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState.flowing; },
    set(state) {
      if (this._readableState) this._readableState.flowing = state;
    },
  },
  readableLength: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState.length; },
  },
  readableObjectMode: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.objectMode : false;
    },
  },
  readableEncoding: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.encoding : null;
    },
  },
  errored: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.errored : null;
    },
  },
  closed: {
    __proto__: null,
    get() { return this._readableState ? this._readableState.closed : false; },
  },
  destroyed: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) {
      if (this._readableState) this._readableState.destroyed = value;
    },
  },
  readableEnded: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.endEmitted : false;
    },
  },
});

// ---- Iterator helpers (readable.map(), .toArray(), ...) ----
// Defined here so every Readable has them (process.stdin too) without loading node:stream;
// internal/streams/operators loads on first use. Each entry: property, function name, length
// (as node reports them).

let operators;
function loadOperators() {
  operators ??= require('internal/streams/operators');
  return operators;
}

function addHelper(key, name, length, fn) {
  Object.defineProperty(fn, 'name', { __proto__: null, value: name });
  Object.defineProperty(fn, 'length', { __proto__: null, value: length });
  Object.defineProperty(Readable.prototype, key, {
    __proto__: null, value: fn, enumerable: false, configurable: true, writable: true,
  });
}

// Helpers that return a new stream.
for (const [key, name, length] of [
  ['asIndexedPairs', 'deprecated', 0], ['drop', 'drop', 1], ['filter', 'filter', 2],
  ['flatMap', 'flatMap', 2], ['map', 'map', 2], ['take', 'take', 1], ['compose', 'compose', 2],
]) {
  addHelper(key, name, length, function(...args) {
    if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
    return Readable.from(Reflect.apply(loadOperators().streamReturningOperators[key], this, args));
  });
}

// Helpers that return a promise.
for (const [key, name, length] of [
  ['every', 'every', 1], ['forEach', 'forEach', 2], ['reduce', 'reduce', 3],
  ['toArray', 'toArray', 1], ['some', 'some', 1], ['find', 'find', 2],
]) {
  addHelper(key, name, length, function(...args) {
    if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
    return Reflect.apply(loadOperators().promiseReturningOperators[key], this, args);
  });
}

// ---- Static constructors ----

Readable.from = function(iterable, opts) {
  from ??= require('internal/streams/from');
  return from(Readable, iterable, opts);
};

Readable.fromWeb = function(readableStream, options) {
  return require('internal/webstreams/adapters')
    .newStreamReadableFromReadableStream(readableStream, options);
};

Readable.toWeb = function(streamReadable, options) {
  return require('internal/webstreams/adapters')
    .newReadableStreamFromStreamReadable(streamReadable, options);
};

Readable.wrap = function(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};
