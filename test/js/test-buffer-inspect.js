'use strict';
// util.inspect of Buffers; the expected strings are node 20's output.
const assert = require('assert');
const util = require('util');
const buffer = require('buffer');
const { Buffer } = buffer;

const zeros50 = Array(50).fill('00').join(' ');
const ones50 = Array(50).fill('01').join(' ');

const cases = [
  [Buffer.from('hello'), '<Buffer 68 65 6c 6c 6f>'],
  [Buffer.alloc(0), '<Buffer >'],
  [Buffer.alloc(50), `<Buffer ${zeros50}>`],
  [Buffer.alloc(51), `<Buffer ${zeros50} ... 1 more byte>`],
  [Buffer.alloc(52, 1), `<Buffer ${ones50} ... 2 more bytes>`],
  [Object.assign(Buffer.from('ab'), { foo: 1, bar: 'x' }), "<Buffer 61 62, foo: 1, bar: 'x'>"],
  [Object.assign(Buffer.alloc(0), { foo: { a: [1, 2] } }), '<Buffer foo: { a: [ 1, 2 ] }>'],
  [[Buffer.from('a'), { b: Buffer.from([1, 2, 255]) }], '[ <Buffer 61>, { b: <Buffer 01 02 ff> } ]'],
  [new Map([[Buffer.from('k'), Buffer.from('v')]]), 'Map(1) { <Buffer 6b> => <Buffer 76> }'],
  [Buffer.from('hello').subarray(1, 3), '<Buffer 65 6c>'],
  [new Uint8Array([1, 2]), 'Uint8Array(2) [ 1, 2 ]'],
  [buffer.constants, '{ MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 }'],
];
for (const [value, expected] of cases) assert.strictEqual(util.inspect(value), expected);

// A subclass shows its own name.
{
  class MyBuf extends Buffer {}
  assert.strictEqual(util.inspect(Object.setPrototypeOf(Buffer.from('xy'), MyBuf.prototype)),
                     '<MyBuf 78 79>');
}

assert.strictEqual(util.inspect(Buffer.from('ab'), { showHidden: true }), '<Buffer 61 62>');
assert.strictEqual(util.inspect(Buffer.from('abc'), { colors: true }), '<Buffer 61 62 63>');
assert.strictEqual(
  util.inspect({ deep: { deeper: { deepest: { b: Buffer.from('z') } } } }, { depth: 0 }),
  '{ deep: [Object] }');
assert.strictEqual(util.format('%s|%o|%j', Buffer.from('a'), Buffer.from('b'), Buffer.from('c')),
                   'a|<Buffer 62>|{"type":"Buffer","data":[99]}');
assert.strictEqual(Buffer.from('hi').inspect(), '<Buffer 68 69>');

// INSPECT_MAX_BYTES.
assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
buffer.INSPECT_MAX_BYTES = 2;
assert.strictEqual(util.inspect(Buffer.from('hello')), '<Buffer 68 65 ... 3 more bytes>');
assert.strictEqual(util.inspect(Buffer.from('he')), '<Buffer 68 65>');
assert.strictEqual(util.inspect(Buffer.from('hel')), '<Buffer 68 65 ... 1 more byte>');
buffer.INSPECT_MAX_BYTES = 0;
assert.strictEqual(util.inspect(Buffer.from('hello')), '<Buffer  ... 5 more bytes>');
buffer.INSPECT_MAX_BYTES = 50;
assert.throws(() => { buffer.INSPECT_MAX_BYTES = -1; }, {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "INSPECT_MAX_BYTES" is out of range. It must be >= 0. Received -1',
});
assert.throws(() => { buffer.INSPECT_MAX_BYTES = '1'; }, {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "INSPECT_MAX_BYTES" argument must be of type number. Received type string (\'1\')',
});

// Blob and File.
assert.strictEqual(util.inspect(new buffer.Blob(['x'])), "Blob { size: 1, type: '' }");
assert.strictEqual(util.inspect({ b: new buffer.Blob(['x']) }), "{ b: Blob { size: 1, type: '' } }");
assert.strictEqual(util.inspect(new buffer.Blob(['x']), { depth: -1 }), '[Blob]');
assert.strictEqual(
  util.inspect(new buffer.File(['ab'], 'f.txt', { type: 'text/plain', lastModified: 5 })),
  "File { size: 2, type: 'text/plain', name: 'f.txt', lastModified: 5 }");

console.log('ok');
