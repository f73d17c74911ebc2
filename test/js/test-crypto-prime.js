'use strict';
// generatePrime / generatePrimeSync / checkPrime / checkPrimeSync: properties of generated
// primes (size, safe, add/rem), known primes and composites, callbacks from the thread pool,
// and node's argument errors (printed; the expected output is recorded with node).
const assert = require('assert');
const crypto = require('crypto');

function show(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (err) {
    console.log(label, err.name, err.code, err.message, Object.keys(err));
  }
}

function toBigInt(buffer) {
  return BigInt(`0x${Buffer.from(buffer).toString('hex') || '0'}`);
}

// Known answers.
const primes = [2n, 3n, 7n, 65537n, 2n ** 89n - 1n, 2n ** 127n - 1n,
                170141183460469231731687303715884105727n];
const composites = [0n, 1n, 4n, 561n, 41041n, 2n ** 67n - 1n, (2n ** 61n - 1n) * (2n ** 31n - 1n)];
console.log(primes.map((p) => crypto.checkPrimeSync(p)).join(),
            composites.map((c) => crypto.checkPrimeSync(c)).join());
console.log(crypto.checkPrimeSync(Buffer.from([7])), crypto.checkPrimeSync(new Uint8Array([1, 1])),
            crypto.checkPrimeSync(new DataView(new ArrayBuffer(1))),
            crypto.checkPrimeSync(new ArrayBuffer(1)), crypto.checkPrimeSync(Buffer.alloc(0)),
            crypto.checkPrimeSync(7n, { checks: 20 }));

// Generated primes.
for (const bits of [2, 3, 16, 17, 64, 256]) {
  const prime = crypto.generatePrimeSync(bits);
  assert(prime instanceof ArrayBuffer);
  const value = toBigInt(prime);
  assert.strictEqual(value.toString(2).length, bits);
  assert(crypto.checkPrimeSync(prime));
  console.log('bits', bits, prime.byteLength);
}
{
  const safe = crypto.generatePrimeSync(64, { safe: true, bigint: true });
  assert.strictEqual(typeof safe, 'bigint');
  assert(crypto.checkPrimeSync(safe) && crypto.checkPrimeSync((safe - 1n) / 2n));
  const congruent = crypto.generatePrimeSync(32, { add: 12n, rem: 5n, bigint: true });
  assert.strictEqual(congruent % 12n, 5n);
  const fromBuffers = crypto.generatePrimeSync(32, {
    add: Buffer.from([0x0c]), rem: new Uint8Array([0x0b]).buffer, bigint: true,
  });
  assert.strictEqual(fromBuffers % 12n, 11n);
  console.log('safe and congruent primes ok', crypto.generatePrimeSync(3, { safe: true }));
}

// Errors.
show('size 0', () => crypto.generatePrimeSync(0));
show('size -1', () => crypto.generatePrimeSync(-1));
show('size 2**31', () => crypto.generatePrimeSync(2 ** 31));
show('size string', () => crypto.generatePrimeSync('x'));
show('size 1', () => crypto.generatePrimeSync(1));
show('safe size 4', () => crypto.generatePrimeSync(4, { safe: true }));
show('add number', () => crypto.generatePrimeSync(16, { add: 5 }));
show('rem number', () => crypto.generatePrimeSync(16, { add: 5n, rem: 1 }));
show('add too big', () => crypto.generatePrimeSync(16, { add: 2n ** 20n }));
show('rem too big', () => crypto.generatePrimeSync(16, { add: 12n, rem: 13n }));
show('safe type', () => crypto.generatePrimeSync(16, { safe: 1 }));
show('bigint type', () => crypto.generatePrimeSync(16, { bigint: 1 }));
show('options number', () => crypto.generatePrimeSync(16, 5));
show('options null', () => crypto.generatePrimeSync(16, null));
show('no callback', () => crypto.generatePrime(16));
show('options not callback', () => crypto.generatePrime(5, 6));
show('async size first', () => crypto.generatePrime('x'));
show('async rem', () => crypto.generatePrime(16, { add: 12n, rem: 13n }, () => {}));
show('negative candidate', () => crypto.checkPrimeSync(-7n));
show('number candidate', () => crypto.checkPrimeSync(7));
show('checks -1', () => crypto.checkPrimeSync(7n, { checks: -1 }));
show('checks 1.5', () => crypto.checkPrimeSync(7n, { checks: 1.5 }));
show('checks string', () => crypto.checkPrimeSync(7n, { checks: 'x' }));
show('check options null', () => crypto.checkPrimeSync(7n, null));
show('checkPrime no callback', () => crypto.checkPrime(7n));
show('checkPrime bad candidate first', () => crypto.checkPrime(-1n));
show('checkPrime options number', () => crypto.checkPrime(5n, 5, () => {}));

// Callbacks run from the thread pool, in submission-independent order: print once all are in.
const results = {};
let pending = 4;
function done(name, value) {
  results[name] = value;
  if (--pending === 0) {
    for (const key of Object.keys(results).sort()) console.log(key, results[key]);
  }
}
crypto.checkPrime(2n ** 127n - 1n, (err, result) => done('checkPrime mersenne', [err, result]));
crypto.checkPrime(Buffer.from([9]), { checks: 3 }, (err, result) => done('checkPrime 9', [err, result]));
crypto.generatePrime(48, (err, prime) => {
  done('generatePrime 48', [err, prime.byteLength, crypto.checkPrimeSync(prime)]);
});
crypto.generatePrime(1, { bigint: true }, (err, prime) => {
  done('generatePrime 1', [err.message, Object.keys(err), prime]);
});
