'use strict';
// The "+ actual - expected" messages of strictEqual / deepStrictEqual: when node prints
// `a !== b`, a line diff, a "^" marker, folded equal runs ("...") and the cut after ~50 lines.
// Each failing assertion prints its operator, generatedMessage and message.
const assert = require('assert');

let count = 0;
function show(fn) {
  count++;
  try {
    fn();
    console.log(`#${count} no throw`);
  } catch (e) {
    console.log(`#${count} [${e.operator}] generated=${e.generatedMessage}\n${e.message}\n`);
  }
}
const range = (n, f = (i) => i) => Array.from({ length: n }, (_, i) => f(i));
const letters = (n, changed = {}) => {
  const o = {};
  for (let i = 0; i < n; i++) {
    const key = String.fromCharCode(97 + i);
    o[key] = key in changed ? changed[key] : i + 1;
  }
  return o;
};

// Short primitives, the +0/-0 pair, the marker under the first differing character.
show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual('a', 'b'));
show(() => assert.strictEqual(1n, 2n));
show(() => assert.strictEqual(NaN, 1));
show(() => assert.strictEqual(1, '1'));
show(() => assert.strictEqual(true, false));
show(() => assert.strictEqual(0, -0));
show(() => assert.strictEqual(-0, 0));
show(() => assert.strictEqual(null, undefined));
show(() => assert.strictEqual('aaaaaaaaaaaaaa', 'aaaaaaaaaaaaab'));
show(() => assert.strictEqual('hello world foo', 'hello world bar'));
show(() => assert.strictEqual('ab_________', 'ac_________'));
show(() => assert.strictEqual('a\nb\nc', 'a\nb\nd'));
show(() => assert.strictEqual('x'.repeat(100), `${'x'.repeat(99)}y`));
show(() => assert.strictEqual('x'.repeat(37), 'x'.repeat(38)));
show(() => assert.strictEqual('y'.repeat(600), 'z'.repeat(600)));
show(() => assert.strictEqual('long string with newline\nsecond line here', 'long string with newline\nsecond line there'));

// Objects and functions: reference equality.
show(() => assert.strictEqual({}, {}));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.strictEqual([1, 2], [1, 2]));
show(() => assert.strictEqual({ a: 1 }, { a: 2 }));
show(() => assert.strictEqual(function f() {}, function f() {}));
show(() => assert.strictEqual(() => {}, () => {}));
show(() => assert.strictEqual(function f() {}, function g() {}));
show(() => assert.strictEqual(Symbol('a'), Symbol('a')));
show(() => assert.strictEqual([1, 2, 3], 'abc'));
show(() => assert.strictEqual(range(60), range(60)));
show(() => assert.strictEqual({}, []));

// Deep comparisons.
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]));
show(() => assert.deepStrictEqual(range(10, (i) => i + 1), range(10, (i) => (i === 9 ? 11 : i + 1))));
show(() => assert.deepStrictEqual(range(11), range(11, (i) => (i === 0 ? 1 : i))));
show(() => assert.deepStrictEqual(range(11), range(11, (i) => (i === 5 ? 6 : i))));
show(() => assert.deepStrictEqual(range(100), range(100, (i) => i * 2)));
show(() => assert.deepStrictEqual(range(30), range(33)));
show(() => assert.deepStrictEqual(range(33), range(30)));
show(() => assert.deepStrictEqual([1, 2], [1, 2, 3]));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2]));
show(() => assert.deepStrictEqual({}, []));
show(() => assert.deepStrictEqual(1, 2));
show(() => assert.deepStrictEqual('a', 'b'));
show(() => assert.deepStrictEqual(new Date(0), new Date(1)));
show(() => assert.deepStrictEqual(/a/g, /a/i));
show(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
show(() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])));
show(() => assert.deepStrictEqual({ a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }));
show(() => assert.deepStrictEqual({ a: 1 }, Object.create(null)));
show(() => assert.deepStrictEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 }));
show(() => assert.deepStrictEqual(new Error('x'), new Error('y')));
show(() => assert.deepStrictEqual(new Error('x'), new TypeError('x')));
show(() => assert.deepStrictEqual(Object.assign(new Error('x'), { code: 1 }), Object.assign(new Error('x'), { code: 2 })));
show(() => assert.deepStrictEqual([1, 2, 3], { 0: 1, 1: 2, 2: 3 }));
show(() => assert.deepStrictEqual(new Number(1), new Number(2)));
show(() => assert.deepStrictEqual([undefined], [null]));
show(() => assert.deepStrictEqual({ a: undefined }, {}));
show(() => assert.deepStrictEqual('a'.repeat(20), `${'a'.repeat(19)}b`));
show(() => assert.deepStrictEqual('abc\ndef', 'abc\ndeg'));
show(() => assert.deepStrictEqual([[1, 2], [3, 4]], [[1, 2], [3, 5]]));
show(() => assert.deepStrictEqual({ a: [1, 2, 3], b: 'x' }, { a: [1, 2, 3], b: 'y' }));
show(() => assert.deepStrictEqual(letters(8), letters(8, { h: 9 })));
show(() => assert.deepStrictEqual(letters(8, { a: 0 }), letters(8)));
show(() => assert.deepStrictEqual(letters(11, { d: 0 }), letters(11)));
show(() => assert.deepStrictEqual(letters(11, { d: 0 }), letters(11, { k: 12 })));
show(() => assert.deepStrictEqual(letters(11, { d: 0, g: 0 }), letters(11)));
show(() => assert.deepStrictEqual(letters(11, { d: 0, h: 0 }), letters(11)));
show(() => assert.deepStrictEqual(letters(11, { d: 0, i: 0 }), letters(11)));
show(() => assert.deepStrictEqual(letters(11, { d: 0, j: 0 }), letters(11)));
show(() => assert.deepStrictEqual(letters(20, { b: 0 }), letters(20, { s: 0 })));
show(() => assert.deepStrictEqual([1, 2, 3, 4], range(10, (i) => i + 1)));
show(() => assert.deepStrictEqual(range(10, (i) => i + 1), [1, 2, 3, 4]));
show(() => assert.deepStrictEqual(range(12, (i) => i + 1), [1, 2, 3, 4, 5]));
show(() => assert.deepStrictEqual([5, ...range(12, (i) => i + 1)], [1, 2, 3, 4, 5]));
show(() => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 }));
show(() => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1 }));
show(() => assert.deepStrictEqual([1, [2, [3, [4]]]], [1, [2, [3, [5]]]]));
show(() => assert.deepStrictEqual(Buffer.from('abc'), Buffer.from('abd')));
show(() => assert.deepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2, '3']));
show(() => assert.deepStrictEqual({ x: 'a'.repeat(100) }, { x: 'b'.repeat(100) }));
show(() => assert.deepStrictEqual(range(60), range(60, (i) => i + 1)));
show(() => assert.deepStrictEqual(range(60, (i) => (i % 2 ? i : 'x')), range(60)));
show(() => assert.deepStrictEqual(range(200), range(150)));
show(() => assert.deepStrictEqual(range(150), range(200)));
show(() => assert.deepStrictEqual(range(54, (i) => (i === 0 ? -1 : i)), range(54)));
show(() => assert.deepStrictEqual(range(40, (i) => (i % 10 === 0 ? -i : i)), range(40)));
show(() => assert.deepStrictEqual({ s: 'long string with newline\nsecond line here' }, { s: 'long string with newline\nsecond line there' }));
show(() => assert.deepStrictEqual(new Map([['k', range(8)]]), new Map([['k', range(9)]])));
show(() => assert.deepStrictEqual([{ a: 1 }, { b: 2 }], [{ a: 1 }, { b: 2 }, { c: 3 }]));
class Point { constructor(x, y) { this.x = x; this.y = y; } }
show(() => assert.deepStrictEqual(new Point(1, 2), new Point(1, 3)));
show(() => assert.deepStrictEqual(new Point(1, 2), { x: 1, y: 2 }));

// Trailing commas: lines that differ only by one pair up as equal; where a run of them is
// printed from decides which form shows.
show(() => assert.deepStrictEqual({ a: 1, f: 2 }, { a: 1, f: 2, g: 3 }));
show(() => assert.deepStrictEqual({ a: 1, f: 2, g: 3 }, { a: 1, f: 2 }));
show(() => assert.deepStrictEqual([{ b: 1, c: 1, d: 1, f: 2 }, 5, 6, 7], [{ b: 1, c: 1, d: 1, f: 2, g: 3 }, 5]));
show(() => assert.deepStrictEqual([{ b: 1, c: 1, d: 1, f: 2 }, 5], [{ b: 1, c: 1, d: 1, f: 2, g: 3 }, 5, 6, 7]));
show(() => assert.deepStrictEqual([{ b: 1, c: 1, d: 1, f: 2, g: 3 }, 5], [{ b: 1, c: 1, d: 1, f: 2 }, 5, 6, 7]));
show(() => assert.deepStrictEqual([1, 1, 1, 1, 2], [1, 1, 1, 1, 2, 3]));
show(() => assert.deepStrictEqual([1, 1, 1, 1, 2, 3], [1, 1, 1, 1, 2]));

// A custom message replaces the header of the diff; a falsy one does not.
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'custom'));
show(() => assert.strictEqual(1, 2, 'custom'));
show(() => assert.strictEqual('aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaab', 'custom'));
show(() => assert.strictEqual([1], [2], 'custom'));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }, 'custom'));
show(() => assert.deepStrictEqual(range(30), range(30, (i) => (i === 15 ? 0 : i)), 'custom'));
show(() => assert.deepStrictEqual(range(300), range(300, (i) => -i), 'multi\nline'));
show(() => assert.strictEqual(1, 2, ''));
show(() => assert.strictEqual(1, 2, 0));
show(() => assert.strictEqual(1, 2, null));
show(() => assert.strictEqual(1, 2, []));
show(() => assert.strictEqual(1, 2, 42));
show(() => assert.strictEqual(1, 2, { toString() { return 'from toString'; } }));
show(() => assert.strict.equal(1, 2));
show(() => assert.strict.deepEqual({ a: 1 }, { a: 2 }));

// The diff under a color terminal, and the "^" marker limited to its width.
const stderr = process.stderr;
const faked = ['isTTY', 'columns', 'hasColors', 'getColorDepth'];
const saved = faked.map((k) => Object.getOwnPropertyDescriptor(stderr, k));
Object.defineProperty(stderr, 'isTTY', { value: true, configurable: true });
Object.defineProperty(stderr, 'columns', { value: 40, configurable: true });
Object.defineProperty(stderr, 'hasColors', { value: () => true, configurable: true });
Object.defineProperty(stderr, 'getColorDepth', { value: () => 8, configurable: true });
show(() => assert.deepStrictEqual({ a: 1, b: range(8) }, { a: 2, b: range(8, (i) => (i === 7 ? 9 : i)) }));
show(() => assert.strictEqual('hello world!', 'hello world?'));
show(() => assert.strictEqual('hello world, this is long!', 'hello world, this is long?'));
show(() => assert.deepStrictEqual(range(100), range(100, (i) => -i)));
show(() => assert.notDeepStrictEqual(range(60), range(60)));
// Colors stay on while the terminal reports none, and after stderr stops being one.
Object.defineProperty(stderr, 'hasColors', { value: () => false, configurable: true });
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
faked.forEach((k, i) => {
  if (saved[i]) Object.defineProperty(stderr, k, saved[i]);
  else delete stderr[k];
});
show(() => assert.strictEqual('hello world, this is long!', 'hello world, this is long?'));
