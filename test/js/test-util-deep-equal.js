'use strict';
// util.isDeepStrictEqual.
const assert = require('assert');
const util = require('util');

const eq = (a, b) => {
  assert.strictEqual(util.isDeepStrictEqual(a, b), true, `${util.inspect(a)} == ${util.inspect(b)}`);
  assert.strictEqual(util.isDeepStrictEqual(b, a), true, `${util.inspect(b)} == ${util.inspect(a)}`);
};
const ne = (a, b) => {
  assert.strictEqual(util.isDeepStrictEqual(a, b), false, `${util.inspect(a)} != ${util.inspect(b)}`);
  assert.strictEqual(util.isDeepStrictEqual(b, a), false, `${util.inspect(b)} != ${util.inspect(a)}`);
};

eq(1, 1);
ne(1, '1');
ne(0, -0);
eq(NaN, NaN);
ne(null, undefined);
eq({}, {});
eq({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 });
ne({ a: 1 }, { a: '1' });
ne({ a: 1 }, { b: 1 });
ne({ a: undefined }, {});
eq([1, 2], [1, 2]);
ne([1, 2], [2, 1]);
ne([1, , 3], [1, undefined, 3]); // eslint-disable-line no-sparse-arrays
eq([, 1], [, 1]); // eslint-disable-line no-sparse-arrays
ne([1], { 0: 1, length: 1 });
eq(Object.assign([1], { x: 1 }), Object.assign([1], { x: 1 }));
ne(Object.assign([1], { x: 1 }), [1]);
eq(new Date(0), new Date(0));
ne(new Date(0), new Date(1));
ne(new Date(NaN), new Date(NaN)); // getTime() is NaN on both sides.
eq(/a/g, /a/g);
ne(/a/g, /a/i);
ne(/a/, Object.assign(/a/, { x: 1 }));
eq(new Error('x'), new Error('x'));
ne(new Error('x'), new TypeError('x'));
ne(new Error('x'), new Error('y'));
ne(new Error('x', { cause: 1 }), new Error('x', { cause: 2 }));
eq(new Error('x', { cause: { a: 1 } }), new Error('x', { cause: { a: 1 } }));
ne(Object.assign(new Error('a'), { code: 1 }), Object.assign(new Error('a'), { code: 2 }));
eq(new Set([1, 2]), new Set([2, 1]));
eq(new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }]));
ne(new Set([1]), new Set(['1']));
eq(new Set([NaN]), new Set([NaN]));
eq(new Set([[1], [2]]), new Set([[2], [1]]));
eq(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]]));
eq(new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']]));
ne(new Map([[1, 'a']]), new Map([['1', 'a']]));
eq(new Map([[{ a: 1 }, 1], [{ a: 1 }, 2]]), new Map([[{ a: 1 }, 2], [{ a: 1 }, 1]]));
eq(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
ne(new Uint8Array([1, 2]), new Int8Array([1, 2]));
ne(new Float64Array([0]), new Float64Array([-0]));
eq(new ArrayBuffer(2), new ArrayBuffer(2));
ne(new ArrayBuffer(2), new ArrayBuffer(3));
eq(new Number(1), new Number(1));
ne(new Number(1), 1);
ne(new Number(1), new Number(2));
eq(new String('a'), new String('a'));
eq(Object(1n), Object(1n));
ne(Object(Symbol('a')), Object(Symbol('a')));
{
  const sym = Symbol('s');
  eq({ [sym]: 1 }, { [sym]: 1 });
  ne({ [sym]: 1 }, {});
  eq(Object.defineProperty({}, sym, { value: 1 }), {});
}
ne(Object.create(null), {});
eq(Object.create(null), Object.create(null));
class A { constructor() { this.a = 1; } }
class B { constructor() { this.a = 1; } }
ne(new A(), new B());
eq(new A(), new A());
ne(() => {}, () => {});
eq(Object.defineProperty({}, 'x', { value: 1 }), {});
{
  const args = (function() { return arguments; })(1);
  ne(args, [1]);
  eq(args, (function() { return arguments; })(1));
}
eq(new WeakMap(), new WeakMap());

// Cycles.
{
  const a = { x: 1 };
  a.self = a;
  const b = { x: 1 };
  b.self = b;
  eq(a, b);
  const c = { x: 1, self: { x: 1 } };
  c.self.self = c;
  eq(a, c);
  const d = [1];
  d.push(d);
  const e = [1];
  e.push(e);
  eq(d, e);
  const m1 = new Map();
  m1.set('m', m1);
  const m2 = new Map();
  m2.set('m', m2);
  eq(m1, m2);
  const f = { x: 2 };
  f.self = f;
  ne(a, f);
}

// Deeply nested structures.
eq({ a: [1, { b: new Map([[1, new Set([2])]]) }] }, { a: [1, { b: new Map([[1, new Set([2])]]) }] });
ne({ a: [1, { b: new Map([[1, new Set([2])]]) }] }, { a: [1, { b: new Map([[1, new Set([3])]]) }] });
