'use strict';
// Large whole-buffer outputs (1 MiB and more) in a row: ringjs builds them in anonymous
// mappings and keeps the last freed one for the next output, so a result must never share
// memory with an earlier or later one, and a reused mapping larger than maxOutputLength must
// not let an output past the limit. Every line printed must be what node prints.
const crypto = require('crypto');
const zlib = require('zlib');

require('v8').setFlagsFromString('--expose_gc');
const gc = require('vm').runInNewContext('gc');

const MiB = 1024 * 1024;
const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

// Text-like bytes, each 4 KiB page stamped with its index and the seed, so that any two pages
// of any two sizes differ.
function text(size, seed) {
  const buf = Buffer.alloc(size);
  const line = Buffer.from(`seed ${seed} the quick brown fox jumps over the lazy dog ${seed * 7}\n`);
  for (let i = 0; i < size; i += line.length) line.copy(buf, i);
  for (let page = 0; page * 4096 + 16 <= size; page++) {
    buf.writeUInt32LE(page, page * 4096);
    buf.writeUInt32LE(seed, page * 4096 + 4);
  }
  return buf;
}

const sizes = [MiB + 5, 3 * MiB, 6 * MiB + 123, 2 * MiB - 7];
const inputs = sizes.map((size, i) => text(size, i + 1));
const codecs = {
  brotli: [(b) => zlib.brotliCompressSync(b, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }), zlib.brotliDecompressSync,
  zlib.brotliDecompress],
  gzip: [(b) => zlib.gzipSync(b, { level: 1 }), zlib.gunzipSync, zlib.gunzip],
  deflate: [(b) => zlib.deflateSync(b, { level: 1 }), zlib.inflateSync, zlib.inflate],
};

async function main() {
  for (const [name, [compress, decompressSync, decompress]] of Object.entries(codecs)) {
    const packed = inputs.map(compress);
    const want = inputs.map(sha);

    // Several in a row, all kept, with garbage collections (which free dropped outputs and so
    // fill the spare) in between.
    const kept = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < packed.length; i++) {
        const out = decompressSync(packed[i]);
        if (round === 0) kept.push(out);
        gc();
      }
    }
    console.log(name, 'kept intact', kept.map((b, i) => sha(b) === want[i]).join(' '));

    // Mutating one result touches no other, earlier or later.
    kept[1].fill(0x5a);
    const later = decompressSync(packed[1]);
    gc();
    const later2 = decompressSync(packed[2]);
    console.log(name, 'after mutation',
                sha(kept[0]) === want[0], kept[1].every((b) => b === 0x5a),
                sha(kept[2]) === want[2], sha(kept[3]) === want[3],
                sha(later) === want[1], sha(later2) === want[2]);
    later.fill(1);
    console.log(name, 'others untouched', sha(later2) === want[2], sha(kept[2]) === want[2]);

    // Dropped one at a time: each new output (in a reused mapping) is still right.
    for (let round = 0; round < 4; round++) {
      const i = round % packed.length;
      let out = decompressSync(packed[i]);
      const ok = out.length === sizes[i] && sha(out) === want[i];
      out = null;
      gc();
      console.log(name, 'reuse', round, ok);
    }

    // A limit smaller than the spare left by the 6 MiB output.
    const big = decompressSync(packed[2]);
    console.log(name, 'big', sha(big) === want[2]);
    gc();
    for (const limit of [2 * MiB, sizes[2] - 1, sizes[2]]) {
      try {
        const out = decompressSync(packed[2], { maxOutputLength: limit });
        console.log(name, 'limit', limit, 'ok', out.length, sha(out) === want[2]);
      } catch (err) {
        console.log(name, 'limit', limit, err.name, err.code, err.message);
      }
      gc();
    }

    // Callback forms, all at once.
    const results = await Promise.all(packed.map((p) => new Promise((resolve, reject) => {
      decompress(p, (err, out) => (err ? reject(err) : resolve(out)));
    })));
    results[0].fill(0);
    console.log(name, 'async', results.map((b, i) => i === 0 || sha(b) === want[i]).join(' '),
                kept.slice(2).map((b, i) => sha(b) === want[i + 2]).join(' '));
  }
}

main();
