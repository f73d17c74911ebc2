'use strict';
// Bursts of readFile calls (many started in one turn, as a loop over a directory does): ringjs
// reads most of them on a pool thread while JS runs. Every call settles once, with its own bytes
// or node's error (ENOENT naming the path, EISDIR from read, ENOTDIR, EMFILE), whatever mix of
// small, large, missing and special files the burst holds; callback and promise forms mixed.
// Compared with node's output.
const assert = require('assert');
const fs = require('fs');
const fsp = fs.promises;
const os = require('os');
const path = require('path');
const { spawn, spawnSync, execFileSync } = require('child_process');
const { seededBytes } = require('./common/seeded-bytes');

const dir = process.argv[3] || fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-burst-'));
const mask = (s) => String(s).split(dir).join('<dir>');
const j = (...parts) => path.join(dir, ...parts);
const errInfo = (err) =>
  `${err.name} ${err.code} ${err.errno} ${err.syscall} ${mask(err.path)} ${mask(err.message)}`;

const bytes = seededBytes(11);
const count = 400;
const contents = [];
for (let i = 0; i < count; i++) {
  // Mostly small, with empty files, page-size edges and files over the 256 KiB cached limit.
  const size = i % 97 === 3 ? 300 * 1024 + i : i % 50 === 0 ? 0 : i % 61 === 5 ? 4096 : 200 + (i * 131) % 12000;
  contents.push(bytes(size));
}

function tally(results) {
  const counts = new Map();
  for (const r of results) counts.set(r, (counts.get(r) || 0) + 1);
  return [...counts].map(([r, n]) => `  ${n} x ${r}`).join('\n');
}

const readCallback = (name) => new Promise((resolve) => fs.readFile(name, (err, data) => resolve(err || data)));

async function mixedBurst() {
  const calls = [];
  const check = (i) => (value) => {
    if (value instanceof Error) return errInfo(value);
    assert.ok(Buffer.isBuffer(value));
    assert.strictEqual(value.byteOffset, 0);
    if (value.length > 0) assert.strictEqual(value.buffer.byteLength, value.length);
    assert.ok(value.equals(contents[i]), `file ${i}`);
    return 'ok';
  };
  for (let i = 0; i < count; i++) {
    const name = j(`f${i}`);
    calls.push(i % 7 === 0 ? readCallback(name).then(check(i)) : fsp.readFile(name).then(check(i), check(i)));
    if (i % 40 === 1) calls.push(fsp.readFile(j(`missing${i}`)).catch(errInfo));
    if (i % 80 === 2) calls.push(readCallback(j('sub')).then(errInfo));
    if (i % 80 === 3) calls.push(fsp.readFile(j('sub')).catch(errInfo));
    if (i % 90 === 4) calls.push(fsp.readFile(j('f1', 'below-a-file')).catch(errInfo));
  }
  console.log('mixed burst:\n' + tally(await Promise.all(calls)));
}

// The same files read back to back, 64 in flight, as bench/fs.js does.
async function inFlight(rounds, width) {
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    let next = 0;
    async function worker() {
      while (next < count) {
        const i = next++;
        const data = await fsp.readFile(j(`f${i}`));
        assert.ok(data.equals(contents[i]));
        total += data.length;
      }
    }
    await Promise.all(Array.from({ length: width }, worker));
  }
  console.log(`${width} in flight:`, rounds, 'rounds,', total, 'bytes');
}

// 50,000 at once: every one settles (node may run out of file descriptors on some: counted
// apart, as a descriptor limit is not what this checks).
async function fiftyThousand() {
  const names = Array.from({ length: 50000 }, (_, i) => j(`f${i % count}`));
  let read = 0;
  let wrong = 0;
  let emfile = 0;
  const other = [];
  await Promise.all(names.map((name, i) => fsp.readFile(name).then((data) => {
    if (data.equals(contents[i % count])) read++;
    else wrong++;
  }, (err) => (err.code === 'EMFILE' ? emfile++ : other.push(errInfo(err))))));
  console.log('50,000 at once: settled', read + wrong + emfile + other.length, 'wrong', wrong,
              'other errors', other.length, other.slice(0, 3));
}

// A FIFO among the files, its writer already waiting in open(): read whole, nothing blocked.
async function fifoInBurst() {
  const fifo = j('pipe');
  execFileSync('mkfifo', [fifo]);
  const writer = spawn('sh', ['-c', `head -c 100000 /dev/zero | tr '\\000' b > ${fifo}`]);
  await new Promise((resolve) => writer.once('spawn', resolve));
  const calls = [];
  for (let i = 0; i < 100; i++) {
    calls.push(fsp.readFile(j(`f${i}`)).then((d) => d.equals(contents[i]) ? 'ok' : 'wrong'));
    if (i === 50) calls.push(fsp.readFile(fifo, 'latin1').then((t) => `fifo ${t.length} ${/^b+$/.test(t)}`));
  }
  const results = await Promise.all(calls);
  await new Promise((resolve) => (writer.exitCode !== null ? resolve() : writer.once('exit', resolve)));
  console.log('fifo in a burst:\n' + tally(results));
}

// No descriptor left: every call of a burst fails with node's EMFILE (open, with the path).
async function noDescriptorsLeft() {
  const held = [];
  try {
    for (;;) held.push(fs.openSync(j('f1'), 'r'));
  } catch (err) {
    assert.strictEqual(err.code, 'EMFILE');
  }
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    (i % 4 === 0 ? readCallback(j(`f${i}`)).then((v) => (v instanceof Error ? errInfo(v) : 'read'))
                 : fsp.readFile(j(`f${i}`)).then(() => 'read', errInfo))
      .then((s) => s.replace(/f\d+/g, 'f<n>'))));
  for (const fd of held) fs.closeSync(fd);
  console.log('no descriptors left:\n' + tally(results));
}

async function main() {
  if (process.argv[2] === 'emfile') return noDescriptorsLeft();
  contents.forEach((buf, i) => fs.writeFileSync(j(`f${i}`), buf));
  fs.mkdirSync(j('sub'));
  await mixedBurst();
  await inFlight(3, 64);
  await inFlight(1, 1000);
  // Narrow chains: a few reads started per delivery, with nothing else keeping the loop alive.
  for (const width of [2, 3, 5, 7]) await inFlight(2, width);
  await fiftyThousand();
  await fifoInBurst();
  // Under a low descriptor limit (a child, so the limit stays there).
  const child = spawnSync('sh', ['-c', 'ulimit -n 64 && exec "$0" "$1" emfile "$2"',
                                 process.execPath, __filename, dir], { encoding: 'utf8' });
  process.stdout.write(child.stdout);
  if (child.status !== 0) console.log('child failed', child.status, child.stderr);
  fs.rmSync(dir, { recursive: true });
}

main();
