'use strict';
// Integer, float and BigInt reads/writes: values against DataView, and node 20's bounds and
// range errors (code, class and message).
const assert = require('assert');
const { Buffer } = require('buffer');

let seed = 99;
function random() {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
}
const randInt = (n) => Math.floor(random() * n);

// Reads agree with DataView at every offset.
for (let round = 0; round < 200; round++) {
  const buf = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) buf[i] = randInt(256);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const o = randInt(9);
  assert.strictEqual(buf.readUInt8(o), dv.getUint8(o));
  assert.strictEqual(buf.readInt8(o), dv.getInt8(o));
  assert.strictEqual(buf.readUInt16LE(o), dv.getUint16(o, true));
  assert.strictEqual(buf.readUInt16BE(o), dv.getUint16(o));
  assert.strictEqual(buf.readInt16LE(o), dv.getInt16(o, true));
  assert.strictEqual(buf.readInt16BE(o), dv.getInt16(o));
  assert.strictEqual(buf.readUInt32LE(o), dv.getUint32(o, true));
  assert.strictEqual(buf.readUInt32BE(o), dv.getUint32(o));
  assert.strictEqual(buf.readInt32LE(o), dv.getInt32(o, true));
  assert.strictEqual(buf.readInt32BE(o), dv.getInt32(o));
  assert.ok(Object.is(buf.readFloatLE(o), dv.getFloat32(o, true)));
  assert.ok(Object.is(buf.readFloatBE(o), dv.getFloat32(o)));
  assert.ok(Object.is(buf.readDoubleLE(o), dv.getFloat64(o, true)));
  assert.ok(Object.is(buf.readDoubleBE(o), dv.getFloat64(o)));
  assert.strictEqual(buf.readBigUInt64LE(o), dv.getBigUint64(o, true));
  assert.strictEqual(buf.readBigUInt64BE(o), dv.getBigUint64(o));
  assert.strictEqual(buf.readBigInt64LE(o), dv.getBigInt64(o, true));
  assert.strictEqual(buf.readBigInt64BE(o), dv.getBigInt64(o));
  for (let width = 1; width <= 6; width++) {
    let le = 0;
    let be = 0;
    for (let i = 0; i < width; i++) {
      le += buf[o + i] * 2 ** (8 * i);
      be = be * 256 + buf[o + i];
    }
    const sign = (v) => (v >= 2 ** (8 * width - 1) ? v - 2 ** (8 * width) : v);
    assert.strictEqual(buf.readUIntLE(o, width), le);
    assert.strictEqual(buf.readUIntBE(o, width), be);
    assert.strictEqual(buf.readIntLE(o, width), sign(le));
    assert.strictEqual(buf.readIntBE(o, width), sign(be));
  }
}

// Writes: random in-range values read back, return offset + width.
for (let round = 0; round < 200; round++) {
  const buf = Buffer.alloc(16);
  const o = randInt(9);
  for (let width = 1; width <= 6; width++) {
    const u = Math.floor(random() * 2 ** (8 * width));
    const s = u - 2 ** (8 * width - 1);
    assert.strictEqual(buf.writeUIntLE(u, o, width), o + width);
    assert.strictEqual(buf.readUIntLE(o, width), u);
    assert.strictEqual(buf.writeUIntBE(u, o, width), o + width);
    assert.strictEqual(buf.readUIntBE(o, width), u);
    assert.strictEqual(buf.writeIntLE(s, o, width), o + width);
    assert.strictEqual(buf.readIntLE(o, width), s);
    assert.strictEqual(buf.writeIntBE(s, o, width), o + width);
    assert.strictEqual(buf.readIntBE(o, width), s);
  }
  const f = (random() - 0.5) * 1e10;
  assert.strictEqual(buf.writeDoubleLE(f, o), o + 8);
  assert.strictEqual(buf.readDoubleLE(o), f);
  assert.strictEqual(buf.writeDoubleBE(f, o), o + 8);
  assert.strictEqual(buf.readDoubleBE(o), f);
  assert.strictEqual(buf.writeFloatLE(f, o), o + 4);
  assert.strictEqual(buf.readFloatLE(o), Math.fround(f));
  assert.strictEqual(buf.writeFloatBE(f, o), o + 4);
  assert.strictEqual(buf.readFloatBE(o), Math.fround(f));
  const big = BigInt(Math.floor(random() * 2 ** 32)) << 32n | BigInt(Math.floor(random() * 2 ** 32));
  assert.strictEqual(buf.writeBigUInt64LE(big, o), o + 8);
  assert.strictEqual(buf.readBigUInt64LE(o), big);
  assert.strictEqual(buf.writeBigUInt64BE(big, o), o + 8);
  assert.strictEqual(buf.readBigUInt64BE(o), big);
  assert.strictEqual(buf.writeBigInt64LE(big - 2n ** 63n, o), o + 8);
  assert.strictEqual(buf.readBigInt64LE(o), big - 2n ** 63n);
  assert.strictEqual(buf.writeBigInt64BE(big - 2n ** 63n, o), o + 8);
  assert.strictEqual(buf.readBigInt64BE(o), big - 2n ** 63n);
}

// Known byte layouts (from node 20).
{
  const b = Buffer.alloc(8);
  b.writeFloatLE(1.5, 2);
  assert.deepStrictEqual([...b], [0, 0, 0, 0, 192, 63, 0, 0]);
  b.writeDoubleBE(1e308);
  assert.deepStrictEqual([...b], [127, 225, 204, 243, 133, 235, 200, 160]);
  b.writeFloatLE(1e40);
  assert.deepStrictEqual([...b.subarray(0, 4)], [0, 0, 128, 127]);
  assert.strictEqual(Buffer.from([1, 2, 3, 4, 5, 6, 7, 255]).readBigUInt64LE(), 18376663423120507393n);
  assert.strictEqual(Buffer.from([255, 2, 3, 4, 5, 6, 7, 8]).readBigInt64BE(), -71491328285473016n);
  // Coercion: strings and fractions.
  assert.strictEqual(b.writeUInt8('1'), 1);
  assert.strictEqual(b[0], 1);
  assert.strictEqual(b.writeUInt8(1.5, 1), 2);
  assert.strictEqual(b[1], 1);
  assert.strictEqual(b.writeUInt8(NaN, 1), 2);
  assert.strictEqual(b[1], 0);
  assert.strictEqual(b.writeInt32LE(3.9), 4);
  assert.strictEqual(b[0], 3);
  assert.strictEqual(b.writeFloatLE('1'), 4);
  assert.strictEqual(b.readFloatLE(), 1);
  assert.strictEqual(b.readUInt8(), 0);  // writeFloatLE(1) left 00 00 80 3f.
}

// Aliases.
assert.strictEqual(Buffer.prototype.readUint8, Buffer.prototype.readUInt8);
assert.strictEqual(Buffer.prototype.writeUintLE, Buffer.prototype.writeUIntLE);
assert.strictEqual(Buffer.prototype.readBigUint64LE, Buffer.prototype.readBigUInt64LE);
assert.strictEqual(Buffer.prototype.writeBigUint64BE, Buffer.prototype.writeBigUInt64BE);

function throwsCode(fn, ErrorClass, code, message) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof ErrorClass, `${err.name} is not ${ErrorClass.name}`);
    assert.strictEqual(err.code, code);
    assert.strictEqual(err.message, message);
    return true;
  });
}

const b = Buffer.alloc(8);
const range = (name, must, received) =>
  `The value of "${name}" is out of range. It must be ${must}. Received ${received}`;

// Read bounds.
throwsCode(() => b.readUInt8(8), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 7', 8));
throwsCode(() => b.readUInt8(1.5), RangeError, 'ERR_OUT_OF_RANGE', range('offset', 'an integer', 1.5));
throwsCode(() => b.readUInt8('1'), TypeError, 'ERR_INVALID_ARG_TYPE',
           'The "offset" argument must be of type number. Received type string (\'1\')');
throwsCode(() => b.readUInt16LE(7), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 6', 7));
throwsCode(() => b.readUInt32LE(-1), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 4', -1));
throwsCode(() => b.readDoubleLE(1), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 0', 1));
throwsCode(() => b.readBigInt64LE(1), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 0', 1));
throwsCode(() => b.readIntLE(0, 7), RangeError, 'ERR_OUT_OF_RANGE', range('byteLength', '>= 1 and <= 6', 7));
throwsCode(() => b.readIntLE(0, 0), RangeError, 'ERR_OUT_OF_RANGE', range('byteLength', '>= 1 and <= 6', 0));
throwsCode(() => b.readIntLE(0), TypeError, 'ERR_INVALID_ARG_TYPE',
           'The "byteLength" argument must be of type number. Received undefined');
throwsCode(() => b.readUIntLE(undefined, 2), TypeError, 'ERR_INVALID_ARG_TYPE',
           'The "offset" argument must be of type number. Received undefined');
throwsCode(() => b.readUIntBE(4, 6), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 2', 4));
throwsCode(() => Buffer.alloc(1).readUInt32LE(0), RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
           'Attempt to access memory outside buffer bounds');
throwsCode(() => Buffer.alloc(0).readUInt8(0), RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
           'Attempt to access memory outside buffer bounds');
throwsCode(() => Buffer.alloc(4).readFloatBE(NaN), RangeError, 'ERR_OUT_OF_RANGE',
           range('offset', 'an integer', NaN));

// Write ranges and bounds.
throwsCode(() => b.writeUInt8(256), RangeError, 'ERR_OUT_OF_RANGE', range('value', '>= 0 and <= 255', 256));
throwsCode(() => b.writeInt8(-129), RangeError, 'ERR_OUT_OF_RANGE', range('value', '>= -128 and <= 127', -129));
throwsCode(() => b.writeUInt8(-0.5), RangeError, 'ERR_OUT_OF_RANGE', range('value', '>= 0 and <= 255', -0.5));
throwsCode(() => b.writeUInt16LE(-1), RangeError, 'ERR_OUT_OF_RANGE', range('value', '>= 0 and <= 65535', -1));
throwsCode(() => b.writeUInt32LE(2 ** 32), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= 0 and <= 4294967295', 4294967296));
throwsCode(() => b.writeInt32BE(2 ** 31), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= -2147483648 and <= 2147483647', 2147483648));
throwsCode(() => b.writeIntLE(2 ** 47, 0, 6), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= -(2 ** 47) and < 2 ** 47', '140_737_488_355_328'));
throwsCode(() => b.writeUIntLE(2 ** 40, 0, 5), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= 0 and < 2 ** 40', '1_099_511_627_776'));
throwsCode(() => b.writeUIntLE(2 ** 24, 0, 3), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= 0 and <= 16777215', 16777216));
throwsCode(() => b.writeIntLE(2 ** 23, 0, 3), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= -8388608 and <= 8388607', 8388608));
throwsCode(() => b.writeBigInt64LE(2n ** 63n), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= -(2n ** 63n) and < 2n ** 63n', '9_223_372_036_854_775_808n'));
throwsCode(() => b.writeBigUInt64LE(-1n), RangeError, 'ERR_OUT_OF_RANGE',
           range('value', '>= 0n and < 2n ** 64n', '-1n'));
assert.throws(() => b.writeBigUInt64LE(1), TypeError);
throwsCode(() => b.writeUInt8(1, 8), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 7', 8));
throwsCode(() => b.writeUInt16LE(1, 7), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 6', 7));
throwsCode(() => b.writeDoubleLE(1, 1), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 0', 1));
throwsCode(() => b.writeIntLE(1, 0, 7), RangeError, 'ERR_OUT_OF_RANGE', range('byteLength', '>= 1 and <= 6', 7));
throwsCode(() => b.writeUIntBE(1, 4, 6), RangeError, 'ERR_OUT_OF_RANGE', range('offset', '>= 0 and <= 2', 4));
throwsCode(() => Buffer.alloc(0).writeUInt8(1, 0), RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
           'Attempt to access memory outside buffer bounds');
throwsCode(() => Buffer.alloc(2).writeUInt32LE(1, 0), RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
           'Attempt to access memory outside buffer bounds');
throwsCode(() => b.writeFloatLE(1, '0'), TypeError, 'ERR_INVALID_ARG_TYPE',
           'The "offset" argument must be of type number. Received type string (\'0\')');

console.log('ok');
