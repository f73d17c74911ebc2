'use strict';
// %TypedArray%.prototype.toSorted/toReversed/with (ES2023): shape, TypedArrayCreateSameType
// (no species), detached buffers, BigInt arrays and the spec's conversion order.
const assert = require('assert');

const TypedArray = Object.getPrototypeOf(Int8Array);
const TAP = TypedArray.prototype;
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
               Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
const isBig = (C) => C === BigInt64Array || C === BigUint64Array;
const v = (C, n) => (isBig(C) ? BigInt(n) : n);

function detach(ta) {
  structuredClone(ta.buffer, { transfer: [ta.buffer] });
  assert.strictEqual(ta.byteLength, 0);
}

// --- shape -------------------------------------------------------------------------------
for (const [name, length] of [['toSorted', 1], ['toReversed', 0], ['with', 2]]) {
  const d = Object.getOwnPropertyDescriptor(TAP, name);
  assert.strictEqual(typeof d.value, 'function', name);
  assert.deepStrictEqual([d.enumerable, d.writable, d.configurable], [false, true, true], name);
  assert.strictEqual(d.value.name, name);
  assert.strictEqual(d.value.length, length);
  assert.throws(() => new d.value(), TypeError);
  for (const C of kinds) {
    assert.ok(!Object.prototype.hasOwnProperty.call(C.prototype, name), `${C.name}.${name}`);
  }
}
assert.ok(!('toSpliced' in TAP));

for (const C of kinds) {
  const ta = new C([v(C, 3), v(C, 1), v(C, 2)]);
  // toReversed
  const r = ta.toReversed();
  assert.ok(r instanceof C);
  assert.notStrictEqual(r.buffer, ta.buffer);
  assert.deepStrictEqual([...r], [v(C, 2), v(C, 1), v(C, 3)]);
  assert.deepStrictEqual([...ta], [v(C, 3), v(C, 1), v(C, 2)]);
  // toSorted
  assert.deepStrictEqual([...ta.toSorted()], [v(C, 1), v(C, 2), v(C, 3)]);
  assert.deepStrictEqual([...ta.toSorted((a, b) => (a < b ? 1 : a > b ? -1 : 0))],
                         [v(C, 3), v(C, 2), v(C, 1)]);
  assert.deepStrictEqual([...ta], [v(C, 3), v(C, 1), v(C, 2)]);
  // with
  assert.deepStrictEqual([...ta.with(0, v(C, 9))], [v(C, 9), v(C, 1), v(C, 2)]);
  assert.deepStrictEqual([...ta.with(-1, v(C, 9))], [v(C, 3), v(C, 1), v(C, 9)]);
  assert.throws(() => ta.with(3, v(C, 0)), { name: 'RangeError', message: 'Invalid typed array index' });
  assert.throws(() => ta.with(-4, v(C, 0)), RangeError);
  if (isBig(C)) {
    assert.throws(() => ta.with(0, 1), TypeError);
    assert.deepStrictEqual([...ta.with(0, '7')], [v(C, 7), v(C, 1), v(C, 2)]);
    assert.deepStrictEqual([...ta.with(0, true)], [v(C, 1), v(C, 1), v(C, 2)]);
  } else {
    assert.throws(() => ta.with(0, 1n), TypeError);
    assert.deepStrictEqual([...ta.with(0, '7')], [7, 1, 2]);
  }
  // Empty.
  assert.strictEqual(new C(0).toReversed().length, 0);
  assert.strictEqual(new C(0).toSorted().length, 0);
  assert.throws(() => new C(0).with(0, v(C, 0)), RangeError);
  // Subarrays copy only their view.
  const big = new C([v(C, 5), v(C, 4), v(C, 3), v(C, 2), v(C, 1)]);
  const sub = big.subarray(1, 4);
  assert.deepStrictEqual([...sub.toSorted()], [v(C, 2), v(C, 3), v(C, 4)]);
  assert.strictEqual(sub.toSorted().byteOffset, 0);
  assert.deepStrictEqual([...sub.toReversed()], [v(C, 2), v(C, 3), v(C, 4)]);
  assert.deepStrictEqual([...sub.with(0, v(C, 0))], [v(C, 0), v(C, 3), v(C, 2)]);
  // Detached.
  for (const [name, args] of [['toReversed', []], ['toSorted', []], ['with', [0, v(C, 1)]]]) {
    const d = new C(4);
    detach(d);
    assert.throws(() => d[name](...args), {
      name: 'TypeError',
      message: `Cannot perform %TypedArray%.prototype.${name} on a detached ArrayBuffer`,
    });
  }
}

// Wrapping and clamping by the element type.
assert.deepStrictEqual([...new Uint8Array(2).with(0, 300)], [44, 0]);
assert.deepStrictEqual([...new Uint8ClampedArray(2).with(0, 300)], [255, 0]);
assert.deepStrictEqual([...new Int8Array(2).with(1, -129)], [0, 127]);
assert.deepStrictEqual([...new Float32Array(1).with(0, 0.1)], [Math.fround(0.1)]);
assert.deepStrictEqual([...new BigUint64Array(1).with(0, -1n)], [2n ** 64n - 1n]);
assert.deepStrictEqual([...new BigInt64Array(1).with(0, 2n ** 63n)], [-(2n ** 63n)]);

// Numeric default order: -0 before +0, NaN last; comparefn results are coerced.
{
  const f = new Float64Array([NaN, 1, -0, 0, -Infinity, Infinity, -1]);
  const s = f.toSorted();
  assert.deepStrictEqual([...s].map((x) => (Object.is(x, -0) ? '-0' : String(x))),
                         ['-Infinity', '-1', '-0', '0', '1', 'Infinity', 'NaN']);
  assert.deepStrictEqual([...new Int32Array([10, 9, 1]).toSorted()], [1, 9, 10]);
  assert.deepStrictEqual([...new Int32Array([1, 2, 3]).toSorted(() => NaN)], [1, 2, 3]);
  const stable = new Int32Array([21, 12, 11, 22]).toSorted((a, b) => (a % 10) - (b % 10));
  assert.deepStrictEqual([...stable], [21, 11, 12, 22]);
}

// comparefn check comes first, then the receiver check.
for (const bad of [null, 1, 'x', {}]) {
  assert.throws(() => new Int8Array(1).toSorted(bad), {
    name: 'TypeError', message: 'The comparison function must be either a function or undefined',
  });
}
assert.throws(() => TAP.toSorted.call([], 1),
              { message: 'The comparison function must be either a function or undefined' });

// Receivers that are not typed arrays.
for (const name of ['toReversed', 'toSorted', 'with']) {
  for (const bad of [[], {}, null, undefined, 1, 'abc', new ArrayBuffer(4),
                     new DataView(new ArrayBuffer(4))]) {
    assert.throws(() => TAP[name].call(bad, 0, 0), TypeError, `${name} ${String(bad)}`);
  }
}
assert.throws(() => TAP.toReversed.call([]), {
  name: 'TypeError',
  message: 'Method %TypedArray%.prototype.toReversed called on incompatible receiver [object Array]',
});

// TypedArrayCreateSameType: species and constructor are ignored.
{
  class MyTA extends Uint8Array {
    static get [Symbol.species]() { throw new Error('species read'); }
  }
  const m = new MyTA([2, 1]);
  for (const r of [m.toReversed(), m.toSorted(), m.with(0, 5)]) {
    assert.strictEqual(Object.getPrototypeOf(r), Uint8Array.prototype);
  }
  const t = new Int16Array([1, 2]);
  t.constructor = function() { throw new Error('constructor used'); };
  assert.strictEqual(Object.getPrototypeOf(t.toReversed()), Int16Array.prototype);
  // An own `length` does not matter either.
  const l = new Int8Array([1, 2, 3]);
  Object.defineProperty(l, 'length', { value: 1 });
  assert.strictEqual(l.toReversed().length, 3);
}

// with: conversions happen before the range check (node 20's V8 converts the value first); a
// conversion that detaches the buffer gives RangeError.
{
  const log = [];
  const ta = new Int8Array([1, 2]);
  assert.throws(() => ta.with({ valueOf() { log.push('index'); return 5; } },
                              { valueOf() { log.push('value'); return 1; } }), RangeError);
  assert.deepStrictEqual(log, ['value', 'index']);
  const d = new Int8Array([1, 2]);
  assert.throws(() => d.with(0, { valueOf() { detach(d); return 1; } }),
                { name: 'RangeError', message: 'Invalid typed array index' });
  const d2 = new Int8Array([1, 2]);
  assert.throws(() => d2.with({ valueOf() { detach(d2); return 0; } }, 1),
                { name: 'RangeError', message: 'Invalid typed array index' });
  let calls = 0;
  new Int8Array(1).with(0, { valueOf() { calls++; return 3; } });
  assert.strictEqual(calls, 1);
  let bigCalls = 0;
  const b = new BigInt64Array(2).with(1, { valueOf() { bigCalls++; return 5n; } });
  assert.strictEqual(bigCalls, 1);
  assert.deepStrictEqual([...b], [0n, 5n]);
}

// toSorted: the comparator detaching the source does not affect the copy.
{
  const src = new Int8Array([3, 1, 2]);
  const out = src.toSorted((a, b) => { if (src.byteLength) detach(src); return a - b; });
  assert.deepStrictEqual([...out], [1, 2, 3]);
}

// A patched %TypedArray%.prototype.sort/set is not used.
{
  const { sort, set } = TAP;
  TAP.sort = () => { throw new Error('patched'); };
  TAP.set = () => { throw new Error('patched'); };
  try {
    assert.deepStrictEqual([...new Int8Array([2, 1]).toSorted()], [1, 2]);
  } finally {
    TAP.sort = sort;
    TAP.set = set;
  }
}

console.log('ok');
