'use strict';
// The bookkeeping object behind every Readable (`stream._readableState`).
//
// Booleans are packed into one integer, `state[kState]`, so that hot paths test and update
// several of them in one operation. The bit values (and the symbols' descriptions) are visible:
// util.inspect prints `[Symbol(kState)]: <number>` and programs compare that output with node's,
// so they are laid out the way node 20 lays them out. The plain own properties (highWaterMark,
// buffer, bufferIndex, length, pipes, awaitDrainWriters) are created in inspect's order too.

const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');

let StringDecoder;
let Duplex;

// One bit per flag. Grouped by topic; the values are fixed (see above).
const Flag = {
  __proto__: null,
  // configuration
  OBJECT_MODE: 1 << 0,
  AUTO_DESTROY: 1 << 2,
  EMIT_CLOSE: 1 << 3,
  DEFAULT_UTF8: 1 << 20, // defaultEncoding is utf8 (the usual case, kept out of a property)
  // teardown, shared with internal/streams/destroy
  ERROR_EMITTED: 1 << 1,
  DESTROYED: 1 << 4,
  CLOSED: 1 << 5,
  CLOSE_EMITTED: 1 << 6,
  ERRORED: 1 << 7,
  CONSTRUCTED: 1 << 8, // _construct() has finished (or there is none)
  // end of data
  ENDED: 1 << 9, // push(null) seen
  END_EMITTED: 1 << 10,
  // the source
  READING: 1 << 11, // _read() asked, nothing pushed yet
  IN_READ_CALL: 1 << 12, // inside _read(): events must wait for the next tick
  FILL_SCHEDULED: 1 << 18, // a background top-up of the queue is on the next tick
  // the consumer
  WANTS_READABLE: 1 << 13, // the next chunk should raise 'readable'
  READABLE_SCHEDULED: 1 << 14, // a 'readable' event is on the next tick
  READABLE_LISTENING: 1 << 15,
  RESUME_SCHEDULED: 1 << 16,
  DRAIN_SET: 1 << 17, // awaitDrainWriters is a Set (piping to several destinations)
  DATA_EMITTED: 1 << 19,
  HAS_DECODER: 1 << 21,
  HAS_ENCODING: 1 << 22,
  FLOWING_KNOWN: 1 << 23, // readableFlowing is true or false rather than null
  FLOWING: 1 << 24,
  PAUSED_KNOWN: 1 << 25,
  PAUSED: 1 << 26,
  // Some 'data' listener was added with on() and not every one removed since: chunks pushed
  // while flowing go straight to 'data' only then.
  DATA_LISTENING: 1 << 27,
};
Object.freeze(Flag);

const kState = Symbol('kState');
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kDecoderValue = Symbol('kDecoderValue');
const kEncodingValue = Symbol('kEncodingValue');

function ReadableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') {
    Duplex ??= require('internal/streams/duplex');
    isDuplex = stream instanceof Duplex;
  }

  let bits = Flag.EMIT_CLOSE | Flag.AUTO_DESTROY | Flag.CONSTRUCTED | Flag.IN_READ_CALL;
  if (options?.objectMode || (isDuplex && options?.readableObjectMode)) bits |= Flag.OBJECT_MODE;
  this[kState] = bits;

  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  // The queue (see internal/streams/readable_queue): live chunks are buffer[bufferIndex..].
  this.buffer = [];
  this.bufferIndex = 0;
  this.length = 0; // bytes, characters or objects queued
  this.pipes = [];
  // The destination whose 'drain' the pipe waits for; a Set of them with DRAIN_SET.
  this.awaitDrainWriters = null;

  if (options?.emitClose === false) this[kState] &= ~Flag.EMIT_CLOSE;
  if (options?.autoDestroy === false) this[kState] &= ~Flag.AUTO_DESTROY;

  const defaultEncoding = options?.defaultEncoding;
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    this[kState] |= Flag.DEFAULT_UTF8;
  } else {
    this[kDefaultEncodingValue] = defaultEncoding;
  }

  if (options?.encoding) {
    StringDecoder ??= require('string_decoder').StringDecoder;
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

// Accessor for one flag as a boolean property.
function booleanFlag(bit) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) !== 0; },
    set(value) { this[kState] = value ? this[kState] | bit : this[kState] & ~bit; },
  };
}

// Accessor for an optional value: null unless `bit` says the value in `slot` is present.
function optionalValue(bit, slot) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) === 0 ? null : this[slot]; },
    set(value) {
      if (value) this[slot] = value;
      this[kState] = value ? this[kState] | bit : this[kState] & ~bit;
    },
  };
}

// Accessor for a tri-state: null/undefined (`unknown`) until set, then true or false.
function triState(knownBit, valueBit, unknown) {
  return {
    __proto__: null,
    enumerable: false,
    get() {
      const bits = this[kState];
      return (bits & knownBit) === 0 ? unknown : (bits & valueBit) !== 0;
    },
    set(value) {
      if (value == null && unknown === null) this[kState] &= ~(knownBit | valueBit);
      else if (value) this[kState] |= knownBit | valueBit;
      else this[kState] = (this[kState] | knownBit) & ~valueBit;
    },
  };
}

Object.defineProperties(ReadableState.prototype, {
  objectMode: booleanFlag(Flag.OBJECT_MODE),
  ended: booleanFlag(Flag.ENDED),
  endEmitted: booleanFlag(Flag.END_EMITTED),
  reading: booleanFlag(Flag.READING),
  constructed: booleanFlag(Flag.CONSTRUCTED),
  sync: booleanFlag(Flag.IN_READ_CALL),
  needReadable: booleanFlag(Flag.WANTS_READABLE),
  emittedReadable: booleanFlag(Flag.READABLE_SCHEDULED),
  readableListening: booleanFlag(Flag.READABLE_LISTENING),
  resumeScheduled: booleanFlag(Flag.RESUME_SCHEDULED),
  errorEmitted: booleanFlag(Flag.ERROR_EMITTED),
  emitClose: booleanFlag(Flag.EMIT_CLOSE),
  autoDestroy: booleanFlag(Flag.AUTO_DESTROY),
  destroyed: booleanFlag(Flag.DESTROYED),
  closed: booleanFlag(Flag.CLOSED),
  closeEmitted: booleanFlag(Flag.CLOSE_EMITTED),
  multiAwaitDrain: booleanFlag(Flag.DRAIN_SET),
  readingMore: booleanFlag(Flag.FILL_SCHEDULED),
  dataEmitted: booleanFlag(Flag.DATA_EMITTED),
  errored: optionalValue(Flag.ERRORED, kErroredValue),
  defaultEncoding: {
    __proto__: null,
    enumerable: false,
    get() {
      return (this[kState] & Flag.DEFAULT_UTF8) === 0 ? this[kDefaultEncodingValue] : 'utf8';
    },
    set(value) {
      const utf8 = value === 'utf8' || value === 'utf-8';
      this[kState] = utf8 ? this[kState] | Flag.DEFAULT_UTF8 : this[kState] & ~Flag.DEFAULT_UTF8;
      if (!utf8) this[kDefaultEncodingValue] = value;
    },
  },
  decoder: optionalValue(Flag.HAS_DECODER, kDecoderValue),
  encoding: optionalValue(Flag.HAS_ENCODING, kEncodingValue),
  // null: nobody consumes yet; true: 'data' mode; false: paused or 'readable' mode.
  flowing: triState(Flag.FLOWING_KNOWN, Flag.FLOWING, null),
  pipesCount: {
    __proto__: null,
    enumerable: false,
    get() { return this.pipes.length; },
  },
  paused: triState(Flag.PAUSED_KNOWN, Flag.PAUSED, undefined),
});

module.exports = { ReadableState, Flag, kState, kDecoderValue };
