'use strict';
// Web Crypto: the crypto global, crypto.webcrypto/subtle, subtle.digest (thread pool) with
// FIPS 180 vectors, getRandomValues/randomUUID on the Crypto object, and the WebIDL errors.
const assert = require('assert');
const nodeCrypto = require('crypto');

let pending = 0;
function mustCall(fn = () => {}) {
  pending++;
  return function(...args) {
    pending--;
    return fn.apply(this, args);
  };
}
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(pending, 0, 'callbacks not called');
});

assert.strictEqual(typeof globalThis.crypto, 'object');
assert.strictEqual(globalThis.crypto, nodeCrypto.webcrypto);
assert.strictEqual(nodeCrypto.subtle, crypto.subtle);
assert.strictEqual(Object.prototype.toString.call(crypto), '[object Crypto]');
assert.strictEqual(Object.prototype.toString.call(crypto.subtle), '[object SubtleCrypto]');
assert(crypto instanceof Crypto);
assert(crypto.subtle instanceof SubtleCrypto);
assert.strictEqual(typeof CryptoKey, 'function');
assert.deepStrictEqual(Object.keys(crypto), []);
assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(crypto)),
                       ['constructor', 'subtle', 'getRandomValues', 'randomUUID']);
assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(crypto.subtle)), [
  'constructor', 'encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey',
  'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey',
]);
for (const C of [Crypto, SubtleCrypto, CryptoKey]) {
  assert.throws(() => new C(), {
    name: 'TypeError', code: 'ERR_ILLEGAL_CONSTRUCTOR', message: 'Illegal constructor',
  });
}

// getRandomValues / randomUUID through the Crypto object.
{
  const a = new Uint32Array(8);
  assert.strictEqual(crypto.getRandomValues(a), a);
  assert(a.some((v) => v !== 0));
  assert.match(crypto.randomUUID(),
               /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.throws(() => crypto.getRandomValues.call({}, new Uint8Array(2)), {
    name: 'TypeError', code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type Crypto',
  });
  assert.throws(() => crypto.randomUUID.call({}), { code: 'ERR_INVALID_THIS' });
  assert.throws(() => crypto.getRandomValues(new Float64Array(2)), { name: 'TypeMismatchError' });
  // node:crypto's getRandomValues works unbound.
  const { getRandomValues } = nodeCrypto;
  assert.strictEqual(getRandomValues(new Uint8Array(3)).length, 3);
}

(async () => {
  const hex = (ab) => {
    assert(ab instanceof ArrayBuffer);
    return Buffer.from(ab).toString('hex');
  };
  const abc = Buffer.from('abc');
  assert.strictEqual(hex(await crypto.subtle.digest('SHA-1', abc)),
                     'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.strictEqual(hex(await crypto.subtle.digest('SHA-256', abc)),
                     'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.strictEqual(hex(await crypto.subtle.digest({ name: 'sha-384' }, abc)),
                     'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed' +
                     '8086072ba1e7cc2358baeca134c825a7');
  assert.strictEqual(hex(await crypto.subtle.digest('Sha-512', new Uint8Array(abc).buffer)),
                     'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
                     '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f');
  assert.strictEqual((await crypto.subtle.digest('SHA-256', new DataView(new ArrayBuffer(0))))
    .byteLength, 32);
  // Many at once; the data is copied when the call is made.
  const inputs = Array.from({ length: 20 }, (_, i) => Buffer.alloc(1000 * i, i));
  const results = await Promise.all(inputs.map((b) => crypto.subtle.digest('SHA-256', b)));
  for (let i = 0; i < inputs.length; i++) {
    assert.strictEqual(hex(results[i]),
                       nodeCrypto.createHash('sha256').update(inputs[i]).digest('hex'));
  }
  const buf = Buffer.from('abc');
  const p = crypto.subtle.digest('SHA-1', buf);
  buf.fill(0);
  assert.strictEqual(hex(await p), 'a9993e364706816aba3e25717850c26c9cd0d89d');

  await assert.rejects(crypto.subtle.digest('MD5', abc), {
    name: 'NotSupportedError', code: 9, message: 'Unrecognized algorithm name',
  });
  await assert.rejects(crypto.subtle.digest(5, abc), { name: 'NotSupportedError' });
  await assert.rejects(crypto.subtle.digest('SHA-256', 'abc'), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: "Failed to execute 'digest' on 'SubtleCrypto': 2nd argument is not instance of " +
             'ArrayBuffer, Buffer, TypedArray, or DataView.',
  });
  await assert.rejects(crypto.subtle.digest('SHA-256'), {
    name: 'TypeError',
    code: 'ERR_MISSING_ARGS',
    message: "Failed to execute 'digest' on 'SubtleCrypto': 2 arguments required, but only 1 " +
             'present.',
  });
  await assert.rejects(crypto.subtle.digest({}, abc), {
    name: 'TypeError',
    code: 'ERR_MISSING_OPTION',
    message: "Failed to normalize algorithm: passed algorithm can not be converted to " +
             "'Algorithm' because 'name' is required in 'Algorithm'.",
  });
  await assert.rejects(crypto.subtle.digest.call({}, 'SHA-256', abc), {
    code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type SubtleCrypto',
  });
  // Promises always, even for bad arguments.
  assert(crypto.subtle.digest('nope', abc).catch(() => {}) instanceof Promise);
})().then(mustCall());
