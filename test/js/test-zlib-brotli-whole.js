'use strict';
// brotliDecompressSync / brotliDecompress decode a whole buffer in one native call, writing the
// output a window (1 MiB) at a time. Outputs that end exactly at, just before and just after a
// window edge or at maxOutputLength must be node's: the same bytes, or the same error.
const zlib = require('zlib');
const crypto = require('crypto');

const MiB = 1024 * 1024;
// Pseudo-random words (compressible, not trivially) of exactly size bytes.
function text(size, seed) {
  const out = Buffer.allocUnsafe(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = (x >> 16) % 7 === 0 ? 32 : 97 + ((x >> 8) % 26);
  }
  return out;
}
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);
const quality = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };

for (const size of [MiB - 1, MiB, MiB + 1, 3 * MiB, 5 * MiB + 12345]) {
  const input = text(size, size);
  const packed = zlib.brotliCompressSync(input, quality);
  const out = zlib.brotliDecompressSync(packed);
  console.log(size, out.length, out.equals(input), sha(out));
  for (const max of [size - 1, size, size + 1]) {
    try {
      const limited = zlib.brotliDecompressSync(packed, { maxOutputLength: max });
      console.log('  max', max - size, 'ok', limited.equals(input));
    } catch (err) {
      console.log('  max', max - size, err.name, err.code);
    }
  }
}

// A large ratio (zeros) and bytes after the end of the stream.
const zeros = zlib.brotliCompressSync(Buffer.alloc(20 * MiB));
console.log('zeros', zeros.length < 1000, zlib.brotliDecompressSync(zeros).equals(Buffer.alloc(20 * MiB)));
try {
  zlib.brotliDecompressSync(Buffer.concat([zeros, Buffer.from('x')]));
  console.log('trailing: no error');
} catch (err) {
  console.log('trailing', err.code, err.message);
}
// Truncated in the middle of a large output.
const big = zlib.brotliCompressSync(text(2 * MiB, 7), quality);
try {
  zlib.brotliDecompressSync(big.subarray(0, big.length >> 1));
} catch (err) {
  console.log('truncated', err.code, err.message);
}

const input = text(3 * MiB + 5, 9);
zlib.brotliDecompress(zlib.brotliCompressSync(input, quality), (err, out) => {
  console.log('async', err, out.equals(input));
  zlib.brotliDecompress(zlib.brotliCompressSync(input, quality), { maxOutputLength: 3 * MiB },
                        (err2) => console.log('async max', err2.name, err2.code));
});
