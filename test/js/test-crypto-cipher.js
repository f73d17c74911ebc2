'use strict';
// createCipheriv / createDecipheriv: NIST SP 800-38A (CBC, CTR, ECB), GCM (McGrew-Viega),
// ChaCha20-Poly1305 (RFC 8439), CCM and OCB round trips, padding, encodings, streams,
// getCipherInfo and node's errors.
const assert = require('assert');
const crypto = require('crypto');

const hex = (s) => Buffer.from(s, 'hex');
function encrypt(alg, key, iv, data, opts = {}) {
  const c = crypto.createCipheriv(alg, key, iv, opts.options);
  if (opts.padding === false) c.setAutoPadding(false);
  if (opts.aad) c.setAAD(opts.aad, opts.aadOptions);
  const out = Buffer.concat([c.update(data), c.final()]);
  let tag;
  try { tag = c.getAuthTag(); } catch { /* not AEAD */ }
  return { out, tag };
}
function decrypt(alg, key, iv, data, opts = {}) {
  const d = crypto.createDecipheriv(alg, key, iv, opts.options);
  if (opts.padding === false) d.setAutoPadding(false);
  if (opts.tag) d.setAuthTag(opts.tag);
  if (opts.aad) d.setAAD(opts.aad, opts.aadOptions);
  return Buffer.concat([d.update(data), d.final()]);
}

// SP 800-38A.
const k128 = hex('2b7e151628aed2a6abf7158809cf4f3c');
const k256 = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const iv = hex('000102030405060708090a0b0c0d0e0f');
const p1 = hex('6bc1bee22e409f96e93d7e117393172a');
const nist = [
  ['aes-128-cbc', k128, iv, '7649abac8119b246cee98e9b12e9197d'],
  ['aes-256-cbc', k256, iv, 'f58c4c04d6e5f1ba779eabfb5f7bfbd6'],
  ['aes-128-ecb', k128, null, '3ad77bb40d7a3660a89ecaf32466ef97'],
  ['aes-128-ecb', k128, Buffer.alloc(0), '3ad77bb40d7a3660a89ecaf32466ef97'],
  ['aes-128-ctr', k128, hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), '874d6191b620e3261bef6864990db6ce'],
  ['aes-256-ctr', k256, hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), '601ec313775789a5b7a7f504bbf3d228'],
  ['aes-128-ofb', k128, iv, '3b3fd92eb72dad20333449f8e83cfb4a'],
  ['aes-128-cfb', k128, iv, '3b3fd92eb72dad20333449f8e83cfb4a'],
];
for (const [alg, key, ivv, expected] of nist) {
  const { out } = encrypt(alg, key, ivv, p1, { padding: false });
  assert.strictEqual(out.toString('hex'), expected, alg);
  assert.deepStrictEqual(decrypt(alg, key, ivv, out, { padding: false }), p1, alg);
}

// PKCS#7 padding: a full extra block for block-aligned input; wrong padding is bad decrypt.
{
  const { out } = encrypt('aes-128-cbc', k128, iv, p1);
  assert.strictEqual(out.length, 32);
  assert.strictEqual(out.subarray(0, 16).toString('hex'), '7649abac8119b246cee98e9b12e9197d');
  assert.deepStrictEqual(decrypt('aes-128-cbc', k128, iv, out), p1);
  const bad = Buffer.from(out);
  bad[31] ^= 1;
  assert.throws(() => decrypt('aes-128-cbc', k128, iv, bad), {
    name: 'Error',
    code: 'ERR_OSSL_BAD_DECRYPT',
    message: 'error:1C800064:Provider routines::bad decrypt',
    library: 'Provider routines',
    reason: 'bad decrypt',
  });
  assert.throws(() => decrypt('aes-128-cbc', k128, iv, out.subarray(0, 20)), {
    code: 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH',
    message: 'error:1C80006B:Provider routines::wrong final block length',
  });
  const c = crypto.createCipheriv('aes-128-cbc', k128, iv).setAutoPadding(false);
  c.update('hello');
  assert.throws(() => c.final(), { code: 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH' });
}

// GCM test cases 2-4 (McGrew and Viega).
{
  const { out, tag } = encrypt('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12),
                               Buffer.alloc(16));
  assert.strictEqual(out.toString('hex'), '0388dace60b6a392f328c2b971b2fe78');
  assert.strictEqual(tag.toString('hex'), 'ab6e47d42cec13bdf53a67b21257bddf');
  const key = hex('feffe9928665731c6d6a8f9467308308');
  const nonce = hex('cafebabefacedbaddecaf888');
  const pt = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
                 '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255');
  const ct = '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e' +
             '21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985';
  const r3 = encrypt('aes-128-gcm', key, nonce, pt);
  assert.strictEqual(r3.out.toString('hex'), ct);
  assert.strictEqual(r3.tag.toString('hex'), '4d5c2af327cd64a62cf35abd2ba6fab4');
  assert.deepStrictEqual(decrypt('aes-128-gcm', key, nonce, r3.out, { tag: r3.tag }), pt);
  const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const r4 = encrypt('aes-128-gcm', key, nonce, pt.subarray(0, 60), { aad });
  assert.strictEqual(r4.out.toString('hex'), ct.slice(0, 120));
  assert.strictEqual(r4.tag.toString('hex'), '5bc94fbc3221a5db94fae95ae7121a47');
  assert.deepStrictEqual(decrypt('aes-128-gcm', key, nonce, r4.out, { tag: r4.tag, aad }),
                         pt.subarray(0, 60));
  // Wrong tag, wrong AAD, missing tag: authentication fails in final().
  const badTag = Buffer.from(r4.tag);
  badTag[0] ^= 1;
  for (const opts of [{ tag: badTag, aad }, { tag: r4.tag }, { aad }]) {
    assert.throws(() => decrypt('aes-128-gcm', key, nonce, r4.out, opts), {
      name: 'Error', message: 'Unsupported state or unable to authenticate data',
    });
  }
  // A shorter tag chosen up front; a longer IV; tag length checks.
  const short = encrypt('aes-256-gcm', Buffer.alloc(32, 7), Buffer.alloc(12), 'data',
                        { options: { authTagLength: 8 } });
  assert.strictEqual(short.tag.length, 8);
  assert.strictEqual(
    decrypt('aes-256-gcm', Buffer.alloc(32, 7), Buffer.alloc(12), short.out,
            { tag: short.tag, options: { authTagLength: 8 } }).toString(), 'data');
  assert.strictEqual(
    decrypt('aes-256-gcm', Buffer.alloc(32, 7), Buffer.alloc(12), short.out,
            { tag: short.tag }).toString(), 'data');
  const longIv = encrypt('aes-128-gcm', key, Buffer.alloc(100, 1), 'x');
  assert.strictEqual(decrypt('aes-128-gcm', key, Buffer.alloc(100, 1), longIv.out,
                             { tag: longIv.tag }).toString(), 'x');
  assert.throws(() => crypto.createCipheriv('aes-128-gcm', key, nonce, { authTagLength: 7 }), {
    name: 'TypeError',
    code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
    message: 'Invalid authentication tag length: 7',
  });
  assert.throws(() => crypto.createDecipheriv('aes-128-gcm', key, nonce).setAuthTag(
    Buffer.alloc(3)), { code: 'ERR_CRYPTO_INVALID_AUTH_TAG', message:
    'Invalid authentication tag length: 3' });
  const d = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  d.setAuthTag(Buffer.alloc(16));
  assert.throws(() => d.setAuthTag(Buffer.alloc(16)), {
    name: 'Error',
    code: 'ERR_CRYPTO_INVALID_STATE',
    message: 'Invalid state for operation setAuthTag',
  });
  const e = crypto.createCipheriv('aes-128-gcm', key, nonce);
  e.update('x');
  assert.throws(() => e.getAuthTag(), {
    code: 'ERR_CRYPTO_INVALID_STATE', message: 'Invalid state for operation getAuthTag',
  });
  assert.strictEqual(e.setAuthTag, undefined);
  assert.strictEqual(d.getAuthTag, undefined);
  assert.throws(() => crypto.createCipheriv('aes-128-gcm', key, Buffer.alloc(0)), {
    name: 'TypeError', code: 'ERR_CRYPTO_INVALID_IV', message: 'Invalid initialization vector',
  });
  // Tag and AAD as strings with an encoding.
  const r = encrypt('aes-128-gcm', key, nonce, 'hi', { aad: '616263', aadOptions: { encoding: 'hex' } });
  const dd = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  dd.setAuthTag(r.tag.toString('base64'), 'base64');
  dd.setAAD(Buffer.from('abc'));
  assert.strictEqual(dd.update(r.out, undefined, 'utf8') + dd.final('utf8'), 'hi');
}

// ChaCha20-Poly1305, RFC 8439 section 2.8.2.
{
  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i));
  const nonce = hex('070000004041424344454647');
  const aad = hex('50515253c0c1c2c3c4c5c6c7');
  const pt = Buffer.from('Ladies and Gentlemen of the class of \'99: If I could offer you ' +
                         'only one tip for the future, sunscreen would be it.');
  const r = encrypt('chacha20-poly1305', key, nonce, pt, { aad });
  assert.strictEqual(r.out.toString('hex'),
                     'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6' +
                     '3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36' +
                     '92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc' +
                     '3ff4def08e4b7a9de576d26586cec64b6116');
  assert.strictEqual(r.tag.toString('hex'), '1ae10b594f09e26a7e902ecbd0600691');
  assert.deepStrictEqual(decrypt('chacha20-poly1305', key, nonce, r.out, { tag: r.tag, aad }),
                         pt);
  const bad = Buffer.from(r.out);
  bad[5] ^= 0x20;
  assert.throws(() => decrypt('chacha20-poly1305', key, nonce, bad, { tag: r.tag, aad }), {
    message: 'Unsupported state or unable to authenticate data',
  });
  // 16-byte tags unless told otherwise, both ways.
  assert.throws(() => decrypt('chacha20-poly1305', key, nonce, r.out,
                              { tag: r.tag.subarray(0, 8), aad }), {
    code: 'ERR_CRYPTO_INVALID_AUTH_TAG', message: 'Invalid authentication tag length: 8',
  });
  const s = encrypt('chacha20-poly1305', key, nonce, 'x', { options: { authTagLength: 8 } });
  assert.strictEqual(s.tag.length, 8);
  assert.throws(() => crypto.createCipheriv('chacha20-poly1305', key, Buffer.alloc(16)), {
    code: 'ERR_CRYPTO_INVALID_IV',
  });
}

// CCM and OCB need authTagLength; CCM wants plaintextLength with AAD.
{
  const key = crypto.randomBytes(16);
  const nonce = crypto.randomBytes(12);
  const pt = crypto.randomBytes(100);
  for (const alg of ['aes-128-ccm', 'aes-128-ocb']) {
    assert.throws(() => crypto.createCipheriv(alg, key, nonce), {
      name: 'TypeError',
      code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
      message: `authTagLength required for ${alg}`,
    });
    const options = { authTagLength: 16 };
    const aadOptions = { plaintextLength: pt.length };
    const r = encrypt(alg, key, nonce, pt, { options, aad: Buffer.from('hdr'), aadOptions });
    assert.strictEqual(r.tag.length, 16);
    assert.deepStrictEqual(
      decrypt(alg, key, nonce, r.out, { options, tag: r.tag, aad: Buffer.from('hdr'),
                                        aadOptions }), pt);
    const badTag = Buffer.from(r.tag);
    badTag[3] ^= 1;
    assert.throws(() => decrypt(alg, key, nonce, r.out, { options, tag: badTag,
                                                           aad: Buffer.from('hdr'),
                                                           aadOptions }),
                  { message: 'Unsupported state or unable to authenticate data' });
  }
  const c = crypto.createCipheriv('aes-128-ccm', key, nonce, { authTagLength: 16 });
  assert.throws(() => c.setAAD(Buffer.from('x')), {
    code: 'ERR_MISSING_ARGS',
    message: 'options.plaintextLength required for CCM mode with AAD',
  });
}

// Round trips of random data through every mode, in pieces, with string encodings.
{
  const data = crypto.randomBytes(10000);
  for (const [alg, keyLen, ivLen] of [
    ['aes-128-cbc', 16, 16], ['aes-192-cbc', 24, 16], ['aes-256-cbc', 32, 16],
    ['aes-128-ctr', 16, 16], ['aes-256-ctr', 32, 16], ['aes-128-gcm', 16, 12],
    ['aes-256-gcm', 32, 12], ['chacha20-poly1305', 32, 12], ['chacha20', 32, 16],
    ['des-ede3-cbc', 24, 8], ['aes-256-cfb8', 32, 16], ['aes-128-ecb', 16, 0],
  ]) {
    const key = crypto.randomBytes(keyLen);
    const ivv = ivLen ? crypto.randomBytes(ivLen) : null;
    const c = crypto.createCipheriv(alg, key, ivv);
    const parts = [];
    for (let i = 0; i < data.length; i += 777) parts.push(c.update(data.subarray(i, i + 777)));
    parts.push(c.final());
    const ct = Buffer.concat(parts);
    const tag = /gcm|poly/.test(alg) ? c.getAuthTag() : undefined;
    const d = crypto.createDecipheriv(alg, key, ivv);
    if (tag) d.setAuthTag(tag);
    const b64 = d.update(ct.toString('base64'), 'base64', 'base64') + d.final('base64');
    assert.deepStrictEqual(Buffer.from(b64, 'base64'), data, alg);
  }
  // Text in, hex out and back; utf8 output split across multibyte characters.
  const key = crypto.randomBytes(32);
  const ivv = crypto.randomBytes(16);
  const text = 'héllo wörld ✓ '.repeat(50);
  const c = crypto.createCipheriv('aes-256-cbc', key, ivv);
  const enc = c.update(text, 'utf8', 'hex') + c.final('hex');
  const d = crypto.createDecipheriv('aes-256-cbc', key, ivv);
  let dec = '';
  for (let i = 0; i < enc.length; i += 6) dec += d.update(enc.slice(i, i + 6), 'hex', 'utf8');
  dec += d.final('utf8');
  assert.strictEqual(dec, text);
  const l = crypto.createCipheriv('aes-256-ctr', key, ivv);
  const latin = l.update('héllo', 'latin1');
  assert.strictEqual(latin.length, 5);
}

// Keys as strings with an encoding, as ArrayBuffers.
{
  const c1 = encrypt('aes-128-cbc', k128.toString('hex'), iv, p1,
                     { options: { encoding: 'hex' }, padding: false });
  assert.strictEqual(c1.out.toString('hex'), '7649abac8119b246cee98e9b12e9197d');
  const c2 = crypto.createCipheriv('aes-128-cbc', k128.toString('latin1'), iv,
                                  { encoding: 'latin1' });
  assert.strictEqual(c2.update(p1).length, 16);
  const c3 = crypto.createCipheriv('aes-128-cbc', new Uint8Array(k128).buffer, iv.buffer.slice(
    iv.byteOffset, iv.byteOffset + 16));
  c3.setAutoPadding(false);
  assert.strictEqual(c3.update(p1).toString('hex'), '7649abac8119b246cee98e9b12e9197d');
}

// The stream interface.
{
  const key = crypto.randomBytes(16);
  const ivv = crypto.randomBytes(16);
  const c = crypto.createCipheriv('aes-128-cbc', key, ivv);
  const d = crypto.createDecipheriv('aes-128-cbc', key, ivv);
  const chunks = [];
  c.pipe(d);
  d.on('data', (chunk) => chunks.push(chunk));
  d.on('end', () => {
    assert.strictEqual(Buffer.concat(chunks).toString(), 'stream data '.repeat(100));
    d.done = true;
  });
  for (let i = 0; i < 100; i++) c.write('stream data ');
  c.end();
  process.on('exit', () => assert(d.done));
  // A bad final surfaces as the stream's error.
  const bad = crypto.createDecipheriv('aes-128-cbc', key, ivv);
  bad.on('error', (err) => {
    assert.strictEqual(err.code, 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
    bad.sawError = true;
  });
  bad.resume();
  bad.end(Buffer.alloc(5));
  process.on('exit', () => assert(bad.sawError));
}

// States and argument errors.
{
  const c = crypto.createCipheriv('aes-128-cbc', k128, iv);
  c.final();
  assert.throws(() => c.final(), {
    name: 'Error', code: 'ERR_CRYPTO_INVALID_STATE', message: 'Invalid state',
  });
  assert.throws(() => c.update('a'), {
    name: 'Error', message: 'Trying to add data in unsupported state',
  });
  assert.throws(() => c.setAutoPadding(true), {
    code: 'ERR_CRYPTO_INVALID_STATE', message: 'Invalid state for operation setAutoPadding',
  });
  assert.throws(() => crypto.createCipheriv('aes-128-cbc', k128, iv).setAAD(Buffer.alloc(1)), {
    code: 'ERR_CRYPTO_INVALID_STATE', message: 'Invalid state for operation setAAD',
  });
}
assert.throws(() => crypto.createCipheriv('foo', k128, iv), {
  name: 'Error', code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', k256, iv), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN', message: 'Invalid key length',
});
for (const badIv of [Buffer.alloc(12), null]) {
  assert.throws(() => crypto.createCipheriv('aes-128-cbc', k128, badIv), {
    name: 'TypeError', code: 'ERR_CRYPTO_INVALID_IV', message: 'Invalid initialization vector',
  });
}
assert.throws(() => crypto.createCipheriv('aes-128-ecb', k128, iv), {
  code: 'ERR_CRYPTO_INVALID_IV',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', k128, 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "iv" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
           'TypedArray, or DataView. Received type number (5)',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', 5, iv), {
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
           'TypedArray, DataView, KeyObject, or CryptoKey. Received type number (5)',
});
assert.throws(() => crypto.createCipheriv(5, k128, iv), {
  message: 'The "cipher" argument must be of type string. Received type number (5)',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', k128, iv).update(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of Buffer, TypedArray, ' +
           'or DataView. Received type number (5)',
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', k128, iv).update('hello', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'encoding' is invalid for data of length 5. Received 'hex'",
});
assert.throws(() => crypto.createCipheriv('aes-128-cbc', k128, iv).update('abc', 'utf8',
                                                                              'bogus'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: bogus',
});
assert(crypto.Cipheriv('aes-128-cbc', k128, iv) instanceof crypto.Cipheriv);
assert(crypto.Decipheriv('aes-128-cbc', k128, iv) instanceof crypto.Decipheriv);
assert.deepStrictEqual(Object.keys(crypto.createCipheriv('aes-128-cbc', k128, iv)),
                       ['_decoder', '_options']);

// getCipherInfo.
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-gcm'), {
  mode: 'gcm', name: 'id-aes128-gcm', nid: 895, blockSize: 1, ivLength: 12, keyLength: 16,
});
assert.deepStrictEqual(crypto.getCipherInfo('aes-256-cbc'), {
  mode: 'cbc', name: 'aes-256-cbc', nid: 427, blockSize: 16, ivLength: 16, keyLength: 32,
});
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-ecb'), {
  mode: 'ecb', name: 'aes-128-ecb', nid: 418, blockSize: 16, keyLength: 16,
});
assert.deepStrictEqual(crypto.getCipherInfo('chacha20-poly1305'), {
  mode: 'stream', name: 'chacha20-poly1305', nid: 1018, ivLength: 12, keyLength: 32,
});
assert.deepStrictEqual(crypto.getCipherInfo(427), crypto.getCipherInfo('aes-256-cbc'));
assert.strictEqual(crypto.getCipherInfo('foo'), undefined);
assert.strictEqual(crypto.getCipherInfo('aes-128-gcm', { ivLength: 8 }).ivLength, 8);
assert.strictEqual(crypto.getCipherInfo('aes-128-cbc', { ivLength: 8 }), undefined);
assert.strictEqual(crypto.getCipherInfo('aes-128-cbc', { keyLength: 8 }), undefined);
assert.strictEqual(crypto.getCipherInfo('aes-128-ccm', { ivLength: 14 }), undefined);
assert.strictEqual(crypto.getCipherInfo('aes-128-ccm', { ivLength: 7 }).ivLength, 7);
assert.throws(() => crypto.getCipherInfo(null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.getCipherInfo('aes-128-cbc', 5), { code: 'ERR_INVALID_ARG_TYPE' });
