'use strict';
// Crypto and zlib throughput, runnable under ringjs and node alike. Prints one line per case:
// "<case> <milliseconds>". Usage: crypto-zlib.js [case ...] (default: every case).
// bench/crypto-zlib.sh runs it under each runtime and prints ratios.
const crypto = require('crypto');
const zlib = require('zlib');

const MiB = 1024 * 1024;

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

// 64 MiB that compresses about 4:1 like text: words drawn from a small vocabulary by a fixed
// pseudo-random sequence (the same bytes in every run and runtime).
function makeText(size) {
  const words = [];
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < 2000; i++) {
    let w = '';
    const len = 2 + (rand() % 9);
    for (let j = 0; j < len; j++) w += String.fromCharCode(97 + (rand() % 26));
    words.push(w);
  }
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) off += buf.write(words[rand() % words.length] + ' ', off);
  return buf;
}

let text;
let gzipped;
const getText = () => (text ??= makeText(64 * MiB));
const getGzipped = () => (gzipped ??= zlib.gzipSync(getText()));

const cases = {
  // sha256 of 64 MiB fed in 64 KiB chunks.
  'sha256-64MiB': () => {
    const data = getText();
    const start = now();
    const h = crypto.createHash('sha256');
    for (let i = 0; i < data.length; i += 64 * 1024) h.update(data.subarray(i, i + 64 * 1024));
    h.digest('hex');
    return Promise.resolve(now() - start);
  },
  // 4 pbkdf2 (sha256, 100k iterations) at once: they run in parallel on the thread pool.
  'pbkdf2-100k-x4': () => new Promise((resolve) => {
    const start = now();
    let left = 4;
    for (let i = 0; i < 4; i++) {
      crypto.pbkdf2('password' + i, 'salt', 100000, 32, 'sha256', (err) => {
        if (err) throw err;
        if (--left === 0) resolve(now() - start);
      });
    }
  }),
  'gzipSync-64MiB': () => {
    const data = getText();
    const start = now();
    zlib.gzipSync(data);
    return Promise.resolve(now() - start);
  },
  'gunzipSync-64MiB': () => {
    const data = getGzipped();
    const start = now();
    zlib.gunzipSync(data);
    return Promise.resolve(now() - start);
  },
  // The callback forms: a stream, one 16 KiB output chunk per pool task.
  'gzip-64MiB': () => new Promise((resolve) => {
    const data = getText();
    const start = now();
    zlib.gzip(data, (err) => {
      if (err) throw err;
      resolve(now() - start);
    });
  }),
  'gunzip-64MiB': () => new Promise((resolve) => {
    const data = getGzipped();
    const start = now();
    zlib.gunzip(data, (err, out) => {
      if (err) throw err;
      if (out.length !== 64 * MiB) throw new Error('bad round trip');
      resolve(now() - start);
    });
  }),
};

(async () => {
  const wanted = process.argv.slice(2);
  for (const name of Object.keys(cases)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const ms = await cases[name]();
    console.log(`${name} ${ms.toFixed(1)}`);
  }
})();
