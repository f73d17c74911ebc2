'use strict';
// Sign/Verify objects finish their digest in sign()/verify(): a second sign()/verify() or an
// update() after it throws node's 'Not initialised' (after the checks of its arguments). Their
// options (RSA padding and saltLength, dsaEncoding) and the stream side still work, and a
// Hash's digest() and stream end leave copy() as node has it.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const rsa = crypto.createPrivateKey(
  fs.readFileSync(path.join(__dirname, 'fixtures/crypto/x509/leaf-key.pem')));
const rsaPublic = crypto.createPublicKey(rsa);
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const data = Buffer.from('sign me '.repeat(50));

function attempt(label, fn) {
  try {
    const result = fn();
    console.log(label, 'ok', Buffer.isBuffer(result) ? `Buffer(${result.length})` : result);
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

{
  const sign = crypto.createSign('sha256').update(data);
  const sig = sign.sign(rsa);
  console.log('rsa sig', sig.toString('hex').slice(0, 32));
  attempt('sign again', () => sign.sign(rsa));
  attempt('sign again, no key', () => sign.sign(undefined));
  attempt('sign again, bad key', () => sign.sign('not a key'));
  attempt('update after sign', () => sign.update('more'));
  attempt('update after sign, bad data', () => sign.update(42));
  const verify = crypto.createVerify('sha256').update(data);
  attempt('verify', () => verify.verify(rsaPublic, sig));
  attempt('verify again', () => verify.verify(rsaPublic, sig));
  attempt('verify again, bad signature', () => verify.verify(rsaPublic, 42));
  attempt('update after verify', () => verify.update(data));
}

// A failed sign() (wrong key type) leaves the object used up too, as node's.
{
  const sign = crypto.createSign('sha256').update(data);
  attempt('sign with a public key', () => sign.sign(rsaPublic));
  attempt('then with the private key', () => sign.sign(rsa).length);
  const ed = crypto.generateKeyPairSync('ed25519');
  const prehashed = crypto.createSign('sha256').update(data);
  attempt('sign with an Ed25519 key', () => prehashed.sign(ed.privateKey));
  attempt('then with the RSA key', () => prehashed.sign(rsa).length);
  const verify = crypto.createVerify('sha256').update(data);
  attempt('verify with an Ed25519 key', () => verify.verify(ed.publicKey, Buffer.alloc(64)));
  attempt('then with the RSA key', () => verify.verify(rsaPublic, Buffer.alloc(256)));
}

// Options of createSign/createVerify.
{
  for (const saltLength of [undefined, 0, 20, crypto.constants.RSA_PSS_SALTLEN_DIGEST]) {
    const options = { key: rsa, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength };
    const sig = crypto.createSign('sha256').update(data).sign(options);
    const verifyOptions = { ...options, key: rsaPublic };
    console.log('pss', saltLength, sig.length,
                crypto.createVerify('sha256').update(data).verify(verifyOptions, sig),
                crypto.verify('sha256', data, verifyOptions, sig));
  }
  attempt('bad padding', () => crypto.createSign('sha256').sign({ key: rsa, padding: 'x' }));
  attempt('bad saltLength', () => crypto.createSign('sha256').sign({ key: rsa, saltLength: 1.5 }));
  for (const dsaEncoding of ['der', 'ieee-p1363']) {
    const options = { key: ec.privateKey, dsaEncoding };
    const sig = crypto.createSign('sha384').update(data).sign(options, 'base64');
    const verifyOptions = { key: ec.publicKey, dsaEncoding };
    console.log(dsaEncoding,
                crypto.createVerify('sha384').update(data).verify(verifyOptions, sig, 'base64'),
                crypto.verify('sha384', data, verifyOptions, Buffer.from(sig, 'base64')));
  }
  attempt('bad dsaEncoding',
          () => crypto.createSign('sha256').sign({ key: ec.privateKey, dsaEncoding: 'x' }));
  attempt('dss1', () => crypto.createSign('DSS1').update(data).sign(rsa).length);
  attempt('bad digest', () => crypto.createSign('sha257'));
  attempt('bad digest (verify)', () => crypto.createVerify('nope'));
  attempt('no update', () => crypto.createVerify('sha1').verify(rsaPublic,
                                                              crypto.sign('sha1', Buffer.alloc(0), rsa)));
}

// One key signing and verifying in turn with other digests and options (each checked by the
// one-shot functions), and after a refused call.
{
  const PSS = crypto.constants.RSA_PKCS1_PSS_PADDING;
  const runs = [
    ['sha256', {}], ['sha256', {}], ['sha512', {}], ['sha256', { padding: PSS }],
    ['sha256', { padding: PSS, saltLength: 10 }], ['sha256', { padding: PSS, saltLength: 400 }],
    ['sha256', { padding: PSS, saltLength: 10 }], ['sha1', {}], ['sha256', {}],
  ];
  for (const [digest, options] of runs) {
    attempt(`${digest} ${JSON.stringify(options)}`, () => {
      const sig = crypto.createSign(digest).update(data).sign({ key: rsa, ...options });
      const good = crypto.createVerify(digest).update(data)
        .verify({ key: rsaPublic, ...options }, sig);
      const bad = crypto.createVerify(digest).update(data.subarray(1))
        .verify({ key: rsaPublic, ...options }, sig);
      const oneShot = crypto.verify(digest, data, { key: rsaPublic, ...options }, sig);
      return `${good} ${bad} ${oneShot}`;
    });
  }
  for (let i = 0; i < 3; i++) {
    const sig = crypto.createSign('sha256').update(data).sign(ec.privateKey);
    console.log('ec', i, crypto.createVerify('sha256').update(data).verify(ec.publicKey, sig),
                crypto.createVerify('sha256').update(data).verify(ec.publicKey, Buffer.alloc(8)),
                crypto.verify('sha256', data, ec.publicKey, sig));
  }
}

// The Writable side: written chunks are signed, and a write after verify() throws.
{
  const sign = crypto.createSign('sha256');
  sign.write(data.subarray(0, 100));
  sign.end(data.subarray(100));
  sign.on('finish', () => {
    const sig = sign.sign(rsa, 'hex');
    console.log('stream sig matches', sig === crypto.sign('sha256', data, rsa).toString('hex'));
  });
  const late = crypto.createVerify('sha256');
  late.verify(rsaPublic, Buffer.alloc(1));
  attempt('write after verify', () => late.write('x'));
}

// Hash: copy() after digest() throws; after the stream side produced the digest, node still
// copies the finished context.
{
  const h = crypto.createHash('sha256').update('abc');
  const copy = h.copy();
  console.log('digest', h.digest('hex').slice(0, 16), copy.digest('hex').slice(0, 16));
  attempt('copy after digest', () => h.copy());
  attempt('update after digest', () => h.update('x'));
  const s = crypto.createHash('sha256');
  s.on('data', (d) => {
    console.log('stream digest', d.toString('hex').slice(0, 16));
    console.log('copy after end', s.copy().digest('hex').length);
    console.log('digest after end', s.digest('hex').slice(0, 16));
  });
  s.end('abc');
}
