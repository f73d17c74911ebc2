'use strict';
// AssertionError objects: own properties and their order, name / code / toString, the stack
// header, and util.inspect (actual and expected one level deep, long strings shortened).
// Stack frames are machine-specific and replaced by "at <frames>".
const assert = require('assert');
const util = require('util');

function withoutFrames(text) {
  const lines = [];
  for (const line of text.split('\n')) {
    const frame = /^(\s+)at .*?( \{)?$/.exec(line);
    if (frame === null) {
      lines.push(line);
    } else {
      const marker = `${frame[1]}at <frames>`;
      if (lines[lines.length - 1] === marker) lines.pop();
      lines.push(marker + (frame[2] ?? ''));
    }
  }
  return lines.join('\n');
}
function capture(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}
const show = (value, options) => console.log(withoutFrames(util.inspect(value, options)));

const e1 = capture(() => assert.strictEqual(1, 2));
show(e1);
console.log(e1.name, e1.code, String(e1), Object.keys(e1), e1 instanceof Error,
            e1 instanceof assert.AssertionError);
console.log(Object.getOwnPropertyNames(e1));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(e1, 'name')));
console.log(withoutFrames(e1.stack));
console.log(Object.prototype.toString.call(e1), e1.constructor.name, assert.AssertionError.name,
            assert.AssertionError.length);
console.log(Object.getOwnPropertyNames(assert.AssertionError.prototype));
console.log(withoutFrames(util.format('%s', e1)));
console.log(JSON.stringify(e1));

const e2 = capture(() => assert.strictEqual(`${'a'.repeat(600)}b`, 'x\n'.repeat(20)));
show(e2);
console.log(e2.actual.length, e2.expected.length);
show(capture(() => assert.strictEqual('a'.repeat(512), 'b'.repeat(513))));
show(capture(() => assert.strictEqual('l\n'.repeat(9), 'm\n'.repeat(10))));
show(capture(() => assert.deepStrictEqual({ a: { b: { c: 1 } } }, [1, [2, [3]]])));
const e4 = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual', message: 'hi' });
show(e4);
show({ nested: e4 });
show([e4], { depth: 0 });
show(capture(() => assert.ok(0)), { depth: 0 });
show(capture(() => assert.throws(() => { throw new Error('x'); }, { message: 'y' })));
show(capture(() => assert.deepStrictEqual(new Error('a'), new Error('b'))));
show(capture(() => assert.fail('boom')));
show(capture(() => assert.match('abc', /x/)));
show(capture(() => assert.ifError('str')));
show(capture(() => assert.notDeepStrictEqual(new Map([[1, { a: [1] }]]), new Map([[1, { a: [1] }]]))));

e1.name = 'Changed';
console.log(String(e1));
const e5 = capture(() => assert.strictEqual(1, 2));
e5.code = 'OTHER';
console.log(String(e5));

// The stack starts at the caller of the assertion, and under ifError continues with the
// frames of the original error.
function callerOfAssert() {
  assert.deepStrictEqual([1], [2]);
}
const e6 = capture(callerOfAssert);
console.log(e6.stack.split('\n').filter((l) => l.includes(' at '))[0].trim().split(' ')[1]);
function makeError() {
  return new Error('original');
}
function callerOfIfError(err) {
  assert.ifError(err);
}
const e7 = capture(() => callerOfIfError(makeError()));
console.log(e7.stack.split('\n').filter((l) => /at (callerOfIfError|makeError) /.test(l))
  .map((l) => l.trim().split(' ')[1]));
const e8 = capture(function outer() {
  assert.fail('first', 'second', 'message', '!==', outer);
});
console.log(/at outer/.test(e8.stack));
