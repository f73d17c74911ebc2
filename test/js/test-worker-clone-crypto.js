'use strict';
// KeyObject (secret, public, private), CryptoKey and X509Certificate are cloned by
// structuredClone and postMessage (a MessageChannel, a Worker and back) as objects of their own
// class, equal to the original; listing them in the transfer list clones them too.
const { MessageChannel, Worker, isMainThread, parentPort } = require('worker_threads');
const { once } = require('events');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { CryptoKey } = globalThis;

const plain = (k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? [...v] : v);

// Keys are made afresh each run: what is printed does not depend on their bytes.
function describe(value) {
  if (value instanceof crypto.KeyObject) {
    const details = value.type === 'secret' ? value.symmetricKeySize :
      `${value.asymmetricKeyType} ${JSON.stringify(value.asymmetricKeyDetails, plain)}`;
    return `${value.constructor.name} ${value.type} ${details}`;
  }
  if (value instanceof crypto.X509Certificate) {
    return `X509Certificate ${value.subject.replace(/\n/g, '/')} ${value.serialNumber} ` +
      `${value.fingerprint256.slice(0, 20)} ${value.ca}`;
  }
  if (value instanceof CryptoKey) {
    return `CryptoKey ${value.type} ${JSON.stringify(value.algorithm, plain)} ${value.usages} ` +
      `${value.extractable} ${describe(crypto.KeyObject.from(value))}`;
  }
  return `${typeof value} ${value}`;
}

function exported(value) {
  if (value instanceof crypto.X509Certificate) return value.raw;
  const key = value instanceof crypto.KeyObject ? value : crypto.KeyObject.from(value);
  if (key.type === 'secret') return key.export();
  return key.export({ format: 'der', type: key.type === 'public' ? 'spki' : 'pkcs8' });
}

// (A cloned X509Certificate has node's internal subclass as prototype.)
function same(a, b) {
  return describe(a) === describe(b) && exported(a).equals(exported(b)) &&
    a.constructor === b.constructor && a !== b;
}

if (!isMainThread) {
  parentPort.on('message', (values) => {
    // Printed by the main thread (one stdout order).
    const seen = values.map((value) => `${describe(value)} ${exported(value).length > 0}`);
    parentPort.postMessage({ values, seen });
    parentPort.close();
  });
  return;
}

async function main() {
  const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef0123456789abcdef', 'hex'));
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = crypto.generateKeyPairSync('rsa-pss', {
    modulusLength: 1024, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 16,
  });
  const ed = crypto.generateKeyPairSync('ed25519');
  const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  const ecdsa = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false,
                                                ['sign', 'verify']);
  const rsaOaep = await crypto.subtle.generateKey({
    name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-1',
  }, true, ['encrypt', 'decrypt']);
  const aes = await crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false,
                                            ['encrypt']);
  const certificate = new crypto.X509Certificate(
    fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', 'server-cert.pem')));
  const values = [secret, ec.publicKey, ec.privateKey, rsa.publicKey, rsa.privateKey,
                  ed.privateKey, hmac, ecdsa.privateKey, ecdsa.publicKey, rsaOaep.privateKey,
                  aes, certificate];

  console.log('structuredClone:');
  for (const value of values) {
    const copy = structuredClone(value);
    const equal = value instanceof crypto.KeyObject ? copy.equals(value) : true;
    console.log(' ', describe(copy), 'equal', equal, same(copy, value),
                Object.getPrototypeOf(copy) === Object.getPrototypeOf(value));
  }

  // In a transfer list they are cloned all the same (the original stays usable).
  const listed = structuredClone({ secret }, { transfer: [secret, certificate] });
  console.log('listed', listed.secret.equals(secret), secret.export().length,
              certificate.subject === new crypto.X509Certificate(certificate.raw).subject);

  // One object twice stays one object; inside other values.
  const shared = structuredClone({ a: hmac, b: [hmac], c: new Map([['k', ec.publicKey]]) });
  console.log('shared', shared.a === shared.b[0], describe(shared.c.get('k')));

  // A cloned CryptoKey works: sign with the copy, verify with the original.
  const data = Buffer.from('data');
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' },
                                             structuredClone(ecdsa.privateKey), data);
  console.log('verify', await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' },
                                                   ecdsa.publicKey, signature, data));

  // What cannot be cloned fails as in node.
  for (const [label, value] of [
    ['with a function', { key: secret, f() {} }],
    ['Sign', crypto.createSign('sha256')],
  ]) {
    try {
      structuredClone(value);
      console.log(label, 'cloned');
    } catch (err) {
      console.log(label, err.constructor.name, err.name, err.message);
    }
  }
  // Only their prototype: a plain object.
  const fake = structuredClone(Object.create(crypto.KeyObject.prototype));
  console.log('fake', Object.getPrototypeOf(fake) === Object.prototype);

  console.log('MessageChannel:');
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(values);
  const [received] = await once(port2, 'message');
  for (let i = 0; i < received.length; i++) console.log(' ', same(received[i], values[i]));
  port1.close();

  console.log('Worker:');
  const worker = new Worker(__filename);
  worker.postMessage(values);
  const [{ values: back, seen }] = await once(worker, 'message');
  for (const line of seen) console.log('worker got', line);
  for (let i = 0; i < back.length; i++) {
    console.log('main got back', same(back[i], values[i]));
  }
  await once(worker, 'exit');
}

main();
