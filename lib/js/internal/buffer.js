'use strict';
// The Buffer class body shared by node:buffer and string_decoder: FastBuffer (the Uint8Array
// subclass every Buffer is an instance of), the integer/float/bigint read and write methods,
// and the per-encoding slice/write methods on Buffer.prototype (buf.utf8Slice(...) and
// friends, which node also exposes).

const {
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
  zeroFill,
} = internalBinding('buffer');

const {
  codes: { ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');

class FastBuffer extends Uint8Array {
  // Spelled out so V8 passes the arguments straight through.
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// ---------------------------------------------------------------------------------------------
// Bounds checks shared by every read/write method.

function checkOffsetType(value, name) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
}

// Thrown when [offset, offset + width) is not inside the buffer; `last` is the largest valid
// offset (negative when the buffer is too small for any access of that width).
function boundsError(value, last, type) {
  if (Math.floor(value) !== value) {
    checkOffsetType(value, type || 'offset');
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (last < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${last}`, value);
}

function checkBounds(buf, offset, extra) {
  checkOffsetType(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + extra] === undefined) {
    boundsError(offset, buf.length - (extra + 1));
  }
}

// `extra` is the width in bytes minus one.
function checkInt(value, min, max, buf, offset, extra) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (extra > 3) {
      const bits = (extra + 1) * 8;
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
      } else {
        range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, extra);
}

// ---------------------------------------------------------------------------------------------
// Reads.

function readUInt8(offset = 0) {
  checkOffsetType(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val;
}

function readInt8(offset = 0) {
  checkOffsetType(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val | (val & 0x80) * 0x1fffffe;
}

function readUInt16LE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first + last * 0x100;
}

function readUInt16BE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first * 0x100 + last;
}

function readInt16LE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  const val = first + last * 0x100;
  return val | (val & 0x8000) * 0x1fffe;
}

function readInt16BE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  const val = first * 0x100 + last;
  return val | (val & 0x8000) * 0x1fffe;
}

function readUInt24LE(buf, offset) {
  checkOffsetType(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 2];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 3);
  return first + buf[offset + 1] * 0x100 + last * 0x10000;
}

function readUInt24BE(buf, offset) {
  checkOffsetType(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 2];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 3);
  return first * 0x10000 + buf[offset + 1] * 0x100 + last;
}

function readInt24LE(buf, offset) {
  const val = readUInt24LE(buf, offset);
  return val | (val & 0x800000) * 0x1fe;
}

function readInt24BE(buf, offset) {
  const val = readUInt24BE(buf, offset);
  return val | (val & 0x800000) * 0x1fe;
}

function readUInt32LE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + last * 0x1000000;
}

function readUInt32BE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first * 0x1000000 + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + last;
}

function readInt32LE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + (last << 24);
}

function readInt32BE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return (first << 24) + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + last;
}

// 40- and 48-bit reads: the low 32 bits plus the high byte(s) times 2 ** 32.
function readUIntN(buf, offset, width, littleEndian) {
  checkOffsetType(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + width - 1] === undefined) {
    boundsError(offset, buf.length - width);
  }
  let value = 0;
  if (littleEndian) {
    for (let i = width - 1; i >= 0; i--) value = value * 0x100 + buf[offset + i];
  } else {
    for (let i = 0; i < width; i++) value = value * 0x100 + buf[offset + i];
  }
  return value;
}

function readIntN(buf, offset, width, littleEndian) {
  const value = readUIntN(buf, offset, width, littleEndian);
  const limit = 2 ** (width * 8 - 1);
  return value >= limit ? value - limit * 2 : value;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readUIntN(this, offset, byteLength, true);
  if (byteLength === 3) return readUInt24LE(this, offset);
  if (byteLength === 4) return this.readUInt32LE(offset);
  if (byteLength === 2) return this.readUInt16LE(offset);
  if (byteLength === 1) return this.readUInt8(offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readUIntN(this, offset, byteLength, false);
  if (byteLength === 3) return readUInt24BE(this, offset);
  if (byteLength === 4) return this.readUInt32BE(offset);
  if (byteLength === 2) return this.readUInt16BE(offset);
  if (byteLength === 1) return this.readUInt8(offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readIntN(this, offset, byteLength, true);
  if (byteLength === 3) return readInt24LE(this, offset);
  if (byteLength === 4) return this.readInt32LE(offset);
  if (byteLength === 2) return this.readInt16LE(offset);
  if (byteLength === 1) return this.readInt8(offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 6 || byteLength === 5) return readIntN(this, offset, byteLength, false);
  if (byteLength === 3) return readInt24BE(this, offset);
  if (byteLength === 4) return this.readInt32BE(offset);
  if (byteLength === 2) return this.readInt16BE(offset);
  if (byteLength === 1) return this.readInt8(offset);
  boundsError(byteLength, 6, 'byteLength');
}

function readBigUInt64LE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const lo = first + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    this[offset + 3] * 0x1000000;
  const hi = this[offset + 4] + this[offset + 5] * 0x100 + this[offset + 6] * 0x10000 +
    last * 0x1000000;
  return BigInt(lo) + (BigInt(hi) << 32n);
}

function readBigUInt64BE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = first * 0x1000000 + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 +
    this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 + this[offset + 6] * 0x100 +
    last;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64LE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = this[offset + 4] + this[offset + 5] * 0x100 + this[offset + 6] * 0x10000 +
    (last << 24);
  const lo = first + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    this[offset + 3] * 0x1000000;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64BE(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = (first << 24) + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 +
    this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 + this[offset + 6] * 0x100 +
    last;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

// Floats go through a shared scratch array.
const float32Array = new Float32Array(1);
const float32Bytes = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const float64Bytes = new Uint8Array(float64Array.buffer);
float32Array[0] = -1;  // 0xbf800000: the last byte is 0xbf on little-endian hosts.
const bigEndian = float32Bytes[3] === 0;

function readFloatForward(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  float32Bytes[0] = first;
  float32Bytes[1] = this[offset + 1];
  float32Bytes[2] = this[offset + 2];
  float32Bytes[3] = last;
  return float32Array[0];
}

function readFloatBackwards(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  float32Bytes[3] = first;
  float32Bytes[2] = this[offset + 1];
  float32Bytes[1] = this[offset + 2];
  float32Bytes[0] = last;
  return float32Array[0];
}

function readDoubleForward(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  float64Bytes[0] = first;
  for (let i = 1; i < 7; i++) float64Bytes[i] = this[offset + i];
  float64Bytes[7] = last;
  return float64Array[0];
}

function readDoubleBackwards(offset = 0) {
  checkOffsetType(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  float64Bytes[7] = first;
  for (let i = 1; i < 7; i++) float64Bytes[7 - i] = this[offset + i];
  float64Bytes[0] = last;
  return float64Array[0];
}

// ---------------------------------------------------------------------------------------------
// Writes. Values are coerced with unary plus (as node); out-of-range values throw.

function writeU_Int8(buf, value, offset, min, max) {
  value = +value;
  checkOffsetType(offset, 'offset');
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  }
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function writeUInt8(value, offset = 0) {
  return writeU_Int8(this, value, offset, 0, 0xff);
}

function writeInt8(value, offset = 0) {
  return writeU_Int8(this, value, offset, -0x80, 0x7f);
}

function writeU_Int16LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 1);
  buf[offset++] = value;
  buf[offset++] = (value >>> 8);
  return offset;
}

function writeU_Int16BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 1);
  buf[offset++] = (value >>> 8);
  buf[offset++] = value;
  return offset;
}

function writeU_Int24LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2);
  buf[offset++] = value;
  buf[offset++] = (value >>> 8);
  buf[offset++] = (value >>> 16);
  return offset;
}

function writeU_Int24BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2);
  buf[offset + 2] = value;
  buf[offset + 1] = (value >>> 8);
  buf[offset] = (value >>> 16);
  return offset + 3;
}

function writeU_Int32LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 3);
  buf[offset++] = value;
  buf[offset++] = (value >>> 8);
  buf[offset++] = (value >>> 16);
  buf[offset++] = (value >>> 24);
  return offset;
}

function writeU_Int32BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 3);
  buf[offset + 3] = value;
  buf[offset + 2] = (value >>> 8);
  buf[offset + 1] = (value >>> 16);
  buf[offset] = (value >>> 24);
  return offset + 4;
}

// 40/48-bit: the low 32 bits with >>>, the rest from value / 2 ** 32 (floored, so negative
// values keep their two's complement high part).
function writeU_IntN(buf, value, offset, min, max, width, littleEndian) {
  value = +value;
  checkInt(value, min, max, buf, offset, width - 1);
  const high = Math.floor(value * 2 ** -32);
  const bytes = [value, value >>> 8, value >>> 16, value >>> 24, high, high >>> 8];
  for (let i = 0; i < width; i++) {
    buf[littleEndian ? offset + i : offset + width - 1 - i] = bytes[i];
  }
  return offset + width;
}

function writeUInt16LE(value, offset = 0) { return writeU_Int16LE(this, value, offset, 0, 0xffff); }
function writeUInt16BE(value, offset = 0) { return writeU_Int16BE(this, value, offset, 0, 0xffff); }
function writeInt16LE(value, offset = 0) {
  return writeU_Int16LE(this, value, offset, -0x8000, 0x7fff);
}
function writeInt16BE(value, offset = 0) {
  return writeU_Int16BE(this, value, offset, -0x8000, 0x7fff);
}
function writeUInt32LE(value, offset = 0) {
  return writeU_Int32LE(this, value, offset, 0, 0xffffffff);
}
function writeUInt32BE(value, offset = 0) {
  return writeU_Int32BE(this, value, offset, 0, 0xffffffff);
}
function writeInt32LE(value, offset = 0) {
  return writeU_Int32LE(this, value, offset, -0x80000000, 0x7fffffff);
}
function writeInt32BE(value, offset = 0) {
  return writeU_Int32BE(this, value, offset, -0x80000000, 0x7fffffff);
}

function writeUIntLE(value, offset, byteLength) {
  if (byteLength === 6) return writeU_IntN(this, value, offset, 0, 0xffffffffffff, 6, true);
  if (byteLength === 5) return writeU_IntN(this, value, offset, 0, 0xffffffffff, 5, true);
  if (byteLength === 3) return writeU_Int24LE(this, value, offset, 0, 0xffffff);
  if (byteLength === 4) return writeU_Int32LE(this, value, offset, 0, 0xffffffff);
  if (byteLength === 2) return writeU_Int16LE(this, value, offset, 0, 0xffff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, 0, 0xff);
  boundsError(byteLength, 6, 'byteLength');
}

function writeUIntBE(value, offset, byteLength) {
  if (byteLength === 6) return writeU_IntN(this, value, offset, 0, 0xffffffffffff, 6, false);
  if (byteLength === 5) return writeU_IntN(this, value, offset, 0, 0xffffffffff, 5, false);
  if (byteLength === 3) return writeU_Int24BE(this, value, offset, 0, 0xffffff);
  if (byteLength === 4) return writeU_Int32BE(this, value, offset, 0, 0xffffffff);
  if (byteLength === 2) return writeU_Int16BE(this, value, offset, 0, 0xffff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, 0, 0xff);
  boundsError(byteLength, 6, 'byteLength');
}

function writeIntLE(value, offset, byteLength) {
  if (byteLength === 6) {
    return writeU_IntN(this, value, offset, -0x800000000000, 0x7fffffffffff, 6, true);
  }
  if (byteLength === 5) return writeU_IntN(this, value, offset, -0x8000000000, 0x7fffffffff, 5, true);
  if (byteLength === 3) return writeU_Int24LE(this, value, offset, -0x800000, 0x7fffff);
  if (byteLength === 4) return writeU_Int32LE(this, value, offset, -0x80000000, 0x7fffffff);
  if (byteLength === 2) return writeU_Int16LE(this, value, offset, -0x8000, 0x7fff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, -0x80, 0x7f);
  boundsError(byteLength, 6, 'byteLength');
}

function writeIntBE(value, offset, byteLength) {
  if (byteLength === 6) {
    return writeU_IntN(this, value, offset, -0x800000000000, 0x7fffffffffff, 6, false);
  }
  if (byteLength === 5) {
    return writeU_IntN(this, value, offset, -0x8000000000, 0x7fffffffff, 5, false);
  }
  if (byteLength === 3) return writeU_Int24BE(this, value, offset, -0x800000, 0x7fffff);
  if (byteLength === 4) return writeU_Int32BE(this, value, offset, -0x80000000, 0x7fffffff);
  if (byteLength === 2) return writeU_Int16BE(this, value, offset, -0x8000, 0x7fff);
  if (byteLength === 1) return writeU_Int8(this, value, offset, -0x80, 0x7f);
  boundsError(byteLength, 6, 'byteLength');
}

// BigInt writes: a Number operand fails in the `&` below with V8's "Cannot mix BigInt" error,
// as in node.
function writeBigU_Int64LE(buf, value, offset, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  buf[offset++] = lo;
  lo = lo >> 8;
  buf[offset++] = lo;
  lo = lo >> 8;
  buf[offset++] = lo;
  lo = lo >> 8;
  buf[offset++] = lo;
  let hi = Number(value >> 32n & 0xffffffffn);
  buf[offset++] = hi;
  hi = hi >> 8;
  buf[offset++] = hi;
  hi = hi >> 8;
  buf[offset++] = hi;
  hi = hi >> 8;
  buf[offset++] = hi;
  return offset;
}

function writeBigU_Int64BE(buf, value, offset, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  buf[offset + 7] = lo;
  lo = lo >> 8;
  buf[offset + 6] = lo;
  lo = lo >> 8;
  buf[offset + 5] = lo;
  lo = lo >> 8;
  buf[offset + 4] = lo;
  let hi = Number(value >> 32n & 0xffffffffn);
  buf[offset + 3] = hi;
  hi = hi >> 8;
  buf[offset + 2] = hi;
  hi = hi >> 8;
  buf[offset + 1] = hi;
  hi = hi >> 8;
  buf[offset] = hi;
  return offset + 8;
}

function writeBigUInt64LE(value, offset = 0) {
  return writeBigU_Int64LE(this, value, offset, 0n, 0xffffffffffffffffn);
}
function writeBigUInt64BE(value, offset = 0) {
  return writeBigU_Int64BE(this, value, offset, 0n, 0xffffffffffffffffn);
}
function writeBigInt64LE(value, offset = 0) {
  return writeBigU_Int64LE(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n);
}
function writeBigInt64BE(value, offset = 0) {
  return writeBigU_Int64BE(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n);
}

function writeFloatForward(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 3);
  float32Array[0] = val;
  this[offset++] = float32Bytes[0];
  this[offset++] = float32Bytes[1];
  this[offset++] = float32Bytes[2];
  this[offset++] = float32Bytes[3];
  return offset;
}

function writeFloatBackwards(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 3);
  float32Array[0] = val;
  this[offset++] = float32Bytes[3];
  this[offset++] = float32Bytes[2];
  this[offset++] = float32Bytes[1];
  this[offset++] = float32Bytes[0];
  return offset;
}

function writeDoubleForward(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 7);
  float64Array[0] = val;
  for (let i = 0; i < 8; i++) this[offset++] = float64Bytes[i];
  return offset;
}

function writeDoubleBackwards(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 7);
  float64Array[0] = val;
  for (let i = 7; i >= 0; i--) this[offset++] = float64Bytes[i];
  return offset;
}

// ---------------------------------------------------------------------------------------------

function addBufferPrototypeMethods(proto) {
  const methods = {
    readBigUInt64LE,
    readBigUInt64BE,
    readBigInt64LE,
    readBigInt64BE,
    writeBigUInt64LE,
    writeBigUInt64BE,
    writeBigInt64LE,
    writeBigInt64BE,
    readUIntLE,
    readUInt32LE,
    readUInt16LE,
    readUInt8,
    readUIntBE,
    readUInt32BE,
    readUInt16BE,
    readIntLE,
    readInt32LE,
    readInt16LE,
    readInt8,
    readIntBE,
    readInt32BE,
    readInt16BE,
    writeUIntLE,
    writeUInt32LE,
    writeUInt16LE,
    writeUInt8,
    writeUIntBE,
    writeUInt32BE,
    writeUInt16BE,
    writeIntLE,
    writeInt32LE,
    writeInt16LE,
    writeInt8,
    writeIntBE,
    writeInt32BE,
    writeInt16BE,
    readFloatLE: bigEndian ? readFloatBackwards : readFloatForward,
    readFloatBE: bigEndian ? readFloatForward : readFloatBackwards,
    readDoubleLE: bigEndian ? readDoubleBackwards : readDoubleForward,
    readDoubleBE: bigEndian ? readDoubleForward : readDoubleBackwards,
    writeFloatLE: bigEndian ? writeFloatBackwards : writeFloatForward,
    writeFloatBE: bigEndian ? writeFloatForward : writeFloatBackwards,
    writeDoubleLE: bigEndian ? writeDoubleBackwards : writeDoubleForward,
    writeDoubleBE: bigEndian ? writeDoubleForward : writeDoubleBackwards,
  };
  for (const name of Object.keys(methods)) {
    const fn = methods[name];
    Object.defineProperty(fn, 'name', { __proto__: null, value: name, configurable: true });
    proto[name] = fn;
    // The Uint spellings are aliases (readUint8 === readUInt8).
    if (name.includes('UInt')) proto[name.replace('UInt', 'Uint')] = fn;
  }

  // Per-encoding slices and writes, node's (undocumented but used) buf.xxxSlice/xxxWrite.
  const slices = {
    asciiSlice, base64Slice, base64urlSlice, latin1Slice, hexSlice, ucs2Slice, utf8Slice,
  };
  for (const name of Object.keys(slices)) {
    const slice = slices[name];
    proto[name] = {
      [name](start, end) {
        if (!isUint8ArrayLike(this)) throw notABuffer();
        const len = this.byteLength;  // Byte length: any view works, as in node's binding.
        if (len === 0) return '';  // Before the arguments are looked at, as node.
        start = toIndex(start, 0);
        end = toIndex(end, len);
        if (end < start) end = start;
        if (end > len) throw indexOutOfRange();
        const result = slice(this, start, end);
        if (result === undefined) throw stringTooLong();
        return result;
      },
    }[name];
  }
  const writes = {
    asciiWrite, base64Write, base64urlWrite, latin1Write, hexWrite, ucs2Write, utf8Write,
  };
  for (const name of Object.keys(writes)) {
    const write = writes[name];
    proto[name] = {
      [name](string, offset, length) {
        if (!isUint8ArrayLike(this)) throw notABuffer();
        if (typeof string !== 'string') {
          const err = new TypeError('argument must be a string');
          err.code = 'ERR_INVALID_ARG_TYPE';
          throw err;
        }
        const len = this.byteLength;  // Byte length: any view works, as in node's binding.
        offset = toIndex(offset, 0);
        if (offset > len) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
        length = toIndex(length, len - offset);
        if (length > len - offset) length = len - offset;
        if (length === 0) return 0;
        return write(this, string, offset, length);
      },
    }[name];
  }
}

function isUint8ArrayLike(value) {
  return ArrayBuffer.isView(value);
}

// Node's ParseArrayIndex: undefined -> default, else the integer part; negative throws.
function toIndex(value, defaultValue) {
  if (value === undefined) return defaultValue;
  const n = Math.trunc(+value) || 0;
  if (n < 0) throw indexOutOfRange();
  return n;
}

function notABuffer() {
  const err = new TypeError('argument must be a buffer');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function indexOutOfRange() {
  const err = new RangeError('Index out of range');
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

let StringTooLong;
function stringTooLong() {
  const errors = require('internal/errors');
  if (!errors.codes.ERR_STRING_TOO_LONG) {
    const max = internalBinding('buffer').kStringMaxLength;
    errors.E('ERR_STRING_TOO_LONG', `Cannot create a string longer than 0x${max.toString(16)} characters`, Error);
  }
  StringTooLong ??= errors.codes.ERR_STRING_TOO_LONG;
  return new StringTooLong();
}

// An ArrayBuffer over memory that is not zero-filled (allocUnsafe and the pool). It comes from
// V8's own allocation path, whose young-generation accounting frees short-lived buffers in
// scavenges; the allocator skips zero-filling while zeroFill[0] is 0. Bad sizes get
// `new ArrayBuffer`'s RangeError.
function createUnsafeArrayBuffer(size) {
  zeroFill[0] = 0;
  try {
    return new ArrayBuffer(size);
  } finally {
    zeroFill[0] = 1;
  }
}

// A Buffer over fresh memory that is not zero-filled (allocUnsafeSlow).
function createUnsafeBuffer(size) {
  return new FastBuffer(createUnsafeArrayBuffer(size));
}

// Objects a transfer list must copy rather than move (worker_threads.markAsUntransferable):
// the Buffer pool's memory above all, which many small Buffers share.
const untransferable = new WeakSet();

function markAsUntransferable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
  untransferable.add(object);
}

function isMarkedAsUntransferable(object) {
  return (typeof object === 'object' || typeof object === 'function') && object !== null &&
    untransferable.has(object);
}

module.exports = {
  FastBuffer,
  addBufferPrototypeMethods,
  createUnsafeArrayBuffer,
  createUnsafeBuffer,
  isMarkedAsUntransferable,
  markAsUntransferable,
  // Usable both as `readUInt16BE.call(buf, offset)` (node's form) and `readUInt16BE(buf, offset)`.
  readUInt16BE(bufOrOffset, offset) {
    return ArrayBuffer.isView(this) ? readUInt16BE.call(this, bufOrOffset) :
      readUInt16BE.call(bufOrOffset, offset);
  },
  readUInt32BE(bufOrOffset, offset) {
    return ArrayBuffer.isView(this) ? readUInt32BE.call(this, bufOrOffset) :
      readUInt32BE.call(bufOrOffset, offset);
  },
  stringTooLong,
};
