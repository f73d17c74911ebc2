'use strict';
// v8.serialize/deserialize interoperate with node's bytes: every value node serialized
// (fixtures/v8/serialized-by-node.json) deserializes to the same value here, and serializing
// the value here gives node's bytes (Buffers and typed arrays as node's host objects).
const assert = require('assert');
const util = require('util');
const v8 = require('v8');
const values = require('./fixtures/v8/serdes-values');
const recorded = require('./fixtures/v8/serialized-by-node.json');

// A DataView prints as its bytes: util.inspect would show the whole (pooled, run-dependent)
// ArrayBuffer behind it.
function show(value) {
  if (value instanceof DataView) {
    return `DataView <${[...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)]}>`;
  }
  return util.inspect(value, { depth: 4, breakLength: 120 });
}

for (const [name, make] of values) {
  const nodeBytes = Buffer.from(recorded[name], 'hex');
  const fromNode = v8.deserialize(nodeBytes);
  const ours = v8.serialize(make());
  const sameBytes = ours.equals(nodeBytes);
  console.log(`${name}: same bytes ${sameBytes}`);
  console.log('  read:', show(fromNode));
  assert.deepStrictEqual(v8.deserialize(ours), fromNode);
}

// Views come back as the class they were written as, over their own bytes only.
{
  const pooled = Buffer.from('pooled');  // Lives inside the shared allocation pool.
  const back = v8.deserialize(v8.serialize(pooled));
  console.log(Buffer.isBuffer(back), back.toString(), back.length);
  const dv = v8.deserialize(v8.serialize(new DataView(new ArrayBuffer(3))));
  console.log(dv instanceof DataView, dv.byteLength);
}

// An aligned view shares the serialized bytes; a misaligned one reads a copy.
{
  const bytes = v8.serialize(new Float64Array([1.5, 2.5]));
  const aligned = Buffer.alloc(bytes.length + 8);
  const misaligned = Buffer.alloc(bytes.length + 8);
  // The float data starts 5 bytes in (header 2, tag 1, type 1, length 1); 3 + 5 = 8.
  bytes.copy(aligned, 3);
  bytes.copy(misaligned, 0);
  const a = v8.deserialize(aligned.subarray(3, 3 + bytes.length));
  const m = v8.deserialize(misaligned.subarray(0, bytes.length));
  console.log([...a], a.buffer === aligned.buffer, [...m], m.buffer === misaligned.buffer);
}

// Errors node reports.
for (const bad of [() => {}, Symbol('s'), new WeakMap()]) {
  try {
    v8.serialize(bad);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
for (const input of [1, 'str', {}, undefined]) {
  try {
    v8.deserialize(input);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
for (const bytes of [[1, 2], [0xff, 0x0f, 0x5c, 1], [0xff, 0x0f, 0x5c, 99, 0], [0xff, 0x0f, 0x6f]]) {
  try {
    console.log(v8.deserialize(Buffer.from(bytes)));
  } catch (e) {
    console.log(e.name, e.message);
  }
}
