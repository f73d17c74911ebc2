'use strict';
// fs.opendir / opendirSync / fs.promises.opendir and fs.Dir: sync, callback, promise and
// async-iterator reads, buffer sizes, encodings, recursive, one operation at a time, errors.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-dir-'));
const j = (...parts) => path.join(dir, ...parts);
const names = [];
for (let i = 0; i < 50; i++) {
  names.push(`file${i}`);
  fs.writeFileSync(j(`file${i}`), '');
}
fs.mkdirSync(j('sub', 'deeper'), { recursive: true });
fs.writeFileSync(j('sub', 'inner'), '');
fs.symlinkSync('file0', j('link'));
const top = [...names, 'link', 'sub'].sort();

async function main() {
  // Sync.
  const d = fs.opendirSync(dir);
  assert.ok(d instanceof fs.Dir);
  assert.strictEqual(d.path, dir);
  const seen = [];
  let ent;
  while ((ent = d.readSync()) !== null) {
    assert.ok(ent instanceof fs.Dirent);
    assert.strictEqual(ent.parentPath, dir);
    assert.strictEqual(ent.isDirectory(), ent.name === 'sub');
    assert.strictEqual(ent.isSymbolicLink(), ent.name === 'link');
    assert.strictEqual(ent.isFile(), ent.name.startsWith('file'));
    seen.push(ent.name);
  }
  assert.deepStrictEqual(seen.sort(), top);
  assert.strictEqual(d.readSync(), null);
  d.closeSync();
  assert.throws(() => d.closeSync(), {
    code: 'ERR_DIR_CLOSED', message: 'Directory handle was closed',
  });
  assert.throws(() => d.readSync(), { code: 'ERR_DIR_CLOSED' });
  await assert.rejects(d.close(), { code: 'ERR_DIR_CLOSED' });

  // Callbacks, with a small buffer.
  await new Promise((resolve) => {
    fs.opendir(dir, { bufferSize: 3 }, (err, d2) => {
      assert.strictEqual(err, null);
      const got = [];
      const next = () => d2.read((err, e) => {
        assert.strictEqual(err, null);
        if (e === null) {
          assert.deepStrictEqual(got.sort(), top);
          d2.close((err) => {
            assert.ok(err == null);
            resolve();
          });
          return;
        }
        got.push(e.name);
        next();
      });
      next();
      // A second operation while one is pending waits its turn; sync work is refused.
      assert.throws(() => d2.readSync(), {
        code: 'ERR_DIR_CONCURRENT_OPERATION',
        message: 'Cannot do synchronous work on directory handle with concurrent ' +
                 'asynchronous operations',
      });
    });
  });

  // Promises and async iteration (which closes the Dir).
  const d3 = await fs.promises.opendir(dir, { bufferSize: 1 });
  const first = await d3.read();
  assert.ok(top.includes(first.name));
  const rest = [];
  for await (const e of d3) rest.push(e.name);
  assert.deepStrictEqual([first.name, ...rest].sort(), top);
  await assert.rejects(d3.close(), { code: 'ERR_DIR_CLOSED' });

  // Encodings and recursion.
  const d4 = fs.opendirSync(j('sub'), { encoding: 'buffer' });
  const bufNames = [];
  while ((ent = d4.readSync()) !== null) bufNames.push(ent.name);
  assert.ok(bufNames.every(Buffer.isBuffer));
  assert.deepStrictEqual(bufNames.map(String).sort(), ['deeper', 'inner']);
  await d4.close();
  const d5 = fs.opendirSync(dir, { recursive: true });
  const all = [];
  while ((ent = d5.readSync()) !== null) {
    all.push(path.relative(dir, path.join(ent.parentPath, ent.name)));
  }
  d5.closeSync();
  assert.deepStrictEqual(all.sort(), [...top, 'sub/deeper', 'sub/inner'].sort());

  // Errors: sync ones name no path (as node), async ones do.
  assert.throws(() => fs.opendirSync(j('missing')), {
    code: 'ENOENT', errno: -2, syscall: 'opendir',
    message: 'ENOENT: no such file or directory, opendir',
  });
  assert.throws(() => fs.opendirSync(j('file0')), { code: 'ENOTDIR', syscall: 'opendir' });
  await new Promise((resolve) => fs.opendir(j('missing'), (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.path, j('missing'));
    assert.strictEqual(err.message, `ENOENT: no such file or directory, opendir '${j('missing')}'`);
    resolve();
  }));
  await assert.rejects(fs.promises.opendir(j('missing')), { code: 'ENOENT', syscall: 'opendir' });
  assert.throws(() => fs.opendirSync(dir, { bufferSize: 0 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.bufferSize" is out of range. It must be >= 1 && ' +
             '<= 4294967295. Received 0',
  });
  assert.throws(() => fs.opendir(dir), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.opendirSync(42), { code: 'ERR_INVALID_ARG_TYPE' });
}

let done = false;
main().then(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  done = true;
});
process.on('exit', () => assert.ok(done));
