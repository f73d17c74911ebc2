'use strict';
// fs sync directories: mkdirSync (recursive, first created, modes), readdirSync (encodings,
// withFileTypes/Dirent, recursive), rmdirSync, rmSync (recursive, force), mkdtempSync.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-dirs-'));
const j = (...parts) => path.join(dir, ...parts);

try {
  assert.ok(path.basename(dir).startsWith('ringjs-fs-dirs-'));
  assert.strictEqual(path.basename(dir).length, 'ringjs-fs-dirs-'.length + 6);
  assert.ok(fs.statSync(dir).isDirectory());

  // mkdirSync.
  assert.strictEqual(fs.mkdirSync(j('a')), undefined);
  assert.strictEqual(fs.mkdirSync(j('b', 'c', 'd'), { recursive: true }), j('b'));
  assert.strictEqual(fs.mkdirSync(j('b', 'c', 'e'), { recursive: true }), j('b', 'c', 'e'));
  assert.strictEqual(fs.mkdirSync(j('b', 'c'), { recursive: true }), undefined);
  assert.strictEqual(fs.mkdirSync(j('b', 'x/'), { recursive: true }), j('b', 'x/'));
  fs.mkdirSync(j('m'), 0o700);
  assert.strictEqual(fs.statSync(j('m')).mode & 0o777, 0o700);
  fs.mkdirSync(j('m2'), { mode: '750' });
  assert.strictEqual(fs.statSync(j('m2')).mode & 0o777, 0o750 & ~(process.umask ? process.umask() : 0o022));
  assert.throws(() => fs.mkdirSync(j('a')), {
    code: 'EEXIST', syscall: 'mkdir', errno: -17, path: j('a'),
    message: `EEXIST: file already exists, mkdir '${j('a')}'`,
  });
  assert.throws(() => fs.mkdirSync(j('no', 'parent')), {
    code: 'ENOENT', syscall: 'mkdir',
    message: `ENOENT: no such file or directory, mkdir '${j('no', 'parent')}'`,
  });
  fs.writeFileSync(j('file'), 'x');
  assert.throws(() => fs.mkdirSync(j('file'), { recursive: true }), {
    code: 'EEXIST', syscall: 'mkdir', path: j('file'),
    message: `EEXIST: file already exists, mkdir '${j('file')}'`,
  });
  assert.throws(() => fs.mkdirSync(j('file', 'sub', 'dir'), { recursive: true }), {
    code: 'ENOTDIR', syscall: 'mkdir', path: j('file', 'sub', 'dir'),
    message: `ENOTDIR: not a directory, mkdir '${j('file', 'sub', 'dir')}'`,
  });
  assert.throws(() => fs.mkdirSync(j('z'), { recursive: 'yes' }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.recursive" property must be of type boolean. ' +
             "Received type string ('yes')",
  });

  // readdirSync: sorted names, encodings, Dirents.
  assert.deepStrictEqual(fs.readdirSync(dir), ['a', 'b', 'file', 'm', 'm2']);
  assert.deepStrictEqual(fs.readdirSync(j('a')), []);
  assert.deepStrictEqual(fs.readdirSync(j('b'), 'buffer'), [Buffer.from('c'), Buffer.from('x')]);
  assert.deepStrictEqual(fs.readdirSync(j('b'), { encoding: 'hex' }), ['63', '78']);
  assert.deepStrictEqual(fs.readdirSync(Buffer.from(j('b'))), ['c', 'x']);
  const dirents = fs.readdirSync(dir, { withFileTypes: true });
  assert.deepStrictEqual(dirents.map((d) => d.name), ['a', 'b', 'file', 'm', 'm2']);
  for (const d of dirents) {
    assert.ok(d instanceof fs.Dirent);
    assert.strictEqual(d.path, dir);
    assert.strictEqual(d.parentPath, dir);
    assert.strictEqual(d.isDirectory(), d.name !== 'file');
    assert.strictEqual(d.isFile(), d.name === 'file');
    assert.strictEqual(d.isSymbolicLink(), false);
  }
  fs.symlinkSync('file', j('link'));
  const linkDirent = fs.readdirSync(dir, { withFileTypes: true }).find((d) => d.name === 'link');
  assert.ok(linkDirent.isSymbolicLink());
  assert.ok(!linkDirent.isFile());
  assert.deepStrictEqual(
    fs.readdirSync(j('b'), { withFileTypes: true, encoding: 'buffer' }).map((d) => d.name),
    [Buffer.from('c'), Buffer.from('x')]);
  assert.deepStrictEqual(fs.readdirSync(j('b'), { recursive: true }).sort(),
                         ['c', 'c/d', 'c/e', 'x'].map((p) => path.normalize(p)));
  assert.deepStrictEqual(
    fs.readdirSync(j('b'), { recursive: true, withFileTypes: true })
      .map((d) => path.relative(j('b'), path.join(d.parentPath, d.name))).sort(),
    ['c', 'c/d', 'c/e', 'x']);
  assert.throws(() => fs.readdirSync(j('file')), {
    code: 'ENOTDIR', syscall: 'scandir', errno: -20, path: j('file'),
    message: `ENOTDIR: not a directory, scandir '${j('file')}'`,
  });
  assert.throws(() => fs.readdirSync(j('nope')), {
    code: 'ENOENT', syscall: 'scandir',
    message: `ENOENT: no such file or directory, scandir '${j('nope')}'`,
  });
  assert.throws(() => fs.readdirSync(dir, { recursive: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });

  // rmdirSync.
  fs.rmdirSync(j('a'));
  assert.ok(!fs.existsSync(j('a')));
  assert.throws(() => fs.rmdirSync(j('b')), {
    code: 'ENOTEMPTY', syscall: 'rmdir', errno: -39, path: j('b'),
    message: `ENOTEMPTY: directory not empty, rmdir '${j('b')}'`,
  });
  assert.throws(() => fs.rmdirSync(j('file')), {
    code: 'ENOTDIR', syscall: 'rmdir',
    message: `ENOTDIR: not a directory, rmdir '${j('file')}'`,
  });
  assert.throws(() => fs.rmdirSync(j('a')), { code: 'ENOENT', syscall: 'rmdir' });

  // rmSync.
  assert.throws(() => fs.rmSync(j('b')), (err) => {
    assert.strictEqual(err.code, 'ERR_FS_EISDIR');
    assert.strictEqual(err.name, 'SystemError');
    assert.strictEqual(err.message, `Path is a directory: rm returned EISDIR (is a directory) ${j('b')}`);
    assert.strictEqual(err.errno, 21);
    assert.strictEqual(err.syscall, 'rm');
    assert.strictEqual(err.path, j('b'));
    return true;
  });
  assert.throws(() => fs.rmSync(j('nope')), {
    code: 'ENOENT', syscall: 'lstat',
    message: `ENOENT: no such file or directory, lstat '${j('nope')}'`,
  });
  fs.rmSync(j('nope'), { force: true });
  fs.rmSync(j('nope'), { force: true, recursive: true });
  fs.rmSync(j('link'));
  assert.ok(fs.existsSync(j('file')));
  fs.rmSync(j('file'));
  assert.ok(!fs.existsSync(j('file')));
  // A tree with files, links and a name that is not valid UTF-8.
  fs.writeFileSync(j('b', 'c', 'd', 'f1'), 'x');
  fs.writeFileSync(j('b', 'c', 'f2'), 'y');
  fs.symlinkSync(dir, j('b', 'c', 'up'));
  fs.writeFileSync(Buffer.concat([Buffer.from(j('b', 'x') + '/'), Buffer.from([0xff, 0xfe])]), 'z');
  fs.rmSync(j('b'), { recursive: true });
  assert.ok(!fs.existsSync(j('b')));
  assert.ok(fs.existsSync(dir));
  assert.throws(() => fs.rmSync(j('x'), { force: 'yes' }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.rmSync(j('x'), { maxRetries: -1 }), { code: 'ERR_OUT_OF_RANGE' });

  // rmdirSync recursive (deprecated in node, still works).
  fs.mkdirSync(j('r', 's'), { recursive: true });
  fs.writeFileSync(j('r', 's', 't'), 'x');
  process.noDeprecation = true;
  fs.rmdirSync(j('r'), { recursive: true });
  assert.ok(!fs.existsSync(j('r')));

  // mkdtempSync.
  const t1 = fs.mkdtempSync(j('tmp-'));
  const t2 = fs.mkdtempSync(j('tmp-'));
  assert.notStrictEqual(t1, t2);
  assert.match(path.basename(t1), /^tmp-[A-Za-z0-9]{6}$/);
  assert.ok(fs.statSync(t1).isDirectory());
  assert.strictEqual(fs.statSync(t1).mode & 0o777, 0o700);
  const tb = fs.mkdtempSync(j('tmpb-'), 'buffer');
  assert.ok(Buffer.isBuffer(tb));
  assert.ok(tb.toString().startsWith(j('tmpb-')));
  assert.throws(() => fs.mkdtempSync(j('nope', 'x-')), {
    code: 'ENOENT', syscall: 'mkdtemp', path: j('nope', 'x-XXXXXX'),
    message: `ENOENT: no such file or directory, mkdtemp '${j('nope', 'x-XXXXXX')}'`,
  });
  assert.throws(() => fs.mkdtempSync(5), { code: 'ERR_INVALID_ARG_TYPE' });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
assert.ok(!fs.existsSync(dir));
