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

const wanted = process.argv.slice(2);
for (const name of Object.keys(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  for (const [label, opsPerSec] of sections[name]()) {
    console.log(`${name}/${label} ${Math.round(opsPerSec)}`);
  }
}
