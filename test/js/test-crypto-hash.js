'use strict';
// createHash / Hash / crypto.hash: NIST and reference vectors for every digest family, XOF
// lengths, copy(), encodings, the stream interface and node's errors.
const assert = require('assert');
const crypto = require('crypto');

const abc = {
  'md5': '900150983cd24fb0d6963f7d28e17f72',
  'sha1': 'a9993e364706816aba3e25717850c26c9cd0d89d',
  'sha224': '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
  'sha256': 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  'sha384': 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed' +
            '8086072ba1e7cc2358baeca134c825a7',
  'sha512': 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
            '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  'sha512-224': '4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa',
  'sha512-256': '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23',
  'sha3-224': 'e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf',
  'sha3-256': '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
  'sha3-384': 'ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2' +
              '98d88cea927ac7f539f1edf228376d25',
  'sha3-512': 'b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e' +
              '10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0',
  'ripemd160': '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
  'blake2b512': 'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
                '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
  'blake2s256': '508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982',
};
for (const [name, hex] of Object.entries(abc)) {
  assert.strictEqual(crypto.createHash(name).update('abc').digest('hex'), hex, name);
  assert.strictEqual(crypto.createHash(name.toUpperCase()).update('abc').digest('hex'), hex);
  assert.strictEqual(crypto.hash(name, 'abc'), hex, name);
  assert.strictEqual(crypto.hash(name, Buffer.from('abc'), 'buffer').toString('hex'), hex);
  // Byte at a time gives the same digest.
  const h = crypto.createHash(name);
  for (const ch of 'abc') h.update(ch);
  assert.strictEqual(h.digest('hex'), hex);
}

// Aliases from OpenSSL's table.
assert.strictEqual(crypto.createHash('RSA-SHA256').update('abc').digest('hex'), abc.sha256);
assert.strictEqual(crypto.createHash('sha256WithRSAEncryption').update('abc').digest('hex'),
                   abc.sha256);
assert.strictEqual(crypto.createHash('rmd160').update('abc').digest('hex'), abc.ripemd160);
assert.strictEqual(crypto.createHash('md5-sha1').digest('hex'),
                   'd41d8cd98f00b204e9800998ecf8427eda39a3ee5e6b4b0d3255bfef95601890afd80709');

// FIPS 180-2 two-block message and the million 'a'.
assert.strictEqual(
  crypto.createHash('sha256')
    .update('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq').digest('hex'),
  '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
{
  const h = crypto.createHash('sha256');
  const chunk = Buffer.alloc(1000, 'a');
  for (let i = 0; i < 1000; i++) h.update(chunk);
  assert.strictEqual(h.digest('hex'),
                     'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  assert.strictEqual(crypto.createHash('sha1').update('a'.repeat(1e6)).digest('hex'),
                     '34aa973cd4c4daa4f61eeb2bdbad27316534016f');
}

// Empty input.
assert.strictEqual(crypto.createHash('md5').digest('hex'), 'd41d8cd98f00b204e9800998ecf8427e');
assert.strictEqual(crypto.createHash('sha256').update('').digest('hex'),
                   'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

// SHAKE: default lengths (16 and 32 bytes, as node), outputLength, zero length.
const shake128 = '7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26';
const shake256 = '46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f' +
                 'd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be';
assert.strictEqual(crypto.createHash('shake128').digest('hex'), shake128.slice(0, 32));
assert.strictEqual(crypto.createHash('shake256').digest('hex'), shake256.slice(0, 64));
assert.strictEqual(crypto.createHash('shake128', { outputLength: 32 }).digest('hex'), shake128);
assert.strictEqual(crypto.createHash('shake256', { outputLength: 64 }).digest('hex'), shake256);
assert.strictEqual(crypto.createHash('shake256', { outputLength: 5 }).digest('hex'),
                   shake256.slice(0, 10));
assert.strictEqual(crypto.createHash('shake128', { outputLength: 0 }).digest('hex'), '');
assert.strictEqual(crypto.createHash('sha256', { outputLength: 32 }).digest('hex'),
                   'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
assert.throws(() => crypto.createHash('sha256', { outputLength: 5 }), {
  name: 'Error',
  code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
  message: 'error:030000B2:digital envelope routines::not XOF or invalid length',
  library: 'digital envelope routines',
  reason: 'not XOF or invalid length',
});
assert.throws(() => crypto.createHash('shake128', { outputLength: -1 }), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.outputLength" is out of range. It must be >= 0 && ' +
           '<= 4294967295. Received -1',
});
assert.throws(() => crypto.createHash('shake128', { outputLength: '1' }), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
});

// copy(): independent states, XOF length changes on copy.
{
  const h = crypto.createHash('sha256').update('ab');
  const c = h.copy();
  h.update('c');
  assert.strictEqual(h.digest('hex'), abc.sha256);
  assert.strictEqual(c.digest('hex'),
                     crypto.createHash('sha256').update('ab').digest('hex'));
  const x = crypto.createHash('shake256');
  assert.strictEqual(x.copy({ outputLength: 64 }).digest('hex'), shake256);
  assert.strictEqual(x.digest('hex'), shake256.slice(0, 64));
  assert.throws(() => x.copy(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
}

// Input forms and encodings.
{
  const ref = crypto.createHash('sha256').update(Buffer.from('héllo wörld')).digest('hex');
  assert.strictEqual(crypto.createHash('sha256').update('héllo wörld').digest('hex'), ref);
  assert.strictEqual(crypto.createHash('sha256').update('héllo wörld', 'utf8').digest('hex'),
                     ref);
  assert.strictEqual(
    crypto.createHash('sha256').update(Buffer.from('héllo wörld').toString('hex'), 'hex')
      .digest('hex'), ref);
  assert.strictEqual(
    crypto.createHash('sha256').update(Buffer.from('héllo wörld').toString('base64'), 'base64')
      .digest('hex'), ref);
  const latin1 = crypto.createHash('sha256').update('héllo', 'latin1').digest('hex');
  assert.strictEqual(latin1,
                     crypto.createHash('sha256').update(Buffer.from('héllo', 'latin1'))
                       .digest('hex'));
  assert.strictEqual(crypto.createHash('sha256').update('héllo', 'binary').digest('hex'), latin1);
  assert.strictEqual(
    crypto.createHash('sha256').update('hi', 'utf16le').digest('hex'),
    crypto.createHash('sha256').update(Buffer.from([0x68, 0, 0x69, 0])).digest('hex'));
  // Unknown input encodings are UTF-8, as node's.
  assert.strictEqual(crypto.createHash('sha256').update('héllo wörld', 'bogus').digest('hex'),
                     ref);
  // Any view; lone surrogates become U+FFFD.
  const bytes = Buffer.from('abc');
  assert.strictEqual(crypto.createHash('sha256').update(new Uint8Array(bytes)).digest('hex'),
                     abc.sha256);
  assert.strictEqual(
    crypto.createHash('sha256').update(new DataView(bytes.buffer, bytes.byteOffset, 3))
      .digest('hex'), abc.sha256);
  const u16 = new Uint16Array([0x6261, 0x63]);
  assert.strictEqual(
    crypto.createHash('sha256').update(u16).digest('hex'),
    crypto.createHash('sha256').update(Buffer.from([0x61, 0x62, 0x63, 0])).digest('hex'));
  assert.strictEqual(crypto.createHash('sha256').update('\ud800').digest('hex'),
                     crypto.createHash('sha256').update('\ufffd').digest('hex'));
}
{
  const d = () => crypto.createHash('sha1').update('abc');
  assert.deepStrictEqual(d().digest(), Buffer.from(abc.sha1, 'hex'));
  assert(Buffer.isBuffer(d().digest()));
  assert.deepStrictEqual(d().digest('buffer'), Buffer.from(abc.sha1, 'hex'));
  assert.strictEqual(d().digest('base64'), Buffer.from(abc.sha1, 'hex').toString('base64'));
  assert.strictEqual(d().digest('base64url'),
                     Buffer.from(abc.sha1, 'hex').toString('base64url'));
  assert.strictEqual(d().digest('latin1'), Buffer.from(abc.sha1, 'hex').toString('latin1'));
  assert.strictEqual(d().digest('binary'), Buffer.from(abc.sha1, 'hex').toString('latin1'));
  assert.strictEqual(d().digest('ucs2'), Buffer.from(abc.sha1, 'hex').toString('ucs2'));
  assert.deepStrictEqual(d().digest('bogus'), Buffer.from(abc.sha1, 'hex'));
  assert.strictEqual(crypto.hash('sha1', 'abc', 'base64'),
                     Buffer.from(abc.sha1, 'hex').toString('base64'));
}

// Errors.
assert.throws(() => crypto.createHash('foo'), (err) => {
  assert.strictEqual(err.constructor, Error);
  assert.strictEqual(err.message, 'Digest method not supported');
  assert.strictEqual(err.code, undefined);
  return true;
});
assert.throws(() => crypto.createHash(), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "algorithm" argument must be of type string. Received undefined',
});
assert.throws(() => crypto.createHash('sha1').update(1), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of Buffer, ' +
           'TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => crypto.createHash('sha1').update(new ArrayBuffer(3)), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => crypto.createHash('sha1').update('abc', 'hex'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'encoding' is invalid for data of length 3. Received 'hex'",
});
{
  const h = crypto.createHash('sha1');
  h.digest();
  for (const f of [() => h.digest(), () => h.update('x'), () => h.copy()]) {
    assert.throws(f, {
      name: 'Error', code: 'ERR_CRYPTO_HASH_FINALIZED', message: 'Digest already called',
    });
  }
}
assert.throws(() => crypto.hash('foo', 'x'), { message: 'Digest method foo is not supported' });
assert.throws(() => crypto.hash('sha1', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.hash('sha1', 'x', 'bogus'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'outputEncoding' is invalid. Received 'bogus'",
});

// Constructor forms.
assert(crypto.Hash('sha1') instanceof crypto.Hash);
assert(new crypto.Hash('sha1') instanceof crypto.Hash);
assert.deepStrictEqual(Object.keys(crypto.createHash('sha1', { a: 1 })), ['_options']);
assert.strictEqual(Object.getPrototypeOf(crypto.Hash.prototype).constructor.name,
                   'LazyTransform');

// The stream interface: write, end, read the digest.
{
  const stream = require('stream');
  const h = crypto.createHash('sha256');
  assert(h instanceof stream.Transform);
  h.write('a');
  h.write(Buffer.from('b'));
  h.end('c');
  h.on('readable', () => {
    const data = h.read();
    if (data !== null) {
      assert.strictEqual(data.toString('hex'), abc.sha256);
      h.done = true;
    }
  });
  process.on('exit', () => assert(h.done));
  const h2 = crypto.createHash('md5');
  h2.setEncoding('hex');
  stream.Readable.from(['a', 'b', 'c']).pipe(h2);
  let out = '';
  h2.on('data', (d) => { out += d; });
  h2.on('end', () => { assert.strictEqual(out, abc.md5); h2.done = true; });
  process.on('exit', () => assert(h2.done));
}

// A lot of random data: one update vs many, and copy mid-way.
{
  const data = crypto.createHash('sha512').update('seed').digest();
  const big = Buffer.alloc(1 << 20);
  for (let i = 0; i < big.length; i++) big[i] = data[i % 64] ^ (i & 0xff);
  const one = crypto.createHash('sha256').update(big).digest('hex');
  const many = crypto.createHash('sha256');
  for (let i = 0; i < big.length; i += 4099) many.update(big.subarray(i, i + 4099));
  assert.strictEqual(many.digest('hex'), one);
}

// digest() after the stream side produced the digest gives it again; copy() takes the
// digest's default length.
{
  const stream = require('stream');
  const s = new stream.PassThrough();
  const h = crypto.createHash('sha3-512');
  const expect = '36a38a2a35e698974d4e5791a3f05b05198235381e864f91a0e8cd6a26b677ec' +
                 'dcde8e2b069bd7355fabd68abd6fc80119659f25e92f8efc961ee3a7c815c758';
  s.pipe(h).on('data', (c) => {
    assert.strictEqual(c, expect);
    assert.strictEqual(h.digest('hex'), expect);
    h.piped = true;
  }).setEncoding('hex');
  s.end('aoeu');
  process.on('exit', () => assert(h.piped));
  assert.strictEqual(crypto.createHash('shake256', { outputLength: 0 }).copy().digest('hex'),
                     shake256.slice(0, 64));
  assert.strictEqual(crypto.createHash('shake128', { outputLength: 5 }).copy({ outputLength: 0 })
    .digest('hex'), '');
}
