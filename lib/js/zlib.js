'use strict';
// node:zlib over internalBinding('zlib'). Every engine is a Transform stream (ZlibBase) around
// a native handle; a written chunk goes through the engine in pool tasks that each make one or
// more output chunks (see "running the engine"). The *Sync functions drive the same handle
// with writeSync; the callback functions feed a stream and collect its output. Both kinds of
// convenience function usually take one native call for the whole buffer instead
// (internal/zlib/whole_buffer), falling back to the engine for anything it declines.

const binding = internalBinding('zlib');
const {
  codes: {
    ERR_BROTLI_INVALID_PARAM,
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_ZLIB_INITIALIZATION_FAILED,
  },
  genericNodeError,
} = require('internal/errors');
const { Transform, finished } = require('stream');
const { deprecate } = require('internal/util');
const {
  isArrayBufferView,
  isAnyArrayBuffer,
  isUint8Array,
} = require('internal/util/types');
const {
  validateFunction,
  validateNumber,
  validateUint32,
} = require('internal/validators');
const { Buffer, kMaxLength } = require('buffer');
const { processWholeSync, processWholeThen } = require('internal/zlib/whole_buffer');

const { constants } = binding;
const {
  // Zlib flush levels.
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  // Zlib option values.
  Z_MIN_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION,
  Z_DEFAULT_STRATEGY, Z_DEFAULT_WINDOWBITS, Z_DEFAULT_MEMLEVEL, Z_FIXED,
  // Node's compression stream modes (node_zlib_mode).
  DEFLATE, DEFLATERAW, INFLATE, INFLATERAW, GZIP, GUNZIP, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE,
  // Brotli operations (~flush levels).
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH,
  BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
} = constants;

const kFlushFlag = Symbol('kFlushFlag');
const kError = Symbol('kError');
const kWholeBufferMode = Symbol('kWholeBufferMode');
const owner_symbol = Symbol('owner_symbol');

// Translation table for return codes, both ways.
const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const ckey of Object.keys(codes)) codes[codes[ckey]] = ckey;

// ---- convenience functions ----

// The mode in which a convenience function may process its whole input in one native call
// (internal/zlib/whole_buffer), or 0 when the engine must run. The engine must finish with
// Z_FINISH and the caller want only the output (no info); the callback forms also run the
// input with the stream's flush flag, which must be Z_NO_FLUSH (Z_BLOCK, say, stops inflating
// after the first block).
function wholeBufferMode(engine, async) {
  const mode = engine[kWholeBufferMode];
  if (!mode || engine._info) return 0;
  const brotli = mode === BROTLI_DECODE;
  if (engine._finishFlushFlag !== (brotli ? BROTLI_OPERATION_FINISH : Z_FINISH)) return 0;
  if (async && engine._defaultFlushFlag !== (brotli ? BROTLI_OPERATION_PROCESS : Z_NO_FLUSH)) {
    return 0;
  }
  return mode;
}

// The callback forms: one whole-buffer native call when it applies, else the stream.
function processBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  // Streams take Uint8Arrays: other views and ArrayBuffers are wrapped without a copy.
  if (isArrayBufferView(buffer) && !isUint8Array(buffer)) {
    buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  }
  const mode = wholeBufferMode(engine, true);
  if (mode === 0 || !isUint8Array(buffer)) return collectFromEngine(engine, buffer, callback);
  processWholeThen(engine._handle, mode, buffer, engine._maxOutputLength, (whole) => {
    if (whole === undefined) return collectFromEngine(engine, buffer, callback);
    _close(engine);
    callback(null, whole);
  });
}

// Writes the buffer through the stream and gathers its output: callback gets it at 'end', the
// stream's error, or ERR_BUFFER_TOO_LARGE as soon as the output outgrows maxOutputLength (the
// stream is then closed). Exactly one answer.
function collectFromEngine(engine, buffer, callback) {
  const chunks = [];
  let length = 0;
  let answered = false;
  // An error alone is the only argument, as in node.
  const answer = (...args) => {
    if (answered) return;
    answered = true;
    callback(...args);
  };
  engine.on('data', (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
    if (length > engine._maxOutputLength) {
      engine.close();
      answer(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
    }
  });
  engine.on('error', answer);
  engine.on('end', () => {
    const output = joinChunks(chunks, length);
    engine.close();
    answer(null, engine._info ? { buffer: output, engine } : output);
  });
  engine.end(buffer);
}

function joinChunks(chunks, length) {
  if (length === 0) return Buffer.alloc(0);
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
}

function processBufferSync(engine, buffer) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    if (isAnyArrayBuffer(buffer)) {
      buffer = Buffer.from(buffer);
    } else {
      throw new ERR_INVALID_ARG_TYPE('buffer',
                                     ['string', 'Buffer', 'TypedArray', 'DataView',
                                      'ArrayBuffer'],
                                     buffer);
    }
  }
  const mode = wholeBufferMode(engine, false);
  if (mode !== 0) {
    const whole = processWholeSync(engine._handle, mode, buffer, engine._maxOutputLength);
    if (whole !== undefined) {
      _close(engine);
      return whole;
    }
  }
  buffer = processChunkSync(engine, buffer, engine._finishFlushFlag);
  if (engine._info) return { buffer, engine };
  return buffer;
}

// handle.onerror: the engine cannot recover; the stream is destroyed with the error.
function zlibOnError(message, errno, code) {
  const self = this[owner_symbol];
  const error = genericNodeError(message, { errno, code });
  error.errno = errno;
  error.code = code;
  self.destroy(error);
  self[kError] = error;
}

// false for undefined and NaN, true for finite numbers; throws for other types and
// infinities.
function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

// def for undefined and NaN, the number if within [lower, upper]; throws otherwise.
function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

const FLUSH_BOUND = [
  [Z_NO_FLUSH, Z_BLOCK],
  [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA],
];
const FLUSH_BOUND_IDX_NORMAL = 0;
const FLUSH_BOUND_IDX_BROTLI = 1;

// The base class of every zlib and brotli stream.
function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const flushBoundIdx = (mode !== BROTLI_ENCODE && mode !== BROTLI_DECODE) ?
    FLUSH_BOUND_IDX_NORMAL : FLUSH_BOUND_IDX_BROTLI;

  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush',
                                    FLUSH_BOUND[flushBoundIdx][0],
                                    FLUSH_BOUND[flushBoundIdx][1], flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush',
                                          FLUSH_BOUND[flushBoundIdx][0],
                                          FLUSH_BOUND[flushBoundIdx][1], finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength',
                                              1, kMaxLength, kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts };
      opts.encoding = null;
      opts.objectMode = false;
      opts.writableObjectMode = false;
    }
  }

  Reflect.apply(Transform, this, [{ autoDestroy: true, ...opts }]);
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle[owner_symbol] = this;
  handle.onerror = zlibOnError;
  this._outBuffer = Buffer.allocUnsafe(Math.trunc(chunkSize));
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return !this._handle;
  },
});

// bytesRead was always the number of bytes written in; bytesWritten is its real name.
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: deprecate(function() {
    return this.bytesWritten;
  }, 'zlib.bytesRead is deprecated and will change its meaning in the future. Use ' +
     'zlib.bytesWritten instead.', 'DEP0108'),
  set: deprecate(function(value) {
    this.bytesWritten = value;
  }, 'Setting zlib.bytesRead is deprecated. This feature will be removed in the future.',
  'DEP0108'),
});

ZlibBase.prototype.reset = function() {
  if (!this._handle) {
    const { AssertionError } = require('assert');
    throw new AssertionError({ message: 'zlib binding closed' });
  }
  return this._handle.reset();
};

// Called by Transform when the last chunk has been written.
ZlibBase.prototype._flush = function(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._final = function(callback) {
  callback();
};

// Zero-length buffers that carry a flush kind through the stream's write queue.
const kFlushBuffers = [];
{
  const dummyArrayBuffer = new ArrayBuffer(0);
  for (const flushFlag of [Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
                           Z_BLOCK]) {
    kFlushBuffers[flushFlag] = Buffer.from(dummyArrayBuffer);
    kFlushBuffers[flushFlag][kFlushFlag] = flushFlag;
  }
}

// How much each flush kind flushes, to pick the stronger of two.
const flushiness = [];
const kFlushFlagList = [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH,
                        Z_FINISH];
for (let i = 0; i < kFlushFlagList.length; i++) flushiness[kFlushFlagList[i]] = i;

function maxFlush(a, b) {
  return flushiness[a] > flushiness[b] ? a : b;
}

ZlibBase.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function(err, callback) {
  _close(this);
  callback(err);
};

ZlibBase.prototype._transform = function(chunk, encoding, cb) {
  // A zero-length chunk from flush() carries its own flush kind; the last chunk written before
  // end() also gets the finish flush.
  let flushFlag = chunk[kFlushFlag] ?? this._defaultFlushFlag;
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  startWrite(this, chunk, flushFlag, cb);
};

// Kept for compatibility: with a callback it is async, without it returns the output.
ZlibBase.prototype._processChunk = function(chunk, flushFlag, cb) {
  if (typeof cb === 'function') return startWrite(this, chunk, flushFlag, cb);
  return processChunkSync(this, chunk, flushFlag);
};

// ---- running the engine ----
//
// Output lands in a block of chunk-sized slots (_outBuffer, filled up to _outOffset). The
// native write runs one engine step per slot, each given the room left in its slot, and goes
// on to the next slot while a step fills its room: every step's output is one chunk of node's
// size, and one pool task makes several of them. The task's budget is the whole block while
// the reader keeps up, one slot (node's one chunk per task) when data piles up in the readable
// buffer; when the reader is full the next task waits for its _read (backpressure).

const kBlockBytes = 64 * 1024;
const kCurrentWrite = Symbol('kCurrentWrite');
const kResumeOnRead = Symbol('kResumeOnRead');

// The room for the next native write: up to the end of the `slots`-th slot from _outOffset,
// within the block. A stream starts with a one-slot block (as much memory as node's); while
// writes ask for several slots each new block is twice the last, up to kBlockBytes' worth of
// slots. (Blocks stay small: glibc hands larger allocations back to the kernel when they are
// freed, and the page faults of fresh ones cost more than the pool round trips they save.)
function outputRoom(self, slots) {
  const slot = Math.trunc(self._chunkSize);
  if (self._outOffset >= self._outBuffer.length) {
    let length = self._outBuffer.length;
    if (slots > 1) {
      length = Math.min(length * 2, slot * Math.max(1, Math.floor(kBlockBytes / slot)));
    }
    self._outBuffer = Buffer.allocUnsafe(length);
    self._outOffset = 0;
  }
  const end = (Math.floor(self._outOffset / slot) + slots) * slot;
  return Math.min(end, self._outBuffer.length) - self._outOffset;
}

// Pushes _outBuffer[start, end) one slot-sized chunk at a time. Returns whether the reader
// wants more.
function pushOutput(self, start, end) {
  const slot = Math.trunc(self._chunkSize);
  let wantsMore = true;
  for (let from = start; from < end && !self.destroyed;) {
    const to = Math.min(end, (Math.floor(from / slot) + 1) * slot);
    wantsMore = self.push(self._outBuffer.subarray(from, to));
    from = to;
  }
  return wantsMore;
}

// A reader that takes every chunk as it comes, so output need not be doled out slot by slot.
function readerKeepsUp(self) {
  return self.readableFlowing === true && self.readableLength === 0;
}

function startWrite(self, chunk, flushFlag, callback) {
  if (!self._handle) {
    process.nextTick(callback);
    return;
  }
  self[kCurrentWrite] = {
    input: chunk,
    inOffset: 0,
    inLeft: chunk.byteLength,
    flushFlag,
    callback,
  };
  runWriteTask(self);
}

function runWriteTask(self) {
  const write = self[kCurrentWrite];
  const slots = readerKeepsUp(self) ? Infinity : 1;
  const room = outputRoom(self, slots);
  self._handle.write(write.flushFlag, write.input, write.inOffset, write.inLeft,
                     self._outBuffer, self._outOffset, room, Math.trunc(self._chunkSize));
}

function finishWrite(self) {
  const { callback } = self[kCurrentWrite];
  self[kCurrentWrite] = null;
  callback();
}

// The native write's callback after a pool task (`this` is the handle). The result array
// holds [room left by the last step, input left, bytes produced, failed].
function afterWriteTask() {
  const self = this[owner_symbol];
  if (self.destroyed) return finishWrite(self);
  const state = self._writeState;
  const roomLeft = state[0];
  const inLeft = state[1];
  const produced = state[2];
  const write = self[kCurrentWrite];
  const consumed = write.inLeft - inLeft;
  self.bytesWritten += consumed;
  write.inOffset += consumed;
  write.inLeft = inLeft;
  const start = self._outOffset;
  self._outOffset += produced;
  const wantsMore = pushOutput(self, start, self._outOffset);
  // A failed step: the native side reports its error next.
  if (state[3] !== 0) return;
  // A 'data' listener may have destroyed the stream.
  if (self.destroyed) return finishWrite(self);
  if (roomLeft === 0) {
    // The last step filled its room: more output may be pending.
    if (wantsMore) runWriteTask(self);
    else self[kResumeOnRead] = true;
    return;
  }
  // Input left over that the engine no longer wants: the compressed stream ended early (gunzip
  // and unzip read on to the next member instead).
  if (inLeft > 0) self.push(null);
  finishWrite(self);
}

ZlibBase.prototype._read = function(size) {
  if (this[kResumeOnRead]) {
    this[kResumeOnRead] = false;
    if (this._handle) runWriteTask(this);
  }
  Reflect.apply(Transform.prototype._read, this, [size]);
};

// The Sync path: one engine step per native call, inline, until the engine leaves room (each
// call is cheap here, and one-slot blocks are the allocations malloc reuses best); the output
// is returned as one Buffer and the stream closed.
function processChunkSync(self, chunk, flushFlag) {
  const handle = self._handle;
  const state = self._writeState;
  const slot = Math.trunc(self._chunkSize);
  // The error is also emitted (destroy): this listener keeps it from being unhandled.
  let error;
  self.on('error', (er) => { error = er; });

  const output = [];
  let outputLength = 0;
  let inOffset = 0;
  let inLeft = chunk.byteLength;
  for (;;) {
    const room = outputRoom(self, 1);
    const start = self._outOffset;
    handle.writeSync(flushFlag, chunk, inOffset, inLeft, self._outBuffer, start, room, slot);
    if (error) throw error;
    if (self[kError]) throw self[kError];
    const roomLeft = state[0];
    const produced = state[2];
    inOffset += inLeft - state[1];
    inLeft = state[1];
    if (produced > 0) {
      output.push(self._outBuffer.subarray(start, start + produced));
      outputLength += produced;
      self._outOffset += produced;
      if (outputLength > self._maxOutputLength) {
        _close(self);
        throw new ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
      }
    }
    if (roomLeft !== 0) break;
  }

  self.bytesWritten = inOffset;
  _close(self);
  return joinChunks(output, outputLength);
}

function _close(engine) {
  // Also after an error, which may have closed it already.
  if (!engine._handle) return;
  engine._handle.close();
  engine._handle = null;
}

const zlibDefaultOpts = {
  flush: Z_NO_FLUSH,
  finishFlush: Z_FINISH,
  fullFlush: Z_FULL_FLUSH,
};

// The streams backed by zlib itself.
function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;

  if (opts) {
    // windowBits 0 lets inflate use the window size of the stream's header.
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      // { windowBits: 8 } is valid for deflate but not gzip.
      const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min,
                                           Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }

    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                                    Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL,
                                       Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY,
                                       Z_FIXED, Z_DEFAULT_STRATEGY);

    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
      if (isAnyArrayBuffer(dictionary)) {
        dictionary = Buffer.from(dictionary);
      } else {
        throw new ERR_INVALID_ARG_TYPE('options.dictionary',
                                       ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
                                       dictionary);
      }
    }
  }

  const handle = new binding.Zlib(mode);
  this._writeState = new Uint32Array(4);
  handle.init(windowBits, level, memLevel, strategy, this._writeState, afterWriteTask,
              dictionary);

  Reflect.apply(ZlibBase, this, [opts, mode, handle, zlibDefaultOpts]);

  this._level = level;
  this._strategy = strategy;
  // Whole-buffer processing: compression at any level but 0 (zlib cuts stored blocks to the
  // output room), decompression of zlib and gzip input read with the full window and no
  // dictionary.
  let whole = false;
  if (mode === DEFLATE || mode === GZIP || mode === DEFLATERAW) {
    whole = level !== 0;
  } else if (mode === INFLATE || mode === GUNZIP || mode === UNZIP) {
    whole = (windowBits === 0 || windowBits === Z_MAX_WINDOWBITS) && dictionary === undefined;
  }
  this[kWholeBufferMode] = whole ? mode : 0;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

// params() waits for a flush so that the engine is not busy on the pool when it changes.
function paramsAfterFlushCallback(level, strategy, callback) {
  if (!this._handle) {
    const { AssertionError } = require('assert');
    throw new AssertionError({ message: 'zlib binding closed' });
  }
  this._handle.params(level, strategy);
  if (!this.destroyed) {
    this._level = level;
    this._strategy = strategy;
    if (callback) callback();
  }
}

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);

  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH,
               paramsAfterFlushCallback.bind(this, level, strategy, callback));
  } else {
    process.nextTick(callback);
  }
};

function Deflate(opts) {
  if (!(this instanceof Deflate)) return new Deflate(opts);
  Reflect.apply(Zlib, this, [opts, DEFLATE]);
}
Object.setPrototypeOf(Deflate.prototype, Zlib.prototype);
Object.setPrototypeOf(Deflate, Zlib);

function Inflate(opts) {
  if (!(this instanceof Inflate)) return new Inflate(opts);
  Reflect.apply(Zlib, this, [opts, INFLATE]);
}
Object.setPrototypeOf(Inflate.prototype, Zlib.prototype);
Object.setPrototypeOf(Inflate, Zlib);

function Gzip(opts) {
  if (!(this instanceof Gzip)) return new Gzip(opts);
  Reflect.apply(Zlib, this, [opts, GZIP]);
}
Object.setPrototypeOf(Gzip.prototype, Zlib.prototype);
Object.setPrototypeOf(Gzip, Zlib);

function Gunzip(opts) {
  if (!(this instanceof Gunzip)) return new Gunzip(opts);
  Reflect.apply(Zlib, this, [opts, GUNZIP]);
}
Object.setPrototypeOf(Gunzip.prototype, Zlib.prototype);
Object.setPrototypeOf(Gunzip, Zlib);

function DeflateRaw(opts) {
  // zlib takes windowBits 8 for raw deflate as 9.
  if (opts && opts.windowBits === 8) opts.windowBits = 9;
  if (!(this instanceof DeflateRaw)) return new DeflateRaw(opts);
  Reflect.apply(Zlib, this, [opts, DEFLATERAW]);
}
Object.setPrototypeOf(DeflateRaw.prototype, Zlib.prototype);
Object.setPrototypeOf(DeflateRaw, Zlib);

function InflateRaw(opts) {
  if (!(this instanceof InflateRaw)) return new InflateRaw(opts);
  Reflect.apply(Zlib, this, [opts, INFLATERAW]);
}
Object.setPrototypeOf(InflateRaw.prototype, Zlib.prototype);
Object.setPrototypeOf(InflateRaw, Zlib);

// Auto-detects gzip or deflate from the header.
function Unzip(opts) {
  if (!(this instanceof Unzip)) return new Unzip(opts);
  Reflect.apply(Zlib, this, [opts, UNZIP]);
}
Object.setPrototypeOf(Unzip.prototype, Zlib.prototype);
Object.setPrototypeOf(Unzip, Zlib);

function createConvenienceMethod(ctor, sync) {
  if (sync) {
    return function syncBufferWrapper(buffer, opts) {
      return processBufferSync(new ctor(opts), buffer);
    };
  }
  return function asyncBufferWrapper(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    return processBuffer(new ctor(opts), buffer, callback);
  };
}

// ---- brotli ----

const kMaxBrotliParam = Math.max(...Object.entries(constants).map(
  ([key, value]) => (key.startsWith('BROTLI_PARAM_') ? value : 0)));
const brotliInitParamsArray = new Uint32Array(kMaxBrotliParam + 1);

const brotliDefaultOpts = {
  flush: BROTLI_OPERATION_PROCESS,
  finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};

function Brotli(opts, mode) {
  brotliInitParamsArray.fill(-1);
  if (opts?.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam ||
          (brotliInitParamsArray[key] | 0) !== -1) {
        throw new ERR_BROTLI_INVALID_PARAM(origKey);
      }
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      brotliInitParamsArray[key] = value;
    }
  }

  const handle = mode === BROTLI_DECODE ?
    new binding.BrotliDecoder(mode) : new binding.BrotliEncoder(mode);

  this._writeState = new Uint32Array(4);
  if (!handle.init(brotliInitParamsArray, this._writeState, afterWriteTask)) {
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }

  Reflect.apply(ZlibBase, this, [opts, mode, handle, brotliDefaultOpts]);
  // Whole-buffer decompression (compression is left to the engine's steps).
  this[kWholeBufferMode] = mode === BROTLI_DECODE ? mode : 0;
}
Object.setPrototypeOf(Brotli.prototype, Zlib.prototype);
Object.setPrototypeOf(Brotli, Zlib);

function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) return new BrotliCompress(opts);
  Reflect.apply(Brotli, this, [opts, BROTLI_ENCODE]);
}
Object.setPrototypeOf(BrotliCompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliCompress, Brotli);

function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) return new BrotliDecompress(opts);
  Reflect.apply(Brotli, this, [opts, BROTLI_DECODE]);
}
Object.setPrototypeOf(BrotliDecompress.prototype, Brotli.prototype);
Object.setPrototypeOf(BrotliDecompress, Brotli);

function createProperty(ctor) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value: function(options) {
      return new ctor(options);
    },
  };
}

// node 20's zlib.crc32(data[, value]).
function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  return binding.crc32(data, value);
}

// A legacy alias on the handle: the stream that owns it.
for (const Handle of [binding.Zlib, binding.BrotliEncoder, binding.BrotliDecoder]) {
  Object.defineProperty(Handle.prototype, 'jsref', {
    __proto__: null,
    configurable: true,
    get() { return this[owner_symbol]; },
    set(v) { this[owner_symbol] = v; },
  });
}

module.exports = {
  crc32,
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,

  // Convenience methods: compress or decompress a given buffer.
  deflate: createConvenienceMethod(Deflate, false),
  deflateSync: createConvenienceMethod(Deflate, true),
  gzip: createConvenienceMethod(Gzip, false),
  gzipSync: createConvenienceMethod(Gzip, true),
  deflateRaw: createConvenienceMethod(DeflateRaw, false),
  deflateRawSync: createConvenienceMethod(DeflateRaw, true),
  unzip: createConvenienceMethod(Unzip, false),
  unzipSync: createConvenienceMethod(Unzip, true),
  inflate: createConvenienceMethod(Inflate, false),
  inflateSync: createConvenienceMethod(Inflate, true),
  gunzip: createConvenienceMethod(Gunzip, false),
  gunzipSync: createConvenienceMethod(Gunzip, true),
  inflateRaw: createConvenienceMethod(InflateRaw, false),
  inflateRawSync: createConvenienceMethod(InflateRaw, true),
  brotliCompress: createConvenienceMethod(BrotliCompress, false),
  brotliCompressSync: createConvenienceMethod(BrotliCompress, true),
  brotliDecompress: createConvenienceMethod(BrotliDecompress, false),
  brotliDecompressSync: createConvenienceMethod(BrotliDecompress, true),
};

Object.defineProperties(module.exports, {
  createDeflate: createProperty(Deflate),
  createInflate: createProperty(Inflate),
  createDeflateRaw: createProperty(DeflateRaw),
  createInflateRaw: createProperty(InflateRaw),
  createGzip: createProperty(Gzip),
  createGunzip: createProperty(Gunzip),
  createUnzip: createProperty(Unzip),
  createBrotliCompress: createProperty(BrotliCompress),
  createBrotliDecompress: createProperty(BrotliDecompress),
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  codes: {
    __proto__: null,
    enumerable: true,
    writable: false,
    value: Object.freeze(codes),
  },
});

// The zlib constants also live on the module itself (non-enumerable, as node's).
for (const bkey of Object.keys(constants)) {
  if (bkey.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, bkey, {
    __proto__: null,
    enumerable: false,
    value: constants[bkey],
    writable: false,
  });
}
