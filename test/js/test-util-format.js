'use strict';
// util.format / util.formatWithOptions: every directive and the handling of extra arguments.
const assert = require('assert');
const util = require('util');

const cases = [
  [[], ''],
  [['plain'], 'plain'],
  [['%s'], '%s'],
  [['%s', 'str'], 'str'],
  [['%s', 42], '42'],
  [['%s', -0], '-0'],
  [['%s', 5n], '5n'],
  [['%s', Symbol('sym')], 'Symbol(sym)'],
  [['%s %s', null, undefined], 'null undefined'],
  [['%s', { a: { b: { c: 1 } } }], '{ a: [Object] }'],
  [['%s', [1, [2, [3]]]], '[ 1, [Array] ]'],
  [['%s', { toString() { return 'TS'; } }], 'TS'],
  [['%s', new (class X { toString() { return 'XX'; } })()], 'XX'],
  [['%s', Object.create(null)], '[Object: null prototype] {}'],
  [['%s', new Date(0)], '1970-01-01T00:00:00.000Z'],
  [['%s', function fn() { return 1; }], 'function fn() { return 1; }'],
  [['%s', new Map([[1, { a: 1 }]])], 'Map(1) { 1 => [Object] }'],
  [['%d', 42.5], '42.5'],
  [['%d', '42'], '42'],
  [['%d', 1n], '1n'],
  [['%d', Symbol('x')], 'NaN'],
  [['%d', {}], 'NaN'],
  [['%d', -0], '-0'],
  [['%d', ''], '0'],
  [['%i', 42.9], '42'],
  [['%i', '0x10'], '16'],
  [['%i', 7n], '7n'],
  [['%i', Symbol('i')], 'NaN'],
  [['%f', '3.14abc'], '3.14'],
  [['%f', Symbol('f')], 'NaN'],
  [['%j', { a: [1, 'x'] }], '{"a":[1,"x"]}'],
  [['%j', undefined], 'undefined'],
  [['%j', { toJSON() { return 'J'; } }], '"J"'],
  [['%o', [1, 2, 3]], '[ 1, 2, 3, [length]: 3 ]'],
  [['%O', { a: { b: { c: { d: 1 } } } }], '{ a: { b: { c: [Object] } } }'],
  [['a%cb', 'color: red'], 'ab'],
  [['100%% %s', 'sure'], '100% sure'],
  [['%%', 'extra'], '% extra'],
  [['%% %s'], '%% %s'],
  [['%x %s', 'a'], '%x a'],
  [['abc%', 1], 'abc% 1'],
  [['%s %s %d', 'only'], 'only %s %d'],
  [['%s', 'a', 'b', { c: 1 }, [2], 3n], "a b { c: 1 } [ 2 ] 3n"],
  [['x', 'y', 'z'], 'x y z'],
  [[{ a: 1 }, 'b', 2], "{ a: 1 } b 2"],
  [[1, 2, 3], '1 2 3'],
  [[5, '%s', 6], '5 %s 6'],
  [['%s%s%d', 'a', 'b', 3], 'ab3'],
  [['%s', '%d'], '%d'],
  [['a\n%s', 'b\nc'], 'a\nb\nc'],
  [['%s', [-0]], '[ -0 ]'],
  [['%s:%s', 'a'], 'a:%s'],
];

for (const [args, expected] of cases) {
  assert.strictEqual(util.format(...args), expected, `format(${util.inspect(args)})`);
}

// %j of a circular structure.
{
  const o = {};
  o.o = o;
  assert.strictEqual(util.format('%j', o), '[Circular]');
}

// %j rethrows errors other than the circular-structure one.
assert.throws(() => util.format('%j', { toJSON() { throw new Error('boom'); } }), /boom/);

// %O of a circular structure.
{
  const o = { x: 1 };
  o.o = o;
  assert.strictEqual(util.format('%O', o), '<ref *1> { x: 1, o: [Circular *1] }');
}

// formatWithOptions
assert.strictEqual(util.formatWithOptions({ colors: true }, '%s %O', 'str', { a: 1 }),
                   'str { a: \u001b[33m1\u001b[39m }');
assert.strictEqual(util.formatWithOptions({ depth: 0 }, { a: { b: 1 } }), '{ a: [Object] }');
assert.strictEqual(
  util.formatWithOptions({ numericSeparator: true }, '%d %i %s', 1234567, 7654321, 1000),
  '1_234_567 7_654_321 1_000');
assert.strictEqual(util.formatWithOptions({ compact: false }, 'x', [1, 2]),
                   'x [\n  1,\n  2\n]');
assert.strictEqual(util.formatWithOptions([], 'x %s', 1), 'x 1');

for (const bad of [undefined, null, 'str', 5, true]) {
  assert.throws(() => util.formatWithOptions(bad, 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
  });
}
assert.throws(() => util.formatWithOptions(null, 'x'), {
  message: 'The "inspectOptions" argument must be of type object. Received null',
});

// Errors print their stack.
{
  const err = new Error('in format');
  err.stack = 'Error: in format\n    at f (/a.js:1:1)';
  assert.strictEqual(util.format('%s', err), 'Error: in format\n    at f (/a.js:1:1)');
  assert.strictEqual(util.format('err:', err), 'err: Error: in format\n    at f (/a.js:1:1)');
}
