'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy: a highWaterMark and a size function
// shared by every instance (the spec keeps one per realm).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_OPTION },
} = require('internal/errors');
const { kState, customInspect, defineWebIDLClass } = require('internal/webstreams/util');

const kByteLength = Symbol('kByteLengthQueuingStrategy');
const kCount = Symbol('kCountQueuingStrategy');

function readInit(init) {
  if (init === null || typeof init !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('init', 'object', init);
  }
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');
  return +init.highWaterMark;
}

// Declared as methods so they carry the name 'size' and are not constructors.
const { size: byteLengthSize } = { size(chunk) { return chunk.byteLength; } };
const { size: countSize } = { size() { return 1; } };

class ByteLengthQueuingStrategy {
  constructor(init) {
    this[kState] = { brand: kByteLength, highWaterMark: readInit(init) };
  }

  get highWaterMark() {
    if (this?.[kState]?.brand !== kByteLength) throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    return this[kState].highWaterMark;
  }

  get size() {
    if (this?.[kState]?.brand !== kByteLength) throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    return byteLengthSize;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    return customInspect(depth, options, 'ByteLengthQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}

class CountQueuingStrategy {
  constructor(init) {
    this[kState] = { brand: kCount, highWaterMark: readInit(init) };
  }

  get highWaterMark() {
    if (this?.[kState]?.brand !== kCount) throw new ERR_INVALID_THIS('CountQueuingStrategy');
    return this[kState].highWaterMark;
  }

  get size() {
    if (this?.[kState]?.brand !== kCount) throw new ERR_INVALID_THIS('CountQueuingStrategy');
    return countSize;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    return customInspect(depth, options, 'CountQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}

defineWebIDLClass(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy', ['highWaterMark', 'size']);
defineWebIDLClass(CountQueuingStrategy, 'CountQueuingStrategy', ['highWaterMark', 'size']);

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
