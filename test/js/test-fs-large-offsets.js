'use strict';
// Offsets past 2 GiB and 4 GiB (a sparse file), as numbers and as BigInt, in every style;
// sizes and stats beyond 32 bits.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-large-'));
const file = path.join(dir, 'sparse');
const at3G = 3 * 2 ** 30;
const at5G = 5 * 2 ** 30 + 1;

async function main() {
  const fd = fs.openSync(file, 'w+');
  assert.strictEqual(fs.writeSync(fd, 'three', at3G), 5);
  assert.strictEqual(fs.writeSync(fd, Buffer.from('five'), 0, 4, at5G), 4);
  const st = fs.fstatSync(fd);
  assert.strictEqual(st.size, at5G + 4);
  assert.strictEqual(fs.fstatSync(fd, { bigint: true }).size, BigInt(at5G + 4));
  const buf = Buffer.alloc(5);
  assert.strictEqual(fs.readSync(fd, buf, 0, 5, at3G), 5);
  assert.strictEqual(buf.toString(), 'three');
  assert.strictEqual(fs.readSync(fd, buf, 0, 4, BigInt(at5G)), 4);
  assert.strictEqual(buf.toString('utf8', 0, 4), 'five');
  // A hole reads as zeros.
  assert.strictEqual(fs.readSync(fd, buf, 0, 5, 2 ** 32), 5);
  assert.deepStrictEqual([...buf], [0, 0, 0, 0, 0]);

  // Callback and promise forms.
  await new Promise((resolve) => fs.read(fd, Buffer.alloc(5), 0, 5, BigInt(at3G), (err, n, b) => {
    assert.ifError(err);
    assert.strictEqual(b.toString('utf8', 0, n), 'three');
    resolve();
  }));
  await new Promise((resolve) => fs.write(fd, 'later', at5G + 4, (err, n) => {
    assert.ifError(err);
    assert.strictEqual(n, 5);
    resolve();
  }));
  const fh = await fs.promises.open(file, 'r');
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(9), 0, 9, at5G);
  assert.strictEqual(buffer.toString('utf8', 0, bytesRead), 'fivelater');
  assert.strictEqual((await fh.stat({ bigint: true })).size, BigInt(at5G + 9));
  await fh.close();

  // Streams with start past 4 GiB.
  const parts = [];
  for await (const chunk of fs.createReadStream(file, { start: at5G, end: at5G + 8 })) {
    parts.push(chunk);
  }
  assert.strictEqual(Buffer.concat(parts).toString(), 'fivelater');

  // Whole-file reads of a file over 2 GiB fail before reading, in every style.
  const tooLarge = {
    code: 'ERR_FS_FILE_TOO_LARGE', name: 'RangeError',
    message: `File size (${at5G + 9}) is greater than 2 GiB`,
  };
  assert.throws(() => fs.readFileSync(file), tooLarge);
  assert.throws(() => fs.readFileSync(file, 'latin1'), tooLarge);
  await new Promise((resolve) => fs.readFile(file, (err) => {
    assert.strictEqual(err.code, tooLarge.code);
    assert.strictEqual(err.message, tooLarge.message);
    resolve();
  }));
  await assert.rejects(fs.promises.readFile(file), tooLarge);

  // Truncation to a size above 4 GiB and back.
  fs.ftruncateSync(fd, 2 ** 32 + 10);
  assert.strictEqual(fs.statSync(file).size, 2 ** 32 + 10);
  fs.closeSync(fd);
  fs.truncateSync(file, 0);
  assert.strictEqual(fs.statSync(file).size, 0);

  assert.throws(() => fs.readSync(0, Buffer.alloc(1), 0, 1, 2n ** 63n), {
    code: 'ERR_OUT_OF_RANGE',
  });
  assert.throws(() => fs.readSync(0, Buffer.alloc(1), 0, 1, 1.5), { code: 'ERR_OUT_OF_RANGE' });
}

let done = false;
main().then(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  done = true;
});
process.on('exit', () => assert.ok(done));
