'use strict';
// crypto.subtle's edge errors against node's (recorded): JWK "use"/"alg"/"crv" checks and
// their order, keyData conversion before the algorithm, AES-KW wrapping of JWK (padded JSON),
// EC spki kept uncompressed, invalid EC private keys, Ed448 contexts, ECDH/X25519 peer checks;
// plus the private RSA functions on public key material and the classic DH secret's padding.
const crypto = require('crypto');
const { subtle } = crypto;

function show(label, promise) {
  return promise.then((value) => console.log(label, 'ok', value),
                      (e) => console.log(label, e.name, e.code, e.message));
}

async function jwkUse() {
  const tries = [
    [{ name: 'ECDSA', namedCurve: 'P-256' }, ['sign', 'verify'], ['verify']],
    [{ name: 'Ed25519' }, ['sign', 'verify'], ['verify']],
    [{ name: 'HMAC', hash: 'SHA-256' }, ['sign', 'verify'], ['sign']],
    [{ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
       hash: 'SHA-256' }, ['encrypt', 'decrypt'], ['encrypt']],
  ];
  for (const [alg, gen, usages] of tries) {
    const k = await subtle.generateKey(alg, true, gen);
    const jwk = await subtle.exportKey('jwk', k.publicKey || k);
    delete jwk.key_ops;
    for (const use of ['sig', 'enc', 'xx']) {
      await show(`use ${alg.name} ${use}`,
                 subtle.importKey('jwk', { ...jwk, use }, alg, true, usages).then(() => ''));
    }
  }
  for (const alg of [{ name: 'ECDH', namedCurve: 'P-256' }, { name: 'X25519' }]) {
    const k = await subtle.generateKey(alg, true, ['deriveBits']);
    const jwk = await subtle.exportKey('jwk', k.privateKey);
    delete jwk.key_ops;
    for (const use of ['sig', 'enc']) {
      await show(`use ${alg.name} private ${use}`,
                 subtle.importKey('jwk', { ...jwk, use }, alg, true, ['deriveBits'])
                   .then(() => ''));
    }
  }
}

async function jwkAlgAndOrder() {
  const { publicKey } = await subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256' }, true, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', publicKey);
  delete jwk.key_ops;
  for (const name of ['RSASSA-PKCS1-v1_5', 'RSA-OAEP', 'RSA-PSS']) {
    for (const alg of ['PS256', 'RS256', 'RSA-OAEP-256', 'PS384', 'XX']) {
      const usages = name === 'RSA-OAEP' ? ['encrypt'] : ['verify'];
      await show(`alg ${name} ${alg}`,
                 subtle.importKey('jwk', { ...jwk, alg }, { name, hash: 'SHA-256' }, true, usages)
                   .then((k) => k.algorithm.hash.name));
    }
  }
  const ed = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const edJwk = await subtle.exportKey('jwk', ed.publicKey);
  for (const mod of [{ crv: 'X25519', use: 'enc' }, { crv: 'X25519', key_ops: ['sign'] },
                     { use: 'enc', key_ops: ['sign'] }, { kty: 'EC', crv: 'X25519' }]) {
    await show('order okp', subtle.importKey('jwk', { ...edJwk, ...mod }, 'Ed25519', true,
                                             ['verify']).then(() => ''));
  }
  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true,
                                      ['sign', 'verify']);
  const ecJwk = await subtle.exportKey('jwk', ec.publicKey);
  for (const mod of [{ crv: 'P-384', use: 'enc' }, { alg: 'ES384', use: 'enc' },
                     { alg: 'ES384' }, { alg: 'ES256' }, { alg: 'ES384', crv: 'P-384' }]) {
    await show('order ec', subtle.importKey('jwk', { ...ecJwk, ...mod },
                                            { name: 'ECDSA', namedCurve: 'P-256' }, true,
                                            ['verify']).then(() => ''));
  }
}

async function keyDataFirst() {
  for (const [format, data, alg] of [['raw', 1, {}], ['jwk', 1, {}],
                                     ['jwk', null, { name: 'HMAC', hash: 'SHA-256' }],
                                     ['raw', new Uint8Array(2), {}]]) {
    await show(`keyData ${format}`, subtle.importKey(format, data, alg, true, ['sign']));
  }
  await show('hmac length 0', subtle.importKey('raw', new Uint8Array(4),
                                               { name: 'HMAC', hash: 'SHA-256', length: 0 },
                                               true, ['sign']));
}

async function aesKwJwk() {
  const kw = await subtle.generateKey({ name: 'AES-KW', length: 128 }, true,
                                      ['wrapKey', 'unwrapKey']);
  for (const length of [8, 256]) {
    const k = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length }, true, ['sign']);
    const wrapped = await subtle.wrapKey('jwk', k, kw, 'AES-KW');
    const unwrapped = await subtle.unwrapKey('jwk', wrapped, kw, 'aes-kw',
                                             { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    console.log('aes-kw jwk', length, wrapped.byteLength, unwrapped.algorithm.length);
  }
}

async function ecImport() {
  const compressed = Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200' +
                                 '02d210b0a6f9d9f012868058b43fa4f471018543bba00c9250df' +
                                 '9257c2acae5dd1', 'hex');
  const key = await subtle.importKey('spki', compressed, { name: 'ECDSA', namedCurve: 'P-256' },
                                     true, []);
  console.log('spki', Buffer.from(await subtle.exportKey('spki', key)).toString('hex'));
  const orderKey = Buffer.from('3041020100301306072a8648ce3d020106082a8648ce3d0301070427302502' +
                               '01010420ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9ca' +
                               'c2fc632551', 'hex');
  await show('bad pkcs8', subtle.importKey('pkcs8', orderKey,
                                           { name: 'ECDSA', namedCurve: 'P-256' }, true,
                                           ['sign']));
}

async function derive() {
  const a = await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
  const e = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const e2 = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true,
                                      ['deriveBits']);
  const s = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true,
                                     ['sign', 'verify']);
  const cases = [
    [{ name: 'X25519', public: { message: 'x' } }, a.privateKey],
    [{ name: 'X25519', public: e.publicKey }, a.privateKey],
    [{ name: 'ECDH', public: e2.publicKey }, e.privateKey],
    [{ name: 'ECDH', public: s.publicKey }, e.privateKey],
    [{ name: 'ECDH', public: e.privateKey }, e.privateKey],
    [{ name: 'ECDH' }, e.privateKey],
  ];
  for (const [alg, key] of cases) {
    await show(`derive ${alg.name}`, subtle.deriveBits(alg, key, 8).then(() => ''));
  }
  const ed = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign']);
  await show('ed25519 context ignored',
             subtle.sign({ name: 'Ed25519', context: Buffer.alloc(1) }, ed.privateKey,
                         Buffer.alloc(1)).then((sig) => sig.byteLength));
}

function rsaPrivateOps() {
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' });
  for (const fn of ['privateDecrypt', 'privateEncrypt']) {
    for (const key of [pem, publicKey, { key: pem, oaepHash: 'nope' }]) {
      try {
        crypto[fn](key, Buffer.alloc(128));
        console.log(fn, 'ok');
      } catch (e) {
        console.log(fn, e.name, e.code, e.message);
      }
    }
  }
  const sign = crypto.createSign('DSS1');
  console.log('dss1', typeof sign.update);
}

function dhPadding() {
  // A modp2 pair made by node whose shared secret starts with a zero byte: node keeps it.
  const der = (b64) => Buffer.from(b64, 'base64');
  const privateKey = crypto.createPrivateKey({ format: 'der', type: 'pkcs8', key: der(
    'MIIBIQIBADCBlQYJKoZIhvcNAQMBMIGHAoGBAP//////////yQ/aoiFowjTExmKLgNwc0SkCTgiKZ8x0Agu+pjsTmy' +
    'JRSgh5jjQE3e+VGbPNOkMbMCsKbfJfFDdP4TVtbVHCReSFtXZiXn7G9ExC6aY37WsL/1y29Aa37e44a/taiZ+lrp8k' +
    'EXxLH+ZJKGZR7OZTgf//////////AgECBIGDAoGAJpmval0aBOCux7fm/vBv5srJcFR5USHP+duyJ+AWndGvpE30ZH' +
    'w76AhCKECIDIvLO2KDSwSQsODJa8EEm5cM3cG+g7pSAzR4ehyflzpgXH/pObpJOIcOR6jHw0T+XWBGDlKQS4OrXAYg' +
    'ZWivPzMCJ8GaeFg6nav/T0BESvgPPCc=') });
  const publicKey = crypto.createPublicKey({ format: 'der', type: 'spki', key: der(
    'MIIBIDCBlQYJKoZIhvcNAQMBMIGHAoGBAP//////////yQ/aoiFowjTExmKLgNwc0SkCTgiKZ8x0Agu+pjsTmyJRSg' +
    'h5jjQE3e+VGbPNOkMbMCsKbfJfFDdP4TVtbVHCReSFtXZiXn7G9ExC6aY37WsL/1y29Aa37e44a/taiZ+lrp8kEXxL' +
    'H+ZJKGZR7OZTgf//////////AgECA4GFAAKBgQDMfAaBrJnB0JjfLFmxKR7YoIAFdmUOeqKm1E9FoRXdNo4wg2CV/C' +
    'ILK1bw9e7BbmqQKU0jr6AAPRQN0jDIhvq/xeCLJgqWU7wDNG9NgR4nIKz0l9R18dsa2Hr0vb3VEhmJRT5lARfvQaXY' +
    'xBd/e4gN8BF7qtRIN213JWY4QClHwg==') });
  const secret = crypto.diffieHellman({ publicKey, privateKey });
  console.log('dh secret', secret.length, secret.toString('hex').slice(0, 8));
}

(async () => {
  await jwkUse();
  await jwkAlgAndOrder();
  await keyDataFirst();
  await aesKwJwk();
  await ecImport();
  await derive();
  rsaPrivateOps();
  dhPadding();
})();
