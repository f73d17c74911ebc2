'use strict';
// util.inspect: representative outputs (the full corpus is test-util-inspect-corpus.js).
const assert = require('assert');
const util = require('util');

const cases = [
  [1, '1'], [-0, '-0'], [1n, '1n'], ['a', "'a'"], ["it's", `"it's"`],
  ['\'"', '`\'"`'], ['\'"`', "'\\'\"`'"], ['a\nb', "'a\\nb'"], [Symbol('s'), 'Symbol(s)'],
  [undefined, 'undefined'], [null, 'null'], [[], '[]'], [[1, , 3], '[ 1, <1 empty item>, 3 ]'], // eslint-disable-line no-sparse-arrays
  [new Array(3), '[ <3 empty items> ]'], [{}, '{}'], [{ a: 1, 'b-c': 2 }, "{ a: 1, 'b-c': 2 }"],
  [Object.create(null), '[Object: null prototype] {}'],
  [{ a: { b: { c: { d: 1 } } } }, '{ a: { b: { c: [Object] } } }'],
  [[[[[1]]]], '[ [ [ [Array] ] ] ]'],
  [new Map([[1, 'a']]), "Map(1) { 1 => 'a' }"], [new Set([1]), 'Set(1) { 1 }'],
  [new Map([[1, 2]]).entries(), '[Map Entries] { [ 1, 2 ] }'],
  [new Set([1]).values(), '[Set Iterator] { 1 }'],
  [new WeakMap(), 'WeakMap { <items unknown> }'], [new WeakSet(), 'WeakSet { <items unknown> }'],
  [Promise.resolve(1), 'Promise { 1 }'], [new Promise(() => {}), 'Promise { <pending> }'],
  [new Uint8Array([1, 2]), 'Uint8Array(2) [ 1, 2 ]'],
  [new Uint8Array([0, 255]).buffer, 'ArrayBuffer { [Uint8Contents]: <00 ff>, byteLength: 2 }'],
  [new Date(0), '1970-01-01T00:00:00.000Z'], [new Date(NaN), 'Invalid Date'],
  [/a/g, '/a/g'], [function f() {}, '[Function: f]'], [() => {}, '[Function (anonymous)]'],
  [async function af() {}, '[AsyncFunction: af]'], [function* g() {}, '[GeneratorFunction: g]'],
  [class A {}, '[class A]'], [class B extends Array {}, '[class B extends Array]'],
  [new Number(3), '[Number: 3]'], [new String('ab'), "[String: 'ab']"],
  [new Boolean(true), '[Boolean: true]'], [Object(1n), '[BigInt: 1n]'],
  [new (class Foo {})(), 'Foo {}'],
  [new (class Foo { get [Symbol.toStringTag]() { return 'Bar'; } })(), "Foo [Bar] {}"],
  [{ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} },
   '{ a: [Getter], b: [Setter], c: [Getter/Setter] }'],
  [{ [Symbol('k')]: 1 }, '{ [Symbol(k)]: 1 }'],
  [new Proxy({ a: 1 }, {}), '{ a: 1 }'],
  [Array.from({ length: 101 }, () => 0).slice(0, 101).length, '101'],
];
for (const [value, expected] of cases) {
  assert.strictEqual(util.inspect(value), expected);
}

// Circular references.
{
  const o = { a: 1 };
  o.self = o;
  assert.strictEqual(util.inspect(o), '<ref *1> { a: 1, self: [Circular *1] }');
}

// Options.
assert.strictEqual(util.inspect(new Proxy({ a: 1 }, {}), { showProxy: true }),
                   'Proxy [ { a: 1 }, {} ]');
assert.strictEqual(util.inspect([1, 2, 3], { maxArrayLength: 1 }), '[ 1, ... 2 more items ]');
assert.strictEqual(util.inspect('abcdef', { maxStringLength: 2 }), "'ab'... 4 more characters");
assert.strictEqual(util.inspect({ b: 1, a: 2 }, { sorted: true }), '{ a: 2, b: 1 }');
assert.strictEqual(util.inspect(1234567.891, { numericSeparator: true }), '1_234_567.891');
assert.strictEqual(util.inspect({ a: [1] }, { compact: false }), '{\n  a: [\n    1\n  ]\n}');
assert.strictEqual(util.inspect([1], { showHidden: true }), '[ 1, [length]: 1 ]');
assert.strictEqual(util.inspect({ a: 1 }, { colors: true }), '{ a: \u001b[33m1\u001b[39m }');
assert.strictEqual(util.inspect({ get a() { return 'x'; } }, { getters: true }),
                   "{ a: [Getter: 'x'] }");
assert.strictEqual(util.inspect({ a: { b: 1 } }, { depth: 0 }), '{ a: [Object] }');
assert.strictEqual(util.inspect({ a: { b: { c: { d: {} } } } }, { depth: null }),
                   '{\n  a: { b: { c: { d: {} } } }\n}');
assert.strictEqual(util.inspect(Array.from({ length: 26 }, (_, i) => i)),
                   '[\n   0,  1,  2,  3,  4,  5,  6,  7,\n   8,  9, 10, 11, 12, 13, 14, 15,\n' +
                   '  16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25\n]');

// Custom inspection.
{
  const custom = { [util.inspect.custom](depth, options, inspect) {
    assert.strictEqual(typeof options.stylize, 'function');
    assert.strictEqual(inspect, util.inspect);
    return `custom depth=${depth}`;
  } };
  assert.strictEqual(util.inspect({ x: custom }), '{ x: custom depth=1 }');
  assert.strictEqual(util.inspect({ [util.inspect.custom]: () => ({ replaced: 1 }) }),
                     '{ replaced: 1 }');
}

// Errors.
{
  const err = new Error('boom');
  err.stack = 'Error: boom\n    at f (/a.js:1:1)';
  err.code = 'E_BOOM';
  assert.strictEqual(util.inspect(err), "Error: boom\n    at f (/a.js:1:1) {\n  code: 'E_BOOM'\n}");
  const noStack = new Error('plain');
  noStack.stack = 'Error: plain';
  assert.strictEqual(util.inspect(noStack), '[Error: plain]');
  const withCause = new Error('outer', { cause: 'why' });
  withCause.stack = 'Error: outer';
  assert.strictEqual(util.inspect(withCause), "[Error: outer] { [cause]: 'why' }");
}

// Legacy arguments.
assert.strictEqual(util.inspect({ a: { b: { c: 1 } } }, false, 0), '{ a: [Object] }');
assert.strictEqual(util.inspect(Object.defineProperty({}, 'h', { value: 1 }), true), '{ [h]: 1 }');

// defaultOptions.
{
  const saved = { ...util.inspect.defaultOptions };
  assert.strictEqual(saved.breakLength, 80);
  assert.strictEqual(saved.depth, 2);
  util.inspect.defaultOptions = { depth: 0 };
  assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: [Object] }');
  util.inspect.defaultOptions = saved;
  assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: { b: 1 } }');
}

// colors / styles tables.
assert.deepStrictEqual(util.inspect.colors.red, [31, 39]);
assert.deepStrictEqual(util.inspect.colors.grey, [90, 39]);
assert.strictEqual(util.inspect.styles.number, 'yellow');

// stripVTControlCharacters and toUSVString.
assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), 'red');
assert.strictEqual(util.toUSVString('a\ud800b'), 'a\ufffdb');
