'use strict';
// pbkdf2 (RFC 6070 and SHA-256 vectors), scrypt (RFC 7914), hkdf (RFC 5869) in sync and
// async (thread pool) forms, timingSafeEqual, and node's argument errors.
const assert = require('assert');
const crypto = require('crypto');

let pending = 0;
function mustCall(fn) {
  pending++;
  return function(...args) {
    pending--;
    return fn.apply(this, args);
  };
}
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(pending, 0, 'callbacks not called');
});

// ---- pbkdf2 ----
const pbkdf2Vectors = [
  ['password', 'salt', 1, 20, 'sha1', '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
  ['password', 'salt', 2, 20, 'sha1', 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
  ['password', 'salt', 4096, 20, 'sha1', '4b007901b765489abead49d926f721d065a429c1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1',
   '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
  ['pass\0word', 'sa\0lt', 4096, 16, 'sha1', '56fa6aa75548099dcc37d7f03425e0c3'],
  ['password', 'salt', 1, 32, 'sha256',
   '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b'],
  ['password', 'salt', 2, 32, 'sha256',
   'ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43'],
  ['password', 'salt', 4096, 32, 'sha256',
   'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a'],
];
for (const [p, s, c, len, digest, hex] of pbkdf2Vectors) {
  const out = crypto.pbkdf2Sync(p, s, c, len, digest);
  assert(Buffer.isBuffer(out));
  assert.strictEqual(out.toString('hex'), hex);
  assert.strictEqual(crypto.pbkdf2Sync(Buffer.from(p), new Uint8Array(Buffer.from(s)).buffer,
                                       c, len, digest).toString('hex'), hex);
  crypto.pbkdf2(p, s, c, len, digest, mustCall((err, key) => {
    assert.strictEqual(err, null);
    assert.strictEqual(key.toString('hex'), hex);
  }));
}
// Long passwords (hashed first), long salts, several output blocks, every SHA size and the
// digests that take OpenSSL's generic path: the bytes node v20 produces.
const pbkdf2Recorded = [
  ['sha1',
   '2542c44c9da036edcba60d4c397fc388a45a49f7e098b5b8888fb7f899082c5f937fc93976355cfb6dd8ccb593afa48268b9' +
   'bc3c34514db84ae5c3b72148ba77f4186726b91735138a927fd3c9eb4668b587d5de1cb739f736b62e5d17ea065fa49f12ac',
   '620c000a06fed9c10bca'],
  ['sha224',
   '799394b2533632a19bdd42339bb8d96e066f80e1ee0228aa19a6bf60e8c6cd4eb8e78ebd04237c2e44dc6830940b5914f09b' +
   '592412b2da3a86beca7a795a85729c5723c71735df2ce9b477b3a33322ff5a3276c7625b954b4ff548a87b9074e0b822af5c',
   '91565d346d1c1fe2036d'],
  ['sha256',
   'aa1a7317c910778ae22950dccb4203428e65d5455e1099cb00c047d86dda03872a42cd97bf3cec2ba1d016183a9ebb939b33' +
   'ad7be14891507cf65c7343f581f0ff00d41e90095a1b4b1fb0df04f2bc6163f25e801b03f66e8067bfefd812d4ef18eae88b',
   '97398411d6aea43a77ac'],
  ['sha384',
   '5f67822af4b1f34fc8d1b95afe7fcc8051d2d4c4373321aed24d4ba860c5910f1433f04c4668353c1fecdaf0b412f1cce035' +
   '2469d2d3836f5aef00cabc0a28e9ac183c756ca7903a8b6b0778fd962054919aa7c029930d4443a7a71c09dc7bb04e67b76f',
   '4e2b9109c23c305fc5c1'],
  ['sha512',
   '09cb4233e63799c2e7c770b22205f2174d73c26ee27d9745c4ddeff9740ddd5ea1244f8cac09f4ec2deb422ac3ba78f3bdb5' +
   'f35a47d4c0507148186fec06c998f84cb27b97dd80a357c2fe65f8ae7b300ee93885fb7be3081c6358c098d5d73a616fd341',
   'a422663fda8609a1e2fd'],
  ['sha3-256',
   '8fa9fcf6bea6f78430e5c5e98511791970c98ff6ca76e0377398011561608538eba0e9accb3cee219f769d6d6f8040b939d1' +
   'e8cf00264c3f38c2da6fde5fbbe0a72522ee72e4414df1b38fe7f5d969c2f55dcd22dff2c96fcbe0545a607ff67e152ff98b',
   '06a6d2e902405496e33e'],
  ['md5',
   'fe67097d27eccd83f1dbb2539cd12c182aa121f29426df6ef5059ccd43f0e1750e0d70aadbefbb1227d34edfa8b9f48079bb' +
   '885e126ba0b1bbf43f8556e93521f3c26d519c188ad65dc3b86721c007bbe8b029f0c8608543a70df158d08f261efbda3acf',
   '12163fdc7290a567066b'],
];
for (const [digest, long, empty] of pbkdf2Recorded) {
  assert.strictEqual(crypto.pbkdf2Sync('x'.repeat(200), 'y'.repeat(100), 3, 100, digest)
    .toString('hex'), long, digest);
  assert.strictEqual(crypto.pbkdf2Sync('', '', 2, 10, digest).toString('hex'), empty, digest);
}
assert.strictEqual(crypto.pbkdf2Sync('p', 's', 1, 0, 'sha1').length, 0);
assert.strictEqual(crypto.pbkdf2Sync('', '', 1, 8, 'sha512').length, 8);
assert.strictEqual(crypto.pbkdf2Sync('p', 's', 1, 100, 'sha3-256').length, 100);

// Several heavy derivations at once all complete (they share the pool).
for (let i = 0; i < 6; i++) {
  crypto.pbkdf2('pw' + i, 'salt', 20000, 64, 'sha512', mustCall((err, key) => {
    assert.ifError(err);
    assert.deepStrictEqual(key, crypto.pbkdf2Sync('pw' + i, 'salt', 20000, 64, 'sha512'));
  }));
}

// The async call copies its inputs: changing them afterwards changes nothing.
{
  const pw = Buffer.from('password');
  crypto.pbkdf2(pw, 'salt', 1, 20, 'sha1', mustCall((err, key) => {
    assert.strictEqual(key.toString('hex'), '0c60c80f961f0e71f3a9b524af6012062fe037a6');
  }));
  pw.fill(0);
}

assert.throws(() => crypto.pbkdf2Sync('p', 's', 0, 20, 'sha1'), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "iterations" is out of range. It must be >= 1 && <= 2147483647. ' +
           'Received 0',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1.5, 20, 'sha1'), {
  message: 'The value of "iterations" is out of range. It must be an integer. Received 1.5',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'), {
  message: 'The value of "keylen" is out of range. It must be >= 0 && <= 2147483647. ' +
           'Received -1',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', '1', 20, 'sha1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "iterations" argument must be of type number. Received type string (\'1\')',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 20, 'foo'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: foo',
});
assert.throws(() => crypto.pbkdf2('p', 's', 1, 20, 'foo', () => {}), {
  code: 'ERR_CRYPTO_INVALID_DIGEST',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 20), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "digest" argument must be of type string. Received undefined',
});
assert.throws(() => crypto.pbkdf2Sync(1, 's', 1, 20, 'sha1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "password" argument must be of type string or an instance of ArrayBuffer, ' +
           'Buffer, TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => crypto.pbkdf2Sync('p', 1, 1, 20, 'sha1'), {
  message: /^The "salt" argument must be/,
});
assert.throws(() => crypto.pbkdf2('p', 's', 1, 20, 'sha1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received undefined',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 20, 'shake128'), {
  name: 'Error', message: 'Deriving bits failed',
});
crypto.pbkdf2('p', 's', 1, 20, 'shake128', mustCall((err, key) => {
  assert.strictEqual(err.message, 'Deriving bits failed');
  assert.strictEqual(key, undefined);
}));

// ---- scrypt ----
const scryptVectors = [
  ['', '', { N: 16, r: 1, p: 1 }, 64,
   '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
   'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906'],
  ['password', 'NaCl', { N: 1024, r: 8, p: 16 }, 64,
   'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
   '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640'],
  ['password', 'NaCl', { cost: 1024, blockSize: 8, parallelization: 16 }, 64,
   'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
   '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640'],
];
for (const [p, s, options, len, hex] of scryptVectors) {
  assert.strictEqual(crypto.scryptSync(p, s, len, options).toString('hex'), hex);
  crypto.scrypt(p, s, len, options, mustCall((err, key) => {
    assert.strictEqual(err, null);
    assert.strictEqual(key.toString('hex'), hex);
  }));
}
{
  // Defaults N=16384, r=8, p=1.
  const def = crypto.scryptSync('p', 's', 16);
  assert.strictEqual(def.toString('hex'), '4329787752e75d1de359a05806e492d4');
  assert.deepStrictEqual(crypto.scryptSync('p', 's', 16, { N: 16384, r: 8, p: 1 }), def);
  assert.deepStrictEqual(crypto.scryptSync('p', 's', 16, { N: 0 }), def);
  crypto.scrypt('p', 's', 16, mustCall((err, key) => assert.deepStrictEqual(key, def)));
  assert.strictEqual(crypto.scryptSync('p', 's', 0).length, 0);
}
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 3 }), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', message: 'Invalid scrypt params',
});
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }), {
  name: 'RangeError',
  code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
  message: 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit ' +
           'exceeded',
});
assert.strictEqual(crypto.scryptSync('p', 's', 8, { N: 2 ** 16, maxmem: 2 ** 27 }).length, 8);
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }), {
  name: 'Error', code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', message: 'Invalid scrypt parameter',
});
assert.throws(() => crypto.scryptSync('p', 's', 16, { r: 1, blockSize: 1 }), {
  code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER',
});
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: '1' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "N" argument must be of type number. Received type string (\'1\')',
});
assert.throws(() => crypto.scryptSync('p', 's', -1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.scrypt('p', 's', 16), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received undefined',
});
assert.throws(() => crypto.scrypt('p', 's', 16, { N: 3 }, () => {}), {
  code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
});

// ---- hkdf ----
const hkdfVectors = [
  ['sha256', Buffer.alloc(22, 0x0b), Buffer.from('000102030405060708090a0b0c', 'hex'),
   Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42,
   '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865'],
  ['sha256', Buffer.alloc(22, 0x0b), '', '', 42,
   '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8'],
  ['sha1', Buffer.alloc(11, 0x0b), Buffer.from('000102030405060708090a0b0c', 'hex'),
   Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42,
   '085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896'],
  ['sha1', Buffer.alloc(22, 0x0c), '', '', 42,
   '2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5673a081d70cce7acfc48'],
];
for (const [digest, ikm, salt, info, len, hex] of hkdfVectors) {
  const out = crypto.hkdfSync(digest, ikm, salt, info, len);
  assert(out instanceof ArrayBuffer);
  assert.strictEqual(Buffer.from(out).toString('hex'), hex);
  crypto.hkdf(digest, ikm, salt, info, len, mustCall((err, bits) => {
    assert.strictEqual(err, null);
    assert(bits instanceof ArrayBuffer);
    assert.strictEqual(Buffer.from(bits).toString('hex'), hex);
  }));
}
assert.strictEqual(Buffer.from(crypto.hkdfSync('sha256', 'k', 's', 'i', 16)).toString('hex'),
                   '02b0929a9d46e9236e23320ea2a8c3b4');
// An empty key is allowed, as node.
assert.strictEqual(Buffer.from(crypto.hkdfSync('sha256', '', 's', 'i', 16)).toString('hex'),
                   'e7ee38c8e709aea46ec69a31d59b81f3');
assert.strictEqual(crypto.hkdfSync('sha256', 'k', 's', 'i', 0).byteLength, 0);
assert.strictEqual(crypto.hkdfSync('sha512', 'k', 's', 'i', 255 * 64).byteLength, 255 * 64);
assert.throws(() => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN', message: 'Invalid key length',
});
assert.throws(() => crypto.hkdfSync('foo', 'k', 's', 'i', 16), {
  code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: foo',
});
assert.throws(() => crypto.hkdfSync('sha256', 'k', 's', 'x'.repeat(1025), 16), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "info" is out of range. It must be must not contain more than 1024 ' +
           'bytes. Received 1025',
});
assert.throws(() => crypto.hkdfSync('sha256', 5, 's', 'i', 16), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "ikm" argument must be of type string or an instance of SecretKeyObject, ' +
           'ArrayBuffer, TypedArray, DataView, or Buffer. Received type number (5)',
});
assert.throws(() => crypto.hkdfSync('sha256', 'k', 5, 'i', 16), {
  message: 'The "salt" argument must be of type string or an instance of ArrayBuffer, ' +
           'TypedArray, DataView, or Buffer. Received type number (5)',
});
assert.throws(() => crypto.hkdfSync('sha256', 'k', 's', 'i'), {
  message: 'The "length" argument must be of type number. Received undefined',
});
assert.throws(() => crypto.hkdf('sha256', 'k', 's', 'i', 16), {
  message: 'The "callback" argument must be of type function. Received undefined',
});
assert.throws(() => crypto.hkdfSync('shake256', 'k', 's', 'i', 16), {
  message: 'Deriving bits failed',
});

// ---- timingSafeEqual ----
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), true);
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')), false);
assert.strictEqual(crypto.timingSafeEqual(Buffer.alloc(0), Buffer.alloc(0)), true);
assert.strictEqual(crypto.timingSafeEqual(new Uint16Array([1]), Buffer.from([1, 0])), true);
assert.strictEqual(crypto.timingSafeEqual(new ArrayBuffer(2), new DataView(new ArrayBuffer(2))),
                   true);
assert.throws(() => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')), {
  name: 'RangeError',
  code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
  message: 'Input buffers must have the same byte length',
});
assert.throws(() => crypto.timingSafeEqual('a', Buffer.from('a')), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or ' +
           'DataView.',
});
assert.throws(() => crypto.timingSafeEqual(Buffer.from('a'), 'a'), {
  message: /^The "buf2" argument/,
});
