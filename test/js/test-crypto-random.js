'use strict';
// randomBytes / randomFill(Sync) / randomInt / randomUUID / getRandomValues: sync and async
// (thread pool) forms, ranges, argument errors as node's.
const assert = require('assert');
const crypto = require('crypto');

let pending = 0;
function mustCall(fn, times = 1) {
  pending += times;
  return function(...args) {
    pending--;
    return fn.apply(this, args);
  };
}
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(pending, 0, 'callbacks not called');
});

// Two draws of 32 bytes do not repeat, and a big draw is not all zeros.
function looksRandom(buf) {
  const counts = new Array(256).fill(0);
  for (const b of buf) counts[b]++;
  // Each byte value within 50% of its expectation for 64 KiB of data.
  const expected = buf.length / 256;
  return counts.every((c) => c > expected * 0.5 && c < expected * 1.5);
}

// randomBytes sync.
{
  const a = crypto.randomBytes(32);
  const b = crypto.randomBytes(32);
  assert(Buffer.isBuffer(a));
  assert.strictEqual(a.length, 32);
  assert(!a.equals(b));
  assert.strictEqual(crypto.randomBytes(0).length, 0);
  assert.strictEqual(crypto.randomBytes(1.5).length, 1);
  assert(looksRandom(crypto.randomBytes(65536)));
  assert.strictEqual(crypto.pseudoRandomBytes, crypto.randomBytes);
}

// randomBytes async: many in flight on the pool, each completes with its own buffer.
{
  const seen = new Set();
  for (let i = 0; i < 20; i++) {
    crypto.randomBytes(16 + i, mustCall(function(err, buf) {
      assert.strictEqual(err, null);
      assert.strictEqual(buf.length, 16 + i);
      const hex = buf.toString('hex');
      assert(!seen.has(hex));
      seen.add(hex);
    }));
  }
  crypto.randomBytes(1 << 20, mustCall((err, buf) => {
    assert.ifError(err);
    assert(looksRandom(buf));
  }));
  crypto.randomBytes(0, mustCall((err, buf) => {
    assert.ifError(err);
    assert.strictEqual(buf.length, 0);
  }));
  // The callback runs later, never inside the call.
  let sync = true;
  crypto.randomBytes(8, mustCall(() => assert(!sync)));
  sync = false;
}

// randomFillSync: offsets and sizes are in elements of the view, bytes outside stay put.
{
  const buf = Buffer.alloc(10);
  assert.strictEqual(crypto.randomFillSync(buf, 5, 3), buf);
  assert.deepStrictEqual([...buf.subarray(0, 5)], [0, 0, 0, 0, 0]);
  assert.deepStrictEqual([...buf.subarray(8)], [0, 0]);
  const f64 = new Float64Array(4);
  crypto.randomFillSync(f64, 1, 2);
  assert.strictEqual(f64[0], 0);
  assert.strictEqual(f64[3], 0);
  assert.notDeepStrictEqual(new Uint8Array(f64.buffer, 8, 16), new Uint8Array(16));
  const ab = new ArrayBuffer(64);
  assert.strictEqual(crypto.randomFillSync(ab), ab);
  assert.notDeepStrictEqual(new Uint8Array(ab), new Uint8Array(64));
  const dv = new DataView(new ArrayBuffer(16), 4, 8);
  crypto.randomFillSync(dv);
  assert.deepStrictEqual([...new Uint8Array(dv.buffer, 0, 4)], [0, 0, 0, 0]);
  assert.deepStrictEqual([...new Uint8Array(dv.buffer, 12, 4)], [0, 0, 0, 0]);
  const u32 = new Uint32Array(4);
  crypto.randomFillSync(u32, 1);
  assert.strictEqual(u32[0], 0);
  assert.strictEqual(crypto.randomFillSync(Buffer.alloc(4), 4).length, 4);
}

// randomFill async forms.
{
  const buf = Buffer.alloc(10);
  crypto.randomFill(buf, mustCall((err, out) => {
    assert.ifError(err);
    assert.strictEqual(out, buf);
  }));
  const buf2 = Buffer.alloc(10);
  crypto.randomFill(buf2, 6, mustCall((err, out) => {
    assert.ifError(err);
    assert.deepStrictEqual([...out.subarray(0, 6)], [0, 0, 0, 0, 0, 0]);
  }));
  const buf3 = Buffer.alloc(10);
  crypto.randomFill(buf3, 2, 3, mustCall((err, out) => {
    assert.ifError(err);
    assert.deepStrictEqual([...out.subarray(5)], [0, 0, 0, 0, 0]);
  }));
  const u16 = new Uint16Array(8);
  crypto.randomFill(u16, 2, 2, mustCall((err, out) => {
    assert.ifError(err);
    assert.strictEqual(out[0], 0);
    assert.strictEqual(out[7], 0);
  }));
  // A buffer handed to the pool survives its JS references being dropped.
  (function() {
    crypto.randomFill(new Uint8Array(1 << 16), mustCall((err, out) => {
      assert.ifError(err);
      assert(looksRandom(out));
    }));
  })();
  // Zero size calls back at once, as node.
  let called = false;
  crypto.randomFill(Buffer.alloc(4), 4, mustCall(() => { called = true; }));
  assert(called);
}

// Argument errors.
const badSize = (v) => `The value of "size" is out of range. It must be >= 0 && <= 2147483647. ` +
  `Received ${v}`;
assert.throws(() => crypto.randomBytes(-1), {
  name: 'RangeError', code: 'ERR_OUT_OF_RANGE', message: badSize(-1),
});
assert.throws(() => crypto.randomBytes(2 ** 31), {
  code: 'ERR_OUT_OF_RANGE', message: badSize('2147483648'),
});
assert.throws(() => crypto.randomBytes(NaN), { code: 'ERR_OUT_OF_RANGE', message: badSize(NaN) });
assert.throws(() => crypto.randomBytes('1'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "size" argument must be of type number. Received type string (\'1\')',
});
assert.throws(() => crypto.randomBytes(10, 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received type number (5)',
});
assert.throws(() => crypto.randomFillSync(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf" argument must be an instance of ArrayBuffer or ArrayBufferView. ' +
           'Received type number (5)',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(10), 11), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 && <= 10. Received 11',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(10), -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 && <= 10. Received -1',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(10), 5, 6), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "size + offset" is out of range. It must be <= 10. Received 11',
});
assert.throws(() => crypto.randomFillSync(new Uint32Array(4), 1, 4), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "size + offset" is out of range. It must be <= 16. Received 20',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(10), 'a'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => crypto.randomFill(Buffer.alloc(10)), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received undefined',
});
assert.throws(() => crypto.randomFill(Buffer.alloc(10), 1), { code: 'ERR_INVALID_ARG_TYPE' });

// randomInt.
{
  for (let i = 0; i < 1000; i++) {
    const n = crypto.randomInt(10);
    assert(Number.isInteger(n) && n >= 0 && n < 10);
    const m = crypto.randomInt(-5, 5);
    assert(m >= -5 && m < 5);
  }
  const counts = new Array(3).fill(0);
  for (let i = 0; i < 3000; i++) counts[crypto.randomInt(3)]++;
  assert(counts.every((c) => c > 800), String(counts));
  const big = crypto.randomInt(0, 2 ** 48 - 1);
  assert(big >= 0 && big < 2 ** 48 - 1);
  assert.strictEqual(crypto.randomInt(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER),
                     Number.MAX_SAFE_INTEGER - 1);
  // Async: later, through process.nextTick or after a pool refill.
  for (let i = 0; i < 2000; i++) {
    let sync = true;
    crypto.randomInt(1, 7, mustCall((err, n) => {
      assert.strictEqual(err, undefined);
      assert(n >= 1 && n < 7);
      assert(!sync);
    }));
    sync = false;
  }
  assert.throws(() => crypto.randomInt(10, 5), {
    name: 'RangeError',
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "max" is out of range. It must be greater than the value of "min" ' +
             '(10). Received 5',
  });
  assert.throws(() => crypto.randomInt(1.5), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "max" argument must be a safe integer. Received type number (1.5)',
  });
  assert.throws(() => crypto.randomInt('1', 5), {
    message: 'The "min" argument must be a safe integer. Received type string (\'1\')',
  });
  assert.throws(() => crypto.randomInt(0, 2 ** 48), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "max - min" is out of range. It must be <= 281474976710655. ' +
             'Received 281_474_976_710_656',
  });
  assert.throws(() => crypto.randomInt(2 ** 48), {
    message: 'The value of "max" is out of range. It must be <= 281474976710655. ' +
             'Received 281_474_976_710_656',
  });
  assert.throws(() => crypto.randomInt(1, 2, 3), { code: 'ERR_INVALID_ARG_TYPE' });
}

// randomUUID: RFC 4122 version 4, unique, buffered and unbuffered.
{
  const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const seen = new Set();
  for (let i = 0; i < 300; i++) {
    const u = crypto.randomUUID();
    assert.match(u, re);
    assert(!seen.has(u));
    seen.add(u);
  }
  assert.match(crypto.randomUUID({ disableEntropyCache: true }), re);
  assert.throws(() => crypto.randomUUID(5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. Received type number (5)',
  });
  assert.throws(() => crypto.randomUUID({ disableEntropyCache: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.disableEntropyCache" property must be of type boolean. ' +
             'Received type number (1)',
  });
}

// getRandomValues (Web Crypto rules).
{
  const u8 = new Uint8Array(32);
  assert.strictEqual(crypto.getRandomValues(u8), u8);
  assert.notDeepStrictEqual(u8, new Uint8Array(32));
  for (const T of [Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
                   Uint32Array, BigInt64Array, BigUint64Array]) {
    const a = new T(8);
    assert.strictEqual(crypto.getRandomValues(a), a);
  }
  assert.strictEqual(crypto.getRandomValues(new Uint8Array(65536)).length, 65536);
  for (const bad of [new Float32Array(2), new Float64Array(2), new DataView(new ArrayBuffer(4)),
                     5, undefined, new ArrayBuffer(4)]) {
    assert.throws(() => crypto.getRandomValues(bad), {
      name: 'TypeMismatchError',
      code: 17,
      message: 'The data argument must be an integer-type TypedArray',
    });
  }
  assert.throws(() => crypto.getRandomValues(new Uint8Array(65537)), {
    name: 'QuotaExceededError',
    code: 22,
    message: 'The requested length exceeds 65,536 bytes',
  });
  assert(crypto.getRandomValues(new Uint8Array(4)) instanceof Uint8Array);
  const { getRandomValues } = crypto;
  assert.strictEqual(getRandomValues(new Uint8Array(2)).length, 2);
}

assert.deepStrictEqual(crypto.secureHeapUsed(),
                       { total: 0, used: 0, utilization: 0, min: 0 });
