'use strict';
// crypto.sign/verify with EC keys hash the data and sign the digest on the key's kept context.
// ECDSA signatures are random, so this checks what node's answers are: signatures that verify
// on every path (one-shot, createSign/createVerify, both encodings), tampered ones that do not,
// and node's errors for digests ECDSA does not take.
const crypto = require('crypto');

const curves = ['P-256', 'secp384r1', 'secp521r1', 'secp256k1'];
for (const namedCurve of curves) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve });
  const rows = [];
  for (const digest of ['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256']) {
    for (const size of [0, 1, 1000]) {
      const data = Buffer.alloc(size, size & 255);
      const der = crypto.sign(digest, data, privateKey);
      const p1363 = crypto.sign(digest, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const viaCreate = crypto.createSign(digest).update(data).sign(privateKey);
      const tampered = Buffer.from(der);
      tampered[tampered.length - 1] ^= 1;
      rows.push([
        crypto.verify(digest, data, publicKey, der),
        crypto.verify(digest, data, privateKey, der),
        crypto.verify(digest, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, p1363),
        crypto.verify(digest, data, publicKey, p1363),
        crypto.createVerify(digest).update(data).verify(publicKey, der),
        crypto.verify(digest, data, publicKey, viaCreate),
        crypto.verify(digest, data, publicKey, tampered),
        crypto.verify(digest, Buffer.concat([data, Buffer.from('x')]), publicKey, der),
        crypto.verify(digest === 'sha256' ? 'sha384' : 'sha256', data, publicKey, der),
        crypto.verify(digest, data, { key: publicKey, dsaEncoding: 'ieee-p1363' },
                      p1363.subarray(1)),
      ].map(Number).join(''));
    }
  }
  console.log(namedCurve, p1363Length(privateKey), rows.join(' '));
}

function p1363Length(key) {
  return crypto.sign('sha256', Buffer.from('x'), { key, dsaEncoding: 'ieee-p1363' }).length;
}

const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
for (const digest of ['md5', 'shake256', 'sha512-256', 'ripemd160', 'nope']) {
  let signed;
  try {
    signed = crypto.sign(digest, Buffer.from('data'), privateKey);
    console.log(digest, 'sign ok', crypto.verify(digest, Buffer.from('data'), publicKey, signed));
  } catch (err) {
    console.log(digest, 'sign', err.name, err.code, err.message);
  }
  try {
    console.log(digest, 'verify', crypto.verify(digest, Buffer.from('data'), publicKey,
                                                Buffer.alloc(70, 1)));
  } catch (err) {
    console.log(digest, 'verify', err.name, err.code, err.message);
  }
}
// The one-shot forms keep working after an error, and after an invalid signature.
const data = Buffer.from('after');
const sig = crypto.sign('sha256', data, privateKey);
console.log('after errors', crypto.verify('sha256', data, publicKey, Buffer.alloc(8)),
            crypto.verify('sha256', data, publicKey, sig));

crypto.sign('sha256', data, privateKey, (err, s) => {
  console.log('async sign', err, crypto.verify('sha256', data, publicKey, s));
  crypto.verify('sha256', data, publicKey, s, (err2, ok) => console.log('async verify', err2, ok));
});
