'use strict';
// util.promisify / util.callbackify.
const assert = require('assert');
const util = require('util');

const pending = [];

// Basic promisify: resolves with the first value, rejects with the error.
{
  const fn = util.promisify((a, b, cb) => cb(null, a + b, 'ignored'));
  pending.push(fn(1, 2).then((v) => assert.strictEqual(v, 3)));
  const bad = util.promisify((cb) => cb(new Error('nope')));
  pending.push(bad().then(() => assert.fail('should reject'), (e) => {
    assert.strictEqual(e.message, 'nope');
  }));
  // Falsy error values count as success.
  const falsy = util.promisify((cb) => cb(0, 'v'));
  pending.push(falsy().then((v) => assert.strictEqual(v, 'v')));
}

// `this` is passed through.
{
  const obj = {
    value: 42,
    get: util.promisify(function(cb) { cb(null, this.value); }),
  };
  pending.push(obj.get().then((v) => assert.strictEqual(v, 42)));
}

// util.promisify.custom.
{
  assert.strictEqual(util.promisify.custom, Symbol.for('nodejs.util.promisify.custom'));
  function withCustom() {}
  const custom = () => Promise.resolve('custom');
  withCustom[util.promisify.custom] = custom;
  assert.strictEqual(util.promisify(withCustom), custom);
  // Promisifying the result again returns it unchanged.
  assert.strictEqual(util.promisify(util.promisify(withCustom)), custom);

  function badCustom() {}
  badCustom[util.promisify.custom] = 'nope';
  assert.throws(() => util.promisify(badCustom), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "util.promisify.custom" property must be of type function. ' +
      "Received type string ('nope')",
  });
}

// The promisified function keeps the original's properties and prototype.
{
  function original(cb) { cb(null, 1); }
  original.extra = 'prop';
  Object.setPrototypeOf(original, { inherited() {} });
  const p = util.promisify(original);
  assert.strictEqual(p.extra, 'prop');
  assert.strictEqual(p.name, 'original');
  assert.strictEqual(p.length, 1);
  assert.strictEqual(typeof p.inherited, 'function');
  assert.strictEqual(p[util.promisify.custom], p);
  assert.strictEqual(util.promisify(p), p);
}

// Invalid input.
for (const value of [undefined, null, 1, 'str', {}, []]) {
  assert.throws(() => util.promisify(value), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}

// A synchronous throw in the original rejects the promise.
{
  const thrower = util.promisify(() => { throw new Error('sync'); });
  pending.push(thrower().then(() => assert.fail('should reject'), (e) => {
    assert.strictEqual(e.message, 'sync');
  }));
}

// Promisified setTimeout-like function with several callback values resolves with the first.
{
  const multi = util.promisify((cb) => cb(null, 'a', 'b'));
  pending.push(multi().then((v) => assert.strictEqual(v, 'a')));
}

// callbackify.
{
  async function asyncFn(a, b) { return a * b; }
  const cbFn = util.callbackify(asyncFn);
  assert.strictEqual(cbFn.name, 'asyncFnCallbackified');
  assert.strictEqual(cbFn.length, 3);
  pending.push(new Promise((resolve) => {
    cbFn(6, 7, (err, value) => {
      assert.strictEqual(err, null);
      assert.strictEqual(value, 42);
      resolve();
    });
  }));

  const rejecting = util.callbackify(async () => { throw new TypeError('bad'); });
  pending.push(new Promise((resolve) => {
    rejecting((err, value) => {
      assert.strictEqual(err.message, 'bad');
      assert.strictEqual(value, undefined);
      resolve();
    });
  }));

  for (const falsy of [null, undefined, 0, '', false]) {
    const rejectsFalsy = util.callbackify(() => Promise.reject(falsy));
    pending.push(new Promise((resolve) => {
      rejectsFalsy((err) => {
        assert.strictEqual(err.code, 'ERR_FALSY_VALUE_REJECTION');
        assert.strictEqual(err.message, 'Promise was rejected with falsy value');
        assert.strictEqual(err.reason, falsy);
        resolve();
      });
    }));
  }

  // The callback gets `this`.
  const withThis = util.callbackify(async function() { return this.v; });
  const obj = { v: 'this-value', withThis };
  pending.push(new Promise((resolve) => {
    obj.withThis(function(err, v) {
      assert.strictEqual(v, 'this-value');
      assert.strictEqual(this, obj);
      resolve();
    });
  }));

  // The callback runs on a later tick.
  let sync = true;
  const later = util.callbackify(async () => 1);
  pending.push(new Promise((resolve) => {
    later(() => {
      assert.strictEqual(sync, false);
      resolve();
    });
  }));
  sync = false;

  assert.throws(() => util.callbackify(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => util.callbackify(async () => {})(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The last argument must be of type function. Received type number (1)',
  });
}

let done = false;
Promise.all(pending).then(() => { done = true; });
process.on('exit', () => assert.ok(done, 'not all promises settled'));
