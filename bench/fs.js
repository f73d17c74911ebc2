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

// CPU time (user + system, every thread of the process) of `fn`'s run, in ms: on a loaded
// machine it varies far less than the elapsed time.
async function withCpu(fn) {
  const before = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(before);
  result.cpu = (used.user + used.system) / 1000;
  return result;
}

(async () => {
  const smallFiles = await withCpu(() => readAllSmall(10, 64));
  const big = await withCpu(streamBig);
  const stats = await withCpu(() => statMany(10000));
  console.log(JSON.stringify({ smallFiles: smallFiles.ms, bigStream: big.ms, stat10k: stats.ms,
                               smallFilesCpu: smallFiles.cpu, bigStreamCpu: big.cpu,
                               stat10kCpu: stats.cpu, bytes: smallFiles.bytes + big.bytes }));
})();
