'use strict';
// Ed25519 signatures are deterministic: every one must be node's, byte for byte, whatever the
// key's form (KeyObject, PEM, DER, JWK), the message size (SHA-512 block edges included), and
// whether it is signed at once or on the thread pool. A public key cannot sign.
const crypto = require('crypto');

const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const keyFromSeed = (seed) =>
  crypto.createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });

const sizes = [0, 1, 31, 32, 63, 64, 111, 112, 127, 128, 129, 1000, 4096, 65537];
const all = crypto.createHash('sha256');
for (let i = 0; i < 64; i++) {
  const key = keyFromSeed(crypto.createHash('sha256').update(`seed ${i}`).digest());
  const publicKey = crypto.createPublicKey(key);
  const message = Buffer.alloc(sizes[i % sizes.length], i);
  const signature = crypto.sign(null, message, key);
  if (!crypto.verify(null, message, publicKey, signature)) console.log('does not verify', i);
  // The same KeyObject signs the same message the same way again.
  if (!crypto.sign(null, message, key).equals(signature)) console.log('not repeatable', i);
  all.update(signature);
}
console.log('64 keys', all.digest('hex'));

// Seeds at the ends of the range, and the RFC 8032 test 1 key (an empty message).
for (const seed of [Buffer.alloc(32, 0), Buffer.alloc(32, 0xff),
  Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex')]) {
  console.log(crypto.sign(null, Buffer.alloc(0), keyFromSeed(seed)).toString('hex'));
}

const key = keyFromSeed(Buffer.alloc(32, 7));
const message = Buffer.from('ringjs');
const expected = crypto.sign(null, message, key).toString('hex');
console.log('KeyObject', expected);
const pem = key.export({ type: 'pkcs8', format: 'pem' });
console.log('PEM', crypto.sign(null, message, pem).toString('hex') === expected);
console.log('DER', crypto.sign(undefined, message,
  { key: key.export({ type: 'pkcs8', format: 'der' }), format: 'der', type: 'pkcs8' })
  .toString('hex') === expected);
console.log('JWK', crypto.sign(null, message,
  { key: key.export({ format: 'jwk' }), format: 'jwk' }).toString('hex') === expected);
console.log('string data', crypto.sign(null, 'ringjs', key).toString('hex') === expected);
console.log('DataView', crypto.sign(null, new DataView(message.buffer, message.byteOffset,
  message.length), key).toString('hex') === expected);
console.log('options ignored', crypto.sign(null, message,
  { key, dsaEncoding: 'ieee-p1363' }).toString('hex') === expected);

try {
  crypto.sign(null, message, crypto.createPublicKey(key));
} catch (err) {
  console.log('public key:', err.name, err.code);
}
try {
  crypto.sign('sha256', message, key);
} catch (err) {
  console.log('with a digest:', err.name, err.code, err.message);
}

crypto.sign(null, message, key, (err, signature) => {
  console.log('async', err, signature.toString('hex') === expected);
  crypto.sign(null, Buffer.alloc(5000, 3), key, (err2, big) => {
    console.log('async 5000', err2, big.equals(crypto.sign(null, Buffer.alloc(5000, 3), key)),
                big.toString('hex').slice(0, 32));
  });
});
