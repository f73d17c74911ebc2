'use strict';
// StringDecoder: construction, argument errors, properties, and well-formed text split at every
// possible point decoding to the same string as decoding it whole.
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

// Encodings.
assert.deepStrictEqual(
  ['UTF-8', 'ucs2', 'utf-16le', 'binary', 'base64url', 'HEX', undefined, null, '', 'latin1', 'ascii']
    .map((e) => new StringDecoder(e).encoding),
  ['utf8', 'utf16le', 'utf16le', 'latin1', 'base64url', 'hex', 'utf8', 'utf8', 'utf8', 'latin1',
   'ascii']);
assert.throws(() => new StringDecoder('foo'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: foo',
});
assert.throws(() => new StringDecoder(5), { code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: 5' });

// Shape.
{
  const d = new StringDecoder();
  assert.deepStrictEqual(Object.keys(d), ['encoding']);
  assert.strictEqual(d.lastNeed, 0);
  assert.strictEqual(d.lastTotal, 0);
  assert.strictEqual(d.lastChar.length, 4);
  assert.deepStrictEqual(Object.getOwnPropertyNames(StringDecoder.prototype),
                         ['constructor', 'write', 'end', 'text', 'lastChar', 'lastNeed', 'lastTotal']);
}

// Arguments.
assert.throws(() => new StringDecoder().write(5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf" argument must be an instance of Buffer, TypedArray, or DataView. ' +
    'Received type number (5)',
});
assert.throws(() => new StringDecoder().write(null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => StringDecoder.prototype.write(Buffer.from('abc')), {
  name: 'TypeError', code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type StringDecoder',
});
assert.throws(() => StringDecoder.prototype.end.call({}), TypeError);
assert.strictEqual(new StringDecoder().write('abc'), 'abc');
assert.strictEqual(new StringDecoder().end('abc'), 'abc');
assert.strictEqual(new StringDecoder().write(new Uint16Array([0x6261])), 'ab');
assert.strictEqual(new StringDecoder().write(new DataView(new ArrayBuffer(2))), '\u0000\u0000');

// Partial characters (node 20's results).
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(Buffer.from([0xe2])), '');
  assert.strictEqual(d.lastNeed, 2);
  assert.strictEqual(d.lastTotal, 3);
  assert.strictEqual(d.write(Buffer.from([0x82])), '');
  assert.strictEqual(d.write(Buffer.from([0xac, 0x41])), '\u20acA');
  assert.strictEqual(d.end(), '');
}
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(Buffer.from([0xe2])), '');
  assert.strictEqual(d.write(Buffer.from([0x41])), '\ufffdA');
  assert.strictEqual(d.end(), '');
}
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(Buffer.from([0xf0, 0x9f])), '');
  assert.strictEqual(d.end(), '\ufffd');
  assert.strictEqual(d.write(Buffer.from('a')), 'a');  // end() resets.
}
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(Buffer.from([0xe2])), '');
  assert.strictEqual(d.text(Buffer.from('abc'), 1), 'bc');
  assert.strictEqual(d.end(), '');
}
{
  const d = new StringDecoder('base64');
  assert.strictEqual(d.write(Buffer.from('ab')), '');
  assert.strictEqual(d.write(Buffer.from('cde')), 'YWJj');
  assert.strictEqual(d.end(), 'ZGU=');
}
{
  const d = new StringDecoder('utf16le');
  assert.strictEqual(d.write(Buffer.from([0x3d])), '');
  assert.strictEqual(d.write(Buffer.from([0xd8, 0x00, 0xdc])), '\ud83d\udc00');
  assert.strictEqual(d.write(Buffer.from([0x41])), '');
  assert.strictEqual(d.end(), '');
}
{
  const d = new StringDecoder('utf16le');
  assert.strictEqual(d.write(Buffer.from([0x61, 0, 0x62])), 'a');
  assert.strictEqual(d.end(), '');  // A lone trailing byte is dropped.
  assert.strictEqual(d.write(Buffer.from([0x3d, 0xd8])), '');
  assert.strictEqual(d.end(), '\ud83d');
}
{
  const d = new StringDecoder('hex');
  assert.strictEqual(d.write(Buffer.from([1, 2])), '0102');
  assert.strictEqual(d.end(Buffer.from([255])), 'ff');
}

// Well-formed text split at every pair of points decodes as a whole.
let seed = 7;
function random() {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 4294967296;
}
const pieces = ['a', 'Z', '\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff', '\ud83d\ude00', '\u{10ffff}'];
for (let round = 0; round < 60; round++) {
  let text = '';
  const n = 1 + Math.floor(random() * 8);
  for (let i = 0; i < n; i++) text += pieces[Math.floor(random() * pieces.length)];
  for (const encoding of ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1']) {
    const bytes = Buffer.from(text, encoding === 'latin1' ? 'latin1' : encoding === 'utf16le' ? 'utf16le' : 'utf8');
    const whole = bytes.toString(encoding);
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        const d = new StringDecoder(encoding);
        const out = d.write(bytes.subarray(0, i)) + d.write(bytes.subarray(i, j)) +
          d.write(bytes.subarray(j)) + d.end();
        assert.strictEqual(out, whole, `${encoding} ${bytes.toString('hex')} at ${i},${j}`);
      }
    }
    // One byte at a time.
    const d = new StringDecoder(encoding);
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += d.write(bytes.subarray(i, i + 1));
    assert.strictEqual(out + d.end(), whole);
  }
}

console.log('ok');
