'use strict';
// Core-module micro benchmarks, runnable under ringjs and node alike. Prints one line per case:
// "<section>/<case> <ops/s>". Usage: core.js [section ...] (default: every section).
// bench/core.sh runs it under each runtime and prints ratios.

const sections = {};

// Runs fn repeatedly for about `ms` milliseconds after a warm-up; returns calls per second.
function measure(fn, ms = 300) {
  for (let i = 0; i < 200; i++) fn();
  let calls = 0;
  let batch = 1;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1000000n;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < batch; i++) fn();
    calls += batch;
    if (batch < 4096) batch *= 2;
    now = process.hrtime.bigint();
  }
  return calls / (Number(now - start) / 1e9);
}

// ---------------------------------------------------------------------------------------------
// Buffer: encoding to and from strings.
sections.buffer = () => {
  const results = [];
  const ascii = (n) => 'abcdefghijklmnopqrstuvwxyz0123456789 '.repeat(Math.ceil(n / 37)).slice(0, n);
  const mixed = (n) => 'h\u00e9llo w\u00f6rld \u20ac \ud83d\ude00 '.repeat(Math.ceil(n / 20)).slice(0, n);
  const sizes = [['64', 64], ['1k', 1024], ['1m', 1024 * 1024]];
  let sink = 0;
  const keep = (v) => { sink += v.length; };
  for (const [label, n] of sizes) {
    const textAscii = ascii(n);
    const textMixed = mixed(n);
    const bufAscii = Buffer.from(textAscii);
    const bufMixed = Buffer.from(textMixed);
    const bytes = Buffer.alloc(n);
    for (let i = 0; i < n; i++) bytes[i] = (i * 2654435761) >>> 24;
    const b64 = bytes.toString('base64');
    const hex = bytes.toString('hex');
    const ms = n >= 1024 * 1024 ? 500 : 300;
    results.push([`toString-utf8-ascii-${label}`, measure(() => keep(bufAscii.toString()), ms)]);
    results.push([`toString-utf8-mixed-${label}`, measure(() => keep(bufMixed.toString('utf8')), ms)]);
    results.push([`from-utf8-ascii-${label}`, measure(() => keep(Buffer.from(textAscii)), ms)]);
    results.push([`from-utf8-mixed-${label}`, measure(() => keep(Buffer.from(textMixed, 'utf8')), ms)]);
    results.push([`toString-base64-${label}`, measure(() => keep(bytes.toString('base64')), ms)]);
    results.push([`from-base64-${label}`, measure(() => keep(Buffer.from(b64, 'base64')), ms)]);
    results.push([`toString-hex-${label}`, measure(() => keep(bytes.toString('hex')), ms)]);
    results.push([`from-hex-${label}`, measure(() => keep(Buffer.from(hex, 'hex')), ms)]);
  }
  if (sink === 0) throw new Error('unreachable');
  return results;
};

// ---------------------------------------------------------------------------------------------
// Streams: 1 GiB through stream.pipeline(Readable -> Transform -> Writable) in 64 KiB Buffers,
// the shape of a file copy with a transformation. Reported in MiB/s (one "op" = 1 MiB).
sections.stream = async () => {
  const { Readable, Transform, Writable, pipeline } = require('stream');
  const kChunk = 64 * 1024;
  const kTotal = 1024 * 1024 * 1024;
  // The source hands out a fresh Buffer per read, as fs.createReadStream does.
  const source = () => {
    let produced = 0;
    return new Readable({
      read() {
        if (produced >= kTotal) {
          this.push(null);
          return;
        }
        produced += kChunk;
        const chunk = Buffer.allocUnsafe(kChunk);
        chunk[0] = produced & 0xff;
        this.push(chunk);
      },
    });
  };
  const sink = (counter) => new Writable({
    write(chunk, encoding, callback) {
      counter.bytes += chunk.length;
      counter.check ^= chunk[0];
      callback();
    },
  });
  const passthrough = () => new Transform({
    transform(chunk, encoding, callback) { callback(null, chunk); },
  });
  // Work on every byte: XOR the chunk in place, four bytes at a time.
  const xor = () => new Transform({
    transform(chunk, encoding, callback) {
      const words = new Int32Array(chunk.buffer, chunk.byteOffset, chunk.length >>> 2);
      for (let i = 0; i < words.length; i++) words[i] ^= 0x5a5a5a5a;
      callback(null, chunk);
    },
  });
  const run = (makeTransform) => new Promise((resolve, reject) => {
    const counter = { bytes: 0, check: 0 };
    const start = process.hrtime.bigint();
    pipeline(source(), makeTransform(), sink(counter), (err) => {
      if (err) return reject(err);
      if (counter.bytes !== kTotal) return reject(new Error(`sink saw ${counter.bytes} bytes`));
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      resolve(kTotal / (1024 * 1024) / seconds);
    });
  });
  const results = [];
  results.push(['pipeline-passthrough-1gib-MiB', await run(passthrough)]);
  results.push(['pipeline-xor-1gib-MiB', await run(xor)]);
  return results;
};

// ---------------------------------------------------------------------------------------------
// util.inspect of a large object: nested records of every common kind (strings, numbers, dates,
// arrays, Maps, Sets, class instances, typed arrays), the output console.log builds for it.
sections.inspect = () => {
  const util = require('util');
  class Point { constructor(x, y) { this.x = x; this.y = y; } }
  const record = (i) => ({
    id: i,
    name: `item-${i}`,
    tags: ['a', 'b', 'c'].map((t) => t + i),
    created: new Date(1700000000000 + i * 1000),
    position: new Point(i, -i),
    scores: new Map([['x', i], ['y', i * 2]]),
    flags: new Set([i % 2 === 0, i % 3 === 0]),
    bytes: new Uint8Array([i & 255, (i >> 8) & 255, 7]),
    nested: { level1: { level2: { value: i / 3, text: 'deep\nline' } } },
  });
  const large = Array.from({ length: 500 }, (_, i) => record(i));
  const small = record(1);
  let sink = 0;
  const results = [];
  results.push(['inspect-large-500-records',
                measure(() => { sink += util.inspect(large, { depth: 4 }).length; }, 1000)]);
  results.push(['inspect-one-record', measure(() => { sink += util.inspect(small).length; })]);
  results.push(['format-mixed', measure(() => {
    sink += util.format('%s %d %j %o', 'text', 42, { a: 1 }, [1, 2, 3]).length;
  })]);
  if (sink === 0) throw new Error('unreachable');
  return results;
};

async function main() {
  const wanted = process.argv.slice(2);
  for (const name of Object.keys(sections)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    for (const [label, opsPerSec] of await sections[name]()) {
      console.log(`${name}/${label} ${Math.round(opsPerSec)}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
