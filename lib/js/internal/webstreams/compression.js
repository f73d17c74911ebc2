'use strict';
// CompressionStream and DecompressionStream: a node:zlib stream (gzip, deflate or raw
// deflate) exposed as a readable/writable pair through the web stream adapters.

const { codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS } } = require('internal/errors');
const { kState, customInspect, defineWebIDLClass } = require('internal/webstreams/util');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kCompressBrand = Symbol('kCompressionStream');
const kDecompressBrand = Symbol('kDecompressionStream');

const compressors = {
  'deflate': 'createDeflate',
  'deflate-raw': 'createDeflateRaw',
  'gzip': 'createGzip',
};
const decompressors = {
  'deflate': 'createInflate',
  'deflate-raw': 'createInflateRaw',
  'gzip': 'createGunzip',
};

function makePair(table, format) {
  const factory = typeof format === 'string' && Object.hasOwn(table, format) ? table[format] : undefined;
  if (factory === undefined) throw new ERR_INVALID_ARG_VALUE('format', format);
  const zlib = require('zlib');
  const { newReadableWritablePairFromDuplex } = require('internal/webstreams/adapters');
  return newReadableWritablePairFromDuplex(zlib[factory]());
}

class CompressionStream {
  constructor(format) {
    this[kState] = { brand: kCompressBrand, pair: makePair(compressors, format) };
  }

  get readable() {
    if (this?.[kState]?.brand !== kCompressBrand) throw new ERR_INVALID_THIS('CompressionStream');
    return this[kState].pair.readable;
  }

  get writable() {
    if (this?.[kState]?.brand !== kCompressBrand) throw new ERR_INVALID_THIS('CompressionStream');
    return this[kState].pair.writable;
  }

  [kInspect](depth, options) {
    if (this?.[kState]?.brand !== kCompressBrand) throw new ERR_INVALID_THIS('CompressionStream');
    return customInspect(depth, options, 'CompressionStream', {
      readable: this.readable,
      writable: this.writable,
    });
  }
}

class DecompressionStream {
  constructor(format) {
    this[kState] = { brand: kDecompressBrand, pair: makePair(decompressors, format) };
  }

  get readable() {
    if (this?.[kState]?.brand !== kDecompressBrand) throw new ERR_INVALID_THIS('DecompressionStream');
    return this[kState].pair.readable;
  }

  get writable() {
    if (this?.[kState]?.brand !== kDecompressBrand) throw new ERR_INVALID_THIS('DecompressionStream');
    return this[kState].pair.writable;
  }

  [kInspect](depth, options) {
    if (this?.[kState]?.brand !== kDecompressBrand) throw new ERR_INVALID_THIS('DecompressionStream');
    return customInspect(depth, options, 'DecompressionStream', {
      readable: this.readable,
      writable: this.writable,
    });
  }
}

defineWebIDLClass(CompressionStream, 'CompressionStream', ['readable', 'writable']);
defineWebIDLClass(DecompressionStream, 'DecompressionStream', ['readable', 'writable']);

module.exports = { CompressionStream, DecompressionStream };
