'use strict';
// Buffer encodings: random round trips checked against reference codecs written here from the
// encodings' definitions, plus node's lenient-decoding edge cases (values recorded from node 20).
const assert = require('assert');
const { Buffer } = require('buffer');

let seed = 0x2545f491;
function random() {
  // xorshift32
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const randInt = (n) => Math.floor(random() * n);

function randomBytes(n) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = randInt(256);
  return out;
}

function randomString(n) {
  let s = '';
  for (let i = 0; i < n; i++) {
    switch (randInt(5)) {
      case 0: s += String.fromCharCode(0x20 + randInt(95)); break;
      case 1: s += String.fromCharCode(0x80 + randInt(0x780)); break;
      case 2: s += String.fromCharCode(0x800 + randInt(0xd000)); break;
      case 3: s += String.fromCodePoint(0x10000 + randInt(0x100000)); break;
      default: s += String.fromCharCode(0xd800 + randInt(0x800));  // Often a lone surrogate.
    }
  }
  return s;
}

// Reference codecs.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function refBase64(bytes, url) {
  const table = url ? B64.slice(0, 62) + '-_' : B64;
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [table[n >> 18], table[(n >> 12) & 63], table[(n >> 6) & 63], table[n & 63]];
    const keep = Math.min(4, Math.ceil((bytes.length - i) * 4 / 3));
    s += chars.slice(0, keep).join('') + (url ? '' : '='.repeat(4 - keep));
  }
  return s;
}
function refHex(bytes) {
  let s = '';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}
function refUtf8Encode(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;  // Lone surrogate.
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}
// WHATWG UTF-8 decoder (maximal subparts become one U+FFFD each).
function refUtf8Decode(bytes) {
  let s = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { s += String.fromCharCode(b); i++; continue; }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2; cp = b & 0xf;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3; cp = b & 7;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else { s += '\ufffd'; i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lower : 0x80) || c > (j === 1 ? upper : 0xbf)) break;
      cp = (cp << 6) | (c & 63);
    }
    if (j <= need) { s += '\ufffd'; i += j; continue; }
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}
function refLatin1(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
function refUcs2(bytes) {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  return s;
}

// Random bytes -> string -> bytes, every encoding.
for (let round = 0; round < 400; round++) {
  const bytes = randomBytes(randInt(70));
  const buf = Buffer.from(bytes);
  assert.deepStrictEqual([...buf], [...bytes]);
  assert.strictEqual(buf.toString('hex'), refHex(bytes));
  assert.strictEqual(buf.toString('base64'), refBase64(bytes, false));
  assert.strictEqual(buf.toString('base64url'), refBase64(bytes, true));
  assert.strictEqual(buf.toString('latin1'), refLatin1(bytes));
  assert.strictEqual(buf.toString('binary'), refLatin1(bytes));
  assert.strictEqual(buf.toString('ascii'), refLatin1(bytes.map((b) => b & 0x7f)));
  assert.strictEqual(buf.toString('ucs2'), refUcs2(bytes));
  assert.strictEqual(buf.toString('utf8'), refUtf8Decode(bytes));
  assert.strictEqual(buf.toString(), refUtf8Decode(bytes));
  assert.deepStrictEqual(Buffer.from(refHex(bytes), 'hex'), buf);
  assert.deepStrictEqual(Buffer.from(refHex(bytes).toUpperCase(), 'hex'), buf);
  assert.deepStrictEqual(Buffer.from(refBase64(bytes, false), 'base64'), buf);
  assert.deepStrictEqual(Buffer.from(refBase64(bytes, true), 'base64url'), buf);
  assert.deepStrictEqual(Buffer.from(refBase64(bytes, true), 'base64'), buf);  // Lenient.
  assert.deepStrictEqual(Buffer.from(refBase64(bytes, false), 'base64url'), buf);
  assert.deepStrictEqual(Buffer.from(refLatin1(bytes), 'latin1'), buf);
  if (bytes.length % 2 === 0) assert.deepStrictEqual(Buffer.from(refUcs2(bytes), 'utf16le'), buf);
  // Sub-ranges.
  const start = randInt(bytes.length + 1);
  const end = start + randInt(bytes.length - start + 1);
  assert.strictEqual(buf.toString('hex', start, end), refHex(bytes.subarray(start, end)));
  assert.strictEqual(buf.toString('utf8', start, end), refUtf8Decode(bytes.subarray(start, end)));
  assert.strictEqual(buf.subarray(start, end).toString('base64'),
                     refBase64(bytes.subarray(start, end), false));
}

// Random strings -> bytes, every encoding.
for (let round = 0; round < 400; round++) {
  const str = randomString(randInt(40));
  const utf8 = refUtf8Encode(str);
  assert.deepStrictEqual([...Buffer.from(str)], utf8);
  assert.deepStrictEqual([...Buffer.from(str, 'utf-8')], utf8);
  assert.strictEqual(Buffer.byteLength(str), utf8.length);
  assert.strictEqual(Buffer.byteLength(str, 'utf8'), utf8.length);
  const units = [...str].join('').split('').map((c) => c.charCodeAt(0));
  assert.deepStrictEqual([...Buffer.from(str, 'latin1')], units.map((u) => u & 0xff));
  assert.deepStrictEqual([...Buffer.from(str, 'ascii')], units.map((u) => u & 0xff));
  assert.deepStrictEqual([...Buffer.from(str, 'ucs2')], units.flatMap((u) => [u & 0xff, u >> 8]));
  assert.strictEqual(Buffer.byteLength(str, 'ucs2'), units.length * 2);
  assert.strictEqual(Buffer.from(str, 'ucs2').toString('ucs2'), str);
  // A well-formed string survives UTF-8.
  const wellFormed = str.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
                                 '\ufffd');
  assert.strictEqual(Buffer.from(str).toString(), wellFormed);
  // write() with a limit never splits a character.
  const cap = randInt(utf8.length + 2);
  const target = Buffer.alloc(cap + 2, 0xaa);
  const written = target.write(str, 1, cap);
  let boundary = 0;
  for (const ch of wellFormed) {
    const n = refUtf8Encode(ch).length;
    if (boundary + n > cap) break;
    boundary += n;
  }
  assert.strictEqual(written, boundary);
  assert.deepStrictEqual([...target.subarray(1, 1 + written)], utf8.slice(0, written));
  assert.strictEqual(target[0], 0xaa);
  for (let i = 1 + written; i < target.length; i++) assert.strictEqual(target[i], 0xaa);
}

// Large buffers (external strings) round trip.
{
  const big = Buffer.from(randomBytes(3 * 1024 * 1024 + 7));
  assert.deepStrictEqual(Buffer.from(big.toString('base64'), 'base64'), big);
  assert.deepStrictEqual(Buffer.from(big.toString('hex'), 'hex'), big);
  assert.deepStrictEqual(Buffer.from(big.toString('latin1'), 'latin1'), big);
  const text = 'héllo wörld €𝄞 '.repeat(100000);
  assert.strictEqual(Buffer.from(text).toString(), text);
  assert.strictEqual(Buffer.from(text, 'ucs2').toString('ucs2'), text);
}

// Invalid UTF-8: one U+FFFD per maximal subpart (node 20).
const invalidUtf8 = [
  [[0xf0, 0x9f, 0x98, 0x41, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xff], '\ufffdA\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd'],
  [[0xe2, 0x82], '\ufffd'],
  [[0xe2, 0x82, 0x41], '\ufffdA'],
  [[0x80, 0x80], '\ufffd\ufffd'],
  [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
  [[0xef, 0xbb, 0xbf, 0x61], '\ufeffa'],
  [[0xc2], '\ufffd'],
];
for (const [bytes, expected] of invalidUtf8) {
  assert.strictEqual(Buffer.from(bytes).toString(), expected);
}

// Lone surrogates encode as U+FFFD.
assert.deepStrictEqual([...Buffer.from('a\ud800b')], [97, 239, 191, 189, 98]);
assert.deepStrictEqual([...Buffer.from('a\udc00')], [97, 239, 191, 189]);
assert.strictEqual(Buffer.byteLength('\ud800'), 3);

// Base64 leniency (values from node 20).
const base64Cases = [
  ['YW Jj\nZA==', [97, 98, 99, 100]],
  ['-_-_', [251, 255, 191]],
  ['YW=Jj', [97]],
  ['YWJjZA', [97, 98, 99, 100]],
  ['Y*W!J%j', [97, 98, 99]],
  ['Y', []],
  ['YQ===', [97]],
  ['YQ==YQ==', [97]],
  ['\u0141\u0142\u0143\u0144', [0, 16, 131]],
];
for (const [input, bytes] of base64Cases) {
  assert.deepStrictEqual([...Buffer.from(input, 'base64')], bytes, input);
}
assert.strictEqual(Buffer.byteLength('YWJjZA==', 'base64'), 4);
assert.strictEqual(Buffer.byteLength('YWJjZA', 'base64'), 4);
assert.strictEqual(Buffer.byteLength('YW Jj\nZA==', 'base64'), 6);
assert.strictEqual(Buffer.byteLength('Y*W!J%j=', 'base64'), 5);
assert.strictEqual(Buffer.byteLength('abc', 'base64url'), 2);

// Hex stops at the first invalid pair.
assert.deepStrictEqual([...Buffer.from('abc', 'hex')], [0xab]);
assert.deepStrictEqual([...Buffer.from('zz12', 'hex')], []);
assert.deepStrictEqual([...Buffer.from('12zz34', 'hex')], [0x12]);
assert.deepStrictEqual([...Buffer.from('\u0141\u0142', 'hex')], [0xab]);
assert.strictEqual(Buffer.alloc(4).write('zz', 'hex'), 0);
assert.strictEqual(Buffer.alloc(4).write('abc', 'hex'), 1);

// ascii decoding drops the high bit; latin1/ascii encoding keeps the low byte.
assert.strictEqual(Buffer.from([0xe9, 0x41, 0xff]).toString('ascii'), 'iA\u007f');
assert.strictEqual(Buffer.from([0xe9, 0x41, 0xff]).toString('latin1'), '\u00e9A\u00ff');
assert.deepStrictEqual([...Buffer.from('\u0141\u00e9', 'latin1')], [65, 233]);
assert.deepStrictEqual([...Buffer.from('\u0141\u00e9', 'ascii')], [65, 233]);

// ucs2 drops a trailing odd byte; writes whole code units only.
assert.strictEqual(Buffer.from([0x41, 0, 0x42]).toString('ucs2'), 'A');
assert.strictEqual(Buffer.alloc(5).write('abc', 'ucs2'), 4);

// UTF-8 writes never split a character.
{
  const b = Buffer.alloc(3);
  assert.strictEqual(b.write('a\u20ac'), 1);
  assert.deepStrictEqual([...b], [97, 0, 0]);
  assert.strictEqual(Buffer.alloc(2).write('\u20ac'), 0);
}

// Encoding names.
for (const name of ['utf8', 'UTF-8', 'Utf8', 'binary', 'ucs-2', 'utf16le', 'UTF16LE',
                    'base64url', 'latin1', 'hex', 'HEX', 'ascii', 'base64', 'utf-16le']) {
  assert.strictEqual(Buffer.isEncoding(name), true, name);
}
for (const name of ['foo', '', null, undefined, 1, 'utf-16', 'buffer']) {
  assert.strictEqual(Buffer.isEncoding(name), false, String(name));
}

// Unaligned UTF-16 writes and reads.
{
  const backing = Buffer.alloc(9);
  const odd = backing.subarray(1);
  assert.strictEqual(odd.write('\u1234\u5678', 'utf16le'), 4);
  assert.deepStrictEqual([...odd.subarray(0, 4)], [0x34, 0x12, 0x78, 0x56]);
  assert.strictEqual(odd.toString('utf16le', 0, 4), '\u1234\u5678');
}

console.log('ok');
