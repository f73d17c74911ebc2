'use strict';
// Many fs operations in flight at once (more than the ring holds): every one completes once,
// with the right data. 2,000 files are written, read back and checksummed concurrently, then
// stat'ed 20,000 times at once.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-conc-'));
const count = 2000;
const contents = [];

function checksum(buf) {
  let sum = 0;
  for (let i = 0; i < buf.length; i++) sum = (sum * 31 + buf[i]) >>> 0;
  return sum;
}

let seed = 12345;
function random() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed;
}

for (let i = 0; i < count; i++) {
  const size = 200 + (random() % 12000);
  const buf = Buffer.allocUnsafe(size);
  for (let k = 0; k < size; k++) buf[k] = random() & 0xff;
  contents.push(buf);
}

let finished = false;
process.on('exit', () => assert.ok(finished));

function writeAll(done) {
  let left = count;
  for (let i = 0; i < count; i++) {
    fs.writeFile(path.join(dir, `f${i}`), contents[i], (err) => {
      assert.ifError(err);
      if (--left === 0) done();
    });
  }
}

function readAll(done) {
  let left = count;
  const seen = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    fs.readFile(path.join(dir, `f${i}`), (err, data) => {
      assert.ifError(err);
      assert.strictEqual(seen[i], 0);
      seen[i] = 1;
      assert.strictEqual(data.length, contents[i].length);
      assert.strictEqual(checksum(data), checksum(contents[i]));
      if (--left === 0) done();
    });
  }
}

function openReadClose(done) {
  // open/fstat/read/close chains, all in flight together.
  let left = count;
  for (let i = 0; i < count; i++) {
    fs.open(path.join(dir, `f${i}`), 'r', (err, fd) => {
      assert.ifError(err);
      fs.fstat(fd, (err, st) => {
        assert.ifError(err);
        const buf = Buffer.alloc(st.size);
        fs.read(fd, buf, 0, st.size, 0, (err, n) => {
          assert.ifError(err);
          assert.strictEqual(n, st.size);
          assert.ok(buf.equals(contents[i]));
          fs.close(fd, (err) => {
            assert.ifError(err);
            if (--left === 0) done();
          });
        });
      });
    });
  }
}

function statMany(done) {
  const total = 20000;
  let left = total;
  for (let i = 0; i < total; i++) {
    const k = i % count;
    fs.stat(path.join(dir, `f${k}`), (err, st) => {
      assert.ifError(err);
      assert.strictEqual(st.size, contents[k].length);
      if (--left === 0) done();
    });
  }
}

function readdirAndUnlink(done) {
  fs.readdir(dir, (err, names) => {
    assert.ifError(err);
    assert.strictEqual(names.length, count);
    let left = names.length;
    for (const name of names) {
      fs.unlink(path.join(dir, name), (err) => {
        assert.ifError(err);
        if (--left === 0) done();
      });
    }
  });
}

writeAll(() => readAll(() => openReadClose(() => statMany(() => readdirAndUnlink(() => {
  assert.deepStrictEqual(fs.readdirSync(dir), []);
  fs.rmdirSync(dir);
  finished = true;
})))));
