'use strict';
// Key agreement: ECDH / DiffieHellman / DiffieHellmanGroup objects, ECDH.convertKey,
// diffieHellman() over KeyObjects and generateKeyPair('dh'). Vectors from
// fixtures/crypto/dh.json (made by node) and dh-ringjs.json (made by ringjs) are recomputed;
// errors are printed so that the recorded node output compares codes, classes and messages.
const assert = require('assert');
const crypto = require('crypto');
const util = require('util');
const path = require('path');

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, 'ok', Buffer.isBuffer(result) ? `<${result.length} bytes>` : result);
  } catch (err) {
    console.log(label, err.name, err.code, err.message, Object.keys(err));
  }
}

// ---- shape ----
console.log(Object.getOwnPropertyNames(crypto.ECDH.prototype),
            Object.getOwnPropertyNames(crypto.DiffieHellman.prototype),
            Object.getOwnPropertyNames(crypto.DiffieHellmanGroup.prototype));
for (const C of [crypto.DiffieHellman, crypto.DiffieHellmanGroup, crypto.ECDH]) {
  console.log(C.name, C.length, Object.getOwnPropertyNames(C.prototype)
    .map((n) => `${n}:${C.prototype[n].name}`).join(' '));
}
console.log(crypto.getDiffieHellman === crypto.createDiffieHellmanGroup,
            crypto.ECDH.convertKey.name, crypto.checkPrime.length, crypto.generatePrime.length);
console.log(util.inspect(crypto.createECDH('prime256v1'), { showHidden: true }));
console.log(util.inspect(crypto.getDiffieHellman('modp2'), { showHidden: true }));
console.log(crypto.DiffieHellmanGroup('modp1') instanceof crypto.DiffieHellmanGroup,
            crypto.ECDH('secp384r1') instanceof crypto.ECDH);

// ---- fixtures: node's vectors and ringjs's, recomputed here ----
for (const file of ['dh.json', 'dh-ringjs.json']) {
  const fixture = require(path.join(__dirname, 'fixtures', 'crypto', file));
  for (const v of fixture.ecdh) {
    const a = crypto.createECDH(v.curve);
    a.setPrivateKey(v.privateA, 'hex');
    assert.strictEqual(a.getPublicKey('hex'), v.publicA);
    assert.strictEqual(a.getPublicKey('hex', 'compressed'), v.publicACompressed);
    assert.strictEqual(a.getPublicKey('hex', 'hybrid'), v.publicAHybrid);
    assert.strictEqual(a.getPrivateKey('hex'), v.privateA);
    const b = crypto.createECDH(v.curve);
    b.setPrivateKey(Buffer.from(v.privateB, 'hex'));
    // Every point form is accepted as the peer key.
    for (const form of ['publicA', 'publicACompressed', 'publicAHybrid']) {
      assert.strictEqual(b.computeSecret(v[form], 'hex', 'hex'), v.secret);
    }
    assert.strictEqual(a.computeSecret(b.getPublicKey()).toString('hex'), v.secret);
    assert.strictEqual(
      crypto.ECDH.convertKey(v.publicACompressed, v.curve, 'hex', 'hex', 'uncompressed'),
      v.publicA);
    assert.strictEqual(
      crypto.ECDH.convertKey(Buffer.from(v.publicA, 'hex'), v.curve, undefined, 'hex', 'hybrid'),
      v.publicAHybrid);
  }
  for (const v of fixture.modp) {
    const a = crypto.getDiffieHellman(v.group);
    assert.strictEqual(a.getPrime('hex'), v.prime);
    assert.strictEqual(a.getGenerator('hex'), '02');
    const b = crypto.createDiffieHellman(v.prime, 'hex', 2);
    b.setPrivateKey(v.privateB, 'hex');
    b.setPublicKey(Buffer.from(v.publicB, 'hex'));
    assert.strictEqual(b.getPrivateKey('hex'), v.privateB);
    assert.strictEqual(b.computeSecret(v.publicA, 'hex', 'hex'), v.secret);
    assert.strictEqual(b.verifyError, 0);
  }
  for (const v of fixture.keyObjects) {
    const privateKey = crypto.createPrivateKey(v.privateA);
    const publicKey = crypto.createPublicKey(v.publicB);
    assert.strictEqual(privateKey.asymmetricKeyType, v.type);
    assert.strictEqual(crypto.diffieHellman({ privateKey, publicKey }).toString('hex'), v.secret);
  }
  console.log(file, 'vectors match',
              fixture.ecdh.length, fixture.modp.length, fixture.keyObjects.length);
}

// ---- ECDH round trips and errors ----
{
  const alice = crypto.createECDH('secp521r1');
  const bob = crypto.createECDH('secp521r1');
  const alicePublic = alice.generateKeys();
  const bobPublic = bob.generateKeys('base64', 'compressed');
  console.log(alicePublic.length, Buffer.from(bobPublic, 'base64').length);
  assert.strictEqual(alice.computeSecret(bobPublic, 'base64', 'hex'),
                     bob.computeSecret(alicePublic).toString('hex'));
  // setPublicKey returns this; setPrivateKey derives the public key.
  const copy = crypto.createECDH('secp521r1');
  assert.strictEqual(copy.setPrivateKey(alice.getPrivateKey()), copy);
  assert.deepStrictEqual(copy.getPublicKey(), alicePublic);
  assert.strictEqual(copy.setPublicKey(alicePublic), copy);
  // An unpadded private key (leading zero bytes dropped), as node returns it.
  const small = crypto.createECDH('prime256v1');
  const scalar = Buffer.alloc(32);
  scalar[31] = 5;
  small.setPrivateKey(scalar);
  console.log(small.getPrivateKey('hex'), small.getPublicKey('hex', 'compressed'));
}
const fresh = crypto.createECDH('prime256v1');
show('createECDH(bad)', () => crypto.createECDH('nope'));
show('createECDH(P-256)', () => crypto.createECDH('P-256'));
show('createECDH(Ed25519)', () => crypto.createECDH('Ed25519'));
show('createECDH(1)', () => crypto.createECDH(1));
show('no keys computeSecret', () => fresh.computeSecret(Buffer.alloc(65)));
show('no keys getPublicKey', () => fresh.getPublicKey());
show('no keys getPrivateKey', () => fresh.getPrivateKey());
show('bad format', () => fresh.getPublicKey('hex', 'bogus'));
show('zero private key', () => fresh.setPrivateKey(Buffer.alloc(32)));
show('too large private key', () => fresh.setPrivateKey(Buffer.alloc(32, 0xff)));
show('bad public key', () => fresh.setPublicKey(Buffer.alloc(3)));
fresh.generateKeys();
show('short peer', () => fresh.computeSecret(Buffer.alloc(3)));
show('zero peer', () => fresh.computeSecret(Buffer.alloc(65)));
show('hex peer', () => fresh.computeSecret('zz', 'hex'));
show('number peer', () => fresh.computeSecret(12));
show('bad encoding', () => fresh.computeSecret('abc', 'bogus'));
show('bad out encoding', () => fresh.getPublicKey('bogus'));
show('convertKey bad point', () => crypto.ECDH.convertKey(Buffer.alloc(3), 'prime256v1'));
show('convertKey bad curve', () => crypto.ECDH.convertKey(Buffer.alloc(3), 'nope'));
show('convertKey bad format', () =>
  crypto.ECDH.convertKey(fresh.getPublicKey(), 'prime256v1', null, null, 'bogus'));
show('convertKey number', () => crypto.ECDH.convertKey(1, 'prime256v1'));
show('convertKey curve type', () => crypto.ECDH.convertKey(fresh.getPublicKey(), 1));
show('hybrid length', () => fresh.getPublicKey(null, 'hybrid').length);

// ---- DiffieHellman ----
{
  const group = crypto.getDiffieHellman('modp5');
  const other = crypto.createDiffieHellmanGroup('modp5');
  const groupPublic = group.generateKeys();
  other.generateKeys();
  assert.strictEqual(group.computeSecret(other.getPublicKey()).toString('hex'),
                     other.computeSecret(groupPublic, null, 'hex'));
  for (const name of ['modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17',
                      'modp18']) {
    const dh = crypto.getDiffieHellman(name);
    console.log(name, dh.getPrime().length, dh.getGenerator('hex'), dh.verifyError,
                crypto.createHash('sha256').update(dh.getPrime()).digest('hex').slice(0, 16));
  }
  // From a generated prime: a 512-bit safe prime, generator 2 / 5.
  for (const generator of [undefined, 5]) {
    const dh = crypto.createDiffieHellman(512, generator);
    const peer = crypto.createDiffieHellman(dh.getPrime(), dh.getGenerator());
    console.log('generated', dh.getPrime().length * 8, dh.getGenerator('hex'), dh.verifyError,
                peer.verifyError);
    dh.generateKeys();
    peer.generateKeys();
    assert.deepStrictEqual(dh.computeSecret(peer.getPublicKey()),
                           peer.computeSecret(dh.getPublicKey()));
  }
  const dh = crypto.getDiffieHellman('modp1');
  show('dh no public', () => dh.getPublicKey());
  show('dh no private', () => dh.getPrivateKey());
  show('dh no keys secret', () => dh.computeSecret(Buffer.alloc(96, 3)));
  dh.generateKeys();
  show('dh peer 1', () => dh.computeSecret(Buffer.from([1])));
  show('dh peer empty', () => dh.computeSecret(Buffer.alloc(0)));
  show('dh peer p', () => dh.computeSecret(dh.getPrime()));
  show('dh peer 2', () => dh.computeSecret(Buffer.from([2])).length);
  show('dh peer ff', () => dh.computeSecret(Buffer.alloc(200, 0xff)).length);
  show('dh setPublicKey', () => typeof dh.setPublicKey);
  const setter = crypto.createDiffieHellman(dh.getPrime(), dh.getGenerator());
  console.log(setter.setPrivateKey(Buffer.from([3])) === setter,
              setter.setPublicKey('09', 'hex') === setter, setter.getPublicKey('hex'),
              setter.getPrivateKey('hex'), setter.computeSecret(Buffer.from([2]), null, 'hex')
                .slice(-8));
  const ro = crypto.getDiffieHellman('modp1');
  show('verifyError is read-only', () => {
    ro.verifyError = 5;
  });
  console.log(ro.verifyError, Object.keys(ro));
}
const modp1Prime = crypto.getDiffieHellman('modp1').getPrime();
show('dh group unknown', () => crypto.getDiffieHellman('x'));
show('dh group type', () => crypto.createDiffieHellmanGroup());
show('dh size string', () => crypto.createDiffieHellman('abc').verifyError);
show('dh bad generator number', () => crypto.createDiffieHellman(modp1Prime, 1));
show('dh bad generator bytes', () => crypto.createDiffieHellman(modp1Prime, Buffer.from([1])));
show('dh generator 5', () => crypto.createDiffieHellman(modp1Prime, 5).verifyError);
show('dh generator hex', () =>
  crypto.createDiffieHellman(modp1Prime.toString('hex'), 'hex', '05', 'hex').getGenerator('hex'));
show('dh prime 10 bits', () => crypto.createDiffieHellman(10));
show('dh prime -5', () => crypto.createDiffieHellman(-5));
show('dh prime 1.5', () => crypto.createDiffieHellman(1.5));
show('dh prime 2**31', () => crypto.createDiffieHellman(2 ** 31));
show('dh prime null', () => crypto.createDiffieHellman(null));
show('dh size + buffer generator', () => crypto.createDiffieHellman(512, 'a'));
show('dh 512 generator 1', () => crypto.createDiffieHellman(512, 1));
show('dh empty prime', () => crypto.createDiffieHellman(Buffer.alloc(0)));
show('dh zero prime', () => crypto.createDiffieHellman(Buffer.from([0])).verifyError);
show('dh prime 7', () => crypto.createDiffieHellman(Buffer.from([7])).verifyError);
show('dh tiny keys', () =>
  crypto.createDiffieHellman(Buffer.from([0x17]), Buffer.from([5])).generateKeys());
show('dh bad generator type', () => crypto.createDiffieHellman(modp1Prime, {}));

// ---- diffieHellman() over KeyObjects ----
{
  const x1 = crypto.generateKeyPairSync('x25519');
  const x2 = crypto.generateKeyPairSync('x25519');
  const p256 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const ed = crypto.generateKeyPairSync('ed25519');
  assert.deepStrictEqual(crypto.diffieHellman({ privateKey: x1.privateKey, publicKey: x2.publicKey }),
                         crypto.diffieHellman({ privateKey: x2.privateKey, publicKey: x1.publicKey }));
  show('dh() private as public', () =>
    crypto.diffieHellman({ privateKey: x1.privateKey, publicKey: x2.privateKey }).length);
  show('dh() mixed types', () =>
    crypto.diffieHellman({ privateKey: x1.privateKey, publicKey: p256.publicKey }));
  show('dh() mixed curves', () =>
    crypto.diffieHellman({ privateKey: p256.privateKey, publicKey: p384.publicKey }));
  show('dh() public as private', () =>
    crypto.diffieHellman({ privateKey: x1.publicKey, publicKey: x2.publicKey }));
  show('dh() string key', () => crypto.diffieHellman({ privateKey: 'x', publicKey: x2.publicKey }));
  show('dh() missing public', () => crypto.diffieHellman({ privateKey: x1.privateKey }));
  show('dh() no options', () => crypto.diffieHellman());
  show('dh() number', () => crypto.diffieHellman(1));
  show('dh() ed25519', () => crypto.diffieHellman({ privateKey: ed.privateKey, publicKey: ed.publicKey }));
  show('dh() secret', () => crypto.diffieHellman({
    privateKey: crypto.createSecretKey(Buffer.alloc(3)), publicKey: ed.publicKey,
  }));
}

// ---- generateKeyPair('dh') ----
{
  const a = crypto.generateKeyPairSync('dh', { group: 'modp14' });
  const b = crypto.generateKeyPairSync('dh', { group: 'modp14' });
  console.log(a.publicKey.asymmetricKeyType, a.publicKey.asymmetricKeyDetails,
              a.privateKey.export({ type: 'pkcs8', format: 'pem' }).split('\n')[0]);
  assert.deepStrictEqual(crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey }),
                         crypto.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey }));
  const prime = crypto.getDiffieHellman('modp1').getPrime();
  const c = crypto.generateKeyPairSync('dh', { prime, generator: 5 });
  console.log(c.publicKey.export({ type: 'spki', format: 'der' }).length > 100);
  show('dh keygen empty', () => crypto.generateKeyPairSync('dh', {}));
  show('dh keygen no options', () => crypto.generateKeyPairSync('dh'));
  show('dh keygen group x', () => crypto.generateKeyPairSync('dh', { group: 'x' }));
  show('dh keygen group+prime', () =>
    crypto.generateKeyPairSync('dh', { group: 'modp14', prime: Buffer.alloc(3) }));
  show('dh keygen group+length', () =>
    crypto.generateKeyPairSync('dh', { group: 'modp14', primeLength: 512 }));
  show('dh keygen group+generator', () =>
    crypto.generateKeyPairSync('dh', { group: 'modp14', generator: 3 }));
  show('dh keygen prime type', () => crypto.generateKeyPairSync('dh', { prime: 5 }));
  show('dh keygen length type', () => crypto.generateKeyPairSync('dh', { primeLength: 'x' }));
  show('dh keygen generator type', () =>
    crypto.generateKeyPairSync('dh', { primeLength: 512, generator: 'x' }));
  crypto.generateKeyPair('dh', { primeLength: 512 }, (err, publicKey, privateKey) => {
    assert.ifError(err);
    console.log('async dh', publicKey.type, privateKey.asymmetricKeyType,
                publicKey.export({ type: 'spki', format: 'pem' }).startsWith('-----BEGIN PUBLIC'));
  });
  util.promisify(crypto.generateKeyPair)('dh', {
    group: 'modp5', publicKeyEncoding: { type: 'spki', format: 'der' },
  }).then(({ publicKey }) => console.log('promisified dh', Buffer.isBuffer(publicKey)));
}
