'use strict';
// Digest results as Buffers (createHash, createHmac, crypto.hash, streams): each its own bytes,
// untouched by later digests and by mutating earlier ones; long XOF outputs; encodings.
const crypto = require('crypto');

const data = Buffer.from('digest me '.repeat(50));
const key = Buffer.alloc(32, 9);

// Mutate each digest as it comes; later ones are still right and earlier ones stay mutated.
{
  const results = [];
  const expected = [];
  for (let i = 0; i < 2000; i++) {
    const input = data.subarray(0, i % 500);
    const h = crypto.createHash(i % 2 ? 'sha256' : 'sha512').update(input).digest();
    const m = crypto.createHmac('sha1', key).update(input).digest();
    expected.push(h.toString('hex') + m.toString('hex'));
    results.push(h, m);
    h.fill(1);
    m.fill(2);
  }
  let ok = results.every((b, i) => b.every((x) => x === (i % 2 ? 2 : 1)));
  for (let i = 0; i < 2000; i += 97) {
    const input = data.subarray(0, i % 500);
    const again = crypto.createHash(i % 2 ? 'sha256' : 'sha512').update(input).digest('hex') +
      crypto.createHmac('sha1', key).update(input).digest('hex');
    if (again !== expected[i]) ok = false;
  }
  console.log('mutated digests intact', ok,
              crypto.createHash('sha256').update(expected.join('')).digest('hex'));
}

// Lengths and encodings.
const show = (label, value) =>
  console.log(label, Buffer.isBuffer(value) ? `buffer ${value.length} ${value.toString('hex')}` :
    `${typeof value} ${JSON.stringify(value)}`);
show('sha256 buffer', crypto.createHash('sha256').update('abc').digest());
show('sha256 buffer arg', crypto.createHash('sha256').update('abc').digest('buffer'));
show('md5 latin1', crypto.createHash('md5').update('abc').digest('latin1'));
show('sha1 base64url', crypto.createHash('sha1').update('abc').digest('base64url'));
show('hmac buffer', crypto.createHmac('sha256', key).update('abc').digest());
show('hmac ucs2', crypto.createHmac('md5', key).update('abc').digest('ucs2'));
show('hash one-shot buffer', crypto.hash('sha1', 'abc', 'buffer'));
show('hash one-shot hex', crypto.hash('sha1', 'abc'));
const xofLong = crypto.createHash('shake256', { outputLength: 6000 }).update('abc').digest();
console.log('shake256 6000', xofLong.length,
            crypto.createHash('sha256').update(xofLong).digest('hex'));
show('shake128 0', crypto.createHash('shake128', { outputLength: 0 }).update('abc').digest());
show('shake128 5', crypto.createHash('shake128', { outputLength: 5 }).update('abc').digest());

// A second digest: Hash throws, Hmac gives an empty result.
{
  const h = crypto.createHash('sha256');
  h.digest();
  try {
    h.digest();
  } catch (err) {
    console.log('hash digest twice', err.code);
  }
  const m = crypto.createHmac('sha256', key);
  show('hmac first', m.digest());
  show('hmac second', m.digest());
  show('hmac second hex', m.digest('hex'));
}

// copy() and the stream side.
{
  const h = crypto.createHash('sha256').update('ab');
  const c = h.copy();
  show('copy', c.update('c').digest());
  show('original', h.digest());
  const s = crypto.createHash('sha384');
  s.on('readable', () => {
    const chunk = s.read();
    if (chunk) show('stream', chunk);
  });
  s.end('abc');
  const m = crypto.createHmac('sha256', key);
  m.on('data', (chunk) => show('hmac stream', chunk));
  m.end('abc');
}
