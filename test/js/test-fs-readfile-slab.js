'use strict';
// Small readFile results share memory slabs in ringjs and the first read of a file goes into
// whatever room the current slab has left (16 KiB to 64 KiB), its end found by a short read.
// Checked here: sizes around every room the slab can have (files read in orders that leave all
// sorts of room), results that never alias (each mutated, the rest unchanged), results kept
// alive while thousands more are read, files that grow and shrink between reads, encodings,
// errors among successes, and the callback and sync forms. Compared with node's output.
const assert = require('assert');
const fs = require('fs');
const fsp = fs.promises;
const os = require('os');
const path = require('path');
const { seededBytes } = require('./common/seeded-bytes');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-slab-'));
const mask = (s) => String(s).split(dir).join('<dir>');
const j = (...parts) => path.join(dir, ...parts);

const bytes = seededBytes(11);

function checkOwn(buf, expected, what) {
  assert.ok(Buffer.isBuffer(buf), what);
  assert.strictEqual(buf.byteOffset, 0, what);
  if (expected.length > 0) assert.strictEqual(buf.buffer.byteLength, expected.length, what);
  assert.ok(buf.equals(expected), what);
}

// Around 16 KiB (the least room), 64 KiB (a whole slab's), and the 256 KiB cached-read limit.
const edges = [1, 2, 15, 16, 17, 4096, 16383, 16384, 16385, 32768, 65487, 65488, 65503, 65504,
               65505, 65520, 65536, 65537, 100000, 262143, 262144, 262145];
const files = edges.map((size, i) => {
  const name = j(`e${i}`);
  const content = bytes(size);
  fs.writeFileSync(name, content);
  return { name, content };
});

async function sizesAroundRoom() {
  // Before each edge file, a filler of every size in steps leaves the slab a different room.
  const fillers = [0, 100, 1000, 5000, 16000, 16384, 20000, 40000, 48000, 49136, 49152, 60000];
  fillers.forEach((size, i) => fs.writeFileSync(j(`fill${i}`), bytes(size)));
  let checked = 0;
  for (let f = 0; f < fillers.length; f++) {
    for (const { name, content } of files) {
      for (let k = 0; k <= f; k++) await fsp.readFile(j(`fill${k}`));
      checkOwn(await fsp.readFile(name), content, `${mask(name)} after filler ${f}`);
      checked++;
    }
  }
  console.log('sizes around the room:', checked, 'checked');
}

async function noAliasing() {
  // Many results of the same and of different files at once; mutate each, the rest stay.
  const names = [];
  for (let i = 0; i < 200; i++) names.push(files[i % files.length].name);
  const results = await Promise.all(names.map((n) => fsp.readFile(n)));
  results.forEach((buf, i) => { buf.fill(i & 0xff); });
  results.forEach((buf, i) => {
    const len = files[i % files.length].content.length;
    assert.strictEqual(buf.length, len);
    for (let k = 0; k < len; k += 97) assert.strictEqual(buf[k], i & 0xff);
    assert.strictEqual(buf[len - 1], i & 0xff);
  });
  // A later read is unaffected by writes into earlier results.
  checkOwn(await fsp.readFile(files[3].name), files[3].content, 'after mutation');
  console.log('no aliasing:', results.length, 'results');
}

async function keptWhileReadingMore() {
  const kept = [];
  for (let i = 0; i < 300; i++) kept.push(await fsp.readFile(files[i % 12].name));
  // Thousands more reads (and garbage) while the kept ones live.
  let total = 0;
  for (let round = 0; round < 20; round++) {
    const batch = await Promise.all(files.slice(0, 14).map((f) => fsp.readFile(f.name)));
    for (const b of batch) total += b.length;
    for (let g = 0; g < 200; g++) new Array(100).fill({ g });
  }
  kept.forEach((buf, i) => checkOwn(buf, files[i % 12].content, `kept ${i}`));
  console.log('kept while reading more:', kept.length, 'intact,', total, 'bytes read meanwhile');
}

async function growAndShrink() {
  const name = j('changing');
  const sizes = [1, 16385, 3, 65504, 65505, 0, 70000, 200, 262144, 10, 262145, 5];
  const seen = [];
  for (const size of sizes) {
    const content = bytes(size);
    fs.writeFileSync(name, content);
    const viaPromise = await fsp.readFile(name);
    const viaCallback = await new Promise((resolve, reject) => {
      fs.readFile(name, (err, data) => (err ? reject(err) : resolve(data)));
    });
    const viaSync = fs.readFileSync(name);
    for (const got of [viaPromise, viaCallback, viaSync]) assert.ok(got.equals(content), `size ${size}`);
    seen.push(viaPromise.length);
  }
  // Appends and truncations between reads of the same file.
  fs.writeFileSync(name, 'abc');
  const first = await fsp.readFile(name, 'utf8');
  fs.appendFileSync(name, 'x'.repeat(20000));
  const second = await fsp.readFile(name);
  fs.truncateSync(name, 2);
  const third = await fsp.readFile(name, 'latin1');
  console.log('grow and shrink:', seen.join(' '), '|', first, second.length, third);
}

async function encodings() {
  const text = 'héllo wörld ✓ \u{1F600} '.repeat(1200);  // About 26 KB of UTF-8.
  fs.writeFileSync(j('text'), text);
  for (const enc of ['utf8', 'latin1', 'base64', 'hex', 'ucs2', 'base64url', 'ascii']) {
    const viaPromise = await fsp.readFile(j('text'), enc);
    const viaOptions = await fsp.readFile(j('text'), { encoding: enc });
    const viaCallback = await new Promise((resolve) => fs.readFile(j('text'), enc, (e, d) => resolve(d)));
    assert.strictEqual(viaPromise, Buffer.from(text).toString(enc));
    assert.strictEqual(viaOptions, viaPromise);
    assert.strictEqual(viaCallback, viaPromise);
    console.log('encoding', enc, viaPromise.length);
  }
}

async function errorsAmongSuccesses() {
  fs.mkdirSync(j('sub'));
  const names = [];
  for (let i = 0; i < 60; i++) {
    if (i % 7 === 3) names.push(j('missing' + i));
    else if (i % 11 === 5) names.push(j('sub'));
    else if (i % 13 === 6) names.push(j('e0', 'below-a-file'));
    else names.push(files[i % files.length].name);
  }
  const results = await Promise.allSettled(names.map((n) => fsp.readFile(n)));
  let ok = 0;
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      const e = r.reason;
      console.log(' ', i, e.code, e.errno, e.syscall, mask(e.message));
    } else {
      checkOwn(r.value, files[i % files.length].content, `mixed ${i}`);
      ok++;
    }
  });
  console.log('errors among successes:', ok, 'read');
}

(async () => {
  await sizesAroundRoom();
  await noAliasing();
  await keptWhileReadingMore();
  await growAndShrink();
  await encodings();
  await errorsAmongSuccesses();
  fs.rmSync(dir, { recursive: true });
})();
