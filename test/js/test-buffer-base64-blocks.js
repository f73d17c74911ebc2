'use strict';
// Base64 decoding of long inputs, where the decoder works 32 characters at a time: standard and
// URL-safe alphabets mixed block by block, whitespace, padding and junk at every offset of a
// block, and two-byte strings. Each line is a digest of the decoded bytes (node is the oracle).

const crypto = require('crypto');
const digest = (buf) => `${buf.length} ${crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16)}`;

// Deterministic pseudo-random bytes.
let seed = 12345;
const next = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed >>> 16;
};
const bytes = Buffer.alloc(3000);
for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
const standard = bytes.toString('base64');
const url = bytes.toString('base64url');

console.log('standard', digest(Buffer.from(standard, 'base64')));
console.log('url', digest(Buffer.from(url, 'base64')));
console.log('url as base64url', digest(Buffer.from(url, 'base64url')));
console.log('standard as base64url', digest(Buffer.from(standard, 'base64url')));

// Alphabets alternating every 32 characters (one vector block), and every 7.
for (const period of [32, 7, 64]) {
  let mixed = '';
  for (let i = 0; i < standard.length; i += period) {
    mixed += ((i / period) & 1 ? url : standard).slice(i, i + period);
  }
  console.log(`mixed every ${period}`, digest(Buffer.from(mixed, 'base64')));
}

// One odd character at each offset of the first few blocks: whitespace, '=', junk, non-ASCII.
for (const odd of [' ', '\n', '=', '*', '\u00e9', '-', '_']) {
  const lines = [];
  for (let at = 0; at < 100; at += 3) {
    const text = standard.slice(0, at) + odd + standard.slice(at, 400);
    lines.push(digest(Buffer.from(text, 'base64')));
  }
  console.log(JSON.stringify(odd), lines.join(' | '));
}

// A two-byte string (a non-Latin-1 character far out) and padding in the middle.
const twoByte = standard.slice(0, 2000) + '\u20ac' + standard.slice(2000);
console.log('two-byte', digest(Buffer.from(twoByte, 'base64')));
const padded = standard.slice(0, 400) + '==' + standard.slice(400);
console.log('padding inside', digest(Buffer.from(padded, 'base64')));

// write() into a short buffer stops at its end.
for (const size of [10, 64, 100, 767, 2250]) {
  const out = Buffer.alloc(size);
  const written = out.write(standard, 'base64');
  console.log(`write into ${size}`, written, digest(out));
}
