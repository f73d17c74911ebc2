'use strict';
// File-system benchmark, runnable under ringjs and node: prints one JSON line of timings (ms).
// Usage: <runtime> bench/fs.js DIR   (DIR prepared by bench/fs.sh: small/ and big.bin)
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const small = path.join(dir, 'small');
const names = fs.readdirSync(small).map((n) => path.join(small, n));

async function readAllSmall(rounds, inFlight) {
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    let next = 0;
    async function worker() {
      while (next < names.length) {
        const data = await fs.promises.readFile(names[next++]);
        bytes += data.length;
      }
    }
    await Promise.all(Array.from({ length: inFlight }, worker));
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, bytes };
}

function streamBig() {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let bytes = 0;
    fs.createReadStream(path.join(dir, 'big.bin'), { highWaterMark: 1 << 20 })
      .on('data', (chunk) => { bytes += chunk.length; })
      .on('error', reject)
      .on('end', () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, bytes }));
  });
}

function statMany(count) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    let left = count;
    for (let i = 0; i < count; i++) {
      fs.stat(names[i % names.length], () => {
        if (--left === 0) resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6 });
      });
    }
  });
}

(async () => {
  const smallFiles = await readAllSmall(10, 64);
  const big = await streamBig();
  const stats = await statMany(10000);
  console.log(JSON.stringify({ smallFiles: smallFiles.ms, bigStream: big.ms, stat10k: stats.ms,
                               bytes: smallFiles.bytes + big.bytes }));
})();
