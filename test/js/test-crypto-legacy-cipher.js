'use strict';
// crypto.createCipher/createDecipher (DEP0106): password-derived key and IV (MD5, one round),
// Cipher/Decipher callable without new, counter-mode warnings on the encrypting side only.
const crypto = require('crypto');

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

const desc = Object.getOwnPropertyDescriptor(crypto, 'createCipher');
console.log('createCipher', typeof desc.value, desc.enumerable, desc.writable, desc.configurable);
console.log('Cipher', crypto.Cipher.name, crypto.Cipher.length, Object.keys(crypto).includes('Cipher'));

for (const name of ['aes192', 'aes-128-ecb', 'aes-256-cbc', 'aes-128-ctr', 'aes-256-gcm',
  'chacha20-poly1305', 'des-ede3-cbc']) {
  for (const password of ['secret', Buffer.from('a longer password, bytes'), '']) {
    const cipher = crypto.createCipher(name, password);
    const encrypted = cipher.update('the quick brown fox', 'utf8', 'hex') + cipher.final('hex');
    const decipher = crypto.createDecipher(name, password);
    if (cipher.getAuthTag) {
      try { decipher.setAuthTag(cipher.getAuthTag()); } catch { /* not an AEAD cipher */ }
    }
    const decrypted = decipher.update(encrypted, 'hex', 'utf8') + decipher.final('utf8');
    console.log(name, JSON.stringify(password.toString()), encrypted, decrypted);
  }
}

console.log(crypto.Cipher('aes192', 'k') instanceof crypto.Cipher,
  crypto.Decipher('aes192', 'k') instanceof crypto.Decipher,
  new crypto.Cipher('aes192', 'k') instanceof crypto.Cipher);
console.log(Object.getOwnPropertyNames(crypto.Cipher.prototype).join(','));
console.log(Object.getOwnPropertyNames(crypto.Decipher.prototype).join(','));

// The same password gives the same stream as createCipheriv with EVP_BytesToKey's output.
const viaPassword = crypto.createCipher('aes-128-cbc', 'pw');
const d1 = crypto.createHash('md5').update('pw').digest();
const d2 = crypto.createHash('md5').update(d1).update('pw').digest();
const viaIv = crypto.createCipheriv('aes-128-cbc', d1, d2);
console.log(Buffer.concat([viaPassword.update('x'), viaPassword.final()]).equals(
  Buffer.concat([viaIv.update('x'), viaIv.final()])));

for (const args of [['nope', 'x'], ['aes192', 5], [5, 'x'], ['aes-128-ccm', 'x'],
  ['aes-128-ocb', 'x']]) {
  try {
    crypto.createCipher(...args);
    console.log('no error', args[0]);
  } catch (e) {
    console.log(args[0], e.name, e.code, e.message);
  }
}

// Stream use.
const stream = crypto.createCipher('aes192', 'stream');
const chunks = [];
stream.on('data', (c) => chunks.push(c));
stream.on('end', () => console.log('stream', Buffer.concat(chunks).toString('hex')));
stream.end('streamed text');
