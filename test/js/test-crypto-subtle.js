'use strict';
// crypto.subtle beyond digest: known-answer vectors (RFC 4231 HMAC, RFC 5869 HKDF, RFC 6070
// PBKDF2, GCM spec AES-GCM, SP 800-38A AES-CBC/CTR, RFC 3394 AES-KW), key generation, import and
// export round trips, CryptoKey's shape, the fixtures of fixtures/crypto/subtle.json (made by
// node) and subtle-ringjs.json (made by ringjs) verified here, and node's errors (printed; the
// expected output is recorded with node).
const assert = require('assert');
const util = require('util');
const path = require('path');
const { KeyObject } = require('crypto');

const { subtle } = globalThis.crypto;
const hex = (ab) => {
  assert(ab instanceof ArrayBuffer);
  return Buffer.from(ab).toString('hex');
};
const bytes = (h) => Buffer.from(h, 'hex');

async function show(label, fn) {
  try {
    const result = await fn();
    console.log(label, 'ok', result instanceof ArrayBuffer ? hex(result) : result);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

async function knownAnswers() {
  // RFC 4231, test case 2.
  for (const [hash, mac] of [
    ['SHA-256', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['SHA-512', '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a99' +
                '4a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737'],
  ]) {
    const key = await subtle.importKey('raw', Buffer.from('Jefe'), { name: 'HMAC', hash },
                                       false, ['sign', 'verify']);
    const data = Buffer.from('what do ya want for nothing?');
    const signature = await subtle.sign('HMAC', key, data);
    assert.strictEqual(hex(signature), mac);
    assert.strictEqual(await subtle.verify('HMAC', key, signature, data), true);
    assert.strictEqual(await subtle.verify('HMAC', key, signature.slice(1), data), false);
    assert.strictEqual(await subtle.verify({ name: 'HMAC' }, key, new Uint8Array(signature.byteLength), data),
                       false);
  }
  // RFC 5869, test case 1.
  {
    const key = await subtle.importKey('raw', Buffer.alloc(22, 0x0b), 'HKDF', false,
                                       ['deriveBits']);
    const okm = await subtle.deriveBits({
      name: 'HKDF', hash: 'SHA-256', salt: bytes('000102030405060708090a0b0c'),
      info: bytes('f0f1f2f3f4f5f6f7f8f9'),
    }, key, 42 * 8);
    assert.strictEqual(hex(okm), '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5' +
                                 'bf34007208d5b887185865');
  }
  // RFC 6070.
  {
    const key = await subtle.importKey('raw', Buffer.from('password'), { name: 'PBKDF2' }, false,
                                       ['deriveBits']);
    for (const [iterations, dk] of [[1, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
                                    [2, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
                                    [4096, '4b007901b765489abead49d926f721d065a429c1']]) {
      const bits = await subtle.deriveBits({
        name: 'PBKDF2', hash: 'SHA-1', salt: Buffer.from('salt'), iterations,
      }, key, 160);
      assert.strictEqual(hex(bits), dk);
    }
  }
  // The GCM specification, test cases 3 and 4.
  {
    const key = await subtle.importKey('raw', bytes('feffe9928665731c6d6a8f9467308308'),
                                       'AES-GCM', true, ['encrypt', 'decrypt']);
    const iv = bytes('cafebabefacedbaddecaf888');
    const plain = bytes('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c' +
                        '95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255');
    const sealed = await subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
    assert.strictEqual(hex(sealed),
                       '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b2' +
                       '5466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985' +
                       '4d5c2af327cd64a62cf35abd2ba6fab4');
    assert.deepStrictEqual(Buffer.from(await subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed)),
                           plain);
    const additionalData = bytes('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const sealed4 = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key,
                                         plain.subarray(0, 60));
    assert.strictEqual(hex(sealed4).slice(-32), '5bc94fbc3221a5db94fae95ae7121a47');
    const short = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 96 },
                                       key, plain.subarray(0, 60));
    assert.strictEqual(hex(short).slice(-24), '5bc94fbc3221a5db94fae95a');
    assert.deepStrictEqual(
      Buffer.from(await subtle.decrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 96 },
                                       key, short)),
      plain.subarray(0, 60));
  }
  // SP 800-38A F.2.1 (CBC; WebCrypto adds a padding block) and F.5.1 (CTR).
  {
    const raw = bytes('2b7e151628aed2a6abf7158809cf4f3c');
    const plain = bytes('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51');
    const cbc = await subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt', 'decrypt']);
    const iv = bytes('000102030405060708090a0b0c0d0e0f');
    const cbcOut = await subtle.encrypt({ name: 'AES-CBC', iv }, cbc, plain);
    assert.strictEqual(hex(cbcOut).slice(0, 64), '7649abac8119b246cee98e9b12e9197d' +
                                                 '5086cb9b507219ee95db113a917678b2');
    assert.strictEqual(cbcOut.byteLength, 48);
    assert.deepStrictEqual(Buffer.from(await subtle.decrypt({ name: 'AES-CBC', iv }, cbc, cbcOut)),
                           plain);
    const ctr = await subtle.importKey('raw', raw, 'AES-CTR', false, ['encrypt', 'decrypt']);
    const counter = bytes('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
    const ctrOut = await subtle.encrypt({ name: 'AES-CTR', counter, length: 128 }, ctr, plain);
    assert.strictEqual(hex(ctrOut), '874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff');
    // A short counter wraps within its low bits (node's output recorded).
    for (const length of [2, 4, 8, 64]) {
      const wrapped = await subtle.encrypt({ name: 'AES-CTR', counter, length }, ctr,
                                           Buffer.alloc(48, 7));
      console.log('ctr length', length, hex(wrapped));
      assert.deepStrictEqual(
        Buffer.from(await subtle.decrypt({ name: 'AES-CTR', counter, length }, ctr, wrapped)),
        Buffer.alloc(48, 7));
    }
    await show('ctr too long for the counter', () =>
      subtle.encrypt({ name: 'AES-CTR', counter, length: 1 }, ctr, Buffer.alloc(48)));
  }
  // RFC 3394 4.1 through wrapKey/unwrapKey.
  {
    const kek = await subtle.importKey('raw', bytes('000102030405060708090a0b0c0d0e0f'), 'AES-KW',
                                       true, ['wrapKey', 'unwrapKey']);
    const inner = await subtle.importKey('raw', bytes('00112233445566778899aabbccddeeff'),
                                         'AES-GCM', true, ['encrypt']);
    const wrapped = await subtle.wrapKey('raw', inner, kek, 'AES-KW');
    assert.strictEqual(hex(wrapped), '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5');
    const unwrapped = await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', true,
                                             ['encrypt']);
    assert.strictEqual(hex(await subtle.exportKey('raw', unwrapped)),
                       '00112233445566778899aabbccddeeff');
    // A JWK wrapped with AES-GCM.
    const gcm = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false,
                                         ['wrapKey', 'unwrapKey']);
    const iv = new Uint8Array(12);
    const hmacKey = await subtle.importKey('raw', Buffer.from('Jefe'),
                                           { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    const jwkWrapped = await subtle.wrapKey('jwk', hmacKey, gcm, { name: 'AES-GCM', iv });
    const back = await subtle.unwrapKey('jwk', jwkWrapped, gcm, { name: 'AES-GCM', iv },
                                        { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    console.log('unwrapped jwk', back);
  }
  console.log('known answers match');
}

async function fixtures() {
  for (const file of ['subtle.json', 'subtle-ringjs.json']) {
    const fixture = require(path.join(__dirname, 'fixtures', 'crypto', file));
    const message = bytes(fixture.message);
    for (const v of fixture.signatures) {
      const importAlgorithm = { ...v.genAlgorithm, hash: v.genAlgorithm.hash };
      const fromSpki = await subtle.importKey('spki', bytes(v.spki), importAlgorithm, true,
                                              ['verify']);
      const fromJwk = await subtle.importKey('jwk', v.jwk, importAlgorithm, true, ['verify']);
      for (const key of [fromSpki, fromJwk]) {
        assert.strictEqual(await subtle.verify(v.signAlgorithm, key, bytes(v.signature), message),
                           true, `${file} ${v.genAlgorithm.name}`);
        assert.strictEqual(await subtle.verify(v.signAlgorithm, key, bytes(v.signature),
                                               Buffer.from('other')), false);
      }
      // Our signature with the fixture's private key verifies with its public key.
      const privateKey = await subtle.importKey('pkcs8', bytes(v.pkcs8), importAlgorithm, false,
                                                ['sign']);
      const signature = await subtle.sign(v.signAlgorithm, privateKey, message);
      assert.strictEqual(await subtle.verify(v.signAlgorithm, fromSpki, signature, message), true);
      assert.strictEqual(hex(await subtle.exportKey('spki', fromJwk)), v.spki);
    }
    for (const v of fixture.oaep) {
      const key = await subtle.importKey('pkcs8', bytes(v.pkcs8), { name: 'RSA-OAEP', hash: v.hash },
                                         false, ['decrypt']);
      const plain = await subtle.decrypt({ name: 'RSA-OAEP', label: new Uint8Array([1, 2, 3]) },
                                         key, bytes(v.ciphertext));
      assert.deepStrictEqual(Buffer.from(plain), message);
      await show(`oaep wrong label ${v.hash}`, () =>
        subtle.decrypt({ name: 'RSA-OAEP' }, key, bytes(v.ciphertext)));
    }
    for (const v of fixture.agreements) {
      const privateKey = await subtle.importKey('jwk', { ...v.privateA, key_ops: undefined },
                                                v.algorithm, false,
                                                ['deriveBits', 'deriveKey']);
      const publicKey = await subtle.importKey('raw', bytes(v.publicB), v.algorithm, true, []);
      const secret = await subtle.deriveBits({ name: v.algorithm.name, public: publicKey },
                                             privateKey, null);
      assert.strictEqual(hex(secret), v.secret);
      const derived = await subtle.deriveKey({ name: v.algorithm.name, public: publicKey },
                                             privateKey, { name: 'HMAC', hash: 'SHA-1', length: 128 },
                                             true, ['sign']);
      assert.strictEqual(hex(await subtle.exportKey('raw', derived)), v.secret.slice(0, 32));
    }
    console.log(file, 'verified', fixture.signatures.length, fixture.oaep.length,
                fixture.agreements.length);
  }
}

async function keys() {
  const hmacKey = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-384' }, true,
                                           ['verify', 'sign', 'sign']);
  console.log(hmacKey, hmacKey.algorithm.length, hmacKey.usages);
  console.log(util.inspect(hmacKey, { depth: 4 }));
  console.log(Object.keys(hmacKey), Object.getOwnPropertyNames(Object.getPrototypeOf(hmacKey)),
              Object.getOwnPropertyNames(CryptoKey.prototype), hmacKey.constructor === CryptoKey,
              hmacKey instanceof CryptoKey, Object.prototype.toString.call(hmacKey),
              hmacKey.algorithm === hmacKey.algorithm, hmacKey.usages === hmacKey.usages);
  assert.throws(() => Object.getOwnPropertyDescriptor(CryptoKey.prototype, 'type').get.call({}),
                { code: 'ERR_INVALID_THIS' });
  const keyObject = KeyObject.from(hmacKey);
  console.log(keyObject.type, keyObject.symmetricKeySize);

  const aes = await subtle.generateKey({ name: 'AES-CBC', length: 192 }, true,
                                       ['unwrapKey', 'decrypt', 'encrypt']);
  console.log(aes, (await subtle.exportKey('raw', aes)).byteLength);
  const jwk = await subtle.exportKey('jwk', aes);
  console.log(Object.keys(jwk), jwk.alg, jwk.key_ops);
  const reimported = await subtle.importKey('jwk', jwk, 'AES-CBC', false, ['encrypt']);
  console.log(reimported);

  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true,
                                      ['verify', 'sign']);
  console.log(ec);
  const ecJwk = await subtle.exportKey('jwk', ec.privateKey);
  console.log(Object.keys(ecJwk), ecJwk.crv, ecJwk.key_ops);
  console.log((await subtle.exportKey('raw', ec.publicKey)).byteLength,
              (await subtle.exportKey('spki', ec.publicKey)).byteLength);
  const ecdh = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false,
                                        ['deriveBits', 'deriveKey']);
  console.log(ecdh);
  const bits100 = await subtle.deriveBits({ name: 'ECDH', public: ecdh.publicKey },
                                          ecdh.privateKey, 100);
  console.log(bits100.byteLength, new Uint8Array(bits100)[12] & 0x0f);

  const rsa = await subtle.generateKey({
    name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  }, true, ['unwrapKey', 'wrapKey', 'decrypt', 'encrypt']);
  console.log(rsa, rsa.publicKey.algorithm.publicExponent);
  const rsaJwk = await subtle.exportKey('jwk', rsa.privateKey);
  console.log(Object.keys(rsaJwk), rsaJwk.alg);
  const oaepPlain = Buffer.from('secret');
  const oaep = await subtle.encrypt({ name: 'RSA-OAEP' }, rsa.publicKey, oaepPlain);
  assert.deepStrictEqual(Buffer.from(await subtle.decrypt({ name: 'RSA-OAEP' }, rsa.privateKey,
                                                          oaep)), oaepPlain);

  const ed = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  console.log(ed, await subtle.exportKey('jwk', ed.publicKey).then((j) => Object.keys(j)));
  const edSignature = await subtle.sign('Ed25519', ed.privateKey, Buffer.from('x'));
  console.log(edSignature.byteLength,
              await subtle.verify('Ed25519', ed.publicKey, edSignature, Buffer.from('x')));
  const x = await subtle.generateKey({ name: 'X25519' }, true, ['deriveKey']);
  console.log(x);

  const pbkdf2 = await subtle.importKey('raw', Buffer.from('pw'), 'PBKDF2', false,
                                        ['deriveKey', 'deriveBits']);
  console.log(pbkdf2);
  const derived = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from('salt'), iterations: 10 }, pbkdf2,
    { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  console.log(derived, hex(await subtle.exportKey('raw', derived)));
  const hkdf = await subtle.importKey('raw', Buffer.from('ikm'), 'HKDF', false, ['deriveKey']);
  const hmacFromHkdf = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0), info: Buffer.alloc(0) }, hkdf,
    { name: 'HMAC', hash: 'SHA-384' }, true, ['sign']);
  console.log(hmacFromHkdf, (await subtle.exportKey('raw', hmacFromHkdf)).byteLength);
}

async function errors() {
  const hmacKey = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true,
                                      ['sign', 'verify']);
  const ecdh256 = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true,
                                           ['deriveBits']);
  const ecdh384 = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true,
                                           ['deriveBits']);
  const x = await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
  const pbkdf2 = await subtle.importKey('raw', new Uint8Array(3), 'PBKDF2', false, ['deriveBits']);
  const ed = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const cases = {
    'gen bad name': () => subtle.generateKey({ name: 'FOO' }, true, ['sign']),
    'gen no name': () => subtle.generateKey({}, true, ['sign']),
    'gen string hmac': () => subtle.generateKey('HMAC', true, ['sign']),
    'gen hmac bad usage': () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true,
                                                   ['encrypt']),
    'gen hmac empty usages': () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, []),
    'gen unknown usage': () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true,
                                                  ['foo']),
    'gen usages not a sequence': () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true,
                                                          'sign'),
    'gen hmac length 0': () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 0 },
                                                  true, ['sign']),
    'gen aes length 100': () => subtle.generateKey({ name: 'AES-GCM', length: 100 }, true,
                                                   ['encrypt']),
    'gen aes no length': () => subtle.generateKey({ name: 'AES-GCM' }, true, ['encrypt']),
    'gen aes length string': () => subtle.generateKey({ name: 'AES-GCM', length: 'abc' }, true,
                                                      ['encrypt']),
    'gen ec bad curve': () => subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-999' }, true,
                                                 ['sign']),
    'gen ec public usages only': () => subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' },
                                                          true, ['verify']),
    'gen ed bad usage': () => subtle.generateKey({ name: 'Ed25519' }, true, ['encrypt']),
    'gen rsa missing hash': () => subtle.generateKey({ name: 'RSA-PSS' }, true, ['sign']),
    'gen rsa modulus -1': () => subtle.generateKey({
      name: 'RSA-PSS', modulusLength: -1, publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    }, true, ['sign']),
    'gen rsa exponent': () => subtle.generateKey({
      name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 0, 0, 0, 1]),
      hash: 'SHA-256',
    }, true, ['sign']),
    'gen 2 args': () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true),
    'sign not a key': () => subtle.sign('HMAC', {}, new Uint8Array(1)),
    'sign data string': () => subtle.sign('HMAC', hmacKey, 'abc'),
    'sign ecdsa no hash': () => subtle.sign({ name: 'ECDSA' }, ec.privateKey, new Uint8Array(1)),
    'sign with public key': () => subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ec.publicKey,
                                              new Uint8Array(1)),
    'sign algorithm mismatch': () => subtle.sign('HMAC', ec.privateKey, new Uint8Array(1)),
    'verify without usage': () => subtle.verify('HMAC', hmacKey, new Uint8Array(32),
                                                new Uint8Array(1)),
    'verify malformed ecdsa': () => subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ec.publicKey,
                                                  new Uint8Array(3), new Uint8Array(1)),
    'encrypt without usage': () => subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) },
                                                  hmacKey, new Uint8Array(1)),
    'encrypt gcm no iv': () => subtle.encrypt({ name: 'AES-GCM' }, aes, new Uint8Array(1)),
    'encrypt gcm iv string': () => subtle.encrypt({ name: 'AES-GCM', iv: 'abc' }, aes,
                                                  new Uint8Array(1)),
    'encrypt gcm tag 100': () => subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12),
                                                  tagLength: 100 }, aes, new Uint8Array(1)),
    'decrypt without usage': () => subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) },
                                                  aes, new Uint8Array(20)),
    'export not extractable': () => subtle.exportKey('raw', hmacKey),
    'export bad format': () => subtle.exportKey('foo', aes),
    'export raw ec private': () => subtle.exportKey('raw', ec.privateKey),
    'export spki secret': () => subtle.exportKey('spki', aes),
    'export pkcs8 public': () => subtle.exportKey('pkcs8', ec.publicKey),
    'export spki private': () => subtle.exportKey('spki', ed.privateKey),
    'import hmac empty key': () => subtle.importKey('raw', new Uint8Array(0),
                                                    { name: 'HMAC', hash: 'SHA-256' }, true,
                                                    ['sign']),
    'import hmac length mismatch': () => subtle.importKey('raw', new Uint8Array(16),
                                                          { name: 'HMAC', hash: 'SHA-256',
                                                            length: 64 }, true, ['sign']),
    'import aes 5 bytes': () => subtle.importKey('raw', new Uint8Array(5), 'AES-GCM', true,
                                                 ['encrypt']),
    'import aes no usages': () => subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, []),
    'import jwk no k': () => subtle.importKey('jwk', { kty: 'oct' }, 'AES-GCM', true,
                                              ['encrypt']),
    'import jwk not an object': () => subtle.importKey('jwk', new Uint8Array(3), 'AES-GCM', true,
                                                       ['encrypt']),
    'import jwk kty': () => subtle.importKey('jwk', { kty: 'EC', k: 'AAAAAAAAAAAAAAAAAAAAAA' },
                                             'AES-GCM', true, ['encrypt']),
    'import jwk alg': () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA',
                                                      alg: 'A256GCM' }, 'AES-GCM', true,
                                             ['encrypt']),
    'import jwk ext': () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA',
                                                      ext: false }, 'AES-GCM', true, ['encrypt']),
    'import jwk key_ops': () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA',
                                                          key_ops: ['decrypt'] }, 'AES-GCM', true,
                                                 ['encrypt']),
    'import raw ec garbage': () => subtle.importKey('raw', new Uint8Array(3),
                                                    { name: 'ECDSA', namedCurve: 'P-256' }, true,
                                                    ['verify']),
    'import spki garbage': () => subtle.importKey('spki', new Uint8Array(3),
                                                  { name: 'ECDSA', namedCurve: 'P-256' }, true,
                                                  ['verify']),
    'import public key for sign': async () => subtle.importKey(
      'spki', await subtle.exportKey('spki', ec.publicKey), { name: 'ECDSA', namedCurve: 'P-256' },
      true, ['sign']),
    'import curve mismatch': async () => subtle.importKey(
      'spki', await subtle.exportKey('spki', ec.publicKey), { name: 'ECDSA', namedCurve: 'P-384' },
      true, ['verify']),
    'import key type mismatch': async () => subtle.importKey(
      'spki', await subtle.exportKey('spki', ed.publicKey), { name: 'ECDSA', namedCurve: 'P-256' },
      true, ['verify']),
    'import pbkdf2 extractable': () => subtle.importKey('raw', new Uint8Array(3), 'PBKDF2', true,
                                                        ['deriveBits']),
    'import hkdf jwk': () => subtle.importKey('jwk', { kty: 'oct', k: 'AA' }, 'HKDF', false,
                                              ['deriveBits']),
    'import hash unknown': () => subtle.importKey('raw', new Uint8Array(16),
                                                  { name: 'HMAC', hash: 'SHA-3' }, true, ['sign']),
    'pbkdf2 no length': () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256',
                                                  salt: new Uint8Array(4), iterations: 1 }, pbkdf2),
    'pbkdf2 length 7': () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256',
                                                 salt: new Uint8Array(4), iterations: 1 }, pbkdf2,
                                               7),
    'pbkdf2 zero iterations': () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256',
                                                        salt: new Uint8Array(4), iterations: 0 },
                                                      pbkdf2, 8),
    'pbkdf2 length 0': () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256',
                                                 salt: new Uint8Array(4), iterations: 1 }, pbkdf2,
                                               0),
    'derive missing members': () => subtle.deriveBits({ name: 'PBKDF2' }, pbkdf2, 8),
    'derive without usage': () => subtle.deriveKey({ name: 'ECDH', public: ecdh256.publicKey },
                                                   ecdh256.privateKey,
                                                   { name: 'AES-GCM', length: 128 }, true,
                                                   ['encrypt']),
    'ecdh curve mismatch': () => subtle.deriveBits({ name: 'ECDH', public: ecdh384.publicKey },
                                                   ecdh256.privateKey, 256),
    'ecdh private as public': () => subtle.deriveBits({ name: 'ECDH', public: ecdh256.privateKey },
                                                      ecdh256.privateKey, 256),
    'ecdh too many bits': () => subtle.deriveBits({ name: 'ECDH', public: ecdh256.publicKey },
                                                  ecdh256.privateKey, 512),
    'x25519 named as ecdh': () => subtle.deriveBits({ name: 'ECDH', public: x.publicKey },
                                                    x.privateKey),
    'gcm data too small': async () => subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(12) },
      await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['decrypt']),
      new Uint8Array(3)),
    'gcm bad tag': async () => subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(12) },
      await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['decrypt']),
      new Uint8Array(30)),
    'cbc bad padding': async () => subtle.decrypt(
      { name: 'AES-CBC', iv: new Uint8Array(16) },
      await subtle.importKey('raw', new Uint8Array(16), 'AES-CBC', true, ['decrypt']),
      new Uint8Array(32)),
    'cbc iv 12': async () => subtle.encrypt(
      { name: 'AES-CBC', iv: new Uint8Array(12) },
      await subtle.importKey('raw', new Uint8Array(16), 'AES-CBC', true, ['encrypt']),
      new Uint8Array(32)),
    'ctr counter 12': async () => subtle.encrypt(
      { name: 'AES-CTR', counter: new Uint8Array(12), length: 64 },
      await subtle.importKey('raw', new Uint8Array(16), 'AES-CTR', true, ['encrypt']),
      new Uint8Array(32)),
    'ctr length 0': async () => subtle.encrypt(
      { name: 'AES-CTR', counter: new Uint8Array(16), length: 0 },
      await subtle.importKey('raw', new Uint8Array(16), 'AES-CTR', true, ['encrypt']),
      new Uint8Array(32)),
    'wrap without usage': async () => subtle.wrapKey(
      'raw', aes, await subtle.generateKey({ name: 'AES-KW', length: 128 }, true, ['unwrapKey']),
      'AES-KW'),
    'this check': () => subtle.sign.call({}, 'HMAC', hmacKey, new Uint8Array(1)),
  };
  for (const label of Object.keys(cases)) await show(label, cases[label]);
}

(async () => {
  await knownAnswers();
  await fixtures();
  await keys();
  await errors();
})().then(() => console.log('done'));
