'use strict';
// Generated pairs of similar values (a deterministic pseudo-random generator: nested arrays,
// objects, Maps, Sets, class instances, dates, typed arrays, long and multi-line strings) run
// through every comparison assertion; each failure prints its message. Recorded against node.
const assert = require('assert');

let seed = 12345;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = (list) => list[Math.floor(random() * list.length)];

class Foo { constructor(x) { this.x = x; } }
const sym = Symbol('s');
const primitives = () => [
  0, -0, 1, -1, 2.5, NaN, Infinity, 1e21, 10n, -5n, true, false, null, undefined, sym,
  Symbol.iterator, '', 'a', 'abc', 'hello world', 'x'.repeat(30), 'q'.repeat(90), 'a\nb',
  'long string with newline\nsecond line here', 'ünïcödé', '\u0007bell', new Date(0),
  new Date(86400000), /re/g, () => 1, function named() {}, new Foo(1), new Foo('y'),
  Buffer.from('hi'), new Uint8Array([1, 2, 3]), new Float64Array([0.5]), [, 1], new Array(3),
  Object.create(null), new Number(3), new String('str'), new Boolean(false),
];
const keys = ['a', 'b', 'c', 'key with space', '1', 'z', 'long_property_name_here', sym];

function generate(depth) {
  const r = random();
  if (depth > 3 || r < 0.4) return pick(primitives());
  if (r < 0.65) return Array.from({ length: Math.floor(random() * 10) }, () => generate(depth + 1));
  if (r < 0.9) {
    const o = random() < 0.2 ? new Foo(0) : {};
    const n = Math.floor(random() * 10);
    for (let i = 0; i < n; i++) o[pick(keys)] = generate(depth + 1);
    return o;
  }
  if (r < 0.95) return new Map([[generate(depth + 1), generate(depth + 1)], [pick(['k', 1]), generate(depth + 1)]]);
  return new Set([generate(depth + 1), generate(depth + 1), 'x']);
}

function mutate(value, depth) {
  if (random() < 0.2) return generate(depth);
  if (Array.isArray(value)) {
    const copy = value.map((v) => (random() < 0.3 ? mutate(v, depth + 1) : v));
    if (random() < 0.3) copy.push(generate(depth + 1));
    if (random() < 0.2) copy.shift();
    return copy;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy = {};
    for (const k of Reflect.ownKeys(value)) {
      if (random() < 0.1) continue;
      copy[k] = random() < 0.3 ? mutate(value[k], depth + 1) : value[k];
    }
    if (random() < 0.2) copy[pick(['a', 'n', 'm'])] = generate(depth + 1);
    return copy;
  }
  return generate(depth);
}

const operators = ['deepStrictEqual', 'strictEqual', 'deepEqual', 'notDeepStrictEqual',
                   'notDeepEqual', 'notStrictEqual', 'equal', 'notEqual'];
for (let i = 0; i < 200; i++) {
  const a = generate(0);
  const b = random() < 0.15 ? a : mutate(a, 0);
  const operator = pick(operators);
  const message = random() < 0.1 ? pick(['custom', '', 0, 'multi\nline']) : undefined;
  try {
    assert[operator](a, b, message);
  } catch (e) {
    console.log(`#${i} ${operator} ${e.generatedMessage}\n${e.message}\n`);
  }
  if (random() < 0.3) {
    // The thrown value against a validation object.
    const expected = b && typeof b === 'object' && !Array.isArray(b) && Object.keys(b).length ? b : { a: b };
    try {
      assert.throws(() => { throw a; }, expected);
    } catch (e) {
      console.log(`#${i} throws ${e.generatedMessage} ${e.name}\n${e.message}\n`);
    }
  }
}
