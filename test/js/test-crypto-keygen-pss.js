'use strict';
// RSA-PSS key generation with parameter restrictions, and asymmetricKeyDetails reporting them.
const crypto = require('crypto');

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

function show(label, key) {
  const d = key.asymmetricKeyDetails;
  console.log(label, key.asymmetricKeyType, JSON.stringify(d, (k, v) => typeof v === 'bigint' ? `${v}n` : v));
}

const sync = crypto.generateKeyPairSync('rsa-pss', {
  modulusLength: 512, saltLength: 16, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256',
});
show('sync pub', sync.publicKey);
show('sync priv', sync.privateKey);
show('plain', crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512 }).publicKey);
show('sha512', crypto.generateKeyPairSync('rsa-pss', {
  modulusLength: 1024, hashAlgorithm: 'sha512', mgf1HashAlgorithm: 'sha1', saltLength: 0,
}).privateKey);
show('hash only', crypto.generateKeyPairSync('rsa-pss', {
  modulusLength: 512, hashAlgorithm: 'sha256',
}).publicKey);
show('old names', crypto.generateKeyPairSync('rsa-pss', {
  modulusLength: 512, hash: 'sha384', mgf1Hash: 'sha256', saltLength: 8,
}).publicKey);
show('rsa', crypto.generateKeyPairSync('rsa', { modulusLength: 512 }).publicKey);

for (const options of [{ saltLength: -1 }, { hashAlgorithm: 5 }, { mgf1HashAlgorithm: {} },
  { hashAlgorithm: 'sha2' }, { mgf1HashAlgorithm: 'sha2' },
  { hash: 'sha256', hashAlgorithm: 'sha384' }]) {
  try {
    crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, ...options });
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

crypto.generateKeyPair('rsa-pss', {
  modulusLength: 512, saltLength: 20, hashAlgorithm: 'sha384', mgf1HashAlgorithm: 'sha384',
}, (err, publicKey, privateKey) => {
  console.log('async', err);
  show('async pub', publicKey);
  show('async priv', privateKey);
});
