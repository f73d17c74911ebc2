'use strict';
// crypto.X509Certificate and crypto.Certificate (SPKAC) on certificates made by the openssl
// CLI (fixtures/crypto/x509/make.sh), every field and check compared with node's output
// (recorded): names with escapes and UTF-8, every subjectAltName kind, infoAccess, key
// usages, fingerprints, PEM/DER/string input, parse errors, the legacy object, inspect.
const { X509Certificate, Certificate, createPrivateKey, createPublicKey } = require('crypto');
const fs = require('fs');
const path = require('path');
process.chdir(path.join(__dirname, 'fixtures', 'crypto', 'x509'));

const leaf = new X509Certificate(fs.readFileSync('leaf-cert.pem'));
const ec = new X509Certificate(fs.readFileSync('ec-cert.pem'));
const ca = new X509Certificate(fs.readFileSync('ca-cert.pem'));
for (const x of [leaf, ec, ca]) {
  console.log(x);
  console.log(x.ca, x.publicKey.asymmetricKeyType, x.raw.length, x.toString().length);
}
console.log(leaf.toLegacyObject());
function t(fn) {
  try {
    console.log(JSON.stringify(fn()));
  } catch (e) {
    console.log('ERR', e.name, e.code, e.message);
  }
}
t(() => leaf.checkHost('localhost'));
t(() => leaf.checkHost('a.ringjs.test'));
t(() => leaf.checkHost('a.b.ringjs.test'));
t(() => leaf.checkHost('leaf.ringjs.test'));
t(() => leaf.checkHost('leaf.ringjs.test',{subject:'always'}));
t(() => leaf.checkHost('a.ringjs.test',{wildcards:false}));
t(() => leaf.checkHost('x.ringjs.test',{subject:'never'}));
t(() => leaf.checkHost(1));
t(() => leaf.checkHost('a',{subject:'x'}));
t(() => leaf.checkHost('a', 'x'));
t(() => leaf.checkHost('a',{wildcards:1}));
t(() => ec.checkHost('x.ec.ringjs.test'));
t(() => ec.checkHost('x.ec.ringjs.test',{subject:'never'}));
t(() => ec.checkHost('x.y.ec.ringjs.test',{multiLabelWildcards:true}));
t(() => ec.checkHost('ec.ringjs.test',{singleLabelSubdomains:true}));
t(() => leaf.checkHost('local\x00host'));
t(() => leaf.checkHost('localhost\x00'));
t(() => leaf.checkEmail('leaf\x00@ringjs.test'));
t(() => leaf.checkIP('[::1]'));
t(() => ec.checkHost('X.EC.ringjs.test'));
t(() => ec.checkHost('')); 
t(() => leaf.checkEmail('leaf@ringjs.test'));
t(() => leaf.checkEmail('LEAF@ringjs.test'));
t(() => leaf.checkEmail('x@ringjs.test'));
t(() => leaf.checkEmail('leaf@ringjs.test',{subject:'always'}));
t(() => leaf.checkEmail('leaf@RINGJS.test'));
t(() => leaf.checkIP('127.0.0.1'));
t(() => leaf.checkIP('::1'));
t(() => leaf.checkIP('2001:db8::5'));
t(() => leaf.checkIP('1.2.3.4'));
t(() => leaf.checkIP('bad'));
t(() => leaf.checkIP(1));t(() => leaf.checkIP('127.0.0.1', {}));
t(() => leaf.checkIssued(ca));
t(() => ca.checkIssued(ca));
t(() => ca.checkIssued(leaf));
t(() => leaf.checkIssued('x'));
t(() => leaf.verify(ca.publicKey));
t(() => leaf.verify(leaf.publicKey));
t(() => leaf.verify('x'));
t(() => leaf.verify(createPrivateKey(fs.readFileSync('ca-key.pem'))));
t(() => leaf.checkPrivateKey(createPrivateKey(fs.readFileSync('leaf-key.pem'))));
t(() => leaf.checkPrivateKey(createPrivateKey(fs.readFileSync('ca-key.pem'))));
t(() => leaf.checkPrivateKey(ca.publicKey));
t(() => leaf.checkPrivateKey(createPrivateKey(fs.readFileSync('ec-key.pem'))));
t(() => leaf.issuerCertificate);
t(() => typeof leaf.toJSON());
t(() => leaf.toString()===leaf.toJSON());
t(() => JSON.stringify({ c: ec }).length);
const d = new X509Certificate(fs.readFileSync('leaf-cert.der'));
t(() => d.fingerprint===leaf.fingerprint);
t(() => leaf.raw.equals(fs.readFileSync('leaf-cert.der')));
t(() => new X509Certificate(fs.readFileSync('leaf-cert.pem','latin1')).serialNumber);
t(() => new X509Certificate(new Uint8Array(fs.readFileSync('leaf-cert.der'))).serialNumber);
t(() => new X509Certificate(fs.readFileSync('leaf-cert.der').buffer.slice(0)).serialNumber);
t(() => new X509Certificate(fs.readFileSync('ca-cert.pem','latin1') + fs.readFileSync('leaf-cert.pem','latin1')).serialNumber);
t(() => X509Certificate('x'));
for (const input of ['bad', Buffer.from('30030201', 'hex'), '', 1]) {
  try {
    new X509Certificate(input);
  } catch (e) {
    console.log(e.name, e.code, e.message, e.opensslErrorStack);
  }
}
t(() => Object.prototype.toString.call(leaf));
t(() => leaf.publicKey === leaf.publicKey);
t(() => leaf.raw === leaf.raw);
t(() => leaf.publicKey.export({type:'spki',format:'pem'}) === createPublicKey(fs.readFileSync('leaf-key.pem')).export({type:'spki',format:'pem'}));
console.log(Object.getOwnPropertyNames(X509Certificate.prototype), Object.keys(leaf));
console.log([leaf]);
console.log(require('util').inspect(leaf, { depth: 0 }));
console.log(require('util').inspect({ a: { b: leaf } }, { depth: 1 }));

// SPKAC: statics, instance methods, every input type, a corrupted one, wrong types.
const spkac = fs.readFileSync('valid.spkac');
const spkacPublicPem =
  createPublicKey(fs.readFileSync('spkac-key.pem')).export({ type: 'spki', format: 'pem' });
const bad = Buffer.from(spkac);
bad[bad.length - 10] ^= 1;
for (const c of [Certificate, new Certificate(), Certificate()]) {
  console.log(c.verifySpkac(spkac), c.verifySpkac(bad), c.verifySpkac(spkac.toString()),
              c.verifySpkac(new Uint8Array(spkac)), c.verifySpkac(new DataView(spkac.buffer,
                                                                            spkac.byteOffset,
                                                                            spkac.length)));
  console.log(c.exportChallenge(spkac).toString(), JSON.stringify(c.exportChallenge('x')));
  console.log(c.exportPublicKey(spkac).toString() === spkacPublicPem);
  console.log(JSON.stringify(c.exportPublicKey('')));
}
console.log(Certificate.exportChallenge(spkac.toString('hex'), 'hex').toString());
for (const v of [1, {}, null, undefined]) {
  t(() => Certificate.verifySpkac(v));
  t(() => Certificate.exportChallenge(v));
}
