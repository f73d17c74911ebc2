'use strict';
// Signatures as Buffers (crypto.sign, createSign().sign()): each its own bytes, intact after
// later calls and after mutating earlier ones; encodings and dsaEncoding forms. Last, every kind
// of small crypto output owns an ArrayBuffer of its size (transferable alone, as node's).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

// Fixed keys: RSA (PKCS#1 v1.5) and Ed25519 signatures are deterministic, so their bytes can
// be printed; ECDSA ones are checked by verifying.
const rsa = crypto.createPrivateKey(
  fs.readFileSync(path.join(__dirname, 'fixtures/crypto/x509/leaf-key.pem')));
const ed = crypto.createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 5)]),
  format: 'der',
  type: 'pkcs8',
});
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const data = Buffer.from('sign me '.repeat(100));
const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

{
  const sigs = [];
  const expected = [];
  for (let i = 0; i < 400; i++) {
    const input = data.subarray(0, i);
    const a = crypto.sign('sha256', input, rsa);
    const b = crypto.sign(null, input, ed);
    const c = crypto.createSign('sha1').update(input).sign(rsa);
    expected.push(a.toString('hex') + b.toString('hex') + c.toString('hex'));
    sigs.push(a, b, c);
    a.fill(1);
    b.fill(2);
    c.fill(3);
  }
  const ok = sigs.every((s, i) => s.every((x) => x === (i % 3) + 1));
  console.log('mutated signatures intact', ok, hash(Buffer.from(expected.join(''))));
  const again = crypto.sign('sha256', data.subarray(0, 7), rsa).toString('hex') +
    crypto.sign(null, data.subarray(0, 7), ed).toString('hex') +
    crypto.createSign('sha1').update(data.subarray(0, 7)).sign(rsa).toString('hex');
  console.log('same again', again === expected[7]);
}

console.log('ed25519', crypto.sign(null, data, ed).toString('hex'));
console.log('rsa hex', crypto.createSign('sha256').update(data).sign(rsa, 'hex'));
console.log('rsa base64', crypto.createSign('sha256').update(data).sign(rsa, 'base64'));
console.log('rsa pss length', crypto.sign('sha256', data, {
  key: rsa, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 10,
}).length);

for (const dsaEncoding of ['der', 'ieee-p1363']) {
  const one = crypto.sign('sha256', data, { key: ec.privateKey, dsaEncoding });
  const two = crypto.createSign('sha256').update(data).sign({ key: ec.privateKey, dsaEncoding });
  console.log(dsaEncoding, dsaEncoding === 'der' ? one[0] === 0x30 : one.length,
              crypto.verify('sha256', data, { key: ec.publicKey, dsaEncoding }, one),
              crypto.createVerify('sha256').update(data)
                .verify({ key: ec.publicKey, dsaEncoding }, two));
}

// The callback form still gives a Buffer of its own.
crypto.sign(null, data, ed, (err, sig) => {
  console.log('async', err, Buffer.isBuffer(sig), sig.toString('hex') ===
              crypto.sign(null, data, ed).toString('hex'));
});

// Each result owns an ArrayBuffer of exactly its size, so transferring it moves only its bytes
// and detaches it, as node's.
{
  const key = Buffer.alloc(32, 1);
  const iv = Buffer.alloc(12, 2);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  const outputs = {
    update: c.update(data),
    final: c.final(),
    tag: c.getAuthTag(),
    digest: crypto.createHash('sha256').update(data).digest(),
    hmac: crypto.createHmac('sha256', key).update(data).digest(),
    sign: crypto.sign(null, data, ed),
    createSign: crypto.createSign('sha256').update(data).sign(rsa),
  };
  for (const [name, buf] of Object.entries(outputs)) {
    const own = buf.buffer.byteLength === buf.length && buf.byteOffset === 0;
    const copy = structuredClone(buf, { transfer: [buf.buffer] });
    console.log('own buffer', name, own, buf.length, copy.length, copy.buffer.byteLength);
  }
}
