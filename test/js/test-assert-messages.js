'use strict';
// Messages of the assertions that print no line diff: notStrictEqual / notDeepStrictEqual (the
// shared value), deepEqual / notDeepEqual / equal / notEqual (both values, cut when long),
// fail, ifError, match / doesNotMatch, argument errors, and the AssertionError constructor.
const assert = require('assert');
const { AssertionError } = assert;

let count = 0;
function show(fn) {
  count++;
  try {
    fn();
    console.log(`#${count} no throw`);
  } catch (e) {
    console.log(`#${count} ${e.name} [${e.operator}] code=${e.code} generated=${e.generatedMessage}` +
                `\n${JSON.stringify(e.message)}`);
  }
}
const range = (n) => Array.from({ length: n }, (_, i) => i);

show(() => assert.notStrictEqual(1, 1));
show(() => assert.notStrictEqual('abcdef', 'abcdef'));
show(() => assert.notStrictEqual('abcde', 'abcde'));
show(() => assert.notStrictEqual(NaN, NaN));
const obj = { a: 1 };
show(() => assert.notStrictEqual(obj, obj));
const fn = function foo() {};
show(() => assert.notStrictEqual(fn, fn));
show(() => assert.notStrictEqual(range(60), range(60)));
show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show(() => assert.notDeepStrictEqual([1], [1]));
show(() => assert.notDeepStrictEqual(1, 1));
show(() => assert.notDeepStrictEqual('x'.repeat(1000), 'x'.repeat(1000)));
show(() => assert.notDeepStrictEqual(range(60), range(60)));
show(() => assert.notDeepStrictEqual(range(50), range(50)));
show(() => assert.notDeepEqual({ a: 1 }, { a: 1 }));
show(() => assert.notDeepEqual({ a: 1 }, { a: '1' }));
show(() => assert.notDeepEqual(1, 1));
show(() => assert.notDeepEqual(1, '1'));
show(() => assert.notDeepEqual(range(300), range(300)));
show(() => assert.notDeepEqual(range(300), range(300).map(String)));
show(() => assert.deepEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepEqual(1, 2));
show(() => assert.deepEqual([1, 2, 3], [1, 2, 4]));
show(() => assert.deepEqual(range(300), range(300).map((i) => i + 1)));
show(() => assert.deepEqual(new Set([1]), new Set([2])));
show(() => assert.equal(1, 2));
show(() => assert.equal('a', 'b'));
show(() => assert.equal({}, {}));
show(() => assert.equal(null, 0));
show(() => assert.equal('x'.repeat(600), 'y'));
show(() => assert.equal(NaN, NaN));
show(() => assert.notEqual(1, 1));
show(() => assert.notEqual(1, '1'));
show(() => assert.notEqual(null, undefined));
show(() => assert.notEqual(NaN, NaN));

// Custom messages.
show(() => assert.equal(1, 2, 'custom'));
show(() => assert.notStrictEqual(1, 1, 'custom'));
show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }, 'custom'));
show(() => assert.deepEqual({ a: 1 }, { a: 2 }, 'custom'));
show(() => assert.deepEqual(1, 2, ''));
show(() => assert.deepEqual(1, 2, 0));
show(() => assert.notDeepEqual({ a: 1 }, { a: 1 }, 'custom'));
show(() => assert.strictEqual(1, 2, new RangeError('thrown instead')));
show(() => assert.deepEqual(1, 2, new TypeError('thrown instead')));

// fail.
show(() => assert.fail());
show(() => assert.fail('boom'));
show(() => assert.fail(undefined));
show(() => assert.fail(null));
show(() => assert.fail(new TypeError('te')));
show(() => assert.fail(1, 2));
show(() => assert.fail(1, 2, undefined, '>'));
show(() => assert.fail(1, 2, 'msg'));
show(() => assert.fail(1, 2, undefined, 'fail'));
show(() => assert.fail(undefined, undefined));
show(() => assert.fail({ a: 1 }, [1], undefined, 'op'));
show(() => assert.fail(1, 2, null, 'strictEqual'));
show(() => assert.fail({ a: 1 }, { a: 2 }, undefined, 'deepStrictEqual'));
show(() => assert.fail(1, 2, undefined, 'notStrictEqual'));
show(() => assert.fail(1, 2, undefined, 'deepEqual'));

// ifError.
show(() => assert.ifError(null));
show(() => assert.ifError(undefined));
show(() => assert.ifError(0));
show(() => assert.ifError('str'));
show(() => assert.ifError(new Error('boom')));
show(() => assert.ifError(new TypeError('')));
show(() => assert.ifError({ message: 'obj' }));
show(() => assert.ifError({ message: '' }));
show(() => assert.ifError(Object.create(TypeError.prototype)));
show(() => assert.ifError(false));
show(() => assert.ifError([1, 2]));

// match / doesNotMatch.
show(() => assert.match('abc', /x/));
show(() => assert.match('abc', /x/, 'm'));
show(() => assert.match(123, /x/));
show(() => assert.match('abc', 'x'));
show(() => assert.match('abc', /b/));
show(() => assert.doesNotMatch('abc', /b/));
show(() => assert.doesNotMatch(123, /b/));
show(() => assert.doesNotMatch(`${'a\nb'.repeat(10)}`, /b/));
show(() => assert.doesNotMatch('abc', /b/, new Error('thrown instead')));

// ok without and with messages (the source-expression message is in test-assert-ok-source).
show(() => assert.ok(false, 'm'));
show(() => assert.ok(0, new Error('thrown instead')));
show(() => assert.ok(false, ''));
show(() => assert.ok());
show(() => assert());
show(() => assert.strict());
show(() => [0].forEach(assert));

// Missing arguments.
show(() => assert.strictEqual());
show(() => assert.strictEqual(1));
show(() => assert.deepEqual(1));
show(() => assert.notDeepStrictEqual());
show(() => assert.strict.notEqual(1, 1));
show(() => assert.strict.notDeepEqual({}, {}));

// The constructor.
for (const message of ['', 0, false, NaN, null, undefined, 'x', 5, {}, []]) {
  show(() => { throw new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual', message }); });
  show(() => { throw new AssertionError({ actual: 1, expected: 2, operator: 'deepEqual', message }); });
}
show(() => { throw new AssertionError({ actual: 1, expected: 2 }); });
show(() => { throw new AssertionError({}); });
show(() => { throw new AssertionError({ operator: 'fail' }); });
show(() => { throw new AssertionError(); });
show(() => { throw new AssertionError('str'); });
show(() => { throw new AssertionError(null); });
const withDetails = new AssertionError({
  message: 'x', details: [{ message: 'a', actual: 1, expected: 2, operator: 'op', stack: 'S' }],
});
console.log(Object.keys(withDetails), withDetails['message 0'], withDetails['stack trace 0']);
