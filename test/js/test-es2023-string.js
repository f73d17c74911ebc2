'use strict';
// String.prototype.isWellFormed / toWellFormed (ES2023).
const assert = require('assert');

for (const name of ['isWellFormed', 'toWellFormed']) {
  const d = Object.getOwnPropertyDescriptor(String.prototype, name);
  assert.deepStrictEqual([typeof d.value, d.enumerable, d.writable, d.configurable],
                         ['function', false, true, true]);
  assert.strictEqual(d.value.name, name);
  assert.strictEqual(d.value.length, 0);
  assert.throws(() => new d.value(), TypeError);
  for (const bad of [null, undefined]) {
    assert.throws(() => d.value.call(bad), {
      name: 'TypeError', message: `String.prototype.${name} called on null or undefined`,
    });
  }
  assert.throws(() => d.value.call(Symbol('s')), TypeError);
}

const cases = [
  ['', true, ''],
  ['abc', true, 'abc'],
  ['a\u00e9\u4e2d', true, 'a\u00e9\u4e2d'],
  ['\ud83d\ude00', true, '\ud83d\ude00'],
  ['\ud83d', false, '\ufffd'],
  ['\ude00', false, '\ufffd'],
  ['a\ud83db', false, 'a\ufffdb'],
  ['a\ude00b', false, 'a\ufffdb'],
  ['\ude00\ud83d', false, '\ufffd\ufffd'],
  ['\ud83d\ud83d\ude00', false, '\ufffd\ud83d\ude00'],
  ['\ud83d\ude00\ude00', false, '\ud83d\ude00\ufffd'],
  ['x\ud800', false, 'x\ufffd'],
  ['\udfff\ud800\udc00\udbff', false, '\ufffd\ud800\udc00\ufffd'],
  ['\ufffd', true, '\ufffd'],
  ['\ud7ff\ue000', true, '\ud7ff\ue000'],
];
for (const [s, well, fixed] of cases) {
  assert.strictEqual(s.isWellFormed(), well, JSON.stringify(s));
  assert.strictEqual(s.toWellFormed(), fixed, JSON.stringify(s));
  assert.strictEqual(fixed.isWellFormed(), true);
}

// A long string with surrogates scattered through it.
{
  let s = '';
  let expected = '';
  for (let i = 0; i < 5000; i++) {
    if (i % 97 === 0) { s += '\ud800'; expected += '\ufffd'; } else if (i % 89 === 0) {
      s += '\ud83d\ude00'; expected += '\ud83d\ude00';
    } else { s += 'a'; expected += 'a'; }
  }
  assert.strictEqual(s.isWellFormed(), false);
  assert.strictEqual(s.toWellFormed(), expected);
}

// The receiver is converted with ToString.
assert.strictEqual(String.prototype.isWellFormed.call(123), true);
assert.strictEqual(String.prototype.toWellFormed.call(123), '123');
assert.strictEqual(String.prototype.toWellFormed.call({ toString() { return '\ud800'; } }),
                   '\ufffd');
assert.strictEqual(String.prototype.isWellFormed.call({ toString() { return '\ud800'; } }), false);
assert.strictEqual(String.prototype.toWellFormed.call(true), 'true');
assert.strictEqual(String.prototype.toWellFormed.call([1, 2]), '1,2');
// The result is a primitive, even for String objects.
assert.strictEqual(typeof new String('ab').toWellFormed(), 'string');

console.log('ok');
