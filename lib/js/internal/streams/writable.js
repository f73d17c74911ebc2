'use strict';
// stream.Writable, written from node's documentation and from watching node v20 run.
//
// A chunk's way through:
//   write()  normalise the chunk, count it (length, pendingcb), then start it at once when the
//            stream is idle or append it to the write queue.
//   _write() / _writev() report through state.onwrite. The chunk's callback then runs, a tick
//            later when the report came synchronously; the queue is fed on; 'drain' follows when
//            write() had returned false and everything is written.
// The way to the end:
//   end()    once nothing is queued or in flight: _final() (when defined), 'prefinish', 'finish',
//            then destroy() when autoDestroy, which brings 'close'.
//
// What the state looks like is part of the contract: util.inspect shows it (a net.Socket shows
// its _writableState) and other modules read its fields. So it keeps node's own fields
// (highWaterMark, length, corked, onwrite, writelen, bufferedIndex, pendingcb), a bit set under
// Symbol(kState) with node's bit positions, and symbol-keyed slots for the values some flags
// guard. The write queue is an array of { chunk, encoding, callback } consumed from
// `bufferedIndex`; entries already started are set to null.

module.exports = Writable;
Writable.WritableState = WritableState;

const EE = require('events');
const Stream = require('internal/streams/legacy').Stream;
const { Buffer } = require('buffer');
const destroyImpl = require('internal/streams/destroy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_METHOD_NOT_IMPLEMENTED,
  ERR_MULTIPLE_CALLBACK,
  ERR_STREAM_ALREADY_FINISHED,
  ERR_STREAM_CANNOT_PIPE,
  ERR_STREAM_DESTROYED,
  ERR_STREAM_NULL_VALUES,
  ERR_STREAM_WRITE_AFTER_END,
  ERR_UNKNOWN_ENCODING,
} = require('internal/errors').codes;
const { SymbolAsyncDispose } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const { FastBuffer } = require('internal/buffer');
const { AbortError } = require('internal/errors');

const { errorOrDestroy } = destroyImpl;

let Duplex;
let eos;

Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

// The callback of a write() called without one. Compared by identity: a write without a user
// callback needs no tick of its own.
function nop() {}

// --- the bit set ----------------------------------------------------------------------------
// Bit positions are node's: the number shows in util.inspect.
const OBJECT_MODE = 1 << 0;
const ERROR_EMITTED = 1 << 1;
const AUTO_DESTROY = 1 << 2;
const EMIT_CLOSE = 1 << 3;
const DESTROYED = 1 << 4;
const CLOSED = 1 << 5;
const CLOSE_EMITTED = 1 << 6;
const ERRORED = 1 << 7;
const CONSTRUCTED = 1 << 8;
const IN_SYNC_CALL = 1 << 9;           // inside _write/_writev/_final: reports are deferred
const FINAL_CALLED = 1 << 10;
const NEED_DRAIN = 1 << 11;            // write() returned false: 'drain' is owed
const ENDING = 1 << 12;                // end() was called
const FINISHED = 1 << 13;              // 'finish' was emitted
const DECODE_STRINGS = 1 << 14;
const WRITING = 1 << 15;               // a _write/_writev is in flight
const FEEDING_QUEUE = 1 << 16;         // the queue is being handed to _write right now
const PREFINISHED = 1 << 17;
const QUEUE_ALL_BUFFERS = 1 << 18;     // every queued chunk is a Buffer
const QUEUE_ALL_NOOP = 1 << 19;        // no queued chunk has a user callback
const HAS_END_CALLBACKS = 1 << 20;
const HAS_WRITABLE_FLAG = 1 << 21;     // `writable` was set (a Duplex may turn its side off)
const WRITABLE_FLAG = 1 << 22;
const CORKED = 1 << 23;
const UTF8_DEFAULT = 1 << 24;          // defaultEncoding is utf8 (otherwise it sits in a slot)
const HAS_WRITE_CALLBACK = 1 << 25;    // the write in flight has a user callback
const AWAITING_REPORT = 1 << 26;       // the write in flight has not called back yet
const HAS_CALLBACK_BATCH = 1 << 27;
const CALLBACK_TICK_PENDING = 1 << 28; // a tick that delivers write callbacks is scheduled
const HAS_QUEUE = 1 << 29;             // the queue array exists (it may be fully consumed)
const ENDED = 1 << 30;                 // end() returned

// The stream may hand a chunk to _write at once only when constructed and none of the others.
const START_NOW_MASK = WRITING | ERRORED | CORKED | CONSTRUCTED;
// 'finish' may come when ending and constructed and none of the others, with nothing counted.
const FINISH_MASK = ENDING | CONSTRUCTED | DESTROYED | FINISHED | WRITING | ERROR_EMITTED |
  CLOSE_EMITTED | ERRORED | HAS_QUEUE;
// Feeding the queue to _write needs a queue and construction done, and none of the others.
const FEED_MASK = DESTROYED | FEEDING_QUEUE | CORKED | HAS_QUEUE | CONSTRUCTED;

// Slots for the values behind flags. The descriptions are node's (util.inspect shows them).
const kState = Symbol('kState');
const kErrorSlot = Symbol('kErroredValue');
const kEncodingSlot = Symbol('kDefaultEncodingValue');
const kWriteCallbackSlot = Symbol('kWriteCbValue');
const kCallbackBatchSlot = Symbol('kAfterWriteTickInfoValue');
const kQueueSlot = Symbol('kBufferedValue');
const kEndCallbacksSlot = Symbol('kOnFinishedValue');

function WritableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') {
    Duplex ??= require('internal/streams/duplex');
    isDuplex = stream instanceof Duplex;
  }

  let bits = IN_SYNC_CALL | CONSTRUCTED | EMIT_CLOSE | AUTO_DESTROY;
  if (options?.objectMode || (isDuplex && options?.writableObjectMode)) bits |= OBJECT_MODE;
  this[kState] = bits;

  // getHighWaterMark reads objectMode, set just above.
  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  if (options?.decodeStrings !== false) this[kState] |= DECODE_STRINGS;
  if (options?.emitClose === false) this[kState] &= ~EMIT_CLOSE;
  if (options?.autoDestroy === false) this[kState] &= ~AUTO_DESTROY;

  const encoding = options?.defaultEncoding;
  if (encoding == null || encoding === 'utf8' || encoding === 'utf-8') {
    this[kState] |= UTF8_DEFAULT;
  } else if (Buffer.isEncoding(encoding)) {
    this[kEncodingSlot] = encoding;
  } else {
    throw new ERR_UNKNOWN_ENCODING(encoding);
  }

  // Size of everything written and not yet reported done, the write in flight included.
  this.length = 0;
  this.corked = 0;
  // The report callback handed to _write/_writev.
  this.onwrite = onwrite.bind(undefined, stream);
  // Size of the write in flight.
  this.writelen = 0;
  emptyQueue(this);
  // write() and _final() calls not yet reported; 'finish' waits for this to reach 0.
  this.pendingcb = 0;
}

// --- state accessors ------------------------------------------------------------------------

const FLAG_PROPERTIES = [
  ['objectMode', OBJECT_MODE],
  ['finalCalled', FINAL_CALLED],
  ['needDrain', NEED_DRAIN],
  ['ending', ENDING],
  ['ended', ENDED],
  ['finished', FINISHED],
  ['destroyed', DESTROYED],
  ['decodeStrings', DECODE_STRINGS],
  ['writing', WRITING],
  ['sync', IN_SYNC_CALL],
  ['bufferProcessing', FEEDING_QUEUE],
  ['constructed', CONSTRUCTED],
  ['prefinished', PREFINISHED],
  ['errorEmitted', ERROR_EMITTED],
  ['emitClose', EMIT_CLOSE],
  ['autoDestroy', AUTO_DESTROY],
  ['closed', CLOSED],
  ['closeEmitted', CLOSE_EMITTED],
  ['allBuffers', QUEUE_ALL_BUFFERS],
  ['allNoop', QUEUE_ALL_NOOP],
];

for (const [name, bit] of FLAG_PROPERTIES) {
  Object.defineProperty(WritableState.prototype, name, {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) !== 0; },
    set(on) {
      if (on) this[kState] |= bit;
      else this[kState] &= ~bit;
    },
  });
}

Object.defineProperties(WritableState.prototype, {
  // Clearing keeps the old error in its slot; only the flag says whether it counts.
  errored: {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & ERRORED) !== 0 ? this[kErrorSlot] : null; },
    set(err) {
      if (err) {
        this[kErrorSlot] = err;
        this[kState] |= ERRORED;
      } else {
        this[kState] &= ~ERRORED;
      }
    },
  },
  // Three-valued: undefined (never set), true or false.
  writable: {
    __proto__: null,
    enumerable: false,
    get() {
      if ((this[kState] & HAS_WRITABLE_FLAG) === 0) return undefined;
      return (this[kState] & WRITABLE_FLAG) !== 0;
    },
    set(value) {
      if (value == null) {
        this[kState] &= ~(HAS_WRITABLE_FLAG | WRITABLE_FLAG);
      } else {
        this[kState] |= HAS_WRITABLE_FLAG;
        if (value) this[kState] |= WRITABLE_FLAG;
        else this[kState] &= ~WRITABLE_FLAG;
      }
    },
  },
  defaultEncoding: {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & UTF8_DEFAULT) !== 0 ? 'utf8' : this[kEncodingSlot]; },
    set(encoding) {
      if (encoding === 'utf8' || encoding === 'utf-8') {
        this[kState] |= UTF8_DEFAULT;
      } else {
        this[kState] &= ~UTF8_DEFAULT;
        this[kEncodingSlot] = encoding;
      }
    },
  },
  // The user callback of the write in flight (nop when it has none).
  writecb: {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & HAS_WRITE_CALLBACK) !== 0 ? this[kWriteCallbackSlot] : nop; },
    set(callback) {
      if (callback) {
        this[kWriteCallbackSlot] = callback;
        this[kState] |= HAS_WRITE_CALLBACK;
      } else {
        this[kWriteCallbackSlot] = null;
        this[kState] &= ~HAS_WRITE_CALLBACK;
      }
    },
  },
  // Synchronously completed writes sharing one callback, waiting for their tick.
  afterWriteTickInfo: {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & HAS_CALLBACK_BATCH) !== 0 ? this[kCallbackBatchSlot] : null; },
    set(batch) {
      this[kCallbackBatchSlot] = batch;
      if (batch) this[kState] |= HAS_CALLBACK_BATCH;
      else this[kState] &= ~HAS_CALLBACK_BATCH;
    },
  },
  buffered: {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & HAS_QUEUE) !== 0 ? this[kQueueSlot] : []; },
    set(queue) {
      this[kQueueSlot] = queue;
      if (queue) this[kState] |= HAS_QUEUE;
      else this[kState] &= ~HAS_QUEUE;
    },
  },
});

WritableState.prototype.getBuffer = function getBuffer() {
  return (this[kState] & HAS_QUEUE) !== 0 ? this[kQueueSlot].slice(this.bufferedIndex) : [];
};

Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  __proto__: null,
  get() { return queuedCount(this); },
});

// --- the write queue ------------------------------------------------------------------------

function queuedCount(state) {
  return (state[kState] & HAS_QUEUE) !== 0 ? state[kQueueSlot].length - state.bufferedIndex : 0;
}

function enqueue(state, chunk, encoding, callback) {
  if ((state[kState] & HAS_QUEUE) === 0) {
    state[kQueueSlot] = [];
    state[kState] |= HAS_QUEUE;
  }
  state[kQueueSlot].push({ chunk, encoding, callback });
  if (encoding !== 'buffer') state[kState] &= ~QUEUE_ALL_BUFFERS;
  if (callback !== nop) state[kState] &= ~QUEUE_ALL_NOOP;
}

function emptyQueue(state) {
  state[kQueueSlot] = null;
  state.bufferedIndex = 0;
  state[kState] = (state[kState] | QUEUE_ALL_BUFFERS | QUEUE_ALL_NOOP) & ~HAS_QUEUE;
}

// Remembers that the entries before `next` were started. A long consumed prefix is cut off so
// that a queue under steady load does not grow without bound.
function consumeQueueUpTo(state, queue, next) {
  if (next === queue.length) {
    emptyQueue(state);
  } else if (next > 256) {
    queue.splice(0, next);
    state.bufferedIndex = 0;
  } else {
    state.bufferedIndex = next;
  }
}

// --- end() callbacks ------------------------------------------------------------------------

function addEndCallback(state, callback) {
  if ((state[kState] & HAS_END_CALLBACKS) === 0) {
    state[kEndCallbacksSlot] = [callback];
    state[kState] |= HAS_END_CALLBACKS;
  } else {
    state[kEndCallbacksSlot].push(callback);
  }
}

function callEndCallbacks(state, err) {
  if ((state[kState] & HAS_END_CALLBACKS) === 0) return;
  const callbacks = state[kEndCallbacksSlot];
  state[kEndCallbacksSlot] = null;
  state[kState] &= ~HAS_END_CALLBACKS;
  for (let i = 0; i < callbacks.length; i++) callbacks[i](err);
}

// --- construction ---------------------------------------------------------------------------

function Writable(options) {
  Duplex ??= require('internal/streams/duplex');
  const isDuplex = this instanceof Duplex;

  // Callable without `new`. A Duplex gets here as `this` and passes (see Symbol.hasInstance).
  if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) {
    return new Writable(options);
  }

  // The events a writable emits get their slots up front, so the object keeps one shape.
  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
  };

  this._writableState = new WritableState(options, this, isDuplex);

  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  destroyImpl.construct(this, onWritableConstructed);
}

// Runs (as the stream) once _construct succeeded: what waited for it may go now.
function onWritableConstructed() {
  const state = this._writableState;
  if ((state[kState] & WRITING) === 0) feedQueue(this, state);
  maybeFinish(this, state, false);
}
Object.defineProperty(Writable, destroyImpl.kOnConstructed, {
  __proto__: null, value: onWritableConstructed,
});

// A Duplex counts as a Writable too (it can inherit from one class only).
Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  value: function(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function() {
  errorOrDestroy(this, new ERR_STREAM_CANNOT_PIPE());
};

// --- write() --------------------------------------------------------------------------------

// Shared by write() and end(chunk). Returns whether the caller may go on writing, or the Error
// the write was refused with (already reported to the callback and the stream).
function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  const callback = typeof cb === 'function' ? cb : nop;

  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();

  // In objectMode chunk and encoding go to _write as given; otherwise bytes, or a string when
  // decodeStrings is off.
  if ((state[kState] & OBJECT_MODE) === 0) {
    if (!encoding) {
      encoding = state.defaultEncoding;
    } else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }

    if (typeof chunk === 'string') {
      if ((state[kState] & DECODE_STRINGS) !== 0) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (isArrayBufferView(chunk)) {
      chunk = new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }

  let refusal = null;
  if ((state[kState] & ENDING) !== 0) refusal = new ERR_STREAM_WRITE_AFTER_END();
  else if ((state[kState] & DESTROYED) !== 0) refusal = new ERR_STREAM_DESTROYED('write');
  if (refusal !== null) {
    process.nextTick(callback, refusal);
    errorOrDestroy(stream, refusal, true);
    return refusal;
  }

  const size = (state[kState] & OBJECT_MODE) !== 0 ? 1 : chunk.length;
  state.pendingcb++;
  state.length += size;

  if ((state[kState] & START_NOW_MASK) === CONSTRUCTED) {
    startWrite(stream, state, size, chunk, encoding, callback, false);
  } else {
    enqueue(state, chunk, encoding, callback);
  }

  // Measured after starting: a write that completed synchronously freed its room already.
  const hasRoom = state.length < state.highWaterMark;
  if (!hasRoom) state[kState] |= NEED_DRAIN;
  return hasRoom && (state[kState] & (DESTROYED | ERRORED)) === 0;
}

Writable.prototype.write = function(chunk, encoding, cb) {
  if (encoding != null && typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  return writeChunk(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function() {
  const state = this._writableState;
  state[kState] |= CORKED;
  state.corked++;
};

Writable.prototype.uncork = function() {
  const state = this._writableState;
  if (!state.corked) return;
  state.corked--;
  if (!state.corked) state[kState] &= ~CORKED;
  if ((state[kState] & WRITING) === 0) feedQueue(this, state);
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

// Hands one chunk (or, `batched`, an array of queue entries) to the implementation.
function startWrite(stream, state, size, chunk, encoding, callback, batched) {
  state.writelen = size;
  if (callback !== nop) state.writecb = callback;
  state[kState] |= WRITING | IN_SYNC_CALL | AWAITING_REPORT;
  if ((state[kState] & DESTROYED) !== 0) {
    state.onwrite(new ERR_STREAM_DESTROYED('write'));
  } else if (batched) {
    stream._writev(chunk, state.onwrite);
  } else {
    stream._write(chunk, encoding, state.onwrite);
  }
  state[kState] &= ~IN_SYNC_CALL;
}

// --- the report from _write / _writev -------------------------------------------------------

// Bound to the stream as state.onwrite (the name shows in util.inspect).
function onwrite(stream, err) {
  const state = stream._writableState;

  if ((state[kState] & AWAITING_REPORT) === 0) {
    errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK());
    return;
  }

  const reportedSync = (state[kState] & IN_SYNC_CALL) !== 0;
  const callback = (state[kState] & HAS_WRITE_CALLBACK) !== 0 ? state[kWriteCallbackSlot] : nop;

  state.writecb = null;
  state[kState] &= ~(WRITING | AWAITING_REPORT);
  state.length -= state.writelen;
  state.writelen = 0;

  if (err) {
    keepWriteError(stream, state, err);
    if (reportedSync) process.nextTick(failWrite, stream, state, err, callback);
    else failWrite(stream, state, err, callback);
    return;
  }

  if (queuedCount(state) > 0) feedQueue(stream, state);

  if (reportedSync) deferWriteCallback(stream, state, callback);
  else afterWritesDone(stream, state, 1, callback);
}

function keepWriteError(stream, state, err) {
  err.stack; // eslint-disable-line no-unused-expressions -- fix the stack while it is telling
  if ((state[kState] & ERRORED) === 0) {
    state[kErrorSlot] = err;
    state[kState] |= ERRORED;
  }
  const readableSide = stream._readableState;
  if (readableSide && !readableSide.errored) readableSide.errored = err;
}

// A failed write: its callback gets the error, so does everything still queued, then the stream
// is destroyed (or just errored, without autoDestroy).
function failWrite(stream, state, err, callback) {
  state.pendingcb--;
  callback(err);
  failQueuedWrites(state);
  errorOrDestroy(stream, err);
}

// A write that completed inside _write: its callback must not run before write() returned.
// Writes that share one callback (say, many in a loop) share one tick, counted in a batch.
function deferWriteCallback(stream, state, callback) {
  if (callback === nop) {
    // Without a user callback a tick is needed only to emit 'drain'. (node 20 also takes one for
    // every write in objectMode, and so do we.)
    const wantsTick = ((state[kState] & NEED_DRAIN) !== 0 && state.length === 0) ||
      (state[kState] & OBJECT_MODE) !== 0;
    if (wantsTick && (state[kState] & CALLBACK_TICK_PENDING) === 0) {
      state[kState] |= CALLBACK_TICK_PENDING;
      process.nextTick(afterWritesDone, stream, state, 1, nop);
    } else {
      state.pendingcb--;
      if ((state[kState] & ENDING) !== 0) maybeFinish(stream, state, true);
    }
    return;
  }

  const batch = (state[kState] & HAS_CALLBACK_BATCH) !== 0 ? state[kCallbackBatchSlot] : null;
  if (batch !== null && batch.cb === callback) {
    batch.count++;
    return;
  }
  const fresh = { count: 1, cb: callback, stream, state };
  state.afterWriteTickInfo = fresh;
  state[kState] |= CALLBACK_TICK_PENDING;
  process.nextTick(runCallbackBatch, fresh);
}

function runCallbackBatch(batch) {
  batch.state.afterWriteTickInfo = null;
  afterWritesDone(batch.stream, batch.state, batch.count, batch.cb);
}

// `count` writes reported success: 'drain' if owed, their callbacks, then maybe 'finish'.
function afterWritesDone(stream, state, count, callback) {
  state[kState] &= ~CALLBACK_TICK_PENDING;

  const drainOwed = (state[kState] & (ENDING | NEED_DRAIN | DESTROYED)) === NEED_DRAIN &&
    state.length === 0 && !stream.destroyed;
  if (drainOwed) {
    state[kState] &= ~NEED_DRAIN;
    stream.emit('drain');
  }

  for (; count > 0; count--) {
    state.pendingcb--;
    callback(null);
  }

  if ((state[kState] & DESTROYED) !== 0) failQueuedWrites(state);

  // Deferred: 'finish' comes on a later tick than the last write callback.
  maybeFinish(stream, state, true);
}

// Calls back every queued write and every end() callback with the stream's error (or
// ERR_STREAM_DESTROYED). Waits while a write is in flight: its report comes back here.
function failQueuedWrites(state) {
  if ((state[kState] & WRITING) !== 0) return;

  if ((state[kState] & HAS_QUEUE) !== 0) {
    const queue = state[kQueueSlot];
    const objectMode = (state[kState] & OBJECT_MODE) !== 0;
    // queue.length is read each round: a callback may write (and queue) again.
    for (let i = state.bufferedIndex; i < queue.length; i++) {
      const entry = queue[i];
      state.length -= objectMode ? 1 : entry.chunk.length;
      entry.callback(state.errored ?? new ERR_STREAM_DESTROYED('write'));
    }
  }

  if ((state[kState] & HAS_END_CALLBACKS) !== 0) {
    const callbacks = state[kEndCallbacksSlot];
    state[kEndCallbacksSlot] = null;
    state[kState] &= ~HAS_END_CALLBACKS;
    for (let i = 0; i < callbacks.length; i++) {
      callbacks[i](state.errored ?? new ERR_STREAM_DESTROYED('end'));
    }
  }

  emptyQueue(state);
}

// Hands the queue to the implementation: in one _writev call when there is more than one entry
// and _writev exists, else entry by entry for as long as each write completes synchronously.
function feedQueue(stream, state) {
  if ((state[kState] & FEED_MASK) !== (HAS_QUEUE | CONSTRUCTED)) return;

  const queue = state[kQueueSlot];
  const first = state.bufferedIndex;
  const waiting = queue.length - first;
  if (waiting === 0) return;

  state[kState] |= FEEDING_QUEUE;
  if (waiting > 1 && stream._writev) {
    writeQueueAsBatch(stream, state, queue, first, waiting);
  } else {
    writeQueueInOrder(stream, state, queue, first);
  }
  state[kState] &= ~FEEDING_QUEUE;
}

function writeQueueAsBatch(stream, state, queue, first, waiting) {
  // The batch reports once for all of its entries.
  state.pendingcb -= waiting - 1;

  const noCallbacks = (state[kState] & QUEUE_ALL_NOOP) !== 0;
  const callback = noCallbacks ? nop : (err) => {
    for (let i = first; i < queue.length; i++) queue[i].callback(err);
  };
  // _writev may keep its array: the queue itself goes only when the queue is then dropped whole.
  const entries = noCallbacks && first === 0 ? queue : queue.slice(first);
  entries.allBuffers = (state[kState] & QUEUE_ALL_BUFFERS) !== 0;

  startWrite(stream, state, state.length, entries, '', callback, true);
  emptyQueue(state);
}

function writeQueueInOrder(stream, state, queue, first) {
  const objectMode = (state[kState] & OBJECT_MODE) !== 0;
  let next = first;
  do {
    const entry = queue[next];
    queue[next++] = null;
    const size = objectMode ? 1 : entry.chunk.length;
    startWrite(stream, state, size, entry.chunk, entry.encoding, entry.callback, false);
  } while (next < queue.length && (state[kState] & WRITING) === 0);
  consumeQueueUpTo(state, queue, next);
}

Writable.prototype._write = function(chunk, encoding, cb) {
  if (this._writev) {
    this._writev([{ chunk, encoding }], cb);
  } else {
    throw new ERR_METHOD_NOT_IMPLEMENTED('_write()');
  }
};

Writable.prototype._writev = null;

// --- end() and the way to 'finish' ----------------------------------------------------------

Writable.prototype.end = function(chunk, encoding, cb) {
  const state = this._writableState;

  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }

  let refusal = null;
  if (chunk !== null && chunk !== undefined) {
    const written = writeChunk(this, chunk, encoding);
    // A refused last chunk was reported by writeChunk; end() then only tells its callback.
    if (written instanceof Error) refusal = written;
  }

  // end() uncorks completely.
  if ((state[kState] & CORKED) !== 0) {
    state.corked = 1;
    this.uncork();
  }

  if (refusal === null) {
    if ((state[kState] & (ERRORED | ENDING)) === 0) {
      state[kState] |= ENDING;
      maybeFinish(this, state, true);
      state[kState] |= ENDED;
    } else if ((state[kState] & FINISHED) !== 0) {
      refusal = new ERR_STREAM_ALREADY_FINISHED('end');
    } else if ((state[kState] & DESTROYED) !== 0) {
      refusal = new ERR_STREAM_DESTROYED('end');
    }
  }

  if (typeof cb === 'function') {
    if (refusal !== null) {
      process.nextTick(cb, refusal);
    } else if ((state[kState] & ERRORED) !== 0) {
      // Failed before (maybe in a _final that called back just now).
      process.nextTick(cb, state[kErrorSlot]);
    } else if ((state[kState] & FINISHED) !== 0) {
      process.nextTick(cb, null);
    } else {
      addEndCallback(state, cb);
    }
  }

  return this;
};

function readyToFinish(state) {
  return (state[kState] & FINISH_MASK) === (ENDING | CONSTRUCTED) && state.length === 0;
}

// Moves an ending stream on: calls _final (or emits 'prefinish') once everything is written,
// and emits 'finish' when no callback is outstanding any more. With `defer` the 'finish' comes
// on the next tick, and only if the stream is still ready then.
function maybeFinish(stream, state, defer) {
  if (!readyToFinish(state)) return;
  beginFinishing(stream, state);
  if (state.pendingcb !== 0) return;
  if (defer) {
    // Counted as pending so that nothing else finishes the stream meanwhile.
    state.pendingcb++;
    process.nextTick(finishIfStillReady, stream, state);
  } else if (readyToFinish(state)) {
    state.pendingcb++;
    emitFinish(stream, state);
  }
}

function finishIfStillReady(stream, state) {
  if (readyToFinish(state)) emitFinish(stream, state);
  else state.pendingcb--;
}

function beginFinishing(stream, state) {
  if ((state[kState] & (PREFINISHED | FINAL_CALLED)) !== 0) return;
  if (typeof stream._final === 'function' && (state[kState] & DESTROYED) === 0) {
    state[kState] |= FINAL_CALLED;
    runUserFinal(stream, state);
  } else {
    state[kState] |= PREFINISHED | FINAL_CALLED;
    stream.emit('prefinish');
  }
}

// _final counts as one pending callback; 'finish' follows its success a tick later.
function runUserFinal(stream, state) {
  let reported = false;
  const finalDone = (err) => {
    if (reported) {
      errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
      return;
    }
    reported = true;
    state.pendingcb--;
    if (err) {
      callEndCallbacks(state, err);
      errorOrDestroy(stream, err, (state[kState] & IN_SYNC_CALL) !== 0);
    } else if (readyToFinish(state)) {
      state[kState] |= PREFINISHED;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(emitFinish, stream, state);
    }
  };

  state[kState] |= IN_SYNC_CALL;
  state.pendingcb++;
  try {
    stream._final(finalDone);
  } catch (thrown) {
    finalDone(thrown);
  }
  state[kState] &= ~IN_SYNC_CALL;
}

function emitFinish(stream, state) {
  state.pendingcb--;
  state[kState] |= FINISHED;
  callEndCallbacks(state, null);
  stream.emit('finish');

  if ((state[kState] & AUTO_DESTROY) !== 0) {
    // A Duplex goes only once its readable side is done too.
    const readableSide = stream._readableState;
    const readableDone = !readableSide ||
      (readableSide.autoDestroy && (readableSide.endEmitted || readableSide.readable === false));
    if (readableDone) stream.destroy();
  }
}

// --- public getters -------------------------------------------------------------------------

Object.defineProperties(Writable.prototype, {
  closed: {
    __proto__: null,
    get() { return this._writableState ? this._writableState.closed : false; },
  },
  destroyed: {
    __proto__: null,
    get() { return this._writableState ? this._writableState.destroyed : false; },
    set(value) {
      if (this._writableState) this._writableState.destroyed = value;
    },
  },
  writable: {
    __proto__: null,
    get() {
      const state = this._writableState;
      // A Duplex without a writable side has `writable` false in its state.
      return !!state && state.writable !== false && !state.destroyed && !state.errored &&
        !state.ending && !state.ended;
    },
    set(value) {
      if (this._writableState) this._writableState.writable = !!value;
    },
  },
  writableFinished: {
    __proto__: null,
    get() { return this._writableState ? this._writableState.finished : false; },
  },
  writableObjectMode: {
    __proto__: null,
    get() { return this._writableState ? this._writableState.objectMode : false; },
  },
  writableBuffer: {
    __proto__: null,
    get() { return this._writableState && this._writableState.getBuffer(); },
  },
  writableEnded: {
    __proto__: null,
    get() { return this._writableState ? this._writableState.ending : false; },
  },
  writableNeedDrain: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return !!state && !state.destroyed && !state.ending && state.needDrain;
    },
  },
  writableHighWaterMark: {
    __proto__: null,
    get() { return this._writableState && this._writableState.highWaterMark; },
  },
  writableCorked: {
    __proto__: null,
    get() { return this._writableState ? this._writableState.corked : 0; },
  },
  writableLength: {
    __proto__: null,
    get() { return this._writableState && this._writableState.length; },
  },
  errored: {
    __proto__: null,
    enumerable: false,
    get() { return this._writableState ? this._writableState.errored : null; },
  },
  writableAborted: {
    __proto__: null,
    enumerable: false,
    get: function() {
      const state = this._writableState;
      return !!(state.writable !== false && (state.destroyed || state.errored) && !state.finished);
    },
  },
});

// --- destroy --------------------------------------------------------------------------------

const destroyStream = destroyImpl.destroy;
Writable.prototype.destroy = function(err, cb) {
  const state = this._writableState;

  // What still waits (queued writes, end() callbacks) is failed on the next tick.
  if ((state[kState] & DESTROYED) === 0 &&
      (queuedCount(state) > 0 || (state[kState] & HAS_END_CALLBACKS) !== 0)) {
    process.nextTick(failQueuedWrites, state);
  }

  destroyStream.call(this, err, cb);
  return this;
};

Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function(err, cb) {
  cb(err);
};

Writable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};

Writable.fromWeb = function(writableStream, options) {
  return require('internal/webstreams/adapters').newStreamWritableFromWritableStream(writableStream, options);
};

Writable.toWeb = function(streamWritable) {
  return require('internal/webstreams/adapters').newWritableStreamFromStreamWritable(streamWritable);
};

Writable.prototype[SymbolAsyncDispose] = function() {
  let error;
  if (!this.destroyed) {
    error = this.writableFinished ? null : new AbortError();
    this.destroy(error);
  }
  eos ??= require('internal/streams/end-of-stream');
  return new Promise((resolve, reject) => {
    eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null)));
  });
};
