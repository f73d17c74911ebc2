'use strict';
// An encrypted private key given to a secure context: the right passphrase loads it, a wrong or
// missing one fails with OpenSSL's "bad decrypt" as in node (never a prompt or a cancel error).
const crypto = require('crypto');
const tls = require('tls');

const { privateKey } = crypto.generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'sesame' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

for (const [name, options] of [
  ['right passphrase', { key: privateKey, passphrase: 'sesame' }],
  ['wrong passphrase', { key: privateKey, passphrase: 'open' }],
  ['missing passphrase', { key: privateKey }],
  ['empty passphrase', { key: privateKey, passphrase: '' }],
  ['per-key passphrase', { key: [{ pem: privateKey, passphrase: 'sesame' }] }],
  ['per-key wrong, shared right', { key: [{ pem: privateKey, passphrase: 'x' }], passphrase: 'sesame' }],
  ['per-key missing, shared right', { key: [{ pem: privateKey }], passphrase: 'sesame' }],
]) {
  try {
    tls.createSecureContext(options);
    console.log(name, 'loaded');
  } catch (err) {
    console.log(name, '->', err.name, err.code, err.reason);
  }
}

// A { pem } object is a key entry only inside an array.
try {
  tls.createSecureContext({ key: { pem: privateKey, passphrase: 'sesame' } });
  console.log('bare { pem } loaded');
} catch (err) {
  console.log('bare { pem } ->', err.name, err.code, err.message);
}

// The passphrase must be a string (checked when a key is set, as node).
for (const passphrase of [1, Buffer.from('sesame'), {}]) {
  try {
    tls.createSecureContext({ key: privateKey, passphrase });
    console.log('passphrase', typeof passphrase, 'accepted');
  } catch (err) {
    console.log('passphrase', typeof passphrase, '->', err.code, err.message);
  }
}
console.log('no key, bad passphrase:', typeof tls.createSecureContext({ passphrase: 1 }));
