'use strict';
// Cipher outputs as Buffers: update/final/getAuthTag across chunk splits and encodings, results
// that stay intact when later calls run (mutating one must not touch another, including after
// many calls), inputs above the small-output size, and node's errors for the wrong states.
const crypto = require('crypto');

const key32 = Buffer.alloc(32, 1);
const key16 = Buffer.alloc(16, 1);
const iv12 = Buffer.alloc(12, 2);
const iv16 = Buffer.alloc(16, 2);
const text = Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(40));

const show = (label, value) =>
  console.log(label, Buffer.isBuffer(value) ? `buffer ${value.length} ${value.toString('hex')}` :
    `${typeof value} ${JSON.stringify(value)}`);
const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

const ciphers = [
  ['aes-256-gcm', key32, iv12],
  ['aes-128-cbc', key16, iv16],
  ['aes-128-ctr', key16, iv16],
  ['chacha20-poly1305', key32, iv12],
  ['aes-128-ecb', key16, null],
];

// The same ciphertext whatever the chunk splits; each piece a Buffer of its own bytes.
for (const [alg, key, iv] of ciphers) {
  for (const split of [1, 7, 16, 17, 100, 1000, 5000]) {
    const c = crypto.createCipheriv(alg, key, iv);
    const pieces = [];
    for (let i = 0; i < text.length; i += split) pieces.push(c.update(text.subarray(i, i + split)));
    pieces.push(c.final());
    const lengths = new Set(pieces.map((p) => p.length));
    const out = Buffer.concat(pieces);
    const tag = alg.endsWith('gcm') || alg.startsWith('chacha') ? c.getAuthTag() : null;
    console.log(alg, split, out.length, hash(out), [...lengths].sort((a, b) => a - b).join(','),
                tag && tag.toString('hex'));
    const d = crypto.createDecipheriv(alg, key, iv);
    if (tag) d.setAuthTag(tag);
    const back = Buffer.concat([d.update(out), d.final()]);
    console.log('  round trip', back.equals(text));
  }
}

// Results stay what they were: mutate each as it comes, then check all of them.
{
  const outs = [];
  const expected = [];
  for (let i = 0; i < 300; i++) {
    const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
    const u = c.update(text.subarray(0, 1 + (i * 37) % 2000));
    const f = c.final();
    const t = c.getAuthTag();
    expected.push(Buffer.concat([u, f, t]).toString('hex'));
    outs.push([u, f, t]);
    u.fill(0xaa);
    t.fill(0xbb);
  }
  let ok = true;
  for (let i = 0; i < outs.length; i++) {
    const [u, f, t] = outs[i];
    if (!u.every((b) => b === 0xaa) || !t.every((b) => b === 0xbb) || f.length !== 0) ok = false;
  }
  console.log('mutated results intact', ok, hash(Buffer.from(expected.join(''))));
  // The ciphertext does not depend on what happened to earlier results.
  const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
  const again = Buffer.concat([c.update(text.subarray(0, 1)), c.final(), c.getAuthTag()]);
  console.log('same again', again.toString('hex') === expected[0]);
}

// Every returned Buffer is a full Buffer: its own length, writable, not shared with the next.
{
  const c = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  const a = c.update(text.subarray(0, 32));
  const b = c.update(text.subarray(32, 64));
  const before = b.toString('hex');
  a.fill(0);
  a.write('overwrite', 0);
  console.log('neighbour kept', b.toString('hex') === before, Buffer.isBuffer(a), a.length);
  const f = c.final();
  console.log('final', f.length, b.toString('hex') === before);
}

// Encodings on both sides.
{
  const c = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  show('hex out', c.update('héllo wörld', 'utf8', 'hex'));
  show('latin1 in', c.update('caf\xe9', 'latin1', 'hex'));
  show('hex in', c.update('00ff00ff', 'hex', 'hex'));
  show('final hex', c.final('hex'));
  const l = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  show('latin1 out', l.update('0123456789abcdef0123', 'utf8', 'latin1'));
  show('final latin1', l.final('latin1'));
  const g = crypto.createCipheriv('aes-256-gcm', key32, iv12);
  show('base64 gcm', g.update('data', 'utf8', 'base64'));
  show('final base64', g.final('base64'));
  show('tag', g.getAuthTag());
}

// Typed arrays and DataViews as input.
{
  const c = crypto.createCipheriv('aes-128-ctr', key16, iv16);
  show('uint16', c.update(new Uint16Array([1, 2, 3, 4])));
  show('dataview', c.update(new DataView(new ArrayBuffer(5))));
  show('empty', c.update(Buffer.alloc(0)));
  show('final', c.final());
}

// Wrong states and bad tags: node's errors.
const tryIt = (label, fn) => {
  try {
    show(label, fn());
  } catch (err) {
    console.log(label, 'throws', err.name, err.code, err.message);
  }
};
{
  const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
  tryIt('getAuthTag before final', () => c.getAuthTag());
  c.update('x');
  c.final();
  tryIt('final twice', () => c.final());
  tryIt('update after final', () => c.update('x'));
  tryIt('getAuthTag twice a', () => c.getAuthTag());
  tryIt('getAuthTag twice b', () => c.getAuthTag());
  const cbc = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  cbc.final();
  tryIt('cbc getAuthTag', () => cbc.getAuthTag());
}
{
  const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
  const ct = Buffer.concat([c.update(text.subarray(0, 50)), c.final()]);
  const tag = c.getAuthTag();
  const bad = Buffer.from(tag);
  bad[0] ^= 1;
  const d = crypto.createDecipheriv('aes-256-gcm', key32, iv12);
  d.setAuthTag(bad);
  show('wrong tag update', d.update(ct).length);
  tryIt('wrong tag final', () => d.final());
  const d2 = crypto.createDecipheriv('aes-256-gcm', key32, iv12);
  d2.setAuthTag(tag);
  const plain = d2.update(ct);
  show('right tag final', d2.final());
  console.log('plain', plain.equals(text.subarray(0, 50)));
  const p = crypto.createDecipheriv('aes-128-cbc', key16, iv16);
  p.update(Buffer.alloc(16));
  tryIt('bad padding', () => p.final());
  const n = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  n.setAutoPadding(false);
  n.update(Buffer.alloc(5));
  tryIt('no padding partial block', () => n.final());
}

// Streams: the same bytes through write()/read().
{
  const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
  const chunks = [];
  c.on('data', (chunk) => chunks.push(chunk));
  c.on('end', () => {
    const out = Buffer.concat(chunks);
    console.log('stream', out.length, hash(out), c.getAuthTag().toString('hex'));
  });
  for (let i = 0; i < text.length; i += 333) c.write(text.subarray(i, i + 333));
  c.end();
}
