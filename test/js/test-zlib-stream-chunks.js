'use strict';
// What a decompression stream's reader sees: the size and order of its chunks (a pool task
// makes several chunks at once, which must still be node's chunks: chunkSize pieces of each
// engine step's output), with a reader that keeps up, a paused one, a slow pipe destination,
// one that destroys the stream; output before a data error and the error itself; several gzip
// members; flush(); bytesWritten. Every line printed must be what node prints (expected/
// recorded from it). fixtures/zlib/words.gz is node's gzipSync output (300 KiB of words).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const stream = require('stream');
const zlib = require('zlib');

const gz = fs.readFileSync(path.join(__dirname, 'fixtures', 'zlib', 'words.gz'));
const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

// "16384x18 12288" for chunk sizes [16384, ..., 16384, 12288].
function runs(sizes) {
  const out = [];
  for (let i = 0; i < sizes.length;) {
    let j = i;
    while (j < sizes.length && sizes[j] === sizes[i]) j++;
    out.push(j - i === 1 ? `${sizes[i]}` : `${sizes[i]}x${j - i}`);
    i = j;
  }
  return out.length > 12 ? `${sizes.length} chunks, sizes ${sha(Buffer.from(sizes.join()))}` :
    out.join(' ');
}

function pieces(buf, size) {
  const out = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

// Feeds input (a list of pieces) to s and reports its chunks with 'data'.
function flowing(s, input) {
  return new Promise((resolve) => {
    const chunks = [];
    s.on('data', (c) => chunks.push(c));
    s.on('error', (err) => {
      const all = Buffer.concat(chunks);
      resolve(`${runs(chunks.map((c) => c.length))} then ${err.code} ${err.errno} ` +
              `${err.message} after ${all.length} ${sha(all)}`);
    });
    s.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(`${runs(chunks.map((c) => c.length))} = ${all.length} ${sha(all)} ` +
              `bytesWritten ${s.bytesWritten}`);
    });
    for (const piece of input) s.write(piece);
    s.end();
  });
}

// Reads with read(size) on 'readable' (paused mode).
function paused(s, input, size) {
  return new Promise((resolve) => {
    const sizes = [];
    let total = 0;
    s.on('readable', () => {
      let c;
      while ((c = s.read(size)) !== null) {
        sizes.push(c.length);
        total += c.length;
      }
    });
    s.on('end', () => resolve(`${runs(sizes)} = ${total}`));
    for (const piece of input) s.write(piece);
    s.end();
  });
}

const cases = [
  ['one write', () => flowing(zlib.createGunzip(), [gz])],
  ['1000-byte writes', () => flowing(zlib.createGunzip(), pieces(gz, 1000))],
  ['100-byte writes', () => flowing(zlib.createGunzip(), pieces(gz, 100))],
  ['chunkSize 1000', () => flowing(zlib.createGunzip({ chunkSize: 1000 }), [gz])],
  ['chunkSize 100000', () => flowing(zlib.createGunzip({ chunkSize: 100000 }), [gz])],
  ['chunkSize 300000, 3000-byte writes',
   () => flowing(zlib.createGunzip({ chunkSize: 300000 }), pieces(gz, 3000))],
  ['unzip, 700-byte writes', () => flowing(zlib.createUnzip(), pieces(gz, 700))],
  ['two members, 1000-byte writes',
   () => flowing(zlib.createGunzip(), pieces(Buffer.concat([gz, gz]), 1000))],
  ['trailing garbage',
   () => flowing(zlib.createGunzip(), [Buffer.concat([gz, Buffer.from('xyz')])])],
  ['inflate stops at its end', () => {
    const zz = zlib.inflateRawSync(gz.subarray(10, gz.length - 8));
    return flowing(zlib.createInflateRaw(), [gz.subarray(10), Buffer.from('more')])
      .then((r) => `${r} (${zz.length})`);
  }],
  ['corrupt at 3000', () => {
    const bad = Buffer.from(gz);
    bad[3000] ^= 0x55;
    return flowing(zlib.createGunzip(), [bad]);
  }],
  ['corrupt at 3000, 500-byte writes', () => {
    const bad = Buffer.from(gz);
    bad[3000] ^= 0x55;
    return flowing(zlib.createGunzip(), pieces(bad, 500));
  }],
  ['bad trailer', () => {
    const bad = Buffer.from(gz);
    bad[bad.length - 5] ^= 1;
    return flowing(zlib.createGunzip(), [bad]);
  }],
  ['truncated', () => flowing(zlib.createGunzip(), [gz.subarray(0, 5000)])],
  ['paused, read()', () => paused(zlib.createGunzip(), [gz])],
  ['paused, read(5000)', () => paused(zlib.createGunzip(), [gz], 5000)],
  ['paused, read(), 1000-byte writes', () => paused(zlib.createGunzip(), pieces(gz, 1000))],
  ['slow destination', () => new Promise((resolve) => {
    const sizes = [];
    const out = [];
    const slow = new stream.Writable({
      highWaterMark: 1,
      write(chunk, encoding, callback) {
        sizes.push(chunk.length);
        out.push(chunk);
        setImmediate(callback);
      },
    });
    slow.on('finish', () => {
      const all = Buffer.concat(out);
      resolve(`${runs(sizes)} = ${all.length} ${sha(all)}`);
    });
    const gunzip = zlib.createGunzip();
    gunzip.pipe(slow);
    gunzip.end(gz);
  })],
  ['pause in data, resume later', () => new Promise((resolve) => {
    const sizes = [];
    const gunzip = zlib.createGunzip();
    gunzip.on('data', (c) => {
      sizes.push(c.length);
      if (sizes.length % 4 === 0) {
        gunzip.pause();
        setImmediate(() => gunzip.resume());
      }
    });
    gunzip.on('end', () => resolve(runs(sizes)));
    gunzip.end(gz);
  })],
  ['destroyed by its third chunk', () => new Promise((resolve) => {
    let count = 0;
    const gunzip = zlib.createGunzip();
    gunzip.on('data', () => {
      if (++count === 3) gunzip.destroy();
    });
    gunzip.on('error', (err) => resolve(`error ${err.message}`));
    gunzip.on('close', () => resolve(`closed after ${count} chunks`));
    gunzip.end(gz);
  })],
  ['flush() hands over what was written', () => new Promise((resolve) => {
    const text = zlib.gunzipSync(gz).subarray(0, 50000);
    const deflate = zlib.createDeflate();
    const out = [];
    deflate.on('data', (c) => out.push(c));
    deflate.write(text);
    deflate.flush(() => {
      const partial = zlib.inflateSync(Buffer.concat(out),
                                       { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      resolve(`${partial.equals(text)} ${partial.length}`);
      deflate.destroy();
    });
  })],
  ['brotli round trip, one write', () => {
    const text = zlib.gunzipSync(gz);
    return flowing(zlib.createBrotliDecompress(), [zlib.brotliCompressSync(text)]);
  }],
  ['callback forms: arguments on error and on too much output', () => Promise.all([
    new Promise((resolve) => zlib.gunzip(gz.subarray(0, 5000), { info: true },
                                         (...args) => resolve(`${args.length} ${args[0].code}`))),
    new Promise((resolve) => zlib.gunzip(gz, { maxOutputLength: 20000, info: true },
                                         (...args) => resolve(`${args.length} ${args[0].code}`))),
  ]).then((r) => r.join(', '))],
  ['sync: gunzipSync with chunkSize 1000', () => {
    const out = zlib.gunzipSync(gz, { chunkSize: 1000, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return `${out.length} ${sha(out)}`;
  }],
  ['sync: deflateSync level 0 round trip', () => {
    const text = zlib.gunzipSync(gz);
    const out = zlib.inflateSync(zlib.deflateSync(text, { level: 0, chunkSize: 5000 }));
    return `${out.equals(text)}`;
  }],
];

(async () => {
  for (const [name, run] of cases) console.log(`${name}: ${await run()}`);
})();
