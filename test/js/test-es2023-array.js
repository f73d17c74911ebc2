'use strict';
// Array.prototype.toSorted/toReversed/toSpliced/with (ES2023 "change array by copy"): shape
// and the spec's edge cases. Node 20 has them natively; ringjs installs them at bootstrap.
const assert = require('assert');

// --- shape -------------------------------------------------------------------------------
for (const [name, length] of [['toSorted', 1], ['toReversed', 0], ['toSpliced', 2], ['with', 2],
                              ['findLast', 1], ['findLastIndex', 1]]) {
  const d = Object.getOwnPropertyDescriptor(Array.prototype, name);
  assert.strictEqual(typeof d.value, 'function', name);
  assert.strictEqual(d.enumerable, false, name);
  assert.strictEqual(d.writable, true, name);
  assert.strictEqual(d.configurable, true, name);
  assert.strictEqual(d.value.name, name);
  assert.strictEqual(d.value.length, length, name);
  assert.strictEqual(Object.prototype.hasOwnProperty.call(d.value, 'prototype'), false, name);
  assert.throws(() => new d.value(), TypeError, name);
  const nd = Object.getOwnPropertyDescriptor(d.value, 'name');
  assert.deepStrictEqual([nd.writable, nd.enumerable, nd.configurable], [false, false, true]);
}
assert.ok(!Object.keys(Array.prototype).includes('toSorted'));
const unscopables = Array.prototype[Symbol.unscopables];
assert.strictEqual(Object.getPrototypeOf(unscopables), null);
assert.deepStrictEqual(Object.keys(unscopables), [
  'at', 'copyWithin', 'entries', 'fill', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat',
  'flatMap', 'includes', 'keys', 'values', 'toReversed', 'toSorted', 'toSpliced',
]);
assert.strictEqual(unscopables.with, undefined);
// `with` cannot be used in strict code; a sloppy function checks the unscopables.
// eslint-disable-next-line no-new-func
assert.strictEqual(new Function('toSorted', 'with (Array.prototype) { return toSorted; }')('x'),
                   'x');

// --- toReversed --------------------------------------------------------------------------
{
  const a = [1, 2, 3];
  const r = a.toReversed();
  assert.deepStrictEqual(r, [3, 2, 1]);
  assert.deepStrictEqual(a, [1, 2, 3]);
  assert.notStrictEqual(r, a);
  // Holes read through to undefined (and the prototype).
  // eslint-disable-next-line no-sparse-arrays
  const holey = [1, , 3];
  const rh = holey.toReversed();
  assert.deepStrictEqual(rh, [3, undefined, 1]);
  assert.ok(1 in rh);
  Array.prototype[1] = 'proto';
  // eslint-disable-next-line no-sparse-arrays
  assert.deepStrictEqual([0, , 2].toReversed(), [2, 'proto', 0]);
  delete Array.prototype[1];
  // Array-likes and primitives.
  assert.deepStrictEqual(Array.prototype.toReversed.call({ length: 3, 0: 'a', 2: 'c' }),
                         ['c', undefined, 'a']);
  assert.deepStrictEqual(Array.prototype.toReversed.call('abc'), ['c', 'b', 'a']);
  assert.deepStrictEqual(Array.prototype.toReversed.call(5), []);
  assert.deepStrictEqual(Array.prototype.toReversed.call({ length: -5 }), []);
  assert.deepStrictEqual(Array.prototype.toReversed.call({ length: '2', 0: 1, 1: 2 }), [2, 1]);
  assert.deepStrictEqual(Array.prototype.toReversed.call({ length: 2.9, 0: 1, 1: 2 }), [2, 1]);
  assert.deepStrictEqual(Array.prototype.toReversed.call({ length: NaN }), []);
  assert.throws(() => Array.prototype.toReversed.call(null), TypeError);
  assert.throws(() => Array.prototype.toReversed.call(undefined), TypeError);
  assert.throws(() => Array.prototype.toReversed.call({ length: 2 ** 32 }),
                { name: 'RangeError', message: 'Invalid array length' });
  assert.throws(() => Array.prototype.toReversed.call({ length: 1n }), TypeError);
  assert.throws(() => Array.prototype.toReversed.call({ length: Symbol() }), TypeError);
  // The result is a plain Array, never a species instance.
  class MyArray extends Array {}
  const m = MyArray.from([1, 2]);
  assert.strictEqual(Object.getPrototypeOf(m.toReversed()), Array.prototype);
  // Reads happen in order from the end.
  const log = [];
  const proxy = new Proxy([1, 2, 3], {
    get(t, k, r) { log.push(typeof k === 'string' ? k : k.toString()); return Reflect.get(t, k, r); },
  });
  Array.prototype.toReversed.call(proxy);
  assert.deepStrictEqual(log, ['length', '2', '1', '0']);
}

// --- toSorted ----------------------------------------------------------------------------
{
  const a = [3, 1, 10, 2];
  assert.deepStrictEqual(a.toSorted(), [1, 10, 2, 3]);
  assert.deepStrictEqual(a.toSorted((x, y) => x - y), [1, 2, 3, 10]);
  assert.deepStrictEqual(a, [3, 1, 10, 2]);
  // eslint-disable-next-line no-sparse-arrays
  const holey = [3, undefined, , 1];
  const s = holey.toSorted();
  assert.deepStrictEqual(s, [1, 3, undefined, undefined]);
  assert.strictEqual(s.length, 4);
  assert.ok(3 in s);
  // The comparator never sees undefined.
  const seen = [];
  [undefined, 2, undefined, 1].toSorted((x, y) => { seen.push(x, y); return x - y; });
  assert.ok(!seen.includes(undefined));
  // Stable.
  const people = [{ n: 'a', k: 1 }, { n: 'b', k: 0 }, { n: 'c', k: 1 }, { n: 'd', k: 0 }];
  assert.deepStrictEqual(people.toSorted((x, y) => x.k - y.k).map((p) => p.n),
                         ['b', 'd', 'a', 'c']);
  for (const bad of [null, 1, 'x', {}, true, Symbol('s')]) {
    assert.throws(() => [1].toSorted(bad), {
      name: 'TypeError', message: 'The comparison function must be either a function or undefined',
    });
  }
  // The comparefn check comes before ToObject(this).
  assert.throws(() => Array.prototype.toSorted.call(null, 1),
                { message: 'The comparison function must be either a function or undefined' });
  assert.throws(() => Array.prototype.toSorted.call(null), TypeError);
  assert.deepStrictEqual(Array.prototype.toSorted.call({ length: 3, 0: 'b', 1: 'a', 2: 'c' }),
                         ['a', 'b', 'c']);
  assert.deepStrictEqual(Array.prototype.toSorted.call('dcba'), ['a', 'b', 'c', 'd']);
  assert.throws(() => Array.prototype.toSorted.call({ length: 2 ** 32 }), RangeError);
  // Comparator errors propagate.
  assert.throws(() => [1, 2].toSorted(() => { throw new Error('boom'); }), /boom/);
  // Comparator returning non-numbers: coerced.
  assert.deepStrictEqual([1, 2, 3].toSorted(() => '-1').length, 3);
  // A patched Array.prototype.sort does not matter.
  const sort = Array.prototype.sort;
  Array.prototype.sort = function() { throw new Error('patched'); };
  try {
    assert.deepStrictEqual([2, 1].toSorted(), [1, 2]);
  } finally {
    Array.prototype.sort = sort;
  }
  // Mixed types sort by string.
  assert.deepStrictEqual([10, 9, 'a', 1, true].toSorted(), [1, 10, 9, 'a', true]);
}

// --- toSpliced ---------------------------------------------------------------------------
{
  const a = [1, 2, 3, 4, 5];
  assert.deepStrictEqual(a.toSpliced(), [1, 2, 3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(2), [1, 2]);
  assert.deepStrictEqual(a.toSpliced(undefined), []);
  assert.deepStrictEqual(a.toSpliced(undefined, undefined), [1, 2, 3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(1, 2), [1, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(1, 2, 'x', 'y', 'z'), [1, 'x', 'y', 'z', 4, 5]);
  assert.deepStrictEqual(a.toSpliced(-2, 1), [1, 2, 3, 5]);
  assert.deepStrictEqual(a.toSpliced(-10, 1), [2, 3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(10, 1, 'x'), [1, 2, 3, 4, 5, 'x']);
  assert.deepStrictEqual(a.toSpliced(1, -1, 'x'), [1, 'x', 2, 3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(1, Infinity), [1]);
  assert.deepStrictEqual(a.toSpliced(-Infinity, 2), [3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(Infinity, 2), [1, 2, 3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(NaN, 1), [2, 3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced('1', '2'), [1, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(1.7, 1.9), [1, 3, 4, 5]);
  assert.deepStrictEqual(a.toSpliced(0, 0, 0), [0, 1, 2, 3, 4, 5]);
  assert.deepStrictEqual(a, [1, 2, 3, 4, 5]);
  // eslint-disable-next-line no-sparse-arrays
  const r = [1, , 3].toSpliced(0, 0);
  assert.deepStrictEqual(r, [1, undefined, 3]);
  assert.ok(1 in r);
  assert.deepStrictEqual(Array.prototype.toSpliced.call({ length: 3, 0: 'a', 1: 'b', 2: 'c' }, 1, 1),
                         ['a', 'c']);
  assert.deepStrictEqual(Array.prototype.toSpliced.call('abc', 1, 1, 'X'), ['a', 'X', 'c']);
  assert.throws(() => Array.prototype.toSpliced.call(null), TypeError);
  assert.throws(() => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1),
                { name: 'TypeError', message: 'Invalid array length' });
  assert.throws(() => Array.prototype.toSpliced.call({ length: 2 ** 32 }, 0, 0),
                { name: 'RangeError', message: 'Invalid array length' });
  // Removing enough makes a huge array-like fine.
  assert.deepStrictEqual(Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 2 ** 53 - 1),
                         []);
  assert.throws(() => [].toSpliced(Symbol()), TypeError);
  assert.throws(() => [].toSpliced(0, 1n), TypeError);
  // Conversion order: length, start, skipCount.
  const log = [];
  const obj = {
    get length() { log.push('length'); return 2; },
  };
  Array.prototype.toSpliced.call(obj,
                                 { valueOf() { log.push('start'); return 0; } },
                                 { valueOf() { log.push('skip'); return 0; } });
  assert.deepStrictEqual(log, ['length', 'start', 'skip']);
  class MyArray extends Array {}
  assert.strictEqual(Object.getPrototypeOf(MyArray.from([1]).toSpliced(0, 0)), Array.prototype);
}

// --- with --------------------------------------------------------------------------------
{
  const a = [1, 2, 3];
  assert.deepStrictEqual(a.with(0, 'x'), ['x', 2, 3]);
  assert.deepStrictEqual(a.with(-1, 'x'), [1, 2, 'x']);
  assert.deepStrictEqual(a.with(-3, 'x'), ['x', 2, 3]);
  assert.deepStrictEqual(a.with('1', 'x'), [1, 'x', 3]);
  assert.deepStrictEqual(a.with(1.9, 'x'), [1, 'x', 3]);
  assert.deepStrictEqual(a.with(-0.5, 'x'), ['x', 2, 3]);
  assert.deepStrictEqual(a.with(NaN, 'x'), ['x', 2, 3]);
  assert.deepStrictEqual(a.with(undefined, 'x'), ['x', 2, 3]);
  assert.deepStrictEqual(a.with(0), [undefined, 2, 3]);
  assert.deepStrictEqual(a, [1, 2, 3]);
  assert.throws(() => a.with(3, 'x'), { name: 'RangeError', message: 'Invalid index : 3' });
  assert.throws(() => a.with(-4, 'x'), { name: 'RangeError', message: 'Invalid index : -4' });
  assert.throws(() => a.with(Infinity, 'x'), RangeError);
  assert.throws(() => a.with(-Infinity, 'x'), RangeError);
  assert.throws(() => [].with(0, 1), RangeError);
  assert.throws(() => a.with(Symbol(), 1), TypeError);
  assert.throws(() => a.with(1n, 1), TypeError);
  // eslint-disable-next-line no-sparse-arrays
  const r = [1, , 3].with(0, 0);
  assert.deepStrictEqual(r, [0, undefined, 3]);
  assert.ok(1 in r);
  assert.deepStrictEqual(Array.prototype.with.call({ length: 2, 1: 'b' }, 0, 'a'), ['a', 'b']);
  assert.deepStrictEqual(Array.prototype.with.call('ab', 1, 'X'), ['a', 'X']);
  assert.throws(() => Array.prototype.with.call(null, 0, 1), TypeError);
  assert.throws(() => Array.prototype.with.call({ length: 2 ** 32 }, 0, 1),
                { name: 'RangeError', message: 'Invalid array length' });
  // The index is checked before any element is read.
  const log = [];
  const proxy = new Proxy([1, 2], {
    get(t, k, r) { log.push(String(k)); return Reflect.get(t, k, r); },
  });
  assert.throws(() => Array.prototype.with.call(proxy, 5, 0), RangeError);
  assert.deepStrictEqual(log, ['length']);
  log.length = 0;
  Array.prototype.with.call(proxy, 0, 0);
  assert.deepStrictEqual(log, ['length', '1']);
}

// --- findLast / findLastIndex (V8 10.2 has them; they must behave as node) ----------------
{
  const a = [1, 2, 3, 4];
  assert.strictEqual(a.findLast((x) => x % 2 === 1), 3);
  assert.strictEqual(a.findLastIndex((x) => x % 2 === 1), 2);
  assert.strictEqual(a.findLast((x) => x > 10), undefined);
  assert.strictEqual(a.findLastIndex((x) => x > 10), -1);
  assert.throws(() => a.findLast(), TypeError);
}

console.log('ok');
