'use strict';
// Buffer.prototype methods called on something that is not a typed array throw a TypeError
// (as in node) instead of reaching the native binding.
const assert = require('assert');
const { Buffer } = require('buffer');

const P = Buffer.prototype;
const b = Buffer.from('abc');
const calls = [
  () => P.toString.call({}),
  () => P.toString.call({}, 'hex', 0, 1),
  () => P.toLocaleString.call(null),
  () => P.equals.call({}, b),
  () => P.compare.call({}, b),
  () => P.compare.call({}, b, 0, 1, 0, 1),
  () => P.indexOf.call({}, 1),
  () => P.indexOf.call({}, 'a'),
  () => P.lastIndexOf.call({}, b),
  () => P.includes.call({}, 'a'),
  () => P.fill.call({}, 'a'),
  () => P.fill.call({ length: 2 }, 1),
  () => P.write.call({}, 'a'),
  () => P.write.call({ length: 4 }, 'a', 'hex'),
  () => P.swap16.call({ length: 200 }),
  () => P.swap32.call({ length: 400 }),
  () => P.swap64.call({ length: 800 }),
  () => P.inspect.call({}),
  () => P.copy.call({}, b),
  () => P.slice.call({}, 1),
  () => P.utf8Slice.call({}),
  () => P.hexSlice.call(null),
  () => P.utf8Write.call({}, 'a'),
  () => P.base64Write.call([], 'YQ=='),
];
for (const call of calls) assert.throws(call, TypeError, String(call));

// Other typed arrays work as receivers.
{
  const u = new Uint16Array(100).fill(0x0102);
  P.swap16.call(u);
  assert.strictEqual(u[0], 0x0102);  // Under 128 elements: elements swap, as node.
  assert.strictEqual(P.toJSON.call({ length: 1, 0: 5 }).data[0], 5);
  assert.strictEqual(P.readUInt8.call({ 0: 5 }), 5);
}
console.log('ok');
