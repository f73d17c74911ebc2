'use strict';
// EventEmitter 'error' semantics: throw when nobody listens, ERR_UNHANDLED_ERROR for
// non-Error values, errorMonitor.
const assert = require('assert');
const EventEmitter = require('events');
const util = require('util');

{
  const e = new EventEmitter();
  const err = new Error('boom');
  assert.throws(() => e.emit('error', err), (thrown) => thrown === err);
}

{
  // Non-Error values are wrapped, the value is kept as `context`.
  const e = new EventEmitter();
  const values = ['str', 42, null, undefined, { a: 1 }, Symbol('s'), [1, 2]];
  for (const v of values) {
    assert.throws(() => e.emit('error', v), (thrown) => {
      assert.ok(thrown instanceof Error);
      assert.strictEqual(thrown.code, 'ERR_UNHANDLED_ERROR');
      assert.strictEqual(thrown.name, 'Error');
      assert.strictEqual(thrown.message, `Unhandled error. (${util.inspect(v)})`);
      assert.strictEqual(thrown.context, v);
      return true;
    });
  }
  assert.throws(() => e.emit('error'), {
    code: 'ERR_UNHANDLED_ERROR',
    message: 'Unhandled error. (undefined)',
  });
  // Only the first argument counts.
  assert.throws(() => e.emit('error', 'a', 'b'), { message: "Unhandled error. ('a')" });
  // An error-like object is not an Error.
  assert.throws(() => e.emit('error', { message: 'm' }), {
    code: 'ERR_UNHANDLED_ERROR',
    message: "Unhandled error. ({ message: 'm' })",
  });
}

{
  // With a listener nothing is thrown.
  const e = new EventEmitter();
  const got = [];
  e.on('error', (er, x) => got.push(er, x));
  assert.strictEqual(e.emit('error', 'v', 2), true);
  assert.deepStrictEqual(got, ['v', 2]);
}

{
  // errorMonitor sees the error before it is thrown or handled, without handling it.
  const e = new EventEmitter();
  const err = new Error('x');
  const seen = [];
  e.on(EventEmitter.errorMonitor, (er) => seen.push(['monitor', er]));
  assert.throws(() => e.emit('error', err), (t) => t === err);
  assert.deepStrictEqual(seen, [['monitor', err]]);
  e.on('error', (er) => seen.push(['handler', er]));
  e.emit('error', err);
  assert.deepStrictEqual(seen, [['monitor', err], ['monitor', err], ['handler', err]]);
  assert.strictEqual(typeof EventEmitter.errorMonitor, 'symbol');
  assert.strictEqual(EventEmitter.errorMonitor.description, 'events.errorMonitor');
}

{
  // Errors thrown by a listener propagate out of emit, later listeners do not run.
  const e = new EventEmitter();
  let ran = false;
  e.on('x', () => { throw new Error('from listener'); });
  e.on('x', () => { ran = true; });
  assert.throws(() => e.emit('x'), { message: 'from listener' });
  assert.strictEqual(ran, false);
}

{
  // Uninitialised emitters throw too.
  const e = Object.create(EventEmitter.prototype);
  const err = new Error('y');
  assert.throws(() => e.emit('error', err), (t) => t === err);
  assert.throws(() => e.emit('error', 1), { code: 'ERR_UNHANDLED_ERROR' });
}

{
  // An error whose inspection throws still produces ERR_UNHANDLED_ERROR.
  const e = new EventEmitter();
  const evil = { [util.inspect.custom]() { throw new Error('no'); } };
  assert.throws(() => e.emit('error', evil), {
    code: 'ERR_UNHANDLED_ERROR',
    message: 'Unhandled error. ([object Object])',
  });
}
