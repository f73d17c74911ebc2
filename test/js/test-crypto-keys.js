'use strict';
// KeyObject / createSecretKey / createPublicKey / createPrivateKey, sign/verify (RSA PKCS#1
// and PSS, ECDSA DER and IEEE P1363, Ed25519), createSign/createVerify, generateKeyPair(Sync):
// keys and signatures made by node v20 (recorded below), round trips through every PEM/DER
// encoding, JWK export, async forms on the thread pool, and node's errors.
const assert = require('assert');
const crypto = require('crypto');

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

// Made by node v20.20.2 (generateKeyPairSync, export, sign).
const fixtures = {
  rsaPrivate: '-----BEGIN PRIVATE KEY-----\nMIICeQIBADANBgkqhkiG9w0BAQEFAASCAmMwggJfAgEAAoGBAKrnCzFuVVdXUFQL\nnjb8vvF1wg9R6PDSXfXxTs302+HkKphg1YRMp6wLPZdXB//qXD98CWwTMl6nifJB\nhnYinwj52uYfYLsbzQLuzEpF8AZRU0OgSNt+R3gfgtaLK9yveKrfGJEfLqg4Ct2O\ny03FfTZkRwGNbUgtZCoyZHqELqF1AgMBAAECgYEAqtJZS8U+pBhwADHEqK2kpXDQ\n0cNLlDqRFF1oKVCP34/SS5CumpiMF9j8bSLeqhu0rPfr6wydEiNgLLb2EWq1jf7q\nVw9ptowrhjtWQXh0pK7Jr3sNSD2OQ2mvxtPtlC85wcicGnf5t4HDaxQNLAzj+8xj\n6Mf6u+YI5jk9yOq8EYECQQDXkAJI2+yTNayKvwU3EmmHtbkCwtAGeRheCX5q3qIM\n82ZiNoIdtiGhvTNkKY2ogv5B6KMpyqAGw8RKmjJfvemFAkEAyvZR86tzGf5ODja5\nG8ECTBR2SGdOktUJkWyGG/xRCld+HUT3hKO2KmYYMA4itngsNJjMEJlpMHrBPFou\n2PTjMQJBANb6IL0mz13UhpnsfTf6HdKhEbzGKo56ECogT7onA/fkejPyZntZG1th\nBDKdGlB3Kzjx2F8iW8vDSyyXcSt4i70CQQCOh3I/owwemeaotqdBpUX+tXPnHp0g\nIfkpJcP8DTHACHcpCNClVe5MUgv0W0jnSPcKLK9JjOJAyEPBJTe25ipRAkEAzdXH\nAlGsWWnvfMIHzDqyAhs/ayMxdIyBsKhd+kdFFgdKvDGf2rl4vMcZpuKM/ufDOEcx\nBYJjZQJ17z20eheDIg==\n-----END PRIVATE KEY-----\n',
  rsaPrivatePkcs1: '-----BEGIN RSA PRIVATE KEY-----\nMIICXwIBAAKBgQCq5wsxblVXV1BUC542/L7xdcIPUejw0l318U7N9Nvh5CqYYNWE\nTKesCz2XVwf/6lw/fAlsEzJep4nyQYZ2Ip8I+drmH2C7G80C7sxKRfAGUVNDoEjb\nfkd4H4LWiyvcr3iq3xiRHy6oOArdjstNxX02ZEcBjW1ILWQqMmR6hC6hdQIDAQAB\nAoGBAKrSWUvFPqQYcAAxxKitpKVw0NHDS5Q6kRRdaClQj9+P0kuQrpqYjBfY/G0i\n3qobtKz36+sMnRIjYCy29hFqtY3+6lcPabaMK4Y7VkF4dKSuya97DUg9jkNpr8bT\n7ZQvOcHInBp3+beBw2sUDSwM4/vMY+jH+rvmCOY5PcjqvBGBAkEA15ACSNvskzWs\nir8FNxJph7W5AsLQBnkYXgl+at6iDPNmYjaCHbYhob0zZCmNqIL+QeijKcqgBsPE\nSpoyX73phQJBAMr2UfOrcxn+Tg42uRvBAkwUdkhnTpLVCZFshhv8UQpXfh1E94Sj\ntipmGDAOIrZ4LDSYzBCZaTB6wTxaLtj04zECQQDW+iC9Js9d1IaZ7H03+h3SoRG8\nxiqOehAqIE+6JwP35Hoz8mZ7WRtbYQQynRpQdys48dhfIlvLw0ssl3EreIu9AkEA\njodyP6MMHpnmqLanQaVF/rVz5x6dICH5KSXD/A0xwAh3KQjQpVXuTFIL9FtI50j3\nCiyvSYziQMhDwSU3tuYqUQJBAM3VxwJRrFlp73zCB8w6sgIbP2sjMXSMgbCoXfpH\nRRYHSrwxn9q5eLzHGabijP7nwzhHMQWCY2UCde89tHoXgyI=\n-----END RSA PRIVATE KEY-----\n',
  rsaPrivateEncrypted: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIC3TBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIEpSWKcHohaECAggA\nMAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBCW7klM6UcTvYIoX/4/pBMYBIIC\ngLKQ/OqDw8voEAfyT/zhhEf9l4GCfNMMKN7uj5kEvJ9eI+HSaXkB6pyza9AhwE6N\nzrfSWXxKms5UuVlKCFg08mPAPMggZ2QkGY8ul5iq3nWuZkQdZz2+J012r/WLDQ5p\n9f4I1OGnbC1OkaUsMBNINnfXsGnwiSBIvTDQ1H7BcsDHLDl88863QEMFvK7B61z3\nBKBKD8cRy7CxMkHageQH35sHffSVTYRO2UosZFWb6X8Sua1Ju48oKLeylThvPVR3\nSgzVuWQjyjmnedSiw/wSDrDsPvvCSG72y3QDYORRsFt7sJIQeIlGRRI5fqr5lTzT\nH2JR66NH/PTwQNOkmYruO1RyR4K9XkqK8TjVAO+9MoFT4HGWY8qL57KezjV5fW+S\nEFcNDsTZLRafBzYzddLGcoQLfYdUrtfdAh9p808wp7G/iZlpGLIh6j1UeYu283j2\n2QeYfQGc8pD1Qcb8DFu/bD5/d9T4yno8aGo8HrEvreVZNUw96fM17JhsdjIN0y+e\nFWQ5Yr+ttsA4hVAeOu5d50JoKTRSW7RYJv+jVYLs8i1oI+Zjlr2GxHASOg3OHe6Q\nCPhhrvFwvUEN4joqL7JM+rbLjksfKJR39xDa9V70+U2Q0Z2c8w18lZxqc5g9n4vE\nSn4LXjyYfh4IzzM2i9xVHh7xS74O/oj4NMmcm8NJcbu66hZ192yDZ8j4Wy6p0dsN\n9nlz4F4XJL0BoXkVg3DZclwFKOFrI8fpEzHLj66c9NCpGo8EI2r8FFhUbIT12y3o\nzSVBDZ0nXPHLmv510FNDY8HfdKv0bGm94Wx/7aOJ6aEV8Ih7rKct5bf1oaLMw0bm\nTBd4kGoyqBtzcpdNrb8xfeM=\n-----END ENCRYPTED PRIVATE KEY-----\n',
  rsaPublic: '-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCq5wsxblVXV1BUC542/L7xdcIP\nUejw0l318U7N9Nvh5CqYYNWETKesCz2XVwf/6lw/fAlsEzJep4nyQYZ2Ip8I+drm\nH2C7G80C7sxKRfAGUVNDoEjbfkd4H4LWiyvcr3iq3xiRHy6oOArdjstNxX02ZEcB\njW1ILWQqMmR6hC6hdQIDAQAB\n-----END PUBLIC KEY-----\n',
  rsaPublicPkcs1: '-----BEGIN RSA PUBLIC KEY-----\nMIGJAoGBAKrnCzFuVVdXUFQLnjb8vvF1wg9R6PDSXfXxTs302+HkKphg1YRMp6wL\nPZdXB//qXD98CWwTMl6nifJBhnYinwj52uYfYLsbzQLuzEpF8AZRU0OgSNt+R3gf\ngtaLK9yveKrfGJEfLqg4Ct2Oy03FfTZkRwGNbUgtZCoyZHqELqF1AgMBAAE=\n-----END RSA PUBLIC KEY-----\n',
  rsaSigSha256: '8344f1fb097f4b2c09556b9fead26a06af8d96160b8ad8fea8b76e2416d2fbe67a28ba157b4935cc011d231d1bc4f937fb49c434321349dbd6422feef05919327566b4e3bbdf7197d0ab37fa498c28ab8a72cfd829ff32c22ac795cf73ac2c58fa83fa9d315d4833841cdee361206f3820a568b609a65fbd1fc1eef85b408a6b',
  rsaPssSig: '18fe342ebfa523da772a945db28b6d108cc5c21694bf1cecb116be888ddbda6a5524b157058f436e749595bb2db2f9e61e382d01c6f59fbce61ecdf2ed7d5a2e456c2aef93f9425ec96e97ab792c61ca85cb341347370715409c2d7e4e8ed2cba4cfc5487e2c25d60370d5a433daf14b9034fba1cfa81548cb10b13bb94eafb2',
  rsaJwk: {
    kty: 'RSA',
    n: 'qucLMW5VV1dQVAueNvy-8XXCD1Ho8NJd9fFOzfTb4eQqmGDVhEynrAs9l1cH_-pcP3wJbBMyXqeJ8kGGdiKfCPna5h9guxvNAu7MSkXwBlFTQ6BI235HeB-C1osr3K94qt8YkR8uqDgK3Y7LTcV9NmRHAY1tSC1kKjJkeoQuoXU',
    e: 'AQAB',
    d: 'qtJZS8U-pBhwADHEqK2kpXDQ0cNLlDqRFF1oKVCP34_SS5CumpiMF9j8bSLeqhu0rPfr6wydEiNgLLb2EWq1jf7qVw9ptowrhjtWQXh0pK7Jr3sNSD2OQ2mvxtPtlC85wcicGnf5t4HDaxQNLAzj-8xj6Mf6u-YI5jk9yOq8EYE',
    p: '15ACSNvskzWsir8FNxJph7W5AsLQBnkYXgl-at6iDPNmYjaCHbYhob0zZCmNqIL-QeijKcqgBsPESpoyX73phQ',
    q: 'yvZR86tzGf5ODja5G8ECTBR2SGdOktUJkWyGG_xRCld-HUT3hKO2KmYYMA4itngsNJjMEJlpMHrBPFou2PTjMQ',
    dp: '1vogvSbPXdSGmex9N_od0qERvMYqjnoQKiBPuicD9-R6M_Jme1kbW2EEMp0aUHcrOPHYXyJby8NLLJdxK3iLvQ',
    dq: 'jodyP6MMHpnmqLanQaVF_rVz5x6dICH5KSXD_A0xwAh3KQjQpVXuTFIL9FtI50j3CiyvSYziQMhDwSU3tuYqUQ',
    qi: 'zdXHAlGsWWnvfMIHzDqyAhs_ayMxdIyBsKhd-kdFFgdKvDGf2rl4vMcZpuKM_ufDOEcxBYJjZQJ17z20eheDIg'
  },
  rsaDetails: {
    modulusLength: 1024
  },
  ecPrivate: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIEjTMBMDr/tXbv/zUPzM6FP12fOPTRzq2gtQ2QX16ZaPoAoGCCqGSM49\nAwEHoUQDQgAEBFp6whjBfZ6v1r25X7SIjvFhlr9SFD/B5eug2Bns367gbKPCSCLH\nadEwXQBJ5vpNvAgNAvwThBHxOr9Tiy+0Iw==\n-----END EC PRIVATE KEY-----\n',
  ecPrivateDer: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgSNMwEwOv+1du//NQ/MzoU/XZ849NHOraC1DZBfXplo+hRANCAAQEWnrCGMF9nq/WvblftIiO8WGWv1IUP8Hl66DYGezfruBso8JIIsdp0TBdAEnm+k28CA0C/BOEEfE6v1OLL7Qj',
  ecPublic: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBFp6whjBfZ6v1r25X7SIjvFhlr9S\nFD/B5eug2Bns367gbKPCSCLHadEwXQBJ5vpNvAgNAvwThBHxOr9Tiy+0Iw==\n-----END PUBLIC KEY-----\n',
  ecSig: '3045022100c0fbaf60c47e0522e1ba65f057f679292af32074ab7bff3dfe726de065339cfe02200967fc598c82eb8bb2bdaf671bd9867c14b6e71532692d29568ed78b560ac7b0',
  ecSigP1363: 'eae461c765c39f88e9c076a1634a92c27e44090bb9d8adc02e8ccd0479189ec36c5d560e13dc13aeeeb04edc31a27c26ba12d615ce8971eee4a4a848a87872da',
  ecJwk: {
    kty: 'EC',
    x: 'BFp6whjBfZ6v1r25X7SIjvFhlr9SFD_B5eug2Bns364',
    y: '4Gyjwkgix2nRMF0ASeb6TbwIDQL8E4QR8Tq_U4svtCM',
    crv: 'P-256',
    d: 'SNMwEwOv-1du__NQ_MzoU_XZ849NHOraC1DZBfXplo8'
  },
  edPrivate: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIE0MOtzThAlE+bNhlW3+JPKDM4It0tPRFmC0b0d8q8Kc\n-----END PRIVATE KEY-----\n',
  edPublic: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAZQgjB7uwYTE6yZkMpTXRWLRngeMc/W8hpmMiQBHB+PI=\n-----END PUBLIC KEY-----\n',
  edSig: 'bc2686a0525a4590292fb35dd0caf5008789b2d0ae568413d0ad092029e0bc9fc1cb8115ee6da17209ce4f31145d58c35dd7167747b413ebfd1acadadae40203',
  edJwk: {
    crv: 'Ed25519',
    d: 'TQw63NOECUT5s2GVbf4k8oMzgi3S09EWYLRvR3yrwpw',
    x: 'ZQgjB7uwYTE6yZkMpTXRWLRngeMc_W8hpmMiQBHB-PI',
    kty: 'OKP'
  }
};

const msg = Buffer.from('hello, keys');
const hex = (b) => Buffer.from(b).toString('hex');

// ---- import node's keys, check their shape ----
const rsaPriv = crypto.createPrivateKey(fixtures.rsaPrivate);
const rsaPub = crypto.createPublicKey(fixtures.rsaPublic);
assert(rsaPriv instanceof crypto.KeyObject);
assert.strictEqual(rsaPriv.type, 'private');
assert.strictEqual(rsaPub.type, 'public');
assert.strictEqual(rsaPriv.asymmetricKeyType, 'rsa');
assert.deepStrictEqual(rsaPriv.asymmetricKeyDetails, { modulusLength: 1024, publicExponent: 65537n });
assert.deepStrictEqual(rsaPub.asymmetricKeyDetails, { modulusLength: 1024, publicExponent: 65537n });
assert.strictEqual(Object.prototype.toString.call(rsaPub), '[object KeyObject]');
assert.deepStrictEqual(Object.keys(rsaPub), []);
assert(crypto.createPublicKey(fixtures.rsaPublicPkcs1).equals(rsaPub));
assert(crypto.createPrivateKey(fixtures.rsaPrivatePkcs1).equals(rsaPriv));
assert(crypto.createPublicKey(fixtures.rsaPrivate).equals(rsaPub));
assert(crypto.createPublicKey(rsaPriv).equals(rsaPub));
assert.strictEqual(crypto.createPublicKey(rsaPriv).type, 'public');
assert(!rsaPub.equals(rsaPriv));

const ecPriv = crypto.createPrivateKey(fixtures.ecPrivate);
const ecPub = crypto.createPublicKey(fixtures.ecPublic);
assert.strictEqual(ecPriv.asymmetricKeyType, 'ec');
assert.deepStrictEqual(ecPriv.asymmetricKeyDetails, { namedCurve: 'prime256v1' });
assert(crypto.createPrivateKey({
  key: Buffer.from(fixtures.ecPrivateDer, 'base64'), format: 'der', type: 'pkcs8',
}).equals(ecPriv));

const edPriv = crypto.createPrivateKey(fixtures.edPrivate);
const edPub = crypto.createPublicKey(fixtures.edPublic);
assert.strictEqual(edPriv.asymmetricKeyType, 'ed25519');
assert.deepStrictEqual(edPriv.asymmetricKeyDetails, {});

// ---- exports reproduce node's bytes ----
assert.strictEqual(rsaPriv.export({ type: 'pkcs8', format: 'pem' }), fixtures.rsaPrivate);
assert.strictEqual(rsaPriv.export({ type: 'pkcs1', format: 'pem' }), fixtures.rsaPrivatePkcs1);
assert.strictEqual(rsaPub.export({ type: 'spki', format: 'pem' }), fixtures.rsaPublic);
assert.strictEqual(rsaPub.export({ type: 'pkcs1', format: 'pem' }), fixtures.rsaPublicPkcs1);
assert.strictEqual(ecPriv.export({ type: 'sec1', format: 'pem' }), fixtures.ecPrivate);
assert.strictEqual(ecPriv.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
                   fixtures.ecPrivateDer);
assert.strictEqual(edPub.export({ type: 'spki', format: 'pem' }), fixtures.edPublic);
assert.deepStrictEqual(rsaPriv.export({ format: 'jwk' }), fixtures.rsaJwk);
assert.deepStrictEqual(ecPriv.export({ format: 'jwk' }), fixtures.ecJwk);
assert.deepStrictEqual(edPriv.export({ format: 'jwk' }), fixtures.edJwk);
assert.deepStrictEqual(Object.keys(ecPriv.export({ format: 'jwk' })), ['kty', 'x', 'y', 'crv', 'd']);
{
  const { d, ...pub } = fixtures.edJwk;
  assert(d);
  assert.deepStrictEqual(edPub.export({ format: 'jwk' }), pub);
}

// ---- encrypted keys ----
{
  const k = crypto.createPrivateKey({ key: fixtures.rsaPrivateEncrypted, passphrase: 'secret' });
  assert(k.equals(rsaPriv));
  assert(crypto.createPrivateKey({ key: fixtures.rsaPrivateEncrypted,
                                   passphrase: Buffer.from('secret') }).equals(rsaPriv));
  // With OpenSSL 3's decoders the first queued error is the cancelled passphrase prompt, so
  // node reports that rather than ERR_MISSING_PASSPHRASE.
  assert.throws(() => crypto.createPrivateKey(fixtures.rsaPrivateEncrypted), (err) => {
    assert.strictEqual(err.name, 'Error');
    assert.strictEqual(err.code, 'ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED');
    assert.strictEqual(err.message,
                       'error:07880109:common libcrypto routines::interrupted or cancelled');
    assert(err.opensslErrorStack.includes('error:04800068:PEM routines::bad password read'));
    return true;
  });
  assert.throws(() => crypto.createPrivateKey({ key: fixtures.rsaPrivateEncrypted,
                                                passphrase: 'wrong' }), {
    code: 'ERR_OSSL_BAD_DECRYPT', message: 'error:1C800064:Provider routines::bad decrypt',
  });
  for (const [type, format] of [['pkcs8', 'pem'], ['pkcs8', 'der'], ['pkcs1', 'pem'],
                                ['sec1', 'pem']]) {
    const key = type === 'sec1' ? ecPriv : rsaPriv;
    const out = key.export({ type, format, cipher: 'aes-128-cbc', passphrase: 'pw' });
    const back = crypto.createPrivateKey({ key: out, format, type, passphrase: 'pw' });
    assert(back.equals(key), `${type} ${format}`);
  }
}

// ---- every plain encoding round trips ----
for (const [key, types] of [[rsaPriv, ['pkcs8', 'pkcs1']], [ecPriv, ['pkcs8', 'sec1']],
                            [edPriv, ['pkcs8']]]) {
  for (const type of types) {
    for (const format of ['pem', 'der']) {
      const out = key.export({ type, format });
      assert.strictEqual(typeof out === 'string', format === 'pem');
      assert(crypto.createPrivateKey({ key: out, type, format }).equals(key));
      assert(crypto.createPublicKey({ key: out, type, format }).equals(
        crypto.createPublicKey(key)));
    }
  }
}
for (const [key, types] of [[rsaPub, ['spki', 'pkcs1']], [ecPub, ['spki']], [edPub, ['spki']]]) {
  for (const type of types) {
    for (const format of ['pem', 'der']) {
      const out = key.export({ type, format });
      assert(crypto.createPublicKey({ key: out, type, format }).equals(key), `${type} ${format}`);
    }
  }
}

// ---- signatures: deterministic ones match node's bytes, the others verify ----
assert.strictEqual(hex(crypto.sign('sha256', msg, rsaPriv)), fixtures.rsaSigSha256);
assert.strictEqual(hex(crypto.sign('sha256', msg, fixtures.rsaPrivate)), fixtures.rsaSigSha256);
assert.strictEqual(hex(crypto.createSign('sha256').update(msg).sign(rsaPriv)),
                   fixtures.rsaSigSha256);
assert.strictEqual(crypto.createSign('RSA-SHA256').update('hello, ').update('keys')
  .sign(fixtures.rsaPrivate, 'hex'), fixtures.rsaSigSha256);
assert.strictEqual(hex(crypto.sign(null, msg, edPriv)), fixtures.edSig);
const pss = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING };
for (const [alg, pub, sig, opts] of [
  ['sha256', rsaPub, fixtures.rsaSigSha256, {}],
  ['sha256', rsaPub, fixtures.rsaPssSig, pss],
  ['sha256', ecPub, fixtures.ecSig, {}],
  ['sha256', ecPub, fixtures.ecSigP1363, { dsaEncoding: 'ieee-p1363' }],
  [null, edPub, fixtures.edSig, {}],
]) {
  const s = Buffer.from(sig, 'hex');
  assert.strictEqual(crypto.verify(alg, msg, { key: pub, ...opts }, s), true, sig);
  assert.strictEqual(crypto.verify(alg, Buffer.from('other'), { key: pub, ...opts }, s), false);
  if (alg) {
    assert.strictEqual(crypto.createVerify(alg).update(msg).verify({ key: pub, ...opts }, s),
                       true);
    assert.strictEqual(crypto.createVerify(alg).update(msg).verify({ key: pub, ...opts },
                                                                    sig, 'hex'), true);
  }
}
// Verify with the private key, with PEM strings, with a tampered signature.
assert.strictEqual(crypto.verify('sha256', msg, rsaPriv, Buffer.from(fixtures.rsaSigSha256,
                                                                      'hex')), true);
assert.strictEqual(crypto.verify('sha256', msg, fixtures.ecPublic,
                                 Buffer.from(fixtures.ecSig, 'hex')), true);
{
  const bad = Buffer.from(fixtures.ecSig, 'hex');
  bad[bad.length - 1] ^= 1;
  assert.strictEqual(crypto.verify('sha256', msg, ecPub, bad), false);
  assert.strictEqual(crypto.verify('sha256', msg, ecPub, Buffer.from('garbage')), false);
}
// Fresh ECDSA and PSS signatures (randomized) round trip; P1363 is fixed-size.
{
  const s1 = crypto.sign('sha384', msg, { key: ecPriv, dsaEncoding: 'ieee-p1363' });
  assert.strictEqual(s1.length, 64);
  assert(crypto.verify('sha384', msg, { key: ecPub, dsaEncoding: 'ieee-p1363' }, s1));
  const s2 = crypto.sign('sha512', msg, { key: rsaPriv, ...pss, saltLength: 20 });
  assert(crypto.verify('sha512', msg, { key: rsaPub, ...pss, saltLength: 20 }, s2));
  assert(!crypto.verify('sha512', msg, { key: rsaPub, ...pss, saltLength: 21 }, s2));
  const sign = crypto.createSign('sha256');
  sign.write('hello, ');
  sign.end('keys');
  const s3 = sign.sign({ key: ecPriv, dsaEncoding: 'der' });
  assert(crypto.verify('sha256', msg, ecPub, s3));
}

// Async one-shots run on the pool.
crypto.sign('sha256', msg, rsaPriv, mustCall((err, sig) => {
  assert.strictEqual(err, null);
  assert.strictEqual(hex(sig), fixtures.rsaSigSha256);
  crypto.verify('sha256', msg, rsaPub, sig, mustCall((err2, ok) => {
    assert.strictEqual(err2, null);
    assert.strictEqual(ok, true);
  }));
}));
crypto.sign(null, msg, edPriv, mustCall((err, sig) => {
  assert.strictEqual(hex(sig), fixtures.edSig);
}));
crypto.verify(null, Buffer.from('nope'), edPub, Buffer.from(fixtures.edSig, 'hex'),
              mustCall((err, ok) => {
                assert.strictEqual(err, null);
                assert.strictEqual(ok, false);
              }));

// ---- generateKeyPair ----
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  assert.deepStrictEqual(privateKey.asymmetricKeyDetails,
                         { modulusLength: 1024, publicExponent: 65537n });
  assert(crypto.verify('sha256', msg, publicKey, crypto.sign('sha256', msg, privateKey)));
  const e3 = crypto.generateKeyPairSync('rsa', { modulusLength: 512, publicExponent: 3 });
  assert.deepStrictEqual(e3.publicKey.asymmetricKeyDetails,
                         { modulusLength: 512, publicExponent: 3n });
  const pemPair = crypto.generateKeyPairSync('rsa', {
    modulusLength: 512,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc',
                          passphrase: 'top secret' },
  });
  assert.match(pemPair.publicKey, /^-----BEGIN PUBLIC KEY-----\n/);
  assert.match(pemPair.privateKey, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
  const k = crypto.createPrivateKey({ key: pemPair.privateKey, passphrase: 'top secret' });
  assert(crypto.createPublicKey(k).equals(crypto.createPublicKey(pemPair.publicKey)));
  for (const curve of ['P-256', 'prime256v1', 'P-384', 'secp521r1', 'secp256k1']) {
    const ec = crypto.generateKeyPairSync('ec', { namedCurve: curve });
    assert.strictEqual(ec.privateKey.asymmetricKeyType, 'ec');
    assert(crypto.verify('sha256', msg, ec.publicKey, crypto.sign('sha256', msg, ec.privateKey)));
  }
  assert.deepStrictEqual(crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey
    .asymmetricKeyDetails, { namedCurve: 'secp384r1' });
  for (const type of ['ed25519', 'ed448', 'x25519', 'x448']) {
    const pair = crypto.generateKeyPairSync(type, {
      publicKeyEncoding: { type: 'spki', format: 'der' },
    });
    assert(Buffer.isBuffer(pair.publicKey));
    assert.strictEqual(pair.privateKey.asymmetricKeyType, type);
    assert(crypto.createPublicKey({ key: pair.publicKey, format: 'der', type: 'spki' })
      .equals(crypto.createPublicKey(pair.privateKey)));
  }
  const rsaPss = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1024 });
  assert.strictEqual(rsaPss.privateKey.asymmetricKeyType, 'rsa-pss');
  assert(crypto.verify('sha256', msg, rsaPss.publicKey,
                       crypto.sign('sha256', msg, rsaPss.privateKey)));
}
crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, mustCall((err, publicKey, privateKey) => {
  assert.strictEqual(err, null);
  assert.strictEqual(publicKey.type, 'public');
  assert.strictEqual(privateKey.type, 'private');
  assert(crypto.verify('sha256', msg, publicKey, crypto.sign('sha256', msg, privateKey)));
}));
crypto.generateKeyPair('ed25519', {
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}, mustCall((err, publicKey, privateKey) => {
  assert.ifError(err);
  assert.match(publicKey, /^-----BEGIN PUBLIC KEY-----/);
  assert.match(privateKey, /^-----BEGIN PRIVATE KEY-----/);
}));
crypto.generateKeyPair('rsa', { modulusLength: 1024 }, mustCall((err, pub, priv) => {
  assert.ifError(err);
  assert.strictEqual(priv.asymmetricKeyDetails.modulusLength, 1024);
}));

// ---- secret keys ----
{
  const k = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
  assert.strictEqual(k.type, 'secret');
  assert.strictEqual(k.symmetricKeySize, 16);
  assert.deepStrictEqual(k.export(), Buffer.from('0123456789abcdef'));
  assert.deepStrictEqual(k.export({ format: 'jwk' }), { kty: 'oct', k: 'MDEyMzQ1Njc4OWFiY2RlZg' });
  assert.strictEqual(crypto.createSecretKey('abc', 'hex').symmetricKeySize, 1);
  assert.strictEqual(crypto.createSecretKey(Buffer.alloc(0)).symmetricKeySize, 0);
  assert(k.equals(crypto.createSecretKey(Buffer.from('0123456789abcdef'))));
  assert(!k.equals(crypto.createSecretKey(Buffer.from('0123456789abcdeX'))));
  // Secret KeyObjects key HMACs, ciphers and KDFs.
  assert.strictEqual(crypto.createHmac('sha256', k).update('x').digest('hex'),
                     crypto.createHmac('sha256', '0123456789abcdef').update('x').digest('hex'));
  const iv = Buffer.alloc(16);
  const c = crypto.createCipheriv('aes-128-cbc', k, iv);
  assert.deepStrictEqual(Buffer.concat([c.update('data'), c.final()]),
                         (() => {
                           const c2 = crypto.createCipheriv('aes-128-cbc',
                                                            '0123456789abcdef', iv);
                           return Buffer.concat([c2.update('data'), c2.final()]);
                         })());
  assert.deepStrictEqual(crypto.hkdfSync('sha256', k, 's', 'i', 8),
                         crypto.hkdfSync('sha256', '0123456789abcdef', 's', 'i', 8));
  assert.throws(() => crypto.createHmac('sha256', rsaPub), {
    name: 'TypeError',
    code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
    message: 'Invalid key object type public, expected secret.',
  });
}

// ---- errors ----
assert.throws(() => crypto.createPrivateKey('garbage'), {
  name: 'Error', code: 'ERR_OSSL_UNSUPPORTED',
  message: 'error:1E08010C:DECODER routines::unsupported',
  library: 'DECODER routines', reason: 'unsupported',
});
assert.throws(() => crypto.createPublicKey('garbage'), { code: 'ERR_OSSL_UNSUPPORTED' });
assert.throws(() => crypto.createPrivateKey(fixtures.rsaPublic), { code: 'ERR_OSSL_UNSUPPORTED' });
assert.throws(() => crypto.createPrivateKey({ key: Buffer.from('x'), format: 'der',
                                              type: 'pkcs8' }), {
  code: 'ERR_OSSL_ASN1_HEADER_TOO_LONG',
});
assert.throws(() => crypto.createSecretKey(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or ' +
           'DataView. Received type number (5)',
});
assert.throws(() => crypto.createPrivateKey(5), {
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
           'TypedArray, or DataView. Received type number (5)',
});
assert.throws(() => crypto.createPublicKey(5), {
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
           'TypedArray, DataView, KeyObject, or CryptoKey. Received type number (5)',
});
assert.throws(() => crypto.createPrivateKey({ key: 5 }), {
  message: 'The "key.key" property must be of type string or an instance of ArrayBuffer, ' +
           'Buffer, TypedArray, or DataView. Received type number (5)',
});
assert.throws(() => crypto.createPrivateKey({ key: 'x', format: 'foo' }), {
  name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.format' is invalid. Received 'foo'",
});
assert.throws(() => crypto.createPrivateKey({ key: Buffer.from('x'), format: 'der' }), {
  message: "The property 'options.type' is invalid. Received undefined",
});
assert.throws(() => rsaPriv.export(), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. Received undefined',
});
assert.throws(() => rsaPriv.export({ format: 'pem', type: 'spki' }), {
  message: "The property 'options.type' is invalid. Received 'spki'",
});
assert.throws(() => rsaPriv.export({ format: 'der', type: 'pkcs1', cipher: 'aes-128-cbc',
                                     passphrase: 'x' }), {
  name: 'Error', code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
  message: 'The selected key encoding pkcs1 does not support encryption.',
});
assert.throws(() => rsaPriv.export({ format: 'pem', type: 'pkcs8', cipher: 'foo',
                                     passphrase: 'x' }), {
  code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher',
});
assert.throws(() => rsaPriv.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc' }), {
  message: "The property 'options.passphrase' is invalid. Received undefined",
});
assert.throws(() => rsaPriv.export({ format: 'pem', type: 'sec1' }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
  message: 'The selected key encoding sec1 can only be used for EC keys.',
});
assert.throws(() => rsaPub.export({ format: 'pem', type: 'pkcs8' }), {
  message: "The property 'options.type' is invalid. Received 'pkcs8'",
});
assert.throws(() => crypto.sign('sha256', msg, rsaPub), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
  message: 'Invalid key object type public, expected private.',
});
assert.throws(() => crypto.sign('foo', msg, rsaPriv), {
  code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: foo',
});
assert.throws(() => crypto.sign('sha256', msg), {
  name: 'Error', code: 'ERR_CRYPTO_SIGN_KEY_REQUIRED', message: 'No key provided to sign',
});
assert.throws(() => crypto.verify('sha256', msg, rsaPub), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "signature" argument must be an instance of Buffer, TypedArray, or DataView. ' +
           'Received undefined',
});
assert.throws(() => crypto.createSign('sha256').sign(rsaPub), {
  code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
});
assert.throws(() => crypto.createSign('foo'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest',
});
assert.throws(() => crypto.sign('sha256', msg, { key: rsaPriv, dsaEncoding: 'foo' }), {
  message: "The property 'options.dsaEncoding' is invalid. Received 'foo'",
});
assert.throws(() => crypto.sign('sha256', msg, { key: rsaPriv, padding: 'foo' }), {
  message: "The property 'options.padding' is invalid. Received 'foo'",
});
assert.throws(() => crypto.generateKeyPairSync('foo'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'type' must be a supported key type. Received 'foo'",
});
assert.throws(() => crypto.generateKeyPairSync('rsa'), {
  message: 'The "options" argument must be of type object. Received undefined',
});
assert.throws(() => crypto.generateKeyPairSync('rsa', {}), {
  message: 'The "options.modulusLength" property must be of type number. Received undefined',
});
assert.throws(() => crypto.generateKeyPairSync('ec', { namedCurve: 'foo' }), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_CURVE', message: 'Invalid EC curve name',
});
assert.throws(() => crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: 'x' }), {
  message: "The property 'options.publicKeyEncoding' is invalid. Received 'x'",
});
assert.throws(() => crypto.generateKeyPair('ed25519', {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => rsaPub.equals(5), {
  message: 'The "otherKeyObject" argument must be an instance of KeyObject. Received type ' +
           'number (5)',
});

// DSA key pairs; a copy of a Hash keeps the digest's own length; promisified generateKeyPair.
{
  const dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
  assert.strictEqual(dsa.privateKey.asymmetricKeyType, 'dsa');
  assert.deepStrictEqual(dsa.privateKey.asymmetricKeyDetails,
                         { modulusLength: 1024, divisorLength: 160 });
  const sig = crypto.sign('sha256', msg, dsa.privateKey);
  assert(crypto.verify('sha256', msg, dsa.publicKey, sig));
  const p1363 = crypto.sign('sha256', msg, { key: dsa.privateKey, dsaEncoding: 'ieee-p1363' });
  assert.strictEqual(p1363.length, 40);
  assert(crypto.verify('sha256', msg, { key: dsa.publicKey, dsaEncoding: 'ieee-p1363' }, p1363));
  assert.throws(() => crypto.generateKeyPairSync('dsa', {}), {
    message: 'The "options.modulusLength" property must be of type number. Received undefined',
  });
  require('util').promisify(crypto.generateKeyPair)('ed25519').then(mustCall((pair) => {
    assert.deepStrictEqual(Object.keys(pair), ['publicKey', 'privateKey']);
    assert.strictEqual(pair.privateKey.asymmetricKeyType, 'ed25519');
  }));
  // Options are checked before the key is parsed.
  assert.throws(() => crypto.createVerify('sha256').verify('not a key', 5), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  // An error property setter on Object.prototype wins, as in node.
  Object.defineProperty(Object.prototype, 'library', {
    configurable: true,
    set() { throw new Error('bye, bye, library'); },
  });
  try {
    assert.throws(() => crypto.createPrivateKey('garbage'), { message: 'bye, bye, library' });
  } finally {
    delete Object.prototype.library;
  }
}

// RSA encryption: ciphertexts made by node with the recorded key decrypt here; PKCS#1 v1.5
// private encryption is deterministic and matches node's bytes.
{
  const oaep = Buffer.from(
  'lZrolRo2X9R89Q3XVE4Ao+4qwyFSyP9S6EIfJuYwKGDB4lePLOwnDXALUa12ktM/RYyQEIr06Uz/6Yt2' +
  'OT1EM7yuwevwnCxggLu7PggPd37PQmVd7pg374FIqoCDO3WBIQ4Y+bm9zbBVaPW3vUR75CZTBVQCKZAp' +
  'D5ArIlwUqp0=', 'base64');
  const oaepSha256 = Buffer.from(
  'pMBXZvsrjn70G05qYf4PFISbtAIu4DbLCuntaGuOidyCyCSex72pV863n1lFDWUAYL9rAov6KaFan7nJ' +
  'HZKOG+o5muXUirwMnUlqlJ8d8unlRmdsNJC4FVknU3dC64zTCyAyk+PYI7W8Xq/Y4UTAEMmer3zfP9nt' +
  'NQfh/Lg4sMI=', 'base64');
  const privEnc = Buffer.from(
  'HQhsoez3qZv0RcOFErqDB43PAC1hvm1nKq8ZRBfcuijubcojDzxNFaq5RREyiI3WNg/tZI+dzIm6NNny' +
  'WsRn1CjMWfteXtVr+AA5SrgiuU3kvxDulsBiv1V/8i1TPEg50NjC3hbltAnaqj6KNhNWwk2hZy1AE30Z' +
  'SpCrti8zWzs=', 'base64');
  assert.strictEqual(crypto.privateDecrypt(rsaPriv, oaep).toString(), 'secret message');
  assert.strictEqual(crypto.privateDecrypt({ key: fixtures.rsaPrivate, oaepHash: 'sha256',
                                             oaepLabel: Buffer.from('label') }, oaepSha256)
    .toString(), 'secret message');
  assert.deepStrictEqual(crypto.privateEncrypt(rsaPriv, Buffer.from('secret message')), privEnc);
  assert.strictEqual(crypto.publicDecrypt(rsaPub, privEnc).toString(), 'secret message');
  const enc = crypto.publicEncrypt(rsaPub, 'round trip');
  assert.strictEqual(enc.length, 128);
  assert.strictEqual(crypto.privateDecrypt(rsaPriv, enc).toString(), 'round trip');
  const raw = crypto.publicEncrypt({ key: rsaPub, padding: crypto.constants.RSA_NO_PADDING },
                                   Buffer.alloc(128, 1));
  assert.deepStrictEqual(crypto.privateDecrypt({ key: rsaPriv,
                                                 padding: crypto.constants.RSA_NO_PADDING },
                                               raw), Buffer.alloc(128, 1));
  assert.throws(() => crypto.privateDecrypt({ key: rsaPriv,
                                              padding: crypto.constants.RSA_PKCS1_PADDING },
                                            enc), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: 'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be ' +
             'reverted with --security-revert=CVE-2023-46809',
  });
  assert.throws(() => crypto.privateDecrypt(rsaPriv, Buffer.alloc(128)), {
    code: 'ERR_OSSL_RSA_OAEP_DECODING_ERROR',
    message: 'error:02000079:rsa routines::oaep decoding error',
  });
  assert.throws(() => crypto.publicEncrypt(rsaPub, Buffer.alloc(200)), {
    code: 'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE',
  });
  assert.throws(() => crypto.publicEncrypt({ key: rsaPub, oaepHash: 'foo' }, Buffer.from('x')), {
    name: 'Error', code: 'ERR_OSSL_EVP_INVALID_DIGEST', message: 'Invalid digest used',
  });
  assert.throws(() => crypto.publicEncrypt({ key: rsaPub, oaepHash: 5 }, Buffer.from('x')), {
    message: 'The "key.oaepHash" property must be of type string. Received type number (5)',
  });
  assert.throws(() => crypto.privateEncrypt(rsaPub, Buffer.from('x')), {
    code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
  });
}

// JWK import: node's JWKs, and every generated key type back and forth.
{
  assert(crypto.createPrivateKey({ key: fixtures.rsaJwk, format: 'jwk' }).equals(rsaPriv));
  assert(crypto.createPublicKey({ key: fixtures.rsaJwk, format: 'jwk' }).equals(rsaPub));
  assert(crypto.createPrivateKey({ key: fixtures.ecJwk, format: 'jwk' }).equals(ecPriv));
  assert(crypto.createPublicKey({ key: fixtures.ecJwk, format: 'jwk' }).equals(ecPub));
  assert(crypto.createPrivateKey({ key: fixtures.edJwk, format: 'jwk' }).equals(edPriv));
  assert.strictEqual(crypto.sign(null, msg, { key: fixtures.edJwk, format: 'jwk' })
    .toString('hex'), fixtures.edSig);
  assert(crypto.verify('sha256', msg, { key: fixtures.ecJwk, format: 'jwk' },
                       Buffer.from(fixtures.ecSig, 'hex')));
  for (const [type, opts] of [['ec', { namedCurve: 'secp256k1' }], ['ec', { namedCurve: 'P-521' }],
                              ['x25519'], ['ed448']]) {
    const k = crypto.generateKeyPairSync(type, opts);
    const jwk = k.privateKey.export({ format: 'jwk' });
    assert(crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(k.privateKey));
    assert(crypto.createPublicKey({ key: jwk, format: 'jwk' }).equals(k.publicKey));
  }
  assert.throws(() => crypto.createPublicKey({ key: { kty: 'foo' }, format: 'jwk' }), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'key.kty' must be one of: 'RSA', 'EC', 'OKP'. Received 'foo'",
  });
  assert.throws(() => crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }, format: 'jwk',
  }), { name: 'TypeError', code: 'ERR_CRYPTO_INVALID_JWK', message: 'Invalid JWK EC key' });
  assert.throws(() => crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, format: 'jwk',
  }), { code: 'ERR_CRYPTO_INVALID_JWK', message: 'Invalid JWK data' });
  assert.throws(() => crypto.createPrivateKey({ key: { kty: 'RSA', n: 'AQAB', e: 'AQAB' },
                                                format: 'jwk' }), {
    message: 'The "key.d" property must be of type string. Received undefined',
  });
  assert.throws(() => crypto.createPublicKey({ key: 5, format: 'jwk' }), {
    message: 'The "key.key" property must be of type object. Received type number (5)',
  });
}

// generateKey / generateKeySync: secret keys for hmac and aes.
{
  assert.strictEqual(crypto.generateKeySync('hmac', { length: 123 }).symmetricKeySize, 15);
  assert.strictEqual(crypto.generateKeySync('aes', { length: 256 }).symmetricKeySize, 32);
  assert.throws(() => crypto.generateKeySync('aes', { length: 100 }), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'options.length' must be one of: 128, 192, 256. Received 100",
  });
  assert.throws(() => crypto.generateKeySync('hmac', { length: 7 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.length" is out of range. It must be >= 8 && <= ' +
             '2147483647. Received 7',
  });
  assert.throws(() => crypto.generateKeySync('foo', { length: 8 }), {
    message: "The argument 'type' must be a supported key type. Received 'foo'",
  });
  crypto.generateKey('hmac', { length: 64 }, mustCall((err, key) => {
    assert.strictEqual(err, null);
    assert.strictEqual(key.type, 'secret');
    assert.strictEqual(key.symmetricKeySize, 8);
  }));
}
