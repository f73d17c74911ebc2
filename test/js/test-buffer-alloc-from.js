'use strict';
// Buffer creation: from, alloc, allocUnsafe, the pool, concat, byteLength, compare, isEncoding.
// Each case is an expression and node 20's result (a value, or the error's name, code and
// message), recorded from node and embedded here.
const assert = require('assert');
const buffer = require('buffer');
const { Buffer } = buffer;

function normalize(v) {
  if (Buffer.isBuffer(v)) return { buffer: v.toString('hex') };
  if (typeof v === 'bigint') return { bigint: String(v) };
  if (v === undefined) return { undefined: true };
  if (typeof v === 'number' && !Number.isFinite(v)) return { number: String(v) };
  return JSON.parse(JSON.stringify(v));
}

const cases = [
  ["from string", () => (Buffer.from('hello')), {"value":{"buffer":"68656c6c6f"}}],
  ["from string utf8", () => (Buffer.from('h\u00e9llo \u20ac', 'utf8')), {"value":{"buffer":"68c3a96c6c6f20e282ac"}}],
  ["from empty string", () => (Buffer.from('')), {"value":{"buffer":""}}],
  ["from empty string hex", () => (Buffer.from('', 'hex')), {"value":{"buffer":""}}],
  ["from empty string bad enc", () => (Buffer.from('', 'foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["from string bad enc", () => (Buffer.from('abc', 'foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["from string empty enc", () => (Buffer.from('abc', '')), {"value":{"buffer":"616263"}}],
  ["from string enc number", () => (Buffer.from('abc', 5)), {"value":{"buffer":"616263"}}],
  ["from array", () => (Buffer.from([1, 2, 3, 256, -1, 1.5, '7', 'x'])), {"value":{"buffer":"01020300ff010700"}}],
  ["from arraylike", () => (Buffer.from({ length: 3, 0: 1, 1: '2', 2: 300 })), {"value":{"buffer":"01022c"}}],
  ["from arraylike bad length", () => (Buffer.from({ length: 'x', 0: 1 })), {"value":{"buffer":""}}],
  ["from json shape", () => (Buffer.from({ type: 'Buffer', data: [1, 2, 3] })), {"value":{"buffer":"010203"}}],
  ["from json shape bad", () => (Buffer.from({ type: 'Buffer', data: 'abc' })), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received an instance of Object"]}],
  ["from buffer copies", () => ((() => { const x = Buffer.from('ab'); const y = Buffer.from(x); y[0] = 0; return [x[0], y[0]]; })()), {"value":[97,0]}],
  ["from uint16array", () => (Buffer.from(new Uint16Array([1, 256, 65535]))), {"value":{"buffer":"0100ff"}}],
  ["from arraybuffer shares", () => ((() => { const ab = new ArrayBuffer(4); const b = Buffer.from(ab, 1, 2); b[0] = 9; return [new Uint8Array(ab)[1], b.length, b.byteOffset]; })()), {"value":[9,2,1]}],
  ["from arraybuffer offset past end", () => (Buffer.from(new ArrayBuffer(4), 5)), {"error":["RangeError","ERR_BUFFER_OUT_OF_BOUNDS","\"offset\" is outside of buffer bounds"]}],
  ["from arraybuffer length past end", () => (Buffer.from(new ArrayBuffer(4), 1, 5)), {"error":["RangeError","ERR_BUFFER_OUT_OF_BOUNDS","\"length\" is outside of buffer bounds"]}],
  ["from arraybuffer string args", () => (Buffer.from(new ArrayBuffer(4), '1', '2').length), {"value":2}],
  ["from arraybuffer negative offset", () => (Buffer.from(new ArrayBuffer(4), -1)), {"error":["RangeError",null,"Start offset -1 is outside the bounds of the buffer"]}],
  ["from arraybuffer negative length", () => (Buffer.from(new ArrayBuffer(4), 1, -1).length), {"value":0}],
  ["from arraybuffer NaN", () => (Buffer.from(new ArrayBuffer(4), NaN, NaN).length), {"value":0}],
  ["from arraybuffer default length", () => (Buffer.from(new ArrayBuffer(4), 1).length), {"value":3}],
  ["from sharedarraybuffer", () => (Buffer.from(new SharedArrayBuffer(3)).length), {"value":3}],
  ["from valueOf string", () => (Buffer.from({ valueOf() { return 'abc'; } })), {"value":{"buffer":"616263"}}],
  ["from String object", () => (Buffer.from(new String('abc'))), {"value":{"buffer":"616263"}}],
  ["from toPrimitive", () => (Buffer.from({ [Symbol.toPrimitive]() { return 'xyz'; } }, 'utf8')), {"value":{"buffer":"78797a"}}],
  ["from toPrimitive hex", () => (Buffer.from({ [Symbol.toPrimitive]() { return 'abcd'; } }, 'hex')), {"value":{"buffer":"abcd"}}],
  ["from valueOf array", () => (Buffer.from({ valueOf() { return [1, 2]; } })), {"value":{"buffer":"0102"}}],
  ["from number", () => (Buffer.from(5)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received type number (5)"]}],
  ["from null", () => (Buffer.from(null)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received null"]}],
  ["from undefined", () => (Buffer.from()), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received undefined"]}],
  ["from plain object", () => (Buffer.from({})), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received an instance of Object"]}],
  ["from symbol", () => (Buffer.from(Symbol('s'))), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received type symbol (Symbol(s))"]}],
  ["from function", () => (Buffer.from(() => {})), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received function "]}],
  ["alloc", () => (Buffer.alloc(3)), {"value":{"buffer":"000000"}}],
  ["alloc zero", () => (Buffer.alloc(0)), {"value":{"buffer":""}}],
  ["alloc negative", () => (Buffer.alloc(-1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1"]}],
  ["alloc string size", () => (Buffer.alloc('5')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"size\" argument must be of type number. Received type string ('5')"]}],
  ["alloc NaN", () => (Buffer.alloc(NaN)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received NaN"]}],
  ["alloc fractional", () => (Buffer.alloc(2.5)), {"value":{"buffer":"0000"}}],
  ["alloc huge", () => (Buffer.alloc(2 ** 53)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received 9_007_199_254_740_992"]}],
  ["alloc fill string", () => (Buffer.alloc(5, 'ab')), {"value":{"buffer":"6162616261"}}],
  ["alloc fill hex", () => (Buffer.alloc(5, 'abz', 'hex')), {"value":{"buffer":"ababababab"}}],
  ["alloc fill empty string", () => (Buffer.alloc(5, '')), {"value":{"buffer":"0000000000"}}],
  ["alloc fill bad hex", () => (Buffer.alloc(5, 'zz', 'hex')), {"error":["TypeError","ERR_INVALID_ARG_VALUE","The argument 'value' is invalid. Received 'zz'"]}],
  ["alloc fill number", () => (Buffer.alloc(3, 257)), {"value":{"buffer":"010101"}}],
  ["alloc fill buffer", () => (Buffer.alloc(5, Buffer.from([1, 2]))), {"value":{"buffer":"0102010201"}}],
  ["alloc fill bad encoding", () => (Buffer.alloc(5, 'a', 'foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["alloc fill ucs2", () => (Buffer.alloc(5, '\u20ac', 'ucs2')), {"value":{"buffer":"ac20ac20ac"}}],
  ["allocUnsafe length", () => (Buffer.allocUnsafe(10).length), {"value":10}],
  ["allocUnsafe negative", () => (Buffer.allocUnsafe(-1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1"]}],
  ["allocUnsafe string", () => (Buffer.allocUnsafe('1')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"size\" argument must be of type number. Received type string ('1')"]}],
  ["allocUnsafeSlow length", () => (Buffer.allocUnsafeSlow(10).length), {"value":10}],
  ["allocUnsafeSlow not pooled", () => (Buffer.allocUnsafeSlow(10).buffer.byteLength), {"value":10}],
  ["allocUnsafe pooled", () => (Buffer.allocUnsafe(10).buffer.byteLength), {"value":8192}],
  ["allocUnsafe large not pooled", () => (Buffer.allocUnsafe(4096).buffer.byteLength), {"value":4096}],
  ["allocUnsafe 4095 pooled", () => (Buffer.allocUnsafe(4095).buffer.byteLength), {"value":8192}],
  ["from string pooled", () => (Buffer.from('abc').buffer.byteLength), {"value":8192}],
  ["from string aligned", () => ([Buffer.from('abc').byteOffset % 8, Buffer.from('abcdefghi').byteOffset % 8]), {"value":[0,0]}],
  ["poolSize", () => (Buffer.poolSize), {"value":8192}],
  ["SlowBuffer", () => ([buffer.SlowBuffer(3).length, buffer.SlowBuffer(3) instanceof Buffer]), {"value":[3,true]}],
  ["SlowBuffer bad", () => (buffer.SlowBuffer(-1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1"]}],
  ["concat", () => (Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.alloc(0)])), {"value":{"buffer":"616263"}}],
  ["concat empty", () => (Buffer.concat([])), {"value":{"buffer":""}}],
  ["concat length longer", () => (Buffer.concat([Buffer.from([1, 2]), new Uint8Array([3])], 5)), {"value":{"buffer":"0102030000"}}],
  ["concat length shorter", () => (Buffer.concat([Buffer.from([1, 2]), new Uint8Array([3])], 2)), {"value":{"buffer":"0102"}}],
  ["concat not array", () => (Buffer.concat('x')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"list\" argument must be an instance of Array. Received type string ('x')"]}],
  ["concat bad item", () => (Buffer.concat([1])), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"list[0]\" argument must be an instance of Buffer or Uint8Array. Received type number (1)"]}],
  ["concat bad item 2", () => (Buffer.concat([Buffer.from('a'), 'b'])), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"list[1]\" argument must be an instance of Buffer or Uint8Array. Received type string ('b')"]}],
  ["concat negative length", () => (Buffer.concat([Buffer.from('a')], -1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"length\" is out of range. It must be >= 0 && <= 4294967296. Received -1"]}],
  ["concat string length", () => (Buffer.concat([Buffer.from('a')], '1')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"length\" argument must be of type number. Received type string ('1')"]}],
  ["concat large", () => (Buffer.concat([Buffer.alloc(5000, 1), Buffer.alloc(5000, 2)]).toString('base64').length), {"value":13336}],
  ["byteLength", () => ([Buffer.byteLength('\u20ac'), Buffer.byteLength('\u20ac', 'ucs2'), Buffer.byteLength('abc', 'hex'), Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new DataView(new ArrayBuffer(9)))]), {"value":[3,2,1,7,6,9]}],
  ["byteLength encodings", () => (['utf8', 'ucs2', 'utf16le', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex', 'foo', 'UTF8', 'Base64'].map((e) => Buffer.byteLength('ab\u00e9cd==', e))), {"value":[8,14,14,7,7,7,3,3,3,8,8,3]}],
  ["byteLength number", () => (Buffer.byteLength(5)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"string\" argument must be of type string or an instance of Buffer or ArrayBuffer. Received type number (5)"]}],
  ["byteLength empty", () => (Buffer.byteLength('', 'hex')), {"value":0}],
  ["byteLength surrogates", () => ([Buffer.byteLength('\ud83d\ude00'), Buffer.byteLength('\ud83d'), Buffer.byteLength('\ude00\ud83d')]), {"value":[4,3,6]}],
  ["isBuffer", () => ([Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer(null), Buffer.isBuffer('a'), Buffer.isBuffer(Buffer.alloc(2).subarray(1))]), {"value":[true,false,false,false,true]}],
  ["isEncoding", () => (['utf8', 'UTF-8', 'Utf8', 'binary', 'ucs-2', 'utf16le', 'UTF16LE', 'base64url', 'foo', '', null, 'latin1', 1, 'utf-16le'].map(Buffer.isEncoding)), {"value":[true,true,true,true,true,true,true,true,false,false,false,true,false,true]}],
  ["compare", () => ([Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')), Buffer.compare(Buffer.from('a'), Buffer.from('a')), Buffer.compare(Buffer.from('a'), Buffer.from('ab')), Buffer.compare(Buffer.alloc(0), Buffer.alloc(0))]), {"value":[-1,1,0,-1,0]}],
  ["compare sort", () => ([Buffer.from('c'), Buffer.from('a'), Buffer.from('ab'), Buffer.from([255]), Buffer.from([0])].sort(Buffer.compare).map(String)), {"value":["\u0000","a","ab","c","�"]}],
  ["compare bad", () => (Buffer.compare(Buffer.from('a'), 'x')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"buf2\" argument must be an instance of Buffer or Uint8Array. Received type string ('x')"]}],
  ["compare bad 1", () => (Buffer.compare('x', Buffer.from('a'))), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"buf1\" argument must be an instance of Buffer or Uint8Array. Received type string ('x')"]}],
  ["of", () => (Buffer.of(1, 2, 300)), {"value":{"buffer":"01022c"}}],
  ["copyBytesFrom", () => (Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1)), {"value":{"buffer":"0200"}}],
  ["copyBytesFrom all", () => (Buffer.copyBytesFrom(new Uint16Array([1, 2]))), {"value":{"buffer":"01000200"}}],
  ["copyBytesFrom bad", () => (Buffer.copyBytesFrom([1, 2])), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"view\" argument must be an instance of TypedArray. Received an instance of Array"]}],
  ["instance checks", () => ([Buffer.alloc(1) instanceof Buffer, Buffer.alloc(1) instanceof Uint8Array, Buffer.alloc(1).constructor === Buffer, Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.from([1, 2]).map((x) => x * 2) instanceof Buffer, Buffer.alloc(3).subarray(1) instanceof Buffer, Buffer.name, Buffer.length, Buffer.prototype.constructor === Buffer]), {"value":[true,true,true,true,true,true,"Buffer",3,true]}],
  ["Buffer statics", () => (Object.getOwnPropertyNames(Buffer).sort()), {"value":["alloc","allocUnsafe","allocUnsafeSlow","byteLength","compare","concat","copyBytesFrom","from","isBuffer","isEncoding","length","name","of","poolSize","prototype"]}],
  ["Buffer prototype", () => (Object.getOwnPropertyNames(Buffer.prototype).sort()), {"value":["asciiSlice","asciiWrite","base64Slice","base64Write","base64urlSlice","base64urlWrite","compare","constructor","copy","equals","fill","hexSlice","hexWrite","includes","indexOf","inspect","lastIndexOf","latin1Slice","latin1Write","offset","parent","readBigInt64BE","readBigInt64LE","readBigUInt64BE","readBigUInt64LE","readBigUint64BE","readBigUint64LE","readDoubleBE","readDoubleLE","readFloatBE","readFloatLE","readInt16BE","readInt16LE","readInt32BE","readInt32LE","readInt8","readIntBE","readIntLE","readUInt16BE","readUInt16LE","readUInt32BE","readUInt32LE","readUInt8","readUIntBE","readUIntLE","readUint16BE","readUint16LE","readUint32BE","readUint32LE","readUint8","readUintBE","readUintLE","slice","subarray","swap16","swap32","swap64","toJSON","toLocaleString","toString","ucs2Slice","ucs2Write","utf8Slice","utf8Write","write","writeBigInt64BE","writeBigInt64LE","writeBigUInt64BE","writeBigUInt64LE","writeBigUint64BE","writeBigUint64LE","writeDoubleBE","writeDoubleLE","writeFloatBE","writeFloatLE","writeInt16BE","writeInt16LE","writeInt32BE","writeInt32LE","writeInt8","writeIntBE","writeIntLE","writeUInt16BE","writeUInt16LE","writeUInt32BE","writeUInt32LE","writeUInt8","writeUIntBE","writeUIntLE","writeUint16BE","writeUint16LE","writeUint32BE","writeUint32LE","writeUint8","writeUintBE","writeUintLE"]}],
  ["module keys", () => (Object.keys(buffer).sort()), {"value":["Blob","Buffer","File","INSPECT_MAX_BYTES","SlowBuffer","atob","btoa","constants","isAscii","isUtf8","kMaxLength","kStringMaxLength","resolveObjectURL","transcode"]}],
  ["constants", () => ([buffer.constants.MAX_LENGTH, buffer.constants.MAX_STRING_LENGTH, buffer.kMaxLength, buffer.kStringMaxLength]), {"value":[4294967296,536870888,4294967296,536870888]}],
  ["new Buffer number", () => (new Buffer.prototype.constructor.from([1]).length), {"value":1}],
];

let failures = 0;
for (const [label, fn, expected] of cases) {
  let actual;
  try {
    actual = { value: normalize(fn()) };
  } catch (e) {
    actual = { error: [e.name, e.code ?? null, e.message] };
  }
  try {
    assert.deepStrictEqual(actual, JSON.parse(JSON.stringify(expected)));
  } catch {
    failures++;
    console.log(`FAIL ${label}\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
  }
}
assert.strictEqual(failures, 0, `${failures} of ${cases.length} cases differ from node`);
console.log(`ok ${cases.length} cases`);
