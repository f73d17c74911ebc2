'use strict';
// node:buffer. Buffer is a Uint8Array subclass (every instance is a FastBuffer whose prototype
// is Buffer.prototype); small allocations come from an 8 KiB pool as in node. The byte work
// (encodings, search, fill, compare) is internalBinding('buffer'); all argument checking is
// here.

const {
  byteLengthUtf8,
  compare: _compare,
  compareOffset,
  copy: _copy,
  fill: bindingFill,
  indexOfBuffer,
  indexOfNumber,
  indexOfString,
  isAscii: bindingIsAscii,
  isUtf8: bindingIsUtf8,
  isOneByteString,
  swap16: _swap16,
  swap32: _swap32,
  swap64: _swap64,
  kMaxLength,
  kStringMaxLength,
  asciiSlice,
  base64Slice,
  base64urlSlice,
  latin1Slice,
  hexSlice,
  ucs2Slice,
  utf8Slice,
  asciiWrite,
  base64Write,
  base64urlWrite,
  latin1Write,
  hexWrite,
  ucs2Write,
  utf8Write,
  writeToArrayBuffer,
} = internalBinding('buffer');
const {
  getOwnNonIndexProperties,
  constants: { ALL_PROPERTIES, ONLY_ENUMERABLE },
} = internalBinding('util');

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
  genericNodeError,
} = require('internal/errors');
const {
  customInspectSymbol,
  encodingsMap,
  kIsEncodingSymbol,
  lazyDOMException,
  normalizeEncoding,
} = require('internal/util');
const {
  isAnyArrayBuffer, isArrayBufferView, isTypedArray, isUint8Array,
} = require('internal/util/types');
const { validateArray, validateNumber, validateString } = require('internal/validators');
const {
  FastBuffer, addBufferPrototypeMethods, createUnsafeArrayBuffer, markAsUntransferable,
  stringTooLong,
} = require('internal/buffer');

const constants = Object.defineProperties({}, {
  MAX_LENGTH: { __proto__: null, value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: {
    __proto__: null, value: kStringMaxLength, writable: false, enumerable: true,
  },
});

let INSPECT_MAX_BYTES = 50;

// ---------------------------------------------------------------------------------------------
// Allocation and the pool.

function createUnsafeBuffer(size) {
  return new FastBuffer(createUnsafeArrayBuffer(size));
}

let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = createUnsafeArrayBuffer(poolSize);
  markAsUntransferable(allocPool);
  poolOffset = 0;
}

function alignPool() {
  // Keep every pool slice 8-byte aligned.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return createUnsafeBuffer(size);
}

// A number validator with node's offset message ("It must be >= 0 && <= N").
const validateOffset = (value, name, min = 0, max = kMaxLength) => {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
};

function checkSize(size) {
  if (typeof size !== 'number' || !(size >= 0 && size <= kMaxLength)) {
    validateNumber(size, 'size', 0, kMaxLength);  // Throws node's error.
  }
}

// ---------------------------------------------------------------------------------------------
// Encodings.

function base64ByteLength(str, bytes) {
  // Trailing padding does not count.
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function sliceOrThrow(result) {
  if (result === undefined) throw stringTooLong();
  return result;
}

function fromStringFast(string, ops) {
  const length = ops.byteLength(string);
  if (length >= (Buffer.poolSize >>> 1)) {
    const b = createUnsafeBuffer(length);
    const actual = ops.write(b, string, 0, length);
    return actual === length ? b : new FastBuffer(b.buffer, 0, actual);
  }
  if (length > (poolSize - poolOffset)) createPool();
  const actual = writeToArrayBuffer(allocPool, poolOffset, string, length, ops.encodingVal);
  const b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

// UTF-8 needs no exact length up front for short strings: at most 3 bytes per UTF-16 unit.
function fromUtf8(string) {
  const maxLength = string.length * 3;
  if (maxLength >= (Buffer.poolSize >>> 1)) return fromStringFast(string, encodingOps.utf8);
  if (maxLength > (poolSize - poolOffset)) createPool();
  const actual = writeToArrayBuffer(allocPool, poolOffset, string, maxLength, 0);
  const b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function makeOps(encoding, byteLength, write, slice, indexOf) {
  return { encoding, encodingVal: encodingsMap[encoding], byteLength, write, slice, indexOf };
}

function indexOfViaBuffer(encoding) {
  return (buf, val, byteOffset, dir) =>
    indexOfBuffer(buf, fromStringFast(val, encodingOps[encoding]), byteOffset,
                  encodingsMap[encoding], dir);
}

const encodingOps = {
  __proto__: null,
  utf8: makeOps('utf8', byteLengthUtf8, utf8Write, utf8Slice,
                (buf, val, byteOffset, dir) =>
                  indexOfString(buf, val, byteOffset, encodingsMap.utf8, dir)),
  utf16le: makeOps('utf16le', (string) => string.length * 2, ucs2Write, ucs2Slice,
                   (buf, val, byteOffset, dir) =>
                     indexOfString(buf, val, byteOffset, encodingsMap.utf16le, dir)),
  latin1: makeOps('latin1', (string) => string.length, latin1Write, latin1Slice,
                  (buf, val, byteOffset, dir) =>
                    indexOfString(buf, val, byteOffset, encodingsMap.latin1, dir)),
  ascii: makeOps('ascii', (string) => string.length, asciiWrite, asciiSlice,
                 indexOfViaBuffer('ascii')),
  base64: makeOps('base64', (string) => base64ByteLength(string, string.length), base64Write,
                  base64Slice, indexOfViaBuffer('base64')),
  base64url: makeOps('base64url', (string) => base64ByteLength(string, string.length),
                     base64urlWrite, base64urlSlice, indexOfViaBuffer('base64url')),
  hex: makeOps('hex', (string) => string.length >>> 1, hexWrite, hexSlice,
               indexOfViaBuffer('hex')),
};

// Exact spellings seen most often, straight to their ops.
const encodingOpsByName = { __proto__: null };
for (const [name, canonical] of [
  ['utf8', 'utf8'], ['utf-8', 'utf8'], ['UTF-8', 'utf8'], ['UTF8', 'utf8'],
  ['hex', 'hex'], ['base64', 'base64'], ['base64url', 'base64url'], ['latin1', 'latin1'],
  ['binary', 'latin1'], ['ascii', 'ascii'], ['utf16le', 'utf16le'], ['utf-16le', 'utf16le'],
  ['ucs2', 'utf16le'], ['ucs-2', 'utf16le'],
]) {
  encodingOpsByName[name] = encodingOps[canonical];
}

// Ops for an encoding name, undefined when unknown ('' and non-strings included).
function getEncodingOps(encoding) {
  if (typeof encoding === 'string') {
    const ops = encodingOpsByName[encoding];
    if (ops !== undefined) return ops;
  }
  encoding = `${encoding}`;
  if (encoding.length === 0) return undefined;
  const normalized = normalizeEncoding(encoding);
  return normalized === undefined ? undefined : encodingOps[normalized];
}

// ---------------------------------------------------------------------------------------------
// Buffer.

let warnedDeprecation = false;
function showDeprecationWarning() {
  if (warnedDeprecation) return;
  warnedDeprecation = true;
  process.emitWarning(
    'Buffer() is deprecated due to security and usability issues. Please use the ' +
    'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
    'DeprecationWarning', 'DEP0005');
}

// `Buffer(arg)` and `new Buffer(arg)` (deprecated): numbers allocate zero-filled memory.
function Buffer(arg, encodingOrOffset, length) {
  if (!/[\\/]node_modules[\\/]/.test(new Error().stack || '')) showDeprecationWarning();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null, enumerable: false, configurable: true, get() { return FastBuffer; },
});

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isArrayBufferView(view) || view instanceof DataView) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateOffset(offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateOffset(length, 'length', 0, Number.MAX_SAFE_INTEGER);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return fromArrayLike(bytes);
};

Buffer.of = function of(...items) {
  const b = createUnsafeBuffer(items.length);
  for (let k = 0; k < items.length; k++) b[k] = items[k];
  return b;
};

Object.setPrototypeOf(Buffer, Uint8Array);

Buffer.alloc = function alloc(size, fill, encoding) {
  checkSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  checkSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  checkSize(size);
  return createUnsafeBuffer(size);
};

// Deprecated SlowBuffer(size): an unpooled Buffer.
function SlowBuffer(size) {
  checkSize(size);
  return createUnsafeBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    return fromUtf8(string);
  }
  ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (string.length === 0) return new FastBuffer();
  if (ops === encodingOps.utf8) return fromUtf8(string);
  return fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    if (obj.length > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, obj.length);
    Uint8Array.prototype.set.call(b, obj, 0);
    poolOffset += obj.length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return _compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      // Reached only when `length` was given: the sum above ignores non-Uint8Arrays.
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += _copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (!encoding || encoding === 'utf8') return byteLengthUtf8(string);
  if (encoding === 'ascii') return len;
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return byteLengthUtf8(string);  // Unknown encodings count as UTF-8.
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

Buffer.poolSize = 8 * 1024;
createPool();

// The prototype of every Buffer.
Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(Buffer.prototype, 'constructor', {
  __proto__: null, value: Buffer, writable: true, enumerable: false, configurable: true,
});
addBufferPrototypeMethods(Buffer.prototype);

Object.defineProperty(Buffer.prototype, 'parent', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return _copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function _copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (nb < 64) {
    // Short copies are cheaper in JS than through the binding.
    if (source.buffer === target.buffer && targetStart + target.byteOffset >
        sourceStart + source.byteOffset) {
      for (let i = nb - 1; i >= 0; i--) target[targetStart + i] = source[sourceStart + i];
    } else {
      for (let i = 0; i < nb; i++) target[targetStart + i] = source[sourceStart + i];
    }
    return nb;
  }
  _copy(source, target, targetStart, sourceStart, nb);
  return nb;
}

// Methods reached with a `this` that is not a typed array (Buffer.prototype.x.call({})) throw
// before anything reaches the binding.
function notABuffer() {
  const err = new TypeError('argument must be a buffer');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// toString(encoding, start, end): start/end are clamped, never rejected.
Buffer.prototype.toString = function toString(encoding, start, end) {
  if (!isArrayBufferView(this)) throw notABuffer();
  if (arguments.length === 0) return sliceOrThrow(utf8Slice(this, 0, this.length));
  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = Math.trunc(end) || 0;
  }
  if (end <= start) return '';
  if (encoding === undefined) return sliceOrThrow(utf8Slice(this, start, end));
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return sliceOrThrow(ops.slice(this, start, end));
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isArrayBufferView(this)) throw notABuffer();
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = this.byteLength;
  if (len !== otherBuffer.byteLength) return false;
  return len === 0 || _compare(this, otherBuffer) === 0;
};

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule.inspect;
}

// `<Buffer 68 65 6c 6c 6f>`, at most INSPECT_MAX_BYTES bytes, then own non-index properties.
Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  if (!isArrayBufferView(this)) throw notABuffer();
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = hexSlice(this, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    let extras = false;
    const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
    const obj = { __proto__: null };
    for (const key of getOwnNonIndexProperties(this, filter)) {
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      if (this.length !== 0) str += ', ';
      // Drop the '[Object: null prototype] {' prefix and the closing ' }'.
      str += lazyInspect()(obj, { ...ctx, breakLength: Infinity, compact: true })
        .slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

Buffer.prototype.compare = function compare(target, targetStart, targetEnd, sourceStart,
                                            sourceEnd) {
  if (!isArrayBufferView(this)) throw notABuffer();
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) return _compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  if (sourceStart > this.byteLength) {
    // Only reachable for receivers whose length is not their byte length (a DataView).
    const err = new RangeError('The value of "sourceStart" is out of range.');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return compareOffset(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
};

// indexOf / lastIndexOf: `val` a string (in `encoding`), a number (a byte) or a Uint8Array.
function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  // undefined, {} and the like search the whole buffer.
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;

  if (typeof val === 'number') return indexOfNumber(buffer, (val >>> 0) & 0xff, byteOffset, dir);

  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, dir);
  }
  if (isUint8Array(val)) {
    const encodingVal = ops === undefined ? encodingsMap.utf8 : ops.encodingVal;
    return indexOfBuffer(buffer, val, byteOffset, encodingVal, dir);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// fill(value[, offset[, end]][, encoding]).
Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function _fill(buf, value, offset, end, encoding) {
  if (!isArrayBufferView(buf)) throw notABuffer();
  let encodingVal;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalizedEncoding = normalizeEncoding(encoding);
    if (normalizedEncoding === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    encodingVal = encodingsMap[normalizedEncoding];
    if (value.length === 0) {
      value = 0;  // An empty string fills with zeros.
    } else if (value.length === 1) {
      // A single character that is a single byte: a numeric fill.
      if (normalizedEncoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalizedEncoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }

  if (typeof value !== 'number' && typeof value !== 'string' && !isArrayBufferView(value)) {
    // Booleans, objects: ToNumber (after the offsets, as node's binding), then the low byte.
    value = +value;
  }
  if (typeof value === 'number') {
    const byteLen = buf.byteLength;
    const fillLength = end - offset;
    if (offset > end || fillLength + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value, offset, end);
  } else {
    if (end > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    const res = bindingFill(buf, value, offset, end, encodingVal);
    if (res < 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  }
  return buf;
}

// write(string[, offset[, length]][, encoding]).
Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (!isTypedArray(this)) throw notABuffer();  // Offsets below count `this.length`.
  if (offset === undefined) {
    if (typeof string !== 'string') throw argumentMustBeString();
    return utf8Write(this, string, 0, this.length);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  // As in node, offsets and the encoding are checked before the string's type.
  if (!encoding || encoding === 'utf8') {
    if (typeof string !== 'string') throw argumentMustBeString();
    return utf8Write(this, string, offset, length);
  }
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (typeof string !== 'string') throw argumentMustBeString();
  return ops.write(this, string, offset, length);
};

function argumentMustBeString() {
  // Node's binding message for a non-string `string` argument.
  const err = new TypeError('argument must be a string');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

Buffer.prototype.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

Buffer.prototype.swap16 = function swap16() {
  if (!isArrayBufferView(this)) throw notABuffer();
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  if (len < 128) {
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  }
  _swap16(this);
  return this;
};

Buffer.prototype.swap32 = function swap32() {
  if (!isArrayBufferView(this)) throw notABuffer();
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this;
  }
  _swap32(this);
  return this;
};

Buffer.prototype.swap64 = function swap64() {
  if (!isArrayBufferView(this)) throw notABuffer();
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this;
  }
  _swap64(this);
  return this;
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// ---------------------------------------------------------------------------------------------
// Module functions.

// transcode() between utf8, utf16le, latin1 and ascii with node's (ICU's) results: characters
// the target cannot hold become '?', undecodable input U+FFFD; UTF-8 <-> UTF-16 is strict.
function transcodeError(code, errno) {
  const err = genericNodeError(`Unable to transcode Buffer [${code}]`, { code, errno });
  return err;
}

const kTranscodable = ['utf8', 'utf16le', 'latin1', 'ascii'];
const kLoneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (!kTranscodable.includes(from) || !kTranscodable.includes(to)) {
    throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR', 1);
  }
  const src = new FastBuffer(source.buffer, source.byteOffset, source.byteLength);
  if ((from === 'latin1' || from === 'ascii') && to === 'utf16le') {
    return Buffer.from(latin1Slice(src, 0, src.length), 'utf16le');  // Byte -> code unit.
  }
  if (from === 'latin1' && to === 'latin1') return Buffer.from(src);
  if (from === 'utf8' && to === 'utf16le') {
    if (!bindingIsUtf8(src)) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
    return Buffer.from(src.toString('utf8'), 'utf16le');
  }
  let str;
  if (from === 'utf8') {
    str = src.toString('utf8');
  } else if (from === 'latin1') {
    str = latin1Slice(src, 0, src.length);
  } else if (from === 'ascii') {
    str = latin1Slice(src, 0, src.length).replace(/[\x80-\xff]/g, '\ufffd');
  } else {
    str = src.toString('utf16le');
    if (to === 'utf8') {
      if (kLoneSurrogate.test(str)) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
    } else if (to === 'utf16le') {
      str = str.replace(new RegExp(kLoneSurrogate.source, 'g'), '\ufffd');
      if (src.length % 2 === 1) str += '\ufffd';
    }
  }
  if (to === 'latin1') str = str.replace(/[^\u0000-\u00ff]/gu, '?');
  else if (to === 'ascii') str = str.replace(/[^\u0000-\u007f]/gu, '?');
  return Buffer.from(str, to === 'ascii' ? 'latin1' : to);
}

// A Uint8Array over `input` (an ArrayBuffer or a view); a detached ArrayBuffer throws node's
// ERR_INVALID_STATE.
function bytesToValidate(input) {
  if (isArrayBufferView(input)) return input;
  if (isAnyArrayBuffer(input)) {
    try {
      return new Uint8Array(input);
    } catch {
      const err = new Error('Cannot validate on a detached buffer');
      err.code = 'ERR_INVALID_STATE';
      throw err;
    }
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isUtf8(input) {
  return bindingIsUtf8(bytesToValidate(input));
}

function isAscii(input) {
  return bindingIsAscii(bytesToValidate(input));
}

function domException(message, name) {
  if (typeof globalThis.DOMException === 'function') return lazyDOMException(message, name);
  const err = new Error(message);
  err.name = name;
  return err;
}

// btoa/atob follow the HTML spec ("forgiving-base64") with node's DOMException errors.
function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  if (!isOneByteString(input)) throw domException('Invalid character', 'InvalidCharacterError');
  const buf = Buffer.from(input, 'latin1');
  return base64Slice(buf, 0, buf.length);
}

// Per ASCII code: 1 base64 alphabet, 2 ASCII whitespace, 3 '=', 0 not allowed.
const kAtobClass = new Uint8Array(128);
for (let i = 0; i < 64; i++) {
  kAtobClass['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = 1;
}
for (const c of [0x09, 0x0a, 0x0c, 0x0d, 0x20]) kAtobClass[c] = 2;
kAtobClass[0x3d] = 3;

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let significant = 0;  // Characters other than whitespace.
  let equals = 0;
  for (let n = 0; n < input.length; n++) {
    const code = input.charCodeAt(n);
    const cls = code < 128 ? kAtobClass[code] : 0;
    if (cls === 0) throw domException('Invalid character', 'InvalidCharacterError');
    if (cls === 2) continue;
    significant++;
    if (cls === 3) {
      // At most two '=', and only at the end.
      if (++equals > 2) throw domException('Invalid character', 'InvalidCharacterError');
    } else if (equals > 0) {
      throw domException('Invalid character', 'InvalidCharacterError');
    }
  }
  // Without its padding the data must not leave a single sextet; padding must complete a
  // group of four.
  if ((significant - equals) % 4 === 1) {
    throw domException('The string to be decoded is not correctly encoded.',
                       'InvalidCharacterError');
  }
  if (equals > 0 && significant % 4 !== 0) {
    throw domException('Invalid character', 'InvalidCharacterError');
  }
  const buf = Buffer.from(input, 'base64');
  return latin1Slice(buf, 0, buf.length);
}

let blobModule;
function lazyBlob() {
  blobModule ??= require('internal/blob');
  return blobModule;
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,  // Replaced by the accessor below.
  Blob: undefined,
  File: undefined,
  resolveObjectURL: undefined,
};

Object.defineProperties(module.exports, {
  constants: {
    __proto__: null, configurable: false, enumerable: true, value: constants,
  },
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: {
    __proto__: null, configurable: true, enumerable: true, get() { return lazyBlob().Blob; },
  },
  File: {
    __proto__: null, configurable: true, enumerable: true, get() { return lazyBlob().File; },
  },
  resolveObjectURL: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return lazyBlob().resolveObjectURL; },
  },
});

