'use strict';
// createHmac: RFC 2202 / RFC 4231 vectors, key forms, the second digest, streams, errors.
const assert = require('assert');
const crypto = require('crypto');

const hmac = (alg, key, data, enc = 'hex') => crypto.createHmac(alg, key).update(data).digest(enc);

// RFC 4231 test cases 1, 2, 4, 6 (key longer than the block) and 7.
const cases = [
  {
    key: Buffer.alloc(20, 0x0b), data: 'Hi There',
    sha224: '896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22',
    sha256: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    sha384: 'afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c' +
            'faea9ea9076ede7f4af152e8b2fa9cb6',
    sha512: '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
            'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
  },
  {
    key: 'Jefe', data: 'what do ya want for nothing?',
    sha224: 'a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44',
    sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    sha384: 'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e' +
            '8e2240ca5e69e2c78b3239ecfab21649',
    sha512: '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554' +
            '9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
  },
  {
    key: Buffer.from('0102030405060708090a0b0c0d0e0f10111213141516171819', 'hex'),
    data: Buffer.alloc(50, 0xcd),
    sha224: '6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a',
    sha256: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    sha384: '3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e' +
            '6801dd23c4a7d679ccf8a386c674cffb',
    sha512: 'b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db' +
            'a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd',
  },
  {
    key: Buffer.alloc(131, 0xaa),
    data: 'Test Using Larger Than Block-Size Key - Hash Key First',
    sha224: '95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e',
    sha256: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    sha384: '4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6' +
            '0c2ef6ab4030fe8296248df163f44952',
    sha512: '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352' +
            '6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598',
  },
];
for (const c of cases) {
  for (const alg of ['sha224', 'sha256', 'sha384', 'sha512']) {
    assert.strictEqual(hmac(alg, c.key, c.data), c[alg], `${alg} ${c.data}`);
  }
}
// RFC 4231 case 5: truncation to 128 bits.
assert.strictEqual(
  hmac('sha256', Buffer.alloc(20, 0x0c), 'Test With Truncation').slice(0, 32),
  'a3b6167473100ee06e0c796c2955552b');

// RFC 2202 (MD5, SHA-1).
assert.strictEqual(hmac('md5', Buffer.alloc(16, 0x0b), 'Hi There'),
                   '9294727a3638bb1c13f48ef8158bfc9d');
assert.strictEqual(hmac('md5', 'Jefe', 'what do ya want for nothing?'),
                   '750c783e6ab0b503eaa86e310a5db738');
assert.strictEqual(hmac('sha1', Buffer.alloc(20, 0x0b), 'Hi There'),
                   'b617318655057264e28bc0b6fb378c8ef146be00');
assert.strictEqual(hmac('sha1', 'Jefe', 'what do ya want for nothing?'),
                   'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
assert.strictEqual(hmac('RSA-SHA1', 'Jefe', 'what do ya want for nothing?'),
                   'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
// SHA-3 (NIST HMAC example vectors: 0x00..0x1b key, "Sample message for keylen<blocklen").
assert.strictEqual(
  hmac('sha3-256', Buffer.from(Array.from({ length: 32 }, (_, i) => i)),
       'Sample message for keylen<blocklen'),
  '4fe8e202c4f058e8dddc23d8c34e467343e23555e24fc2f025d598f558f67205');

// Key forms: string, ArrayBuffer, views, empty key, key encoding option.
{
  const ref = hmac('sha256', 'key', 'data');
  assert.strictEqual(ref, '5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0');
  assert.strictEqual(hmac('sha256', Buffer.from('key'), 'data'), ref);
  assert.strictEqual(hmac('sha256', new Uint8Array([107, 101, 121]).buffer, 'data'), ref);
  assert.strictEqual(hmac('sha256', new DataView(Buffer.from('key').buffer.slice(0)), 'data')
    .length, 64);
  assert.strictEqual(
    crypto.createHmac('sha256', '6b6579', { encoding: 'hex' }).update('data').digest('hex'), ref);
  assert.strictEqual(hmac('sha256', '', 'data'), hmac('sha256', Buffer.alloc(0), 'data'));
  assert.strictEqual(hmac('sha256', '', 'data'), hmac('sha256', new ArrayBuffer(3), 'data'));
}

// Chunked updates, encodings, a second digest() gives an empty result.
{
  const h = crypto.createHmac('sha256', 'key');
  h.update('da').update(Buffer.from('ta'));
  const out = h.digest();
  assert(Buffer.isBuffer(out));
  assert.strictEqual(out.toString('hex'),
                     '5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0');
  assert.strictEqual(h.digest('hex'), '');
  assert.deepStrictEqual(h.digest(), Buffer.alloc(0));
  assert.throws(() => h.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
  assert.strictEqual(crypto.createHmac('sha1', 'k').update('d').digest('base64'),
                     Buffer.from(hmac('sha1', 'k', 'd'), 'hex').toString('base64'));
}

// Errors.
assert.throws(() => crypto.createHmac('foo', 'k'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: foo',
});
assert.throws(() => crypto.createHmac('sha256'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
           'TypedArray, DataView, KeyObject, or CryptoKey. Received undefined',
});
assert.throws(() => crypto.createHmac(5, 'k'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "hmac" argument must be of type string. Received type number (5)',
});
assert.throws(() => crypto.createHmac('sha256', 'k', { encoding: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
// An XOF cannot key an HMAC; OpenSSL reports no reason, as in node.
assert.throws(() => crypto.createHmac('shake128', 'k'), {
  name: 'Error', message: 'error:00000000:lib(0)::reason(0)',
});

assert(crypto.Hmac('sha1', 'k') instanceof crypto.Hmac);

// Stream interface.
{
  const h = crypto.createHmac('sha256', 'key');
  h.end('data');
  h.on('readable', () => {
    const d = h.read();
    if (d) {
      assert.strictEqual(d.toString('hex'),
                         '5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0');
      h.ok = true;
    }
  });
  process.on('exit', () => assert(h.ok));
}
