'use strict';
// fs.cp / fs.cpSync / fs.promises.cp: recursive trees with files, links and modes, filter,
// force/errorOnExist, preserveTimestamps, dereference, and node's ERR_FS_CP_* errors.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-cp-'));
const j = (...parts) => path.join(dir, ...parts);

// src/ a.txt, sub/b.txt (0o600), sub/deep/c.txt, link -> a.txt
fs.mkdirSync(j('src', 'sub', 'deep'), { recursive: true });
fs.writeFileSync(j('src', 'a.txt'), 'A');
fs.writeFileSync(j('src', 'sub', 'b.txt'), 'B');
fs.chmodSync(j('src', 'sub', 'b.txt'), 0o600);
fs.writeFileSync(j('src', 'sub', 'deep', 'c.txt'), 'C');
fs.symlinkSync('a.txt', j('src', 'link'));
fs.utimesSync(j('src', 'a.txt'), 1000, 2000);

function tree(root) {
  const out = [];
  for (const name of fs.readdirSync(root, { recursive: true }).sort()) {
    const p = path.join(root, name);
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) out.push(`${name} -> ${path.basename(fs.readlinkSync(p))}`);
    else if (st.isDirectory()) out.push(`${name}/`);
    else out.push(`${name} ${fs.readFileSync(p, 'utf8')} ${(st.mode & 0o777).toString(8)}`);
  }
  return out;
}
const expected = tree(j('src'));

async function main() {
  // cpSync.
  fs.cpSync(j('src'), j('sync'), { recursive: true });
  assert.deepStrictEqual(tree(j('sync')), expected);
  // Relative links are made absolute (to the source's target) unless verbatimSymlinks.
  assert.strictEqual(fs.readlinkSync(j('sync', 'link')), j('src', 'a.txt'));
  fs.cpSync(j('src'), j('verbatim'), { recursive: true, verbatimSymlinks: true });
  assert.strictEqual(fs.readlinkSync(j('verbatim', 'link')), 'a.txt');
  assert.throws(() => fs.cpSync(j('src'), j('norec')), (err) => {
    assert.strictEqual(err.code, 'ERR_FS_EISDIR');
    assert.strictEqual(err.message,
                       `Path is a directory: cp returned EISDIR ` +
                       `(${j('src')} is a directory (not copied)) ${j('src')}`);
    return true;
  });
  fs.cpSync(j('src', 'a.txt'), j('single.txt'));
  assert.strictEqual(fs.readFileSync(j('single.txt'), 'utf8'), 'A');
  fs.writeFileSync(j('single.txt'), 'changed');
  fs.cpSync(j('src', 'a.txt'), j('single.txt'), { force: false });
  assert.strictEqual(fs.readFileSync(j('single.txt'), 'utf8'), 'changed');
  assert.throws(() => fs.cpSync(j('src', 'a.txt'), j('single.txt'),
                                { force: false, errorOnExist: true }), {
    code: 'ERR_FS_CP_EEXIST',
  });
  fs.cpSync(j('src', 'a.txt'), j('single.txt'));
  assert.strictEqual(fs.readFileSync(j('single.txt'), 'utf8'), 'A');
  fs.cpSync(j('src', 'a.txt'), j('kept.txt'), { preserveTimestamps: true });
  assert.strictEqual(fs.statSync(j('kept.txt')).mtimeMs, 2000000);
  fs.cpSync(j('src'), j('filtered'), {
    recursive: true,
    filter: (src) => !src.endsWith('b.txt'),
  });
  assert.ok(!fs.existsSync(j('filtered', 'sub', 'b.txt')));
  assert.ok(fs.existsSync(j('filtered', 'sub', 'deep', 'c.txt')));
  fs.cpSync(j('src'), j('deref'), { recursive: true, dereference: true });
  assert.ok(fs.lstatSync(j('deref', 'link')).isFile());
  assert.throws(() => fs.cpSync(j('src'), j('src', 'sub', 'inside'), { recursive: true }), {
    code: 'ERR_FS_CP_EINVAL',
  });
  assert.throws(() => fs.cpSync(j('src'), j('src')), { code: 'ERR_FS_CP_EINVAL' });
  assert.throws(() => fs.cpSync(j('src'), j('single.txt'), { recursive: true }), {
    code: 'ERR_FS_CP_DIR_TO_NON_DIR',
  });
  assert.throws(() => fs.cpSync(j('missing'), j('x')), { code: 'ENOENT' });
  assert.throws(() => fs.cpSync(j('src'), j('x'), { recursive: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
  });

  // fs.cp (callback).
  await new Promise((resolve) => fs.cp(j('src'), j('cb'), { recursive: true }, (err) => {
    assert.ifError(err);
    assert.deepStrictEqual(tree(j('cb')), expected);
    resolve();
  }));
  await new Promise((resolve) => fs.cp(j('src'), j('cb2'), (err) => {
    assert.strictEqual(err.code, 'ERR_FS_EISDIR');
    resolve();
  }));

  // fs.promises.cp.
  await fs.promises.cp(j('src'), j('prom'), { recursive: true });
  assert.deepStrictEqual(tree(j('prom')), expected);
  await fs.promises.cp(j('src'), j('prom-filter'), {
    recursive: true,
    filter: async (src) => !src.endsWith('deep'),
  });
  assert.ok(!fs.existsSync(j('prom-filter', 'sub', 'deep')));
  await assert.rejects(fs.promises.cp(j('src'), j('src', 'sub', 'x'), { recursive: true }), {
    code: 'ERR_FS_CP_EINVAL',
  });
  await assert.rejects(fs.promises.cp(j('missing'), j('y')), { code: 'ENOENT' });
}

let done = false;
main().then(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  done = true;
});
process.on('exit', () => assert.ok(done));
