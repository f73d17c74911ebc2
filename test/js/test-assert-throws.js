'use strict';
// throws / rejects / doesNotThrow / doesNotReject: "Missing expected ..." messages, class,
// RegExp, validation-function and validation-object mismatches (a diff of the compared
// properties), argument validation.
const assert = require('assert');

let count = 0;
function report(e) {
  console.log(`#${count} ${e.name} [${e.operator}] code=${e.code} generated=${e.generatedMessage}` +
              `\n${e.message}\n`);
}
function show(fn) {
  count++;
  try {
    fn();
    console.log(`#${count} no throw`);
  } catch (e) {
    report(e);
  }
}
async function showAsync(fn) {
  count++;
  try {
    await fn();
    console.log(`#${count} no throw`);
  } catch (e) {
    report(e);
  }
}
const thrower = (value) => () => { throw value; };
class MyErr extends Error {}

show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, 'msg'));
show(() => assert.throws(() => {}, TypeError));
show(() => assert.throws(() => {}, TypeError, 'msg'));
show(() => assert.throws(() => {}, /abc/));
show(() => assert.throws(() => {}, { message: 'x' }));
show(() => assert.throws(() => {}, { name: 'Foo' }));
show(() => assert.throws(() => {}, (e) => true));
show(() => assert.throws(() => {}, function named() { return true; }));
show(() => assert.throws(() => {}, Error, 'x'));
show(() => assert.throws(() => {}, { name: 'N', message: 'M' }));
show(() => assert.throws(() => {}, null, 'hmm'));

// Error classes.
show(() => assert.throws(thrower(new Error('boom')), TypeError));
show(() => assert.throws(thrower(new Error('boom')), MyErr));
show(() => assert.throws(thrower(new MyErr('boom')), TypeError));
show(() => assert.throws(thrower(new MyErr('boom')), MyErr));
show(() => assert.throws(thrower('str'), TypeError));
show(() => assert.throws(thrower(null), TypeError));
show(() => assert.throws(thrower(undefined), TypeError));
show(() => assert.throws(thrower({ a: 1 }), TypeError));
show(() => assert.throws(thrower(Object.create(null)), TypeError));
show(() => assert.throws(thrower(new Error('')), TypeError));
show(() => assert.throws(thrower(new (class TypeError extends Error {})('q')), TypeError));
show(() => assert.throws(thrower(Object.assign(new Error('x'), { name: 'Custom' })), TypeError));
show(() => assert.throws(thrower(Object.create(Error.prototype)), TypeError));
show(() => assert.throws(thrower(Object.assign(Object.create(TypeError.prototype), { message: 'm' })), RangeError));
show(() => assert.throws(thrower({ constructor: { name: 'Fake' }, message: 'mm' }), RangeError));
show(() => assert.throws(thrower(Object.assign(new Error('q'), { constructor: null })), RangeError));
show(() => assert.throws(thrower(Object.assign(new Error('q'), { constructor: undefined, name: 'Nm' })), RangeError));
show(() => assert.throws(thrower(new Error('x')), TypeError, 'custom'));
show(() => assert.throws(thrower('str'), Error, 'Error is called as a validation function'));

// RegExps.
show(() => assert.throws(thrower(new Error('boom')), /xyz/));
show(() => assert.throws(thrower('a string'), /xyz/));
show(() => assert.throws(thrower(new Error('boom')), /xyz/, 'custom'));
show(() => assert.throws(thrower(new Error('boom')), /boom/));

// Validation functions.
show(() => assert.throws(thrower(new Error('boom')), () => false));
show(() => assert.throws(thrower(new Error('boom')), function check() { return 1; }));
show(() => assert.throws(thrower(new Error('boom')), (e) => undefined));
show(() => assert.throws(thrower(Object.create(Error.prototype)), (e) => false));
show(() => assert.throws(thrower({ message: 'x' }), (e) => false));
show(() => assert.throws(thrower(new Error('x')), (e) => false, 'custom'));
show(() => assert.throws(thrower(new Error('boom')), class Foo {}));

// Validation objects.
show(() => assert.throws(thrower(new Error('boom')), { message: 'bam' }));
show(() => assert.throws(thrower(new Error('boom')), { message: /bam/ }));
show(() => assert.throws(thrower(new Error('boom')), { message: 'boom', name: 'TypeError' }));
show(() => assert.throws(thrower(new Error('boom')), { code: 'X' }));
show(() => assert.throws(thrower(Object.assign(new Error('boom'), { code: 'Y', info: { a: 1 } })), { code: 'Y', info: { a: 2 } }));
show(() => assert.throws(thrower(new Error('boom')), new Error('bam')));
show(() => assert.throws(thrower(new TypeError('boom')), new RangeError('boom')));
show(() => assert.throws(thrower(new Error('e')), new Error('e')));
show(() => assert.throws(thrower(Object.assign(new Error('e'), { code: 1 })), Object.assign(new Error('e'), { code: 2 })));
show(() => assert.throws(thrower('str'), { message: 'x' }));
show(() => assert.throws(thrower('str'), { message: 'x' }, 'custom'));
show(() => assert.throws(thrower(null), { message: 'x' }));
show(() => assert.throws(thrower(5), { a: 1 }));
show(() => assert.throws(thrower(new Error('boom')), { message: 'boom' }, 'custom'));
show(() => assert.throws(thrower(new Error('x')), { message: 'y' }, 'custom'));
show(() => assert.throws(thrower({ message: 'boom', name: 'Error' }), { message: 'boom', name: 'Error' }));
show(() => assert.throws(thrower({ a: 1, b: 2, c: [1, 2, 3] }), { a: 1, b: 3, c: [1, 2, 4] }));
show(() => assert.throws(thrower(new Error('e')), { message: 'e', extra: undefined }));
show(() => assert.throws(thrower(new Error('a'.repeat(100))), { message: 'b'.repeat(100) }));
show(() => assert.throws(thrower(new Error('line1\nline2')), { message: 'line1\nline3' }));
show(() => assert.throws(thrower(new Error('e')), Object.assign(Object.create(null), { message: 'f' })));
show(() => assert.throws(thrower(new Error('e')), [1]));
show(() => assert.throws(thrower([1, 2]), [1, 3]));
show(() => assert.throws(thrower({ a: /x/ }), { a: /x/ }));
show(() => assert.throws(thrower({ a: 'xyz' }), { a: /q/, b: 1 }));
show(() => assert.throws(thrower({ a: 'xyz', b: 2 }), { a: /x/, b: 1 }));
show(() => assert.throws(thrower({ a: 'xyz', b: 2 }), { a: /x/, b: 2 }));
show(() => assert.throws(thrower(Object.assign(new Error('m'), { list: [1, 2, 3, 4, 5, 6, 7, 8] })),
                         { list: [1, 2, 3, 4, 5, 6, 7, 9], message: 'm' }));

// Argument errors.
show(() => assert.throws(thrower(new Error('boom')), {}));
show(() => assert.throws(thrower(new Error('boom')), Error.prototype));
show(() => assert.throws(thrower(new Error('boom')), 'boom'));
show(() => assert.throws(thrower('boom'), 'boom'));
show(() => assert.throws(thrower(new Error('boom')), 'boom', 'msg'));
show(() => assert.throws(thrower(new Error('boom')), 'other', undefined));
show(() => assert.throws(thrower(new Error('boom')), 5));
show(() => assert.throws(thrower(new Error('e')), Symbol('x')));
show(() => assert.throws(5));
show(() => assert.throws());
show(() => assert.throws(thrower(new Error('e')), null));
show(() => assert.throws(thrower(new Error('e')), undefined, 'hmm'));

// doesNotThrow.
show(() => assert.doesNotThrow(thrower(new Error('boom'))));
show(() => assert.doesNotThrow(thrower(new Error('boom')), 'msg'));
show(() => assert.doesNotThrow(thrower(new Error('boom')), TypeError));
show(() => assert.doesNotThrow(thrower(new Error('boom')), Error));
show(() => assert.doesNotThrow(thrower(new Error('boom')), Error, 'msg'));
show(() => assert.doesNotThrow(thrower(new Error('boom')), /boom/));
show(() => assert.doesNotThrow(thrower(new Error('boom')), /zzz/));
show(() => assert.doesNotThrow(thrower('str')));
show(() => assert.doesNotThrow(thrower(null)));
show(() => assert.doesNotThrow(thrower(undefined)));
show(() => assert.doesNotThrow(thrower({ a: 1 })));
show(() => assert.doesNotThrow(thrower(new Error('boom')), (e) => true));
show(() => assert.doesNotThrow(thrower(new Error('boom')), (e) => false));
show(() => assert.doesNotThrow(thrower(new Error('boom')), { message: 'boom' }));
show(() => assert.doesNotThrow(() => {}, 'msg'));
show(() => assert.doesNotThrow(5));

(async () => {
  await showAsync(() => assert.rejects(Promise.resolve(1)));
  await showAsync(() => assert.rejects(Promise.resolve(1), 'msg'));
  await showAsync(() => assert.rejects(Promise.resolve(1), TypeError));
  await showAsync(() => assert.rejects(async () => {}, { name: 'X' }, 'msg'));
  await showAsync(() => assert.rejects(Promise.reject(new Error('boom')), TypeError));
  await showAsync(() => assert.rejects(Promise.reject(new Error('boom')), { message: 'bam' }));
  await showAsync(() => assert.rejects(Promise.reject(new Error('boom')), /zzz/));
  await showAsync(() => assert.rejects(Promise.reject(null), { code: 'FOO' }));
  await showAsync(() => assert.rejects(Promise.reject(5), (e) => e === 6));
  await showAsync(() => assert.rejects(() => 5));
  await showAsync(() => assert.rejects(() => ({ then() {} })));
  await showAsync(() => assert.rejects('x'));
  await showAsync(() => assert.rejects(() => { throw new Error('sync'); }, { message: 'other' }));
  await showAsync(() => assert.rejects(Promise.reject(new Error('boom')), 'boom'));
  await showAsync(() => assert.rejects(Promise.reject('boom'), 'boom'));
  await showAsync(() => assert.rejects({ then(ok, fail) { fail(new Error('thenable')); }, catch() {} }, { message: 'x' }));
  await showAsync(() => assert.doesNotReject(Promise.reject(new Error('boom'))));
  await showAsync(() => assert.doesNotReject(Promise.reject(new Error('boom')), 'msg'));
  await showAsync(() => assert.doesNotReject(Promise.reject(new Error('boom')), TypeError));
  await showAsync(() => assert.doesNotReject(Promise.reject(new Error('boom')), /boom/, 'm'));
  await showAsync(() => assert.doesNotReject(async () => { throw 5; }));
  await showAsync(() => assert.doesNotReject(() => 5));
  await showAsync(() => assert.doesNotReject(5));
  await showAsync(() => assert.doesNotReject(Promise.resolve(3)));
})();
