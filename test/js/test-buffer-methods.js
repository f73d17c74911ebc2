'use strict';
// Buffer methods: toString, write, fill, indexOf, compare, copy, equals, slice, swap; isUtf8, isAscii, atob, btoa.
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
  ["toString ranges", () => (['utf8', -3, 100, 3, 1, '1', '3', NaN, 2.7].length && [Buffer.from('hello').toString('utf8', -3, 100), Buffer.from('hello').toString('utf8', 3, 1), Buffer.from('hello').toString('utf8', '1', '3'), Buffer.from('hello').toString('utf8', NaN, 2.7), Buffer.from('hello').toString(undefined, 1), Buffer.from('hello').toString('hex', 1, 10), Buffer.from('hello').toString('latin1', 5)]), {"value":["hello","","el","he","ello","656c6c6f",""]}],
  ["toString bad encoding", () => (Buffer.from('a').toString('foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["toString null encoding", () => (Buffer.from('a').toString(null)), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: null"]}],
  ["toString empty encoding", () => (Buffer.from('a').toString('')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: "]}],
  ["toString encodings", () => (['utf8', 'UTF-8', 'ucs2', 'utf16le', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex', 'HEX', 'Base64'].map((e) => Buffer.from([0xe2, 0x82, 0xac, 0x61, 0xff, 0x00]).toString(e))), {"value":["€a�\u0000","€a�\u0000","苢憬ÿ","苢憬ÿ","â¬aÿ\u0000","â¬aÿ\u0000","b\u0002,a\u0000","4oKsYf8A","4oKsYf8A","e282ac61ff00","e282ac61ff00","4oKsYf8A"]}],
  ["toLocaleString", () => ([Buffer.prototype.toLocaleString === Buffer.prototype.toString, Buffer.from('ab').toLocaleString('hex')]), {"value":[true,"6162"]}],
  ["write default", () => ((() => { const b = Buffer.alloc(6); return [b.write('abc'), b.write('xyz', 4), b.write('q', 1, 1), b.write('6162', 'hex'), b.write('ffff', 2, 'hex'), b.write('YQ==', 5, 1, 'base64'), b]; })()), {"value":[3,2,1,2,2,1,{"type":"Buffer","data":[97,98,255,255,120,97]}]}],
  ["write offset out of range", () => (Buffer.alloc(4).write('abc', 5)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"offset\" is out of range. It must be >= 0 && <= 4. Received 5"]}],
  ["write offset negative", () => (Buffer.alloc(4).write('abc', -1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"offset\" is out of range. It must be >= 0 && <= 4. Received -1"]}],
  ["write length out of range", () => (Buffer.alloc(4).write('abc', 1, 10)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"length\" is out of range. It must be >= 0 && <= 4. Received 10"]}],
  ["write length clamps", () => ((() => { const b = Buffer.alloc(4); return [b.write('abcdef', 1, 4), b]; })()), {"value":[3,{"type":"Buffer","data":[0,97,98,99]}]}],
  ["write offset string", () => (Buffer.alloc(4).write('abc', '1')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: 1"]}],
  ["write fractional offset", () => (Buffer.alloc(4).write('abc', 1.5)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"offset\" is out of range. It must be an integer. Received 1.5"]}],
  ["write bad encoding", () => (Buffer.alloc(4).write('abc', 'foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["write bad encoding 2", () => (Buffer.alloc(4).write('abc', 0, 2, 'foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["write non string", () => (Buffer.alloc(4).write(5)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","argument must be a string"]}],
  ["write encodings", () => (['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex'].map((e) => { const b = Buffer.alloc(7); return [b.write('\u00e9ab\u20ac', 1, e), b.toString('hex')]; })), {"value":[[4,"00c3a961620000"],[6,"00e90061006200"],[4,"00e96162ac0000"],[4,"00e96162ac0000"],[1,"00690000000000"],[1,"00690000000000"],[0,"00000000000000"]]}],
  ["proto slices", () => ([Buffer.from('hello').utf8Slice(1, 3), Buffer.from('hello').hexSlice(1), Buffer.from('hello').latin1Slice(), Buffer.from('hello').base64Slice(0, 2), Buffer.from('hello').asciiSlice(3, 1), Buffer.from('hello').ucs2Slice(0, 4), Buffer.from('hello').base64urlSlice(0, 4)]), {"value":["el","656c6c6f","hello","aGU=","","敨汬","aGVsbA"]}],
  ["proto slice out of range", () => (Buffer.alloc(4).utf8Slice(0, 5)), {"error":["RangeError","ERR_OUT_OF_RANGE","Index out of range"]}],
  ["proto slice negative", () => (Buffer.alloc(4).utf8Slice(-1, 2)), {"error":["RangeError","ERR_OUT_OF_RANGE","Index out of range"]}],
  ["proto writes", () => ((() => { const b = Buffer.alloc(4); return [b.utf8Write('abcdef', 1, 100), b.hexWrite('ff', 0), b.latin1Write('\u00e9', 3), b]; })()), {"value":[3,1,1,{"type":"Buffer","data":[255,97,98,233]}]}],
  ["proto write offset out of range", () => (Buffer.alloc(4).utf8Write('ab', 5)), {"error":["RangeError","ERR_BUFFER_OUT_OF_BOUNDS","\"offset\" is outside of buffer bounds"]}],
  ["proto write negative", () => (Buffer.alloc(4).utf8Write('abcdef', -1)), {"error":["RangeError","ERR_OUT_OF_RANGE","Index out of range"]}],
  ["proto write non string", () => (Buffer.alloc(4).utf8Write(5)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","argument must be a string"]}],
  ["toJSON", () => ([Buffer.from([1, 2]).toJSON(), Buffer.alloc(0).toJSON(), JSON.stringify({ b: Buffer.from('hi') })]), {"value":[{"type":"Buffer","data":[1,2]},{"type":"Buffer","data":[]},"{\"b\":{\"type\":\"Buffer\",\"data\":[104,105]}}"]}],
  ["equals", () => ([Buffer.from('ab').equals(Buffer.from('ab')), Buffer.from('ab').equals(new Uint8Array([97, 98])), Buffer.from('ab').equals(Buffer.from('abc')), Buffer.alloc(0).equals(Buffer.alloc(0)), Buffer.from('ab').equals(Buffer.from('ac'))]), {"value":[true,true,false,true,false]}],
  ["equals bad", () => (Buffer.from('a').equals('a')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"otherBuffer\" argument must be an instance of Buffer or Uint8Array. Received type string ('a')"]}],
  ["compare method", () => ((() => { const b = Buffer.from('hello world'); return [b.compare(Buffer.from('hello')), b.compare(b, 0, 5, 0, 5), b.compare(b, 2, 5, 0, 5), b.compare(b, 5, 5), b.compare(b, 100), b.compare(b, 0, 5, 100), b.compare(Buffer.from('z')), b.compare(Buffer.from('hello world!'))]; })()), {"value":[1,0,-1,1,1,-1,-1,-1]}],
  ["compare bad target", () => (Buffer.from('a').compare('x')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"target\" argument must be an instance of Buffer or Uint8Array. Received type string ('x')"]}],
  ["compare negative targetStart", () => (Buffer.from('a').compare(Buffer.from('a'), -1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"targetStart\" is out of range. It must be >= 0 && <= 4294967296. Received -1"]}],
  ["compare targetEnd too big", () => (Buffer.from('a').compare(Buffer.from('a'), 0, 100)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"targetEnd\" is out of range. It must be >= 0 && <= 1. Received 100"]}],
  ["compare sourceEnd too big", () => (Buffer.from('a').compare(Buffer.from('a'), 0, 1, 0, 5)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"sourceEnd\" is out of range. It must be >= 0 && <= 1. Received 5"]}],
  ["compare fractional", () => (Buffer.from('a').compare(Buffer.from('a'), 0.5)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"targetStart\" is out of range. It must be an integer. Received 0.5"]}],
  ["compare string start", () => (Buffer.from('a').compare(Buffer.from('a'), '0')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"targetStart\" argument must be of type number. Received type string ('0')"]}],
  ["copy", () => ((() => { const b = Buffer.from('hello world'); const t = Buffer.alloc(4); return [b.copy(t, 1), t]; })()), {"value":[3,{"type":"Buffer","data":[0,104,101,108]}]}],
  ["copy negative targetStart", () => (Buffer.from('hello').copy(Buffer.alloc(4), -1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"targetStart\" is out of range. It must be >= 0. Received -1"]}],
  ["copy sourceStart too big", () => (Buffer.from('hello').copy(Buffer.alloc(4), 0, 20)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"sourceStart\" is out of range. It must be >= 0 && <= 5. Received 20"]}],
  ["copy negative sourceEnd", () => (Buffer.from('hello').copy(Buffer.alloc(4), 0, 0, -1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"sourceEnd\" is out of range. It must be >= 0. Received -1"]}],
  ["copy string targetStart", () => (Buffer.from('hello').copy(Buffer.alloc(4), '1')), {"value":3}],
  ["copy NaN", () => (Buffer.from('hello').copy(Buffer.alloc(4), NaN, NaN)), {"value":4}],
  ["copy fractional", () => ((() => { const t = Buffer.alloc(4); return [Buffer.from('hello').copy(t, 1.5, 0.5, 2.9), t]; })()), {"value":[2,{"type":"Buffer","data":[0,104,101,0]}]}],
  ["copy bad target", () => (Buffer.from('hello').copy([1, 2])), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"target\" argument must be an instance of Buffer or Uint8Array. Received an instance of Array"]}],
  ["copy sourceEnd too big", () => (Buffer.from('hello').copy(Buffer.alloc(40), 0, 0, 100)), {"value":5}],
  ["copy targetStart too big", () => (Buffer.from('hello').copy(Buffer.alloc(4), 100)), {"value":0}],
  ["copy overlapping forward", () => ((() => { const b = Buffer.from('abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz'); b.copy(b, 2, 0, 70); return b.toString(); })()), {"value":"ababcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqruvwxyz"}],
  ["copy overlapping backward", () => ((() => { const b = Buffer.from('abcdefghij'); b.copy(b, 0, 2); return b.toString(); })()), {"value":"cdefghijij"}],
  ["copy large", () => ((() => { const s = Buffer.alloc(1000, 'xyz'); const t = Buffer.alloc(1000); return [s.copy(t, 10, 5), t.toString('latin1', 0, 20)]; })()), {"value":[990,"\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000zxyzxyzxyz"]}],
  ["copy to uint8array", () => ((() => { const t = new Uint8Array(3); return [Buffer.from('abc').copy(t), [...t]]; })()), {"value":[3,[97,98,99]]}],
  ["fill", () => ([Buffer.alloc(5).fill('ab'), Buffer.alloc(5).fill('ab', 1), Buffer.alloc(5).fill('ab', 1, 3), Buffer.alloc(5).fill('abcd', 'hex'), Buffer.alloc(5).fill('6162', 1, 'hex'), Buffer.alloc(5).fill('6162', 1, 4, 'hex'), Buffer.alloc(5).fill(0x61, 2)]), {"value":[{"type":"Buffer","data":[97,98,97,98,97]},{"type":"Buffer","data":[0,97,98,97,98]},{"type":"Buffer","data":[0,97,98,0,0]},{"type":"Buffer","data":[171,205,171,205,171]},{"type":"Buffer","data":[0,97,98,97,98]},{"type":"Buffer","data":[0,97,98,97,0]},{"type":"Buffer","data":[0,0,97,97,97]}]}],
  ["fill bad encoding", () => (Buffer.alloc(4).fill('a', 'foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["fill non string encoding", () => (Buffer.alloc(4).fill('a', 0, 4, 5)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"encoding\" argument must be of type string. Received type number (5)"]}],
  ["fill negative offset", () => (Buffer.alloc(4).fill('a', -1)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"offset\" is out of range. It must be >= 0 && <= 4294967296. Received -1"]}],
  ["fill end too big", () => (Buffer.alloc(4).fill('a', 0, 5)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"end\" is out of range. It must be >= 0 && <= 4. Received 5"]}],
  ["fill fractional", () => (Buffer.alloc(4).fill('a', 1.5)), {"error":["RangeError","ERR_OUT_OF_RANGE","The value of \"offset\" is out of range. It must be an integer. Received 1.5"]}],
  ["fill string offset", () => (Buffer.alloc(4).fill(1, '1')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"offset\" argument must be of type number. Received type string ('1')"]}],
  ["fill values", () => ([Buffer.alloc(4).fill(true), Buffer.alloc(4).fill(257), Buffer.alloc(4).fill(-1), Buffer.alloc(4).fill(1.7), Buffer.alloc(4).fill({}), Buffer.alloc(4).fill(null), Buffer.alloc(4).fill(undefined)]), {"value":[{"type":"Buffer","data":[1,1,1,1]},{"type":"Buffer","data":[1,1,1,1]},{"type":"Buffer","data":[255,255,255,255]},{"type":"Buffer","data":[1,1,1,1]},{"type":"Buffer","data":[0,0,0,0]},{"type":"Buffer","data":[0,0,0,0]},{"type":"Buffer","data":[0,0,0,0]}]}],
  ["fill typed arrays", () => ([Buffer.alloc(5).fill(new Uint16Array([0x102, 0x304])), Buffer.alloc(5).fill(Buffer.from('xy'))]), {"value":[{"type":"Buffer","data":[2,1,4,3,2]},{"type":"Buffer","data":[120,121,120,121,120]}]}],
  ["fill empty buffer", () => (Buffer.alloc(5).fill(Buffer.alloc(0))), {"error":["TypeError","ERR_INVALID_ARG_VALUE","The argument 'value' is invalid. Received <Buffer >"]}],
  ["fill encodings", () => ([Buffer.alloc(5).fill('ab', 'ucs2'), Buffer.alloc(5).fill('\u20ac'), Buffer.alloc(5).fill('\ud800'), Buffer.alloc(5).fill('\u0141', 'latin1'), Buffer.alloc(5).fill('YQ', 'base64'), Buffer.alloc(3).fill('\u00e9', 'ascii'), Buffer.alloc(7).fill('a\u20ac', 'utf8')]), {"value":[{"type":"Buffer","data":[97,0,98,0,97]},{"type":"Buffer","data":[226,130,172,226,130]},{"type":"Buffer","data":[239,191,189,239,191]},{"type":"Buffer","data":[65,65,65,65,65]},{"type":"Buffer","data":[97,97,97,97,97]},{"type":"Buffer","data":[233,233,233]},{"type":"Buffer","data":[97,226,130,172,97,226,130]}]}],
  ["fill invalid base64", () => (Buffer.alloc(5).fill('!!', 'base64')), {"error":["TypeError","ERR_INVALID_ARG_VALUE","The argument 'value' is invalid. Received '!!'"]}],
  ["fill empty range invalid hex", () => ([Buffer.alloc(5).fill('zz', 2, 2, 'hex'), Buffer.alloc(5).fill('zz', 3, 2, 'hex')]), {"value":[{"type":"Buffer","data":[0,0,0,0,0]},{"type":"Buffer","data":[0,0,0,0,0]}]}],
  ["fill returns this", () => ((() => { const b = Buffer.alloc(2); return b.fill(1) === b; })()), {"value":true}],
  ["fill symbol", () => (Buffer.alloc(2).fill(Symbol('x'))), {"error":["TypeError",null,"Cannot convert a Symbol value to a number"]}],
  ["fill bigint", () => (Buffer.alloc(2).fill(1n)), {"error":["TypeError",null,"Cannot convert a BigInt value to a number"]}],
  ["indexOf", () => ((() => { const b = Buffer.from('hello world'); return [b.indexOf('o'), b.indexOf('o', 5), b.lastIndexOf('o'), b.lastIndexOf('o', 5), b.indexOf(111), b.indexOf(111 + 256), b.indexOf(''), b.indexOf('', 100), b.lastIndexOf(''), b.indexOf('', -100), b.lastIndexOf('', -100), b.indexOf('o', 'latin1'), b.indexOf(Buffer.from('wor')), b.indexOf('6f', 'hex'), b.indexOf('bw==', 'base64'), b.indexOf('o', -4), b.indexOf('o', 1.5), b.indexOf('o', null), b.lastIndexOf('o', null), b.lastIndexOf('o', undefined), b.lastIndexOf('o', {}), b.indexOf(new Uint8Array([108, 108])), b.includes('world'), b.includes('World'), b.indexOf('o', Infinity), b.lastIndexOf('o', -Infinity), b.indexOf(-145), b.indexOf(111.9)]; })()), {"value":[4,7,7,4,4,4,0,11,11,0,0,4,6,4,4,7,4,4,-1,7,7,2,true,false,-1,-1,4,4]}],
  ["indexOf ucs2", () => ((() => { const u = Buffer.from('abcabc', 'ucs2'); return [u.indexOf('b', 'ucs2'), u.indexOf('b', 3, 'ucs2'), u.lastIndexOf('b', 'ucs2'), u.lastIndexOf('b', 5, 'ucs2'), u.indexOf('', 'ucs2'), Buffer.alloc(1).indexOf('', 'ucs2'), Buffer.alloc(0).indexOf('', 'ucs2'), u.indexOf(Buffer.from([0x62]), 0, 'ucs2'), Buffer.from([0, 0x62, 0, 0x63, 0, 0]).indexOf('c', 'ucs2'), u.indexOf(Buffer.from('c', 'ucs2'), 0, 'utf16le')]; })()), {"value":[2,2,8,2,0,0,0,-1,-1,4]}],
  ["indexOf bad value", () => (Buffer.from('a').indexOf({})), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"value\" argument must be one of type number or string or an instance of Buffer or Uint8Array. Received an instance of Object"]}],
  ["indexOf bad encoding", () => (Buffer.from('a').indexOf('a', 0, 'foo')), {"error":["TypeError","ERR_UNKNOWN_ENCODING","Unknown encoding: foo"]}],
  ["indexOf buffer bad encoding", () => (Buffer.from('a').indexOf(Buffer.from('a'), 0, 'foo')), {"value":0}],
  ["indexOf empty", () => ([Buffer.from('ab').indexOf(Buffer.alloc(0)), Buffer.from('ab').indexOf(Buffer.alloc(0), 100), Buffer.alloc(0).indexOf(Buffer.alloc(0)), Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).indexOf(0), Buffer.alloc(0).lastIndexOf('')]), {"value":[0,2,0,-1,-1,0]}],
  ["indexOf uint16array needle", () => (Buffer.from('ab').indexOf(new Uint16Array([0x6261]))), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"value\" argument must be one of type number or string or an instance of Buffer or Uint8Array. Received an instance of Uint16Array"]}],
  ["indexOf long", () => ((() => { const b = Buffer.alloc(100000, 'abc'); b.write('needle', 77777); return [b.indexOf('needle'), b.lastIndexOf('needle'), b.indexOf('needle', 77778), b.lastIndexOf('needle', 77776), b.lastIndexOf('abc', 50000), b.indexOf('cab', 99990)]; })()), {"value":[77777,77777,-1,-1,49998,99992]}],
  ["slice and subarray", () => ((() => { const b = Buffer.from('hello world'); return [b.slice(-3).toString(), b.slice(2, -2).toString(), b.slice('1', '3').toString(), b.slice(5, 2).length, b.slice(1.5, 3.9).toString(), b.subarray(-100, 100).length, b.subarray(NaN, 2).toString(), b.slice(undefined, 2).toString(), b.subarray(2).byteOffset - b.byteOffset]; })()), {"value":["rld","llo wor","el",0,"el",11,"he","he",2]}],
  ["slice shares memory", () => ((() => { const b = Buffer.from('abc'); b.slice(1)[0] = 0x7a; b.subarray(2)[0] = 0x79; return b.toString(); })()), {"value":"azy"}],
  ["swap", () => ([Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap16(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64()]), {"value":[{"type":"Buffer","data":[2,1,4,3,6,5,8,7]},{"type":"Buffer","data":[4,3,2,1,8,7,6,5]},{"type":"Buffer","data":[8,7,6,5,4,3,2,1]}]}],
  ["swap large", () => ((() => { const b = Buffer.alloc(512); for (let i = 0; i < 512; i++) b[i] = i; const c = Buffer.from(b); const d = Buffer.from(b); return [b.swap16().toString('hex', 0, 8), c.swap32().toString('hex', 504), d.swap64().toString('hex', 256, 272)]; })()), {"value":["0100030205040706","fbfaf9f8fffefdfc","07060504030201000f0e0d0c0b0a0908"]}],
  ["swap16 odd", () => (Buffer.alloc(3).swap16()), {"error":["RangeError","ERR_INVALID_BUFFER_SIZE","Buffer size must be a multiple of 16-bits"]}],
  ["swap32 odd", () => (Buffer.alloc(6).swap32()), {"error":["RangeError","ERR_INVALID_BUFFER_SIZE","Buffer size must be a multiple of 32-bits"]}],
  ["swap64 odd", () => (Buffer.alloc(6).swap64()), {"error":["RangeError","ERR_INVALID_BUFFER_SIZE","Buffer size must be a multiple of 64-bits"]}],
  ["parent and offset", () => ([Buffer.alloc(2).parent instanceof ArrayBuffer, Buffer.alloc(2).offset, Buffer.from(new ArrayBuffer(8), 3).offset]), {"value":[true,0,3]}],
  ["entries and iteration", () => ([[...Buffer.from('ab').entries()], [...Buffer.from('ab').keys()], [...Buffer.from('ab')]]), {"value":[[[0,97],[1,98]],[0,1],[97,98]]}],
  ["isUtf8", () => ([buffer.isUtf8(Buffer.from('h\u00e9llo \u20ac\ud83d\ude00')), buffer.isUtf8(Buffer.from([0xc0, 0x80])), buffer.isUtf8(Buffer.from([0xed, 0xa0, 0x80])), buffer.isUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), buffer.isUtf8(Buffer.from([0xe2, 0x82])), buffer.isUtf8(new ArrayBuffer(2)), buffer.isUtf8(Buffer.alloc(0)), buffer.isUtf8(new Uint16Array([0xffff]))]), {"value":[true,false,false,false,false,true,true,false]}],
  ["isUtf8 bad", () => (buffer.isUtf8('abc')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"input\" argument must be an instance of ArrayBuffer, Buffer, or TypedArray. Received type string ('abc')"]}],
  ["isAscii", () => ([buffer.isAscii(Buffer.from('hello')), buffer.isAscii(Buffer.from([0x80])), buffer.isAscii(new ArrayBuffer(3)), buffer.isAscii(Buffer.alloc(0))]), {"value":[true,false,true,true]}],
  ["isAscii bad", () => (buffer.isAscii(null)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"input\" argument must be an instance of ArrayBuffer, Buffer, or TypedArray. Received null"]}],
  ["atob", () => ([atob('YWJj'), atob(' YW Jj\n'), atob('YQ'), atob('YQ=='), atob('YWI='), atob(''), atob(undefined), atob(null), atob('/+8=')]), {"error":["InvalidCharacterError",5,"The string to be decoded is not correctly encoded."]}],
  ["atob errors", () => (['a', 'YQ=', 'YQ===', 'YW=Jj', 'Y*', '-_', '\u00e9', 'YQ==YQ=='].map((s) => { try { return atob(s); } catch (e) { return [e.name, e.message, e.code, e instanceof Error]; } })), {"value":[["InvalidCharacterError","The string to be decoded is not correctly encoded.",5,true],["InvalidCharacterError","Invalid character",5,true],["InvalidCharacterError","Invalid character",5,true],["InvalidCharacterError","Invalid character",5,true],["InvalidCharacterError","Invalid character",5,true],["InvalidCharacterError","Invalid character",5,true],["InvalidCharacterError","Invalid character",5,true],["InvalidCharacterError","Invalid character",5,true]]}],
  ["atob no args", () => (atob()), {"error":["TypeError","ERR_MISSING_ARGS","The \"input\" argument must be specified"]}],
  ["btoa", () => ([btoa('abc'), btoa(''), btoa('\u00ff\u00fe'), btoa(12), btoa(null), btoa(undefined)]), {"value":["YWJj","","//4=","MTI=","bnVsbA==","dW5kZWZpbmVk"]}],
  ["btoa errors", () => ((() => { try { btoa('\u0100'); } catch (e) { return [e.name, e.message, e.code]; } })()), {"value":["InvalidCharacterError","Invalid character",5]}],
  ["btoa no args", () => (btoa()), {"error":["TypeError","ERR_MISSING_ARGS","The \"input\" argument must be specified"]}],
  ["transcode table", () => ((() => { const srcs = [Buffer.from('a\u00e9\u20ac\ud83d\ude00'), Buffer.from([0x61, 0xff, 0xe2, 0x82, 0x62]), Buffer.from([0x61, 0xe9, 0xff]), Buffer.from('a\u00e9\u20ac\ud83d\ude00\ud800', 'ucs2'), Buffer.from([0x61, 0, 0x62])]; const out = []; for (const src of srcs) for (const from of ['utf8', 'latin1', 'ascii', 'ucs2']) for (const to of ['utf8', 'latin1', 'ascii', 'ucs2', 'utf16le', 'binary']) { try { out.push(buffer.transcode(src, from, to).toString('hex')); } catch (e) { out.push([e.code, e.errno, e.message]); } } return out; })()), {"value":["61c3a9e282acf09f9880","61e93f3f","613f3f3f","6100e900ac203dd800de","6100e900ac203dd800de","61e93f3f","61c383c2a9c3a2c282c2acc3b0c29fc298c280","61c3a9e282acf09f9880","613f3f3f3f3f3f3f3f3f","6100c300a900e2008200ac00f0009f0098008000","6100c300a900e2008200ac00f0009f0098008000","61c3a9e282acf09f9880","61efbfbdefbfbdefbfbdefbfbdefbfbdefbfbdefbfbdefbfbdefbfbd","613f3f3f3f3f3f3f3f3f","613f3f3f3f3f3f3f3f3f","6100c300a900e2008200ac00f0009f0098008000","6100c300a900e2008200ac00f0009f0098008000","613f3f3f3f3f3f3f3f3f","ec8da1ee8aa9eab282e9bfb0e88298","3f3f3f3f3f","3f3f3f3f3f","61c3a9e282acf09f9880","61c3a9e282acf09f9880","3f3f3f3f3f","61efbfbdefbfbd62","613f3f62","613f3f62",["U_INVALID_CHAR_FOUND",10,"Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"],["U_INVALID_CHAR_FOUND",10,"Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"],"613f3f62","61c3bfc3a2c28262","61ffe28262","613f3f3f62","6100ff00e20082006200","6100ff00e20082006200","61ffe28262","61efbfbdefbfbdefbfbd62","613f3f3f62","613f3f3f62","6100ff00e20082006200","6100ff00e20082006200","613f3f3f62","efbda1e88ba2","3f3f","3f3f","61ffe282fdff","61ffe282fdff","3f3f","61efbfbdefbfbd","613f3f","613f3f",["U_INVALID_CHAR_FOUND",10,"Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"],["U_INVALID_CHAR_FOUND",10,"Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"],"613f3f","61c3a9c3bf","61e9ff","613f3f","6100e900ff00","6100e900ff00","61e9ff","61efbfbdefbfbd","613f3f","613f3f","6100e900ff00","6100e900ff00","613f3f","eea5a1","3f","3f","61e9fdff","61e9fdff","3f","6100efbfbd00efbfbd203defbfbd00efbfbd00efbfbd","61003f003f203d3f003f003f","61003f003f203d3f003f003f",["U_INVALID_CHAR_FOUND",10,"Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"],["U_INVALID_CHAR_FOUND",10,"Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"],"61003f003f203d3f003f003f","6100c3a900c2ac203dc39800c39e00c398","6100e900ac203dd800de00d8","61003f003f203d3f003f003f","61000000e9000000ac0020003d00d8000000de000000d800","61000000e9000000ac0020003d00d8000000de000000d800","6100e900ac203dd800de00d8","6100efbfbd00efbfbd203defbfbd00efbfbd00efbfbd","61003f003f203d3f003f003f","61003f003f203d3f003f003f","61000000e9000000ac0020003d00d8000000de000000d800","61000000e9000000ac0020003d00d8000000de000000d800","61003f003f203d3f003f003f",["U_INVALID_CHAR_FOUND",10,"Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"],"61e93f3f3f","613f3f3f3f","6100e900ac203dd800defdff","6100e900ac203dd800defdff","61e93f3f3f","610062","610062","610062","610000006200","610000006200","610062","610062","610062","610062","610000006200","610000006200","610062","610062","610062","610062","610000006200","610000006200","610062","61","61","61","6100fdff","6100fdff","61"]}],
  ["transcode unsupported", () => (buffer.transcode(Buffer.from('a'), 'utf8', 'hex')), {"error":["Error","U_ILLEGAL_ARGUMENT_ERROR","Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]"]}],
  ["transcode empty", () => (buffer.transcode(Buffer.alloc(0), 'foo', 'utf8')), {"value":{"buffer":""}}],
  ["transcode not a buffer", () => (buffer.transcode('a', 'utf8', 'ucs2')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"source\" argument must be an instance of Buffer or Uint8Array. Received type string ('a')"]}],
  ["transcode uint8array", () => (buffer.transcode(new Uint8Array([0x61]), 'UTF-8', 'UCS-2')), {"value":{"buffer":"6100"}}],
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
