'use strict';
// crypto.verify with Ed25519 keys answers as node (OpenSSL) does for valid signatures, tampered
// ones, a non-canonical S (S + L), small-order and non-canonical public keys (which OpenSSL
// accepts and stricter verifiers reject), wrong lengths, private keys and the async form.
const crypto = require('crypto');

const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
const keyFromSeed = (seed) =>
  crypto.createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
const publicFromBytes = (bytes) =>
  crypto.createPublicKey({ key: Buffer.concat([spkiPrefix, bytes]), format: 'der', type: 'spki' });

// S + L, as a little-endian 256-bit addition.
const order = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex');
function plusOrder(s) {
  const out = Buffer.alloc(32);
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const v = s[i] + order[i] + carry;
    out[i] = v & 255;
    carry = v >> 8;
  }
  return out;
}

const results = [];
for (let i = 0; i < 40; i++) {
  const key = keyFromSeed(crypto.createHash('sha256').update(`verify ${i}`).digest());
  const pub = crypto.createPublicKey(key);
  const message = Buffer.alloc([0, 1, 64, 200, 1024, 5000][i % 6], i);
  const sig = crypto.sign(null, message, key);
  const flipR = Buffer.from(sig); flipR[i % 32] ^= 1 << (i % 8);
  const flipS = Buffer.from(sig); flipS[32 + (i % 32)] ^= 1 << (i % 8);
  const bigS = Buffer.concat([sig.subarray(0, 32), plusOrder(sig.subarray(32))]);
  const other = Buffer.concat([message, Buffer.from('!')]);
  results.push([
    crypto.verify(null, message, pub, sig),
    crypto.verify(undefined, message, key, sig),
    crypto.verify(null, message, pub, flipR),
    crypto.verify(null, message, pub, flipS),
    crypto.verify(null, message, pub, bigS),
    crypto.verify(null, other, pub, sig),
    crypto.verify(null, message, pub, sig.subarray(0, 63)),
    crypto.verify(null, message, pub, Buffer.concat([sig, Buffer.alloc(1)])),
  ].map(Number).join(''));
}
console.log(results.join(' '));

// Small-order and non-canonical public keys with R = identity and S = 0: [S]B = R + [k]A holds
// whenever [k]A is the identity, which depends on the message through k.
const identity = Buffer.concat([Buffer.from([1]), Buffer.alloc(31)]);
const weakKeys = {
  identity,
  minusOne: Buffer.concat([Buffer.from([0xec]), Buffer.alloc(30, 0xff), Buffer.from([0x7f])]),
  orderFour: Buffer.alloc(32),
  nonCanonicalZero: Buffer.concat([Buffer.from([0xed]), Buffer.alloc(30, 0xff), Buffer.from([0x7f])]),
  nonCanonicalOne: Buffer.concat([Buffer.from([0xee]), Buffer.alloc(30, 0xff), Buffer.from([0x7f])]),
};
const trivialSig = Buffer.concat([identity, Buffer.alloc(32)]);
for (const [name, bytes] of Object.entries(weakKeys)) {
  let pub;
  try {
    pub = publicFromBytes(bytes);
  } catch (err) {
    console.log(name, 'import', err.code);
    continue;
  }
  const answers = [];
  for (let m = 0; m < 16; m++) {
    try {
      answers.push(Number(crypto.verify(null, Buffer.from([m]), pub, trivialSig)));
    } catch (err) {
      answers.push(err.code);
    }
  }
  console.log(name, answers.join(''));
}

const key = keyFromSeed(Buffer.alloc(32, 5));
const message = Buffer.from('async verify');
const sig = crypto.sign(null, message, key);
crypto.verify(null, message, crypto.createPublicKey(key), sig, (err, ok) => {
  console.log('async', err, ok);
  const bad = Buffer.from(sig); bad[0] ^= 1;
  crypto.verify(null, message, key, bad, (err2, ok2) => console.log('async tampered', err2, ok2));
});
