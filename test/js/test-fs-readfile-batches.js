'use strict';
// Many readFile calls completing in the same loop turn (cached small files settle in batches):
// promise and callback forms mixed, every encoding, errors among successes, files of every size
// class (empty, small, over the 256 KiB cached-read limit, /proc with no size), files that change
// size between reads, and the tick contract per callback. Compared with node's output.
const assert = require('assert');
const fs = require('fs');
const fsp = fs.promises;
const os = require('os');
const path = require('path');
const { seededBytes } = require('./common/seeded-bytes');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-batches-'));
const mask = (s) => String(s).split(dir).join('<dir>');
const j = (...parts) => path.join(dir, ...parts);
const errInfo = (err) => `${err.name} ${err.code} ${err.errno} ${err.syscall} ${mask(err.message)}`;

function checksum(buf) {
  let sum = 0;
  for (let i = 0; i < buf.length; i++) sum = (sum * 31 + buf[i]) >>> 0;
  return sum;
}

const bytes = seededBytes(7);

const sizes = [0, 1, 200, 4095, 4096, 4097, 12 * 1024, 256 * 1024, 256 * 1024 + 1, 700 * 1024];
const contents = [];
for (let i = 0; i < 300; i++) contents.push(bytes(i < sizes.length ? sizes[i] : 200 + (i * 97) % 12000));
contents.forEach((buf, i) => fs.writeFileSync(j(`f${i}`), buf));
fs.mkdirSync(j('sub'));
fs.writeFileSync(j('text'), 'héllo wörld ✓ \u{1F600}\n');

async function allPromises() {
  // Everything at once, with errors in between.
  const names = contents.map((_, i) => j(`f${i}`));
  names.splice(5, 0, j('missing'));
  names.splice(50, 0, j('sub'));
  names.splice(100, 0, j('f1', 'below-a-file'));
  const results = await Promise.allSettled(names.map((n) => fsp.readFile(n)));
  let ok = 0;
  const errors = [];
  results.forEach((r, i) => {
    if (r.status === 'rejected') return errors.push(`${i} ${errInfo(r.reason)}`);
    const expected = contents[Number(path.basename(names[i]).slice(1))];
    assert.ok(Buffer.isBuffer(r.value));
    // A Buffer of its own, as node's (except an empty file's, which node cuts from a bigger one).
    assert.strictEqual(r.value.byteOffset, 0);
    if (expected.length > 0) assert.strictEqual(r.value.buffer.byteLength, expected.length);
    assert.ok(r.value.equals(expected), `file ${names[i]}`);
    ok++;
  });
  console.log('all at once:', ok, 'read,', errors.length, 'failed');
  for (const e of errors) console.log(' ', e);
}

async function inFlight64(rounds) {
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    let next = 0;
    async function worker() {
      while (next < contents.length) {
        const i = next++;
        const data = await fsp.readFile(j(`f${i}`));
        assert.ok(data.equals(contents[i]));
        total += data.length;
      }
    }
    await Promise.all(Array.from({ length: 64 }, worker));
  }
  console.log('64 in flight:', rounds, 'rounds,', total, 'bytes');
}

async function encodings() {
  const forms = ['utf8', 'latin1', 'base64', 'hex', 'ucs2', 'ascii', 'base64url', 'binary'];
  const out = await Promise.all(forms.map((encoding) => fsp.readFile(j('text'), { encoding })));
  const viaCallback = await Promise.all(forms.map((encoding) => new Promise((resolve, reject) => {
    fs.readFile(j('text'), encoding, (err, s) => (err ? reject(err) : resolve(s)));
  })));
  forms.forEach((encoding, i) => {
    assert.strictEqual(viaCallback[i], out[i]);
    console.log('encoding', encoding, JSON.stringify(out[i]));
  });
}

async function changingSizes() {
  const file = j('grows');
  const seen = [];
  for (const size of [10, 5000, 0, 300 * 1024, 7]) {
    fs.writeFileSync(file, bytes(size));
    const [a, b] = await Promise.all([fsp.readFile(file), new Promise((resolve, reject) => {
      fs.readFile(file, (err, data) => (err ? reject(err) : resolve(data)));
    })]);
    assert.ok(a.equals(b));
    seen.push(a.length);
  }
  console.log('sizes seen:', seen.join(' '));
  const proc = await fsp.readFile('/proc/self/stat', 'latin1');
  console.log('/proc file read:', proc.length > 0, proc.endsWith('\n'));
}

// Each callback's nextTick and microtasks run before the next callback (node's tick contract),
// whatever order the reads complete in.
function tickContract() {
  return new Promise((resolve) => {
    const events = [];
    const count = 40;
    let left = count;
    for (let i = 0; i < count; i++) {
      fs.readFile(j(`f${i + 10}`), (err, data) => {
        assert.ifError(err);
        events.push(`cb${i}`);
        process.nextTick(() => events.push(`tick${i}`));
        Promise.resolve().then(() => events.push(`micro${i}`));
        if (--left === 0) {
          setImmediate(() => {
            let held = true;
            for (let k = 0; k < events.length; k += 3) {
              const n = events[k].slice(2);
              held = held && events[k + 1] === `tick${n}` && events[k + 2] === `micro${n}`;
            }
            console.log('tick contract per callback:', held, events.length / 3, 'callbacks');
            resolve();
          });
        }
      });
    }
  });
}

// A throwing callback does not lose the other callbacks of its batch.
function throwingCallback() {
  return new Promise((resolve) => {
    let calls = 0;
    const thrown = [];
    process.on('uncaughtException', function onError(err) {
      thrown.push(err.message);
      if (thrown.length === 2) process.off('uncaughtException', onError);
    });
    for (let i = 0; i < 6; i++) {
      fs.readFile(j(`f${i + 20}`), () => {
        if (++calls === 6) {
          setImmediate(() => {
            console.log('callbacks after throws:', calls, thrown.sort().join(', '));
            resolve();
          });
        }
        if (i === 1 || i === 4) throw new Error(`boom ${i}`);
      });
    }
  });
}

// Promise continuations of one batch each see their own file.
async function promisesInOneTurn() {
  const order = [];
  await Promise.all([3, 30, 60, 90].map(async (i) => {
    const data = await fsp.readFile(j(`f${i + 10}`));
    await null;
    order.push(checksum(data) === checksum(contents[i + 10]));
  }));
  console.log('continuations:', order.join(' '));
}

(async () => {
  try {
    await allPromises();
    await inFlight64(3);
    await encodings();
    await changingSizes();
    await tickContract();
    await throwingCallback();
    await promisesInOneTurn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
