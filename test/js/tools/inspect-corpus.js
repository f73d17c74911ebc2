'use strict';
// A corpus of util.inspect() / util.format() cases. Each case is
//   { name, fn: 'inspect' | 'format' | 'formatWithOptions', args: () => [...], stable }
// `args` builds fresh values on every call. `stable: false` marks output that depends on the
// runtime (real stack traces, globals), which is compared under the node harness only and not
// recorded. Uses only standard JS and public node APIs, so it loads under node and ringjs.

const util = require('util');

const cases = [];
function add(name, args, opts = {}) {
  cases.push({ name, fn: opts.fn || 'inspect', args, stable: opts.stable !== false,
               harness: opts.harness !== false });
}
function insp(name, make, options, extra) {
  add(name, options === undefined ? () => [make()] : () => [make(), options], extra);
}
function fmt(name, make, extra) {
  add(name, make, { fn: 'format', ...extra });
}

// An error with a fixed stack, so the output does not depend on file paths.
function fixedError(Ctor, message, frames = ['    at f (/app/a.js:1:1)', '    at g (/app/b.js:2:2)'],
                    options) {
  const err = options === undefined ? new Ctor(message) : new Ctor(message, options);
  const header = message ? `${err.name}: ${message}` : err.name;
  err.stack = [header, ...frames].join('\n');
  return err;
}

// --- primitives -------------------------------------------------------------------------------
const numbers = [0, -0, 1, -1, 1.5, -1.25, NaN, Infinity, -Infinity, 1e21, 1e-7, 123456789,
                 2 ** 53, 0.1, 1234.5678, -987654321.123];
numbers.forEach((n, i) => {
  insp(`number ${i}`, () => n);
  insp(`number sep ${i}`, () => n, { numericSeparator: true });
});
const bigints = [0n, 1n, -1n, 12345678901234567890n, -123456n];
bigints.forEach((n, i) => {
  insp(`bigint ${i}`, () => n);
  insp(`bigint sep ${i}`, () => n, { numericSeparator: true });
});
const strings = [
  '', 'a', "it's", 'say "hi"', 'both \' and "', 'all \' " `', 'quote \' " and ${x}',
  'new\nline', 'tab\there', 'ctrl \x01\x02\x1f\x7f\x80\x9f', 'back\\slash', 'unicode é ü 中文',
  'emoji 😀 ok', 'lone \ud800 surrogate', 'lone \udc00 low', 'pair \ud83d\ude00 ok',
  'a string that is somewhat long but below eighty chars',
  'x'.repeat(100), 'line one\nline two\nline three that is long enough to wrap around the limit',
  `${'long '.repeat(30)}\n${'more '.repeat(20)}`, 'esc \x1b[31mred\x1b[39m',
  `${'q\''.repeat(60)}`, `${'\x00'.repeat(120)}`, '\ud800'.repeat(60),
];
strings.forEach((s, i) => {
  insp(`string ${i}`, () => s);
  insp(`string in object ${i}`, () => ({ s }));
  insp(`string in array ${i}`, () => [s, s]);
});
insp('string maxStringLength', () => 'abcdefghij', { maxStringLength: 4 });
insp('string maxStringLength 1 left', () => 'abcde', { maxStringLength: 4 });
insp('string maxStringLength null', () => 'abcde'.repeat(3000), { maxStringLength: null });
insp('string maxStringLength in array', () => ['abcdef', 'xy'], { maxStringLength: 3 });
insp('string long compact true', () => 'word '.repeat(40), { compact: true });
insp('string long breakLength', () => 'short\nlines\nhere and there', { breakLength: 10 });
[true, false, undefined, null].forEach((v, i) => insp(`misc primitive ${i}`, () => v));
insp('symbol plain', () => Symbol());
insp('symbol desc', () => Symbol('desc'));
insp('symbol well-known', () => Symbol.iterator);
insp('symbol for', () => Symbol.for('registered'));
insp('symbol newline desc', () => Symbol('a\nb'));
insp('symbol empty desc', () => Symbol(''));

// --- arrays -----------------------------------------------------------------------------------
insp('array empty', () => []);
insp('array simple', () => [1, 2, 3]);
insp('array nested', () => [1, [2, [3, [4, [5]]]]]);
insp('array nested depth 0', () => [1, [2]], { depth: 0 });
insp('array nested depth null', () => [1, [2, [3, [4, [5]]]]], { depth: null });
insp('array nested depth Infinity', () => [[[[[[1]]]]]], { depth: Infinity });
insp('array holes 1', () => [1, , 3]); // eslint-disable-line no-sparse-arrays
insp('array holes 2', () => [, , 1]); // eslint-disable-line no-sparse-arrays
insp('array holes trailing', () => { const a = [1]; a.length = 5; return a; });
insp('array holes only', () => new Array(3));
insp('array one hole', () => new Array(1));
insp('array sparse big', () => { const a = []; a[5] = 1; a[100] = 2; return a; });
insp('array sparse max', () => { const a = []; a[5] = 1; a[100] = 2; return a; },
     { maxArrayLength: 2 });
insp('array extra props', () => Object.assign([1, 2], { foo: 'bar', 'a-b': 1 }));
insp('array only extra prop', () => Object.assign([], { foo: 1 }));
insp('array symbol prop', () => Object.assign([1], { [Symbol('s')]: 2 }));
insp('array 101 items', () => Array.from({ length: 101 }, (_, i) => i));
insp('array 150 items', () => Array.from({ length: 150 }, (_, i) => i));
insp('array maxArrayLength 0', () => [1, 2, 3], { maxArrayLength: 0 });
insp('array maxArrayLength 1', () => [1, 2, 3], { maxArrayLength: 1 });
insp('array maxArrayLength 2', () => [1, 2, 3], { maxArrayLength: 2 });
insp('array maxArrayLength null', () => Array.from({ length: 120 }, (_, i) => i),
     { maxArrayLength: null });
insp('array maxArrayLength -1', () => [1, 2], { maxArrayLength: -1 });
for (const n of [6, 7, 8, 10, 16, 26, 27, 50, 99]) {
  insp(`array group numbers ${n}`, () => Array.from({ length: n }, (_, i) => i * 7));
  insp(`array group strings ${n}`, () => Array.from({ length: n }, (_, i) => 'x'.repeat(i % 7)));
}
insp('array group mixed widths', () => [1, 22, 333, 4444, 55555, 666666, 7777777, 88888888]);
insp('array group negative', () => [-1, -22, 3, 44, -555, 6, 77, -8888, 9, 10]);
insp('array group bigints', () => [1n, 22n, 333n, 4444n, 5n, 66n, 7n, 88n]);
insp('array group mixed types', () => [1, 'a', 2, 'bb', 3, 'ccc', 4, 'dddd', null, undefined]);
insp('array group objects', () => Array.from({ length: 10 }, (_, i) => ({ i })));
insp('array group nested arrays', () => Array.from({ length: 8 }, (_, i) => [i, i + 1]));
insp('array group long entry', () => ['a', 'b', 'c', 'd', 'e', 'f', 'x'.repeat(60)]);
insp('array group unicode', () => ['中文', '日本語', 'abc', '한국어', 'é', 'ü', 'ß', 'x', 'yy']);
insp('array group with holes', () => { const a = Array.from({ length: 20 }, (_, i) => i); delete a[3]; return a; });
insp('array group > maxArrayLength', () => Array.from({ length: 30 }, (_, i) => i),
     { maxArrayLength: 20 });
insp('array group colors', () => Array.from({ length: 12 }, (_, i) => i * 11), { colors: true });
insp('array group compact 1', () => Array.from({ length: 12 }, (_, i) => i), { compact: 1 });
insp('array group compact false', () => Array.from({ length: 12 }, (_, i) => i),
     { compact: false });
insp('array group breakLength 40', () => Array.from({ length: 30 }, (_, i) => i * 3),
     { breakLength: 40 });
insp('array group in object', () => ({ list: Array.from({ length: 25 }, (_, i) => `item${i}`) }));
insp('array of long strings', () => ['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]);
insp('array subclass', () => { class MyArr extends Array {} return MyArr.from([1, 2]); });
insp('array subclass empty', () => { class MyArr extends Array {} return new MyArr(); });
insp('array null proto', () => Object.setPrototypeOf([1, 2], null));
insp('array tagged', () => Object.defineProperty([1], Symbol.toStringTag, { value: 'Tag' }));
insp('array showHidden', () => [1, 2], { showHidden: true });
insp('array sorted', () => Object.assign([3, 1, 2], { z: 1, a: 2 }), { sorted: true });
insp('array of arrays breaking', () => [['a'.repeat(20), 'b'.repeat(20)], ['c'.repeat(20), 'd'.repeat(20)]]);

// --- objects ----------------------------------------------------------------------------------
insp('object empty', () => ({}));
insp('object simple', () => ({ a: 1, b: 'two', c: [3] }));
insp('object quoted keys', () => ({ 'a-b': 1, '1': 2, 'with space': 3, 'it\'s': 4, '': 5 }));
insp('object numeric-ish keys', () => ({ 0: 'a', 10: 'b', '01': 'c', a1: 'd', _x: 1, $y: 2 }));
insp('object __proto__ key', () => JSON.parse('{"__proto__": 1, "a": 2}'));
insp('object symbol keys', () => ({ [Symbol('a')]: 1, [Symbol.for('b')]: 2, [Symbol()]: 3 }));
insp('object symbol key escape', () => ({ [Symbol('a\nb\'c')]: 1 }));
insp('object non-enumerable', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }));
insp('object non-enumerable showHidden', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }),
     { showHidden: true });
insp('object non-enumerable odd key showHidden',
     () => Object.defineProperty({}, 'a\nb', { value: 2 }), { showHidden: true });
insp('object nested depth', () => ({ a: { b: { c: { d: { e: 1 } } } } }));
insp('object nested depth 0', () => ({ a: { b: 1 } }), { depth: 0 });
insp('object nested depth -1', () => ({ a: 1 }), { depth: -1 });
insp('object nested depth null', () => ({ a: { b: { c: { d: { e: { f: 1 } } } } } }),
     { depth: null });
insp('object nested arrays depth', () => ({ a: [[[[1]]]] }));
insp('object long breaks', () => ({ alpha: 'a'.repeat(20), beta: 'b'.repeat(20), gamma: 'c'.repeat(20), delta: 'd'.repeat(20) }));
insp('object 4 short props', () => ({ a: 1, b: 2, c: 3, d: 4 }));
insp('object many props', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])));
insp('object breakLength 20', () => ({ a: 1, b: 2, c: 3, d: 4, e: 5 }), { breakLength: 20 });
insp('object breakLength Infinity', () => ({ a: 'x'.repeat(50), b: 'y'.repeat(50), c: { d: 1 } }),
     { breakLength: Infinity });
insp('object compact false', () => ({ a: 1, b: { c: [1, 2] } }), { compact: false });
insp('object compact true', () => ({ a: 1, b: { c: [1, 2] }, d: 'x'.repeat(70) }),
     { compact: true });
insp('object compact true long', () => ({ key: 'x'.repeat(100), other: { nested: 'y'.repeat(90) } }),
     { compact: true });
insp('object compact 1', () => ({ a: { b: { c: 1 } } }), { compact: 1 });
insp('object compact 2', () => ({ a: { b: { c: 1 } } }), { compact: 2 });
insp('object compact 5', () => ({ a: { b: { c: { d: 1 } } } }), { compact: 5, depth: 10 });
insp('object compact 0', () => ({ a: 1, b: 2 }), { compact: 0 });
insp('object sorted', () => ({ c: 1, a: 2, b: 3, [Symbol('z')]: 4 }), { sorted: true });
insp('object sorted comparator', () => ({ c: 1, a: 2, b: 3 }),
     { sorted: (a, b) => (a < b ? 1 : a > b ? -1 : 0) });
insp('object null proto empty', () => Object.create(null));
insp('object null proto', () => Object.assign(Object.create(null), { a: 1, b: { c: 2 } }));
insp('object null proto nested depth', () => ({ a: { b: { c: Object.create(null) } } }), { depth: 1 });
insp('object null proto tagged', () => Object.assign(Object.create(null), { [Symbol.toStringTag]: 'X' }));
insp('object null proto tag nonenum',
     () => Object.defineProperty(Object.create(null), Symbol.toStringTag, { value: 'Tagged' }));
insp('object tag own enumerable', () => ({ [Symbol.toStringTag]: 'Own', a: 1 }));
insp('object tag nonenum', () => Object.defineProperty({ a: 1 }, Symbol.toStringTag, { value: 'Hidden' }));
insp('object tag empty', () => Object.defineProperty({}, Symbol.toStringTag, { value: '' }));
insp('object tag non-string', () => Object.defineProperty({}, Symbol.toStringTag, { value: 42 }));
insp('object tag showHidden', () => Object.defineProperty({}, Symbol.toStringTag, { value: 'T' }),
     { showHidden: true });
insp('circular simple', () => { const o = { a: 1 }; o.self = o; return o; });
insp('circular array', () => { const a = [1]; a.push(a); return a; });
insp('circular two refs', () => {
  const a = { name: 'a' }; const b = { name: 'b', a }; a.b = b; const c = { a, b }; c.c = c; return c;
});
insp('circular nested', () => { const o = { x: { y: {} } }; o.x.y.back = o.x; o.x.y.root = o; return o; });
insp('circular map', () => { const m = new Map(); m.set('self', m); return m; });
insp('circular set', () => { const s = new Set(); s.add(s); return s; });
insp('circular in class', () => { class Node { constructor() { this.next = this; } } return new Node(); });
insp('circular compact true', () => { const o = { a: 1 }; o.self = o; return o; }, { compact: true });
insp('circular shared not circular', () => { const shared = { s: 1 }; return { a: shared, b: shared }; });
insp('getter', () => ({ get g() { return 1; } }));
insp('setter', () => ({ set s(v) {} }));
insp('getter setter', () => ({ get gs() { return 1; }, set gs(v) {} }));
insp('getters true', () => ({ get g() { return 1; }, get o() { return { a: 1 }; }, get n() { return null; } }),
     { getters: true });
insp('getters get', () => ({ get g() { return 'x'; }, get gs() { return 2; }, set gs(v) {} }),
     { getters: 'get' });
insp('getters set', () => ({ get g() { return 'x'; }, get gs() { return 2; }, set gs(v) {} }),
     { getters: 'set' });
insp('getters throws', () => ({ get bad() { throw new Error('nope'); } }), { getters: true });
insp('undefined value prop', () => ({ a: undefined }));

// --- classes ----------------------------------------------------------------------------------
class Foo { constructor() { this.x = 1; } }
class Bar extends Foo { constructor() { super(); this.y = 2; } }
class Empty {}
class Tagged { get [Symbol.toStringTag]() { return 'TagName'; } }
class SameTag { get [Symbol.toStringTag]() { return 'SameTag'; } }
insp('class instance', () => new Foo());
insp('class instance derived', () => new Bar());
insp('class instance empty', () => new Empty());
insp('class instance tagged', () => new Tagged());
insp('class instance same tag', () => new SameTag());
insp('class instance tagged with props', () => Object.assign(new Tagged(), { a: 1 }));
insp('class instance nested depth', () => ({ a: { b: { c: new Foo() } } }));
insp('class instance showHidden proto props', () => {
  class P { constructor() { this.own = 1; } }
  P.prototype.inherited = 'proto';
  return new P();
}, { showHidden: true });
insp('object anonymous class', () => new (class {})());
insp('object with constructor prop', () => ({ constructor: 'not a function' }));
insp('object proto without constructor', () => Object.create({ inherited: 1 }));
insp('object proto null-proto parent', () => Object.create(Object.create(null)));
insp('object complex proto', () => {
  const proto = Object.create(null); proto.x = 1; const o = Object.create(proto); o.y = 2; return o;
});
insp('object proto chain anonymous', () => {
  function F() {} F.prototype = Object.create(null); const o = new F(); o.a = 1; return o;
});
insp('object create class proto', () => Object.create(Foo.prototype));
insp('prototype object', () => Foo.prototype);
insp('prototype object Bar', () => Bar.prototype);
insp('Object.prototype', () => Object.prototype);
insp('Array.prototype', () => Array.prototype);

// --- functions --------------------------------------------------------------------------------
insp('function named', () => function foo() {});
insp('function anonymous', () => (0, function() {}));
insp('function arrow', () => { const arrow = () => {}; return arrow; });
insp('function arrow anonymous', () => [() => {}][0]);
insp('function async', () => async function af() {});
insp('function async arrow', () => { const aa = async () => {}; return aa; });
insp('function generator', () => function* gen() {});
insp('function async generator', () => async function* agen() {});
insp('function with props', () => Object.assign(function withProps() {}, { a: 1, b: 'two' }));
insp('function bound', () => function orig() {}.bind(null));
insp('function null proto', () => Object.setPrototypeOf(function np() {}, null));
insp('function null proto anon', () => Object.setPrototypeOf(() => {}, null));
insp('function tagged', () => Object.defineProperty(function t() {}, Symbol.toStringTag, { value: 'Tg' }));
insp('function showHidden', () => function sh(a, b) {}, { showHidden: true });
insp('function name non-string', () => Object.defineProperty(function x() {}, 'name', { value: 42 }));
insp('function name empty', () => Object.defineProperty(function x() {}, 'name', { value: '' }));
insp('function in object', () => ({ fn() {}, arrow: () => {}, [Symbol('s')]() {} }));
insp('builtin function', () => Math.max);
insp('builtin constructor', () => Map);
insp('class plain', () => class A {});
insp('class anonymous', () => (0, class {}));
insp('class extends', () => { class A {} return class B extends A {}; });
insp('class extends builtin', () => class E extends Error {});
insp('class extends null', () => class N extends null {});
insp('class with static', () => { class S { static x = 1; static m() {} } return S; });
insp('class with comment', () => class /* c */ C /* { */ {});
insp('class computed extends', () => { const mk = () => class {}; return class D extends mk() {}; });
insp('class name prop', () => { class K { static name = 'Renamed'; } return K; });
insp('class null proto', () => Object.setPrototypeOf(class NP {}, null));
insp('class tagged', () => { class TC { static [Symbol.toStringTag] = 'TT'; } return TC; });
insp('function subclass of Function', () => { class MyFn extends Function {} return new MyFn(); });

// --- boxed primitives -------------------------------------------------------------------------
insp('boxed number', () => new Number(3));
insp('boxed number -0', () => new Number(-0));
insp('boxed string', () => new String('ab'));
insp('boxed string with prop', () => Object.assign(new String('ab'), { extra: 1 }));
insp('boxed boolean', () => new Boolean(false));
insp('boxed bigint', () => Object(5n));
insp('boxed symbol', () => Object(Symbol('bs')));
insp('boxed number colors', () => new Number(3), { colors: true });
insp('boxed string colors with prop', () => Object.assign(new String('c'), { p: 1 }), { colors: true });
insp('boxed null proto', () => Object.setPrototypeOf(new Number(7), null));
insp('boxed subclass', () => { class MyNum extends Number {} return new MyNum(4); });
insp('boxed tagged', () => Object.defineProperty(new Number(1), Symbol.toStringTag, { value: 'T' }));
insp('boxed string showHidden', () => new String('xy'), { showHidden: true });

// --- Map / Set --------------------------------------------------------------------------------
insp('map empty', () => new Map());
insp('map simple', () => new Map([['a', 1], ['b', { c: 2 }]]));
insp('map object keys', () => new Map([[{ k: 1 }, [1, 2]], [[1], new Set([1])]]));
insp('map nested depth', () => new Map([[1, new Map([[2, new Map([[3, new Map()]])]])]]));
insp('map with props', () => Object.assign(new Map([[1, 2]]), { extra: true }));
insp('map empty with props', () => Object.assign(new Map(), { extra: true }));
insp('map long', () => new Map(Array.from({ length: 10 }, (_, i) => [`key${i}`, `value${i}`])));
insp('map maxArrayLength', () => new Map([[1, 2], [3, 4], [5, 6]]), { maxArrayLength: 1 });
insp('map subclass', () => { class MyMap extends Map {} return new MyMap([[1, 2]]); });
insp('map null proto', () => Object.setPrototypeOf(new Map([[1, 2]]), null));
insp('map tagged', () => Object.defineProperty(new Map(), Symbol.toStringTag, { value: 'MT' }));
insp('map sorted', () => new Map([['b', 1], ['a', 2]]), { sorted: true });
insp('set empty', () => new Set());
insp('set simple', () => new Set([1, 'two', { three: 3 }]));
insp('set nested', () => new Set([new Set([new Set([new Set([1])])])]));
insp('set with props', () => Object.assign(new Set([1]), { p: 2 }));
insp('set long', () => new Set(Array.from({ length: 40 }, (_, i) => i)));
insp('set maxArrayLength', () => new Set([1, 2, 3]), { maxArrayLength: 2 });
insp('set subclass', () => { class MySet extends Set {} return new MySet([1]); });
insp('set null proto', () => Object.setPrototypeOf(new Set([1, 2]), null));
insp('set sorted', () => new Set(['c', 'a', 'b']), { sorted: true });
insp('set compact false', () => new Set([1, 2]), { compact: false });
insp('map iterator keys', () => new Map([[1, 'a'], [2, 'b']]).keys());
insp('map iterator values', () => new Map([[1, 'a'], [2, 'b']]).values());
insp('map iterator entries', () => new Map([[1, 'a'], [2, { b: 1 }]]).entries());
insp('map iterator consumed', () => { const it = new Map([[1, 2], [3, 4]]).entries(); it.next(); return it; });
insp('map iterator maxArrayLength', () => new Map([[1, 2], [3, 4], [5, 6]]).entries(),
     { maxArrayLength: 1 });
insp('set iterator values', () => new Set([1, 2, 3]).values());
insp('set iterator entries', () => new Set([1, 2]).entries());
insp('set iterator empty', () => new Set().values());
insp('set iterator with prop', () => Object.assign(new Set([1]).values(), { extra: 1 }));
insp('iterator tagged', () => Object.defineProperty(new Set([1]).values(), Symbol.toStringTag,
                                                     { value: 'Custom' }));
insp('array iterator', () => [1, 2][Symbol.iterator]());
insp('string iterator', () => 'ab'[Symbol.iterator]());
insp('generator object', () => (function* g() { yield 1; })());
insp('weakmap', () => new WeakMap([[{}, 1]]));
insp('weakset', () => new WeakSet([{}]));
insp('weakmap showHidden', () => { const k = { key: 1 }; const w = new WeakMap([[k, 'v']]); w.keep = k; return w; },
     { showHidden: true });
insp('weakset showHidden', () => { const k = { item: 1 }; const w = new WeakSet([k]); w.keep = k; return w; },
     { showHidden: true });
insp('weakmap with props', () => Object.assign(new WeakMap(), { p: 1 }));
insp('weakref', () => new WeakRef({}));

// --- promises ---------------------------------------------------------------------------------
insp('promise pending', () => new Promise(() => {}));
insp('promise resolved', () => Promise.resolve(1));
insp('promise resolved object', () => Promise.resolve({ a: [1, 2] }));
insp('promise resolved undefined', () => Promise.resolve());
insp('promise rejected', () => { const p = Promise.reject(fixedError(Error, 'bad')); p.catch(() => {}); return p; });
insp('promise rejected primitive', () => { const p = Promise.reject(3); p.catch(() => {}); return p; });
insp('promise with props', () => Object.assign(Promise.resolve(2), { extra: 'x' }));
insp('promise subclass', () => { class MyP extends Promise {} return MyP.resolve(1); });
insp('promise nested', () => ({ p: Promise.resolve(Promise.resolve(1)) }));
insp('promise colors', () => new Promise(() => {}), { colors: true });

// --- proxies ----------------------------------------------------------------------------------
insp('proxy object', () => new Proxy({ a: 1 }, {}));
insp('proxy array', () => new Proxy([1, 2], {}));
insp('proxy function', () => new Proxy(function pf() {}, {}));
insp('proxy with trap', () => new Proxy({ a: 1 }, { get() { return 'trapped'; } }));
insp('proxy revoked', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; });
insp('proxy showProxy', () => new Proxy({ a: 1 }, { get() {} }), { showProxy: true });
insp('proxy showProxy nested', () => new Proxy(new Proxy({}, {}), {}), { showProxy: true });
insp('proxy showProxy depth', () => ({ a: { b: { c: new Proxy({}, {}) } } }), { showProxy: true });
insp('proxy revoked showProxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; },
     { showProxy: true });
insp('proxy of map', () => new Proxy(new Map([[1, 2]]), {}));
insp('proxy array first null', () => new Proxy([null], {}));

// --- typed arrays, buffers --------------------------------------------------------------------
const typedArrayCtors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
                         Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array,
                         BigUint64Array];
for (const Ctor of typedArrayCtors) {
  const big = Ctor.name.startsWith('Big');
  insp(`typed ${Ctor.name}`, () => new Ctor(big ? [1n, 2n, 3n] : [1, 2, 3]));
  insp(`typed ${Ctor.name} empty`, () => new Ctor(0));
}
insp('typed long', () => new Uint8Array(120));
insp('typed grouped', () => Uint16Array.from({ length: 30 }, (_, i) => i * 100));
insp('typed showHidden', () => new Uint8Array([1, 2]), { showHidden: true });
insp('typed empty showHidden', () => new Float32Array(0), { showHidden: true });
insp('typed with props', () => Object.assign(new Int8Array(2), { p: 1 }));
insp('typed subarray', () => new Uint8Array([1, 2, 3, 4]).subarray(1, 3));
insp('typed float values', () => new Float64Array([-0, 0.5, NaN, Infinity]));
insp('typed numericSeparator', () => new Int32Array([1234567, -7654321]), { numericSeparator: true });
insp('typed null proto', () => Object.setPrototypeOf(new Uint8Array([5, 6]), null));
insp('typed subclass', () => { class MyU8 extends Uint8Array {} return new MyU8(2); });
insp('typed maxArrayLength', () => new Uint8Array(10), { maxArrayLength: 3 });
insp('arraybuffer', () => new Uint8Array([0, 1, 255]).buffer);
insp('arraybuffer empty', () => new ArrayBuffer(0));
insp('arraybuffer long', () => new ArrayBuffer(120));
insp('arraybuffer maxArrayLength', () => new ArrayBuffer(10), { maxArrayLength: 4 });
insp('arraybuffer with props', () => Object.assign(new ArrayBuffer(2), { p: 1 }));
insp('sharedarraybuffer', () => new SharedArrayBuffer(3));
insp('dataview', () => new DataView(new ArrayBuffer(4), 1, 2));
insp('dataview showHidden', () => new DataView(new ArrayBuffer(2)), { showHidden: true });
insp('arraybuffer colors', () => new ArrayBuffer(3), { colors: true });

// --- dates, regexps ---------------------------------------------------------------------------
insp('date', () => new Date(0));
insp('date ms', () => new Date(Date.UTC(2020, 1, 29, 12, 34, 56, 789)));
insp('date invalid', () => new Date(NaN));
insp('date with props', () => Object.assign(new Date(0), { p: 1 }));
insp('date subclass', () => { class MyDate extends Date {} return new MyDate(0); });
insp('date null proto', () => Object.setPrototypeOf(new Date(0), null));
insp('date colors', () => new Date(0), { colors: true });
insp('date in object', () => ({ when: new Date(86400000) }));
insp('regexp', () => /ab+c/gi);
insp('regexp flags', () => /x/dsuy);
insp('regexp escape', () => /\/\n[a-z]/);
insp('regexp with props', () => Object.assign(/r/, { p: 1 }));
insp('regexp subclass', () => { class MyRe extends RegExp {} return new MyRe('a', 'g'); });
insp('regexp null proto', () => Object.setPrototypeOf(/np/g, null));
insp('regexp depth', () => ({ a: { b: { c: Object.assign(/deep/, { p: 1 }) } } }));
insp('regexp colors', () => /c/, { colors: true });

// --- errors (fixed stacks) --------------------------------------------------------------------
insp('error', () => fixedError(Error, 'boom'));
insp('error no message', () => fixedError(Error, ''));
insp('error type', () => fixedError(TypeError, 'bad type'));
insp('error range', () => fixedError(RangeError, 'out'));
insp('error no frames', () => { const e = new Error('x'); e.stack = 'Error: x'; return e; });
insp('error stack undefined', () => { const e = new Error('x'); e.stack = undefined; return e; });
insp('error stack deleted', () => { const e = new Error('x'); delete e.stack; return e; });
insp('error stack number', () => { const e = new Error('x'); e.stack = 42; return e; });
insp('error stack custom string', () => { const e = new Error('m'); e.stack = 'just text'; return e; });
insp('error extra props', () => Object.assign(fixedError(Error, 'p'), { code: 'E_X', info: { a: 1 } }));
insp('error name prop', () => { const e = fixedError(Error, 'n'); e.name = 'Custom'; return e; });
insp('error name in stack', () => {
  const e = new Error('n'); e.name = 'CustomError'; e.stack = 'CustomError: n\n    at x (/a.js:1:1)'; return e;
});
insp('error message prop changed', () => { const e = fixedError(Error, 'orig'); e.message = 'changed'; return e; });
insp('error message enumerable', () => {
  const e = fixedError(Error, 'm'); Object.defineProperty(e, 'message', { value: 'm', enumerable: true }); return e;
});
insp('error subclass', () => { class MyError extends Error {} return fixedError(MyError, 'sub'); });
insp('error subclass named', () => {
  class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } }
  return fixedError(NamedError, 'named');
});
insp('error subclass other name', () => {
  class Foo2 extends Error { constructor(m) { super(m); this.name = 'BarError'; } }
  return fixedError(Foo2, 'x');
});
insp('error null proto', () => Object.setPrototypeOf(fixedError(Error, 'np'), null));
insp('error null proto no frames', () => { const e = new Error('np'); e.stack = 'Error: np'; return Object.setPrototypeOf(e, null); });
insp('error tagged', () => Object.defineProperty(fixedError(Error, 't'), Symbol.toStringTag, { value: 'Tg' }));
insp('error cause', () => fixedError(Error, 'outer', undefined, { cause: fixedError(Error, 'inner') }));
insp('error cause primitive', () => fixedError(Error, 'outer', undefined, { cause: 'reason' }));
insp('error cause undefined', () => fixedError(Error, 'outer', undefined, { cause: undefined }));
insp('error cause shared frames', () => {
  const frames = ['    at a (/x.js:1:1)', '    at b (/x.js:2:1)', '    at c (/x.js:3:1)',
                  '    at d (/x.js:4:1)', '    at e (/x.js:5:1)'];
  const inner = fixedError(Error, 'inner', frames);
  return fixedError(Error, 'outer', ['    at z (/y.js:9:9)', ...frames], { cause: inner });
});
insp('error cause nested', () => {
  const c2 = fixedError(Error, 'c2'); const c1 = fixedError(Error, 'c1', undefined, { cause: c2 });
  return fixedError(Error, 'top', undefined, { cause: c1 });
});
insp('error cause circular', () => { const e = fixedError(Error, 'circ'); e.cause = e; return e; });
insp('aggregate error', () => {
  const e = new AggregateError([fixedError(Error, 'a'), fixedError(TypeError, 'b')], 'many');
  e.stack = 'AggregateError: many\n    at agg (/a.js:1:1)';
  return e;
});
insp('error in object', () => ({ err: fixedError(Error, 'nested') }));
insp('error in array', () => [fixedError(Error, 'in array')]);
insp('error in nested object', () => ({ a: { b: fixedError(RangeError, 'deep') } }));
insp('error depth exceeded', () => ({ a: { b: { c: { d: fixedError(Error, 'too deep') } } } }));
insp('error showHidden', () => fixedError(Error, 'hidden'), { showHidden: true });
insp('error colors', () => fixedError(Error, 'color', ['    at f (/app/node_modules/pkg/a.js:1:1)',
                                                        '    at node:internal/main/run_main_module:1:1']),
     { colors: true });
insp('error multiline message', () => fixedError(Error, 'line1\nline2'));
insp('error message with at', () => {
  const e = new Error('has\n    at fake'); e.stack = 'Error: has\n    at fake\n    at real (/r.js:1:1)'; return e;
});
insp('error name non-string', () => { const e = fixedError(Error, 'x'); e.name = 5; return e; });
insp('error name undefined', () => {
  const e = new Error('x'); e.stack = 'Error: x\n    at q (/q.js:1:1)';
  Object.defineProperty(e, 'name', { value: undefined }); return e;
});
insp('fake error object', () => ({ __proto__: Error.prototype, message: 'fake' }));
insp('error with custom toString', () => {
  const e = fixedError(Error, 'ts'); e.toString = () => 'custom'; return e;
});
insp('error no stack with name', () => { const e = new TypeError('t'); e.stack = ''; return e; });
insp('error compact false', () => Object.assign(fixedError(Error, 'cf'), { a: 1 }), { compact: false });

// --- custom inspect ---------------------------------------------------------------------------
const custom = util.inspect.custom;
insp('custom returns string', () => ({ [custom]() { return 'CUSTOM'; } }));
insp('custom returns object', () => ({ [custom]() { return { replaced: true }; } }));
insp('custom returns this', () => { const o = { a: 1, [custom]() { return this; } }; return o; });
insp('custom multiline nested', () => ({ a: { [custom]() { return 'line1\nline2'; } } }));
insp('custom uses depth', () => ({ a: { b: { [custom](depth) { return `depth=${depth}`; } } } }));
insp('custom depth null', () => ({ [custom](depth) { return `depth=${depth}`; } }), { depth: null });
insp('custom uses options', () => ({ [custom](depth, options) {
  return `compact=${options.compact} bl=${options.breakLength} colors=${options.colors} ` +
    `mal=${options.maxArrayLength} sorted=${options.sorted} extra=${options.extra}`;
} }), { extra: 'passed', breakLength: 60 });
insp('custom uses inspect arg', () => ({ [custom](depth, options, inspect) {
  return `Wrapped<${inspect({ x: [1, 2] }, options)}>`;
} }));
insp('custom stylize', () => ({ [custom](depth, options) {
  return options.stylize('styled', 'special');
} }), { colors: true });
insp('custom disabled', () => ({ a: 1, [custom]() { return 'nope'; } }), { customInspect: false });
insp('custom non-function', () => ({ [custom]: 'not a function' }));
insp('custom returns number', () => ({ [custom]() { return 42; } }));
insp('custom returns nested custom', () => ({ [custom]() { return { [custom]() { return 'inner'; } }; } }));
insp('custom on class', () => {
  class Pt { constructor() { this.x = 1; } [custom]() { return `Pt(${this.x})`; } }
  return [new Pt(), new Pt()];
});
insp('custom on prototype object itself', () => {
  class Q { [custom]() { return 'Q!'; } }
  return Q.prototype;
});
insp('custom on proxy', () => new Proxy({ [custom]() { return 'through proxy'; } }, {}));
insp('custom in map', () => new Map([['k', { [custom]() { return 'v!'; } }]]));
// Under the node harness util.inspect is node's, not the implementation under test.
insp('util.inspect as custom', () => ({ [custom]: util.inspect, a: 1 }), undefined,
     { harness: false });

// --- misc -------------------------------------------------------------------------------------
insp('arguments', function() { return (function() { return arguments; })(1, 'two'); });
insp('arguments empty', function() { return (function() { return arguments; })(); });
insp('Math', () => Math, undefined, { stable: false });
insp('JSON', () => JSON);
insp('Reflect', () => Reflect, undefined, { stable: false });
insp('globalThis', () => globalThis, undefined, { stable: false });
insp('process.versions shape', () => typeof process.versions, undefined);
insp('Symbol.prototype', () => Symbol.prototype);
insp('nested everything', () => ({
  num: 1, str: 'two', arr: [1, [2, [3]]], map: new Map([[{ k: 1 }, new Set([1])]]),
  fn() {}, date: new Date(0), re: /x/g, nul: null, undef: undefined, sym: Symbol('s'),
}));
insp('nested everything depth 1', () => ({
  num: 1, arr: [1, [2, [3]]], map: new Map([[{ k: 1 }, new Set([1])]]), o: { p: { q: 1 } },
}), { depth: 1 });
insp('long key names', () => ({ [('k').repeat(90)]: 1, short: 2 }));
insp('deep breaking', () => ({ level1: { level2: { level3: { a: 'x'.repeat(30), b: 'y'.repeat(30), c: 'z'.repeat(30) } } } }));
insp('object 3 levels compact 3', () => ({ a: { b: { c: {} } }, d: 1 }));
insp('array of objects', () => [{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }]);
insp('array of objects long', () => Array.from({ length: 5 }, (_, i) => ({ id: i, name: `name-${i}`, tags: ['a', 'b'] })));
insp('object with map and array', () => ({ m: new Map([['a', [1, 2, 3]]]), s: new Set(['x']) }));
insp('mixed colors', () => ({ n: 1, s: 's', b: true, u: undefined, nl: null, sy: Symbol('c'), bi: 1n,
                              d: new Date(0), r: /r/, f() {}, a: [1, 'x'], m: new Map([[1, 2]]) }),
     { colors: true });
insp('colors nested circular', () => { const o = { a: 1 }; o.o = o; return o; }, { colors: true });
insp('colors getter', () => ({ get g() { return 1; } }), { colors: true });
insp('colors getters true', () => ({ get g() { return null; }, get h() { return 'x'; } }),
     { colors: true, getters: true });
insp('colors showHidden', () => Object.defineProperty({}, 'h', { value: 1 }), { colors: true, showHidden: true });
insp('colors array holes', () => [1, , 2], { colors: true }); // eslint-disable-line no-sparse-arrays
insp('colors long string', () => ({ s: 'ab\n'.repeat(40) }), { colors: true });
insp('colors boxed', () => [new Boolean(true), new String('s'), Object(Symbol('y')), Object(3n)],
     { colors: true });
insp('colors weakset', () => new WeakSet(), { colors: true });
insp('colors proxy revoked', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; },
     { colors: true });
insp('colors depth', () => ({ a: { b: { c: { d: 1 } } } }), { colors: true });
insp('showHidden object', () => ({ a: 1 }), { showHidden: true });
insp('showHidden class proto props', () => {
  class A { constructor() { this.a = 1; } get g() { return 1; } }
  class B extends A { constructor() { super(); this.b = 2; } }
  B.prototype.protoValue = 'pv';
  return new B();
}, { showHidden: true });
insp('showHidden map', () => new Map([[1, 2]]), { showHidden: true });
insp('showHidden set iterator', () => new Set([1]).values(), { showHidden: true });
insp('showHidden function class', () => class SH { static s = 1; }, { showHidden: true });
insp('showHidden depth 0', () => ({ a: { b: 1 } }), { showHidden: true, depth: 0 });
insp('legacy args showHidden', () => ({ a: 1 }), true);
add('legacy args depth', () => [{ a: { b: { c: { d: 1 } } } }, false, 0]);
add('legacy args colors', () => [{ a: 1 }, false, null, true]);
add('legacy args depth undefined', () => [{ a: { b: { c: { d: 1 } } } }, false, undefined]);
insp('object with many types breaking', () => ({
  a: [1, 2, 3], b: { c: 'a string value', d: 42 }, e: new Set([1]), f: 'another string value here',
}));
insp('sparse object keys sorted', () => ({ b: 1, a: { d: 1, c: 2 } }), { sorted: true });
insp('array extras sorted', () => Object.assign([1], { b: 1, a: 2 }), { sorted: true, showHidden: true });
insp('numericSeparator object', () => ({ a: 1000000, b: 1234.5678, c: 10n ** 20n, d: -1e21 }),
     { numericSeparator: true });
insp('numericSeparator small', () => [1, 12, 123, 1234, 0.1234, -1234.5], { numericSeparator: true });
insp('object with empty string key and symbol', () => ({ '': 1, [Symbol('')]: 2 }));
insp('object key escape', () => ({ 'a\nb': 1, 'c\'d': 2, 'e"f': 3, 'g\\h': 4 }));
insp('frozen object', () => Object.freeze({ a: 1 }));
insp('object with toString', () => ({ toString() { return 'x'; } }));
insp('object with inspect method', () => ({ inspect() { return 'old-style'; } }));
insp('breakLength exact fit', () => ({ abcdefghij: 'abcdefghijabcdefghij', k: 'abcdefghijabcdefghijabcdefghi' }));
insp('breakLength 80 boundary 1', () => ['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(19)]);
insp('breakLength 80 boundary 2', () => ['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20)]);
insp('breakLength 80 boundary 3', () => ['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(21)]);
insp('breakLength 80 boundary 4', () => ({ k: ['a'.repeat(18), 'b'.repeat(18), 'c'.repeat(18)] }));
insp('breakLength 80 boundary 5', () => ({ k: { l: ['a'.repeat(17), 'b'.repeat(18), 'c'.repeat(18)] } }));
insp('breakLength 80 boundary 6', () => [['a'.repeat(15), 'b'.repeat(15)], ['c'.repeat(15), 'd'.repeat(15)]]);
for (let w = 60; w <= 75; w += 3) {
  insp(`object width ${w}`, () => ({ key: 'v'.repeat(w) }));
  insp(`array width ${w}`, () => ['v'.repeat(w / 3), 'w'.repeat(w / 3), 'x'.repeat(w / 3)]);
  insp(`nested width ${w}`, () => ({ outer: { inner: 'v'.repeat(w - 20), other: 1 } }));
}
insp('entries exceed compact depth', () => ({ a: { b: { c: {} } } }), { compact: 3 });
insp('4-level currentDepth', () => [{ a: { b: [1] } }, 2]);
insp('deep array compact', () => [[[[]]]]);
insp('deep object compact', () => ({ a: { b: { c: { d: {} } } } }), { depth: 10 });

// --- format -----------------------------------------------------------------------------------
fmt('format no args', () => []);
fmt('format single string', () => ['hello %s']);
fmt('format %s string', () => ['%s', 'str']);
fmt('format %s number', () => ['%s', 42]);
fmt('format %s -0', () => ['%s', -0]);
fmt('format %s bigint', () => ['%s', 5n]);
fmt('format %s symbol', () => ['%s', Symbol('sym')]);
fmt('format %s null undefined', () => ['%s %s', null, undefined]);
fmt('format %s object', () => ['%s', { a: { b: { c: 1 } } }]);
fmt('format %s array', () => ['%s', [1, [2, [3]]]]);
fmt('format %s class instance', () => ['%s', new Foo()]);
fmt('format %s custom toString', () => ['%s', { toString() { return 'TS'; } }]);
fmt('format %s class with toString', () => ['%s', new (class X { toString() { return 'XX'; } })()]);
fmt('format %s toPrimitive', () => ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }]);
fmt('format %s null proto', () => ['%s', Object.create(null)]);
fmt('format %s error', () => ['%s', fixedError(Error, 'in format')]);
fmt('format %s date', () => ['%s', new Date(0)]);
fmt('format %s function', () => ['%s', function fmtFn() { return 1; }]);
fmt('format %s map', () => ['%s', new Map([[1, { a: 1 }]])]);
fmt('format %s proxy', () => ['%s', new Proxy({ a: 1 }, {})]);
fmt('format %s boxed', () => ['%s', new Number(5)]);
fmt('format %d', () => ['%d', 42.5]);
fmt('format %d string', () => ['%d', '42']);
fmt('format %d bigint', () => ['%d', 1n]);
fmt('format %d symbol', () => ['%d', Symbol('x')]);
fmt('format %d object', () => ['%d', {}]);
fmt('format %d -0', () => ['%d', -0]);
fmt('format %d empty string', () => ['%d', '']);
fmt('format %i', () => ['%i', 42.9]);
fmt('format %i string', () => ['%i', '0x10']);
fmt('format %i bigint', () => ['%i', 7n]);
fmt('format %i symbol', () => ['%i', Symbol('i')]);
fmt('format %f', () => ['%f', '3.14abc']);
fmt('format %f symbol', () => ['%f', Symbol('f')]);
fmt('format %f bigint', () => ['%f', 2n]);
fmt('format %j', () => ['%j', { a: [1, 'x'] }]);
fmt('format %j circular', () => { const o = {}; o.o = o; return ['%j', o]; });
fmt('format %j undefined', () => ['%j', undefined]);
fmt('format %j toJSON', () => ['%j', { toJSON() { return 'J'; } }]);
fmt('format %o', () => ['%o', { a: [1, 2], f() {} }]);
fmt('format %o array', () => ['%o', [1, 2, 3]]);
fmt('format %o deep', () => ['%o', { a: { b: { c: { d: { e: { f: 1 } } } } } }]);
fmt('format %O', () => ['%O', { a: { b: { c: { d: 1 } } } }]);
fmt('format %c', () => ['a%cb', 'color: red']);
fmt('format %%', () => ['100%% %s', 'sure']);
fmt('format %% alone', () => ['%%', 'extra']);
fmt('format %% no args', () => ['%% %s']);
fmt('format unknown directive', () => ['%x %s', 'a']);
fmt('format trailing %', () => ['abc%', 1]);
fmt('format too few args', () => ['%s %s %d', 'only']);
fmt('format too many args', () => ['%s', 'a', 'b', { c: 1 }, [2], 3n]);
fmt('format extra string args unquoted', () => ['x', 'y', 'z']);
fmt('format non-string first', () => [{ a: 1 }, 'b', 2]);
fmt('format numbers only', () => [1, 2, 3]);
fmt('format first number with %s', () => [5, '%s', 6]);
fmt('format adjacent', () => ['%s%s%d', 'a', 'b', 3]);
fmt('format %s long object', () => ['%s', { a: 'x'.repeat(50), b: 'y'.repeat(50) }]);
fmt('format %s nested array in object', () => ['%s', { arr: [[1, 2], [3, 4]] }]);
fmt('format %s with percent in arg', () => ['%s', '%d']);
fmt('format string with newline args', () => ['a\n%s', 'b\nc']);
fmt('format symbol first', () => [Symbol('first'), 1]);
fmt('format error arg', () => ['err:', fixedError(Error, 'arg')]);
fmt('format %s -0 in array', () => ['%s', [-0]]);
fmt('format %O circular', () => { const o = { x: 1 }; o.o = o; return ['%O', o]; });
add('formatWithOptions colors', () => [{ colors: true }, '%s %O', 'str', { a: 1 }],
    { fn: 'formatWithOptions' });
add('formatWithOptions depth', () => [{ depth: 0 }, { a: { b: 1 } }], { fn: 'formatWithOptions' });
add('formatWithOptions numericSeparator', () => [{ numericSeparator: true }, '%d %i %s', 1234567, 7654321, 1000],
    { fn: 'formatWithOptions' });
add('formatWithOptions compact false', () => [{ compact: false }, 'x', [1, 2]], { fn: 'formatWithOptions' });
add('formatWithOptions array options', () => [[], 'x %s', 1], { fn: 'formatWithOptions' });

// --- paths of the rewritten formatter (layout, kinds, producers, text) ------------------------
[1.5e-7, -1.5e-10, 1.234e21, 123456.7891234, -1234567.5, 0.000001234, 1e300].forEach((n, i) => {
  insp(`number sep extra ${i}`, () => n, { numericSeparator: true });
});
insp('bigint typed numericSeparator', () => new BigInt64Array([12345678n, -1234n, 0n]),
     { numericSeparator: true });
insp('bigint typed grouped', () => new BigUint64Array(Array.from({ length: 12 }, (_, i) => BigInt(i) ** 9n)));
insp('typed showHidden grouped', () => new Uint8Array(10), { showHidden: true });
insp('typed showHidden subarray', () => new Int16Array(new ArrayBuffer(16), 4, 3), { showHidden: true });
insp('array group with extra key', () => Object.assign(Array.from({ length: 8 }, (_, i) => i * 11), { extra: 1 }));
insp('array group extra key at maxArrayLength', () => Object.assign([1, 2, 3, 4, 5, 6, 7], { k: 'v' }),
     { maxArrayLength: 7 });
insp('array group more items colors', () => Array.from({ length: 30 }, (_, i) => i * 3),
     { maxArrayLength: 20, colors: true });
insp('array group strings left aligned', () => ['a', 'bb', 'ccc', 'dddd', 'a', 'bb', 'ccc', 'dddd', 'e']);
insp('array holes at maxArrayLength', () => { const a = [1, , , 4, , 6]; a.length = 12; return a; }, // eslint-disable-line no-sparse-arrays
     { maxArrayLength: 3 });
insp('array holes then extra key', () => Object.assign([, 1], { x: 2 })); // eslint-disable-line no-sparse-arrays
insp('set compact true long', () => new Set(['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]), { compact: true });
insp('map compact true nested', () => new Map([['k', { a: 'x'.repeat(40), b: 'y'.repeat(40) }]]), { compact: true });
insp('function with props compact true', () => Object.assign(function withProps() {}, { a: 'z'.repeat(70) }),
     { compact: true });
insp('array compact true wide item', () => [{ key: 'v'.repeat(90) }], { compact: true });
insp('getter returns function', () => ({ get f() { return function inner() {}; } }), { getters: true });
insp('getter returns null colors', () => ({ get n() { return null; } }), { getters: true, colors: true });
insp('getter set mode getter only', () => ({ get g() { return 1; }, get gs() { return 2; }, set gs(v) {} }),
     { getters: 'set' });
insp('getter get mode object', () => ({ get o() { return { deep: { er: [1] } }; } }), { getters: 'get' });
insp('weakmap showHidden maxArrayLength 0', () => { const k = {}; const w = new WeakMap([[k, 1]]); w.keep = k; return w; },
     { showHidden: true, maxArrayLength: 0 });
insp('map iterator entries maxArrayLength', () => new Map([[1, 'a'], [2, 'b'], [3, 'c']]).entries(),
     { maxArrayLength: 1 });
insp('set iterator nested objects', () => new Set([{ a: 1 }, [2]]).values());
insp('arraybuffer detached', () => { const b = new ArrayBuffer(4); structuredClone(b, { transfer: [b] }); return b; });
insp('dataview null proto', () => Object.setPrototypeOf(new DataView(new ArrayBuffer(2)), null));
insp('promise null proto', () => Object.setPrototypeOf(Promise.resolve(3), null));
insp('string long with escapes', () => `it's\n${'y'.repeat(5000)}\t`, { maxStringLength: 5010 });
insp('string long needs backticks', () => `'"${'w'.repeat(120)}`);
insp('string all quotes long', () => `'"\`${'v'.repeat(120)}\${x}`);
insp('symbol key quote', () => ({ [Symbol("it's")]: 1, [Symbol('a\nb')]: 2 }));
insp('non-enumerable symbol showHidden', () => Object.defineProperty({}, Symbol('hidden'), { value: 1 }),
     { showHidden: true });
insp('circular three refs', () => { const a = {}; const b = { a }; const c = { b }; a.c = c; a.b = b; return [a, c]; });
insp('circular in map key', () => { const m = new Map(); m.set(m, m); return m; });
insp('custom returns multiline in array', () => [{ [util.inspect.custom]: () => 'line1\nline2' }, 1]);
insp('sorted with array extras comparator', () => Object.assign([3, 1], { b: 2, a: 1, c: 0 }),
     { sorted: (x, y) => (x < y ? 1 : -1) });
insp('depth 0 map and set', () => ({ m: new Map([[1, 2]]), s: new Set([1]), t: new Uint8Array(2) }), { depth: 0 });
insp('null proto set iterator tag', () => Object.setPrototypeOf(new Set([1]).values(), null));
insp('class extends anonymous', () => class extends (class {}) {});
insp('object Symbol.iterator not array', () => ({ [Symbol.iterator]: null, a: 1 }));
insp('array with changed proto', () => Object.setPrototypeOf([1, 2], Object.prototype));
insp('date with Error proto', () => Object.setPrototypeOf(new Date(0), Error.prototype));
fmt('format %s inherited toPrimitive', () => ['%s', new (class P { [Symbol.toPrimitive]() { return 'P'; } })()]);
fmt('format %s toString not function', () => ['%s', { toString: 1, [Symbol.toPrimitive]: () => 'tp' }]);
fmt('format %s revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return ['%s', r.proxy]; });
fmt('format %s object no conversions', () => ['%s', Object.create(null, { toString: { value: 5 } })]);
fmt('format %d valueOf', () => ['%d', { valueOf() { return 7; } }]);
fmt('format %i with suffix', () => ['%i', '  42px']);
fmt('format %f exponent', () => ['%f', '1e3']);
fmt('format %% then directive', () => ['%%%s%%', 'x']);
fmt('format percent unknown then percent', () => ['%y%s', 'a']);
add('formatWithOptions not object', () => [1, 'x'], { fn: 'formatWithOptions' });
add('stripVTControlCharacters csi', () => ['\u001b[31mred\u001b[39m \u001b[1;2;3m x \u009b4m'],
    { fn: 'stripVTControlCharacters' });
add('stripVTControlCharacters osc link', () => ['\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007 end'],
    { fn: 'stripVTControlCharacters' });
add('stripVTControlCharacters not string', () => [5], { fn: 'stripVTControlCharacters' });

// --- runtime-dependent cases (not recorded) ---------------------------------------------------
insp('real error', () => new Error('real'), undefined, { stable: false });
insp('real error cause', () => new Error('outer', { cause: new Error('inner') }), undefined,
     { stable: false });
insp('real error in object', () => ({ e: new TypeError('t') }), undefined, { stable: false });
insp('real aggregate', () => new AggregateError([new Error('x')], 'agg'), undefined, { stable: false });
insp('real error colors', () => new Error('colored'), { colors: true }, { stable: false });
insp('date invalid with props', () => Object.assign(new Date(NaN), { p: 1 }), undefined, { stable: false });
insp('process.versions', () => process.versions, undefined, { stable: false });
insp('error colors cwd and node_modules frames', () => {
  const cwd = process.cwd();
  return fixedError(Error, 'frames', [
    `    at a (${cwd}/node_modules/pkg/index.js:1:1)`,
    `    at b (file://${cwd}/lib/x.mjs:2:2)`,
    `    at ${cwd}/top.js:3:3`,
    '    at c (node:internal/modules/cjs/loader:1:1)',
    '    at d (node:fs:4:4)',
    '    at f (/elsewhere/node_modules/@scope/p/x.js:6:6)',
  ]);
}, { colors: true }, { stable: false });

module.exports = { cases };
