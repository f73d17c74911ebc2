'use strict';
// Digests in every output encoding (hex and base64 are made natively, the rest from the bytes)
// for Hash, Hmac and crypto.hash(), including an XOF longer than any fixed digest and a second
// Hmac digest; one fingerprint of all of them, recorded from node.
const c = require('crypto');
const out = [];
for (const alg of ['md5', 'sha1', 'sha256', 'sha512', 'sha3-256', 'blake2b512', 'shake256', 'sha512-256']) {
  for (const data of ['', 'a', 'héllo', Buffer.alloc(1000, 3)]) {
    for (const enc of ['hex', 'base64', 'base64url', 'latin1', undefined, 'buffer', 'HEX']) {
      const h = c.createHash(alg).update(data).digest(enc);
      out.push(Buffer.isBuffer(h) ? h.toString('hex') : h);
      const m = c.createHmac(alg === 'shake256' ? 'sha256' : alg, 'k').update(data).digest(enc);
      out.push(Buffer.isBuffer(m) ? 'B' + m.toString('hex') : m);
      if (enc !== 'buffer' && enc !== undefined) out.push(c.hash(alg, data, enc));
    }
  }
  const x = c.createHash('shake256', { outputLength: 100 }).update('a').digest('hex');
  out.push(x);
}
const h = c.createHmac('sha256', 'k'); h.digest('hex'); out.push(JSON.stringify(h.digest('hex')));
console.log(c.createHash('sha256').update(out.join('|')).digest('hex'), out.length);
