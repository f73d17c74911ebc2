'use strict';
// structuredClone: V8 serializer semantics, transfer, and node's errors.
const assert = require('assert');

const date = new Date(0);
const source = { n: 1, s: 'x', big: 10n, d: date, re: /a/g, m: new Map([[1, { a: [1, 2] }]]),
                 set: new Set(['a']), arr: [1, , 3], nested: { deep: { deeper: true } },
                 u8: new Uint8Array([1, 2, 3]), err: new RangeError('boom') };
source.self = source;
const clone = structuredClone(source);
assert.notStrictEqual(clone, source);
assert.strictEqual(clone.self, clone);
assert.deepStrictEqual(clone.m, source.m);
assert.deepStrictEqual(clone.set, source.set);
assert.strictEqual(clone.d.getTime(), 0);
assert.notStrictEqual(clone.d, date);
assert.strictEqual(clone.re.source, 'a');
assert.strictEqual(clone.re.flags, 'g');
assert.strictEqual(clone.big, 10n);
assert.strictEqual(1 in clone.arr, false);
assert.deepStrictEqual([...clone.u8], [1, 2, 3]);
assert.ok(clone.err instanceof RangeError);
assert.strictEqual(clone.err.message, 'boom');

// Transfer moves the memory and detaches the original.
const ab = new ArrayBuffer(8);
new Uint8Array(ab)[0] = 7;
const moved = structuredClone({ ab }, { transfer: [ab] });
assert.strictEqual(ab.byteLength, 0);
assert.strictEqual(moved.ab.byteLength, 8);
assert.strictEqual(new Uint8Array(moved.ab)[0], 7);

// Errors.
assert.throws(() => structuredClone(() => {}), (e) => {
  assert.strictEqual(e.name, 'DataCloneError');
  assert.strictEqual(e.code, 25);
  assert.ok(e instanceof DOMException);
  assert.strictEqual(e.message, '() => {} could not be cloned.');
  return true;
});
assert.throws(() => structuredClone(Symbol('s')), { name: 'DataCloneError' });
assert.throws(() => structuredClone(), {
  code: 'ERR_MISSING_ARGS', name: 'TypeError', message: 'The value argument must be specified',
});
assert.throws(() => structuredClone(1, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => structuredClone(1, { transfer: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
const getterError = new Error('from getter');
assert.throws(() => structuredClone({ get x() { throw getterError; } }), (e) => e === getterError);
