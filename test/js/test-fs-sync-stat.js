'use strict';
// fs sync stat family: Stats / BigIntStats shape and values, is*() methods, Date fields,
// throwIfNoEntry, lstat of links, fstat, utimes/futimes/lutimes, statfs, fs.Stats.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-stat-'));
const file = path.join(dir, 'f');
const link = path.join(dir, 'l');

const numberKeys = [
  'dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks',
  'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs',
];
const dateKeys = ['atime', 'mtime', 'ctime', 'birthtime'];

try {
  fs.writeFileSync(file, '12345');
  fs.symlinkSync('f', link);

  const st = fs.statSync(file);
  assert.ok(st instanceof fs.Stats);
  assert.strictEqual(st.constructor.name, 'Stats');
  assert.deepStrictEqual(Object.keys(st), [...numberKeys, ...dateKeys]);
  for (const key of numberKeys) assert.strictEqual(typeof st[key], 'number', key);
  for (const key of dateKeys) assert.ok(st[key] instanceof Date, key);
  assert.strictEqual(st.size, 5);
  assert.strictEqual(st.nlink, 1);
  assert.strictEqual(st.mtime.getTime(), Math.round(st.mtimeMs));
  assert.ok(st.isFile());
  assert.ok(!st.isDirectory());
  assert.ok(!st.isSymbolicLink());
  assert.ok(!st.isFIFO());
  assert.ok(!st.isSocket());
  assert.ok(!st.isBlockDevice());
  assert.ok(!st.isCharacterDevice());
  assert.strictEqual(st.mode & fs.constants.S_IFMT, fs.constants.S_IFREG);
  if (process.getuid) assert.strictEqual(st.uid, process.getuid());

  // Directories, links, character devices.
  assert.ok(fs.statSync(dir).isDirectory());
  assert.ok(fs.statSync(link).isFile());
  assert.strictEqual(fs.statSync(link).ino, st.ino);
  const lst = fs.lstatSync(link);
  assert.ok(lst.isSymbolicLink());
  assert.ok(!lst.isFile());
  assert.strictEqual(lst.size, 1);  // The length of the target 'f'.
  assert.ok(fs.statSync('/dev/null').isCharacterDevice());

  // fstat agrees with stat.
  const fd = fs.openSync(file, 'r');
  const fst = fs.fstatSync(fd);
  assert.strictEqual(fst.ino, st.ino);
  assert.strictEqual(fst.dev, st.dev);
  assert.strictEqual(fst.size, 5);
  assert.strictEqual(fs.fstatSync(fd, { bigint: true }).ino, BigInt(st.ino));

  // BigInt stats.
  const big = fs.statSync(file, { bigint: true });
  assert.strictEqual(big.constructor.name, 'BigIntStats');
  assert.deepStrictEqual(Object.keys(big), [
    ...numberKeys, 'atimeNs', 'mtimeNs', 'ctimeNs', 'birthtimeNs', ...dateKeys,
  ]);
  for (const key of numberKeys) assert.strictEqual(typeof big[key], 'bigint', key);
  assert.strictEqual(big.size, 5n);
  assert.strictEqual(big.ino, BigInt(st.ino));
  assert.strictEqual(big.mtimeMs, big.mtimeNs / 1000000n);
  assert.ok(big.isFile());
  assert.ok(!big.isDirectory());
  assert.ok(fs.lstatSync(link, { bigint: true }).isSymbolicLink());
  assert.ok(big.mtime instanceof Date);

  // utimes / futimes / lutimes, with numbers, strings and Dates.
  fs.utimesSync(file, 1000, 2000.5);
  let t = fs.statSync(file);
  assert.strictEqual(t.atimeMs, 1000000);
  assert.strictEqual(t.mtimeMs, 2000500);
  assert.strictEqual(t.mtime.toISOString(), '1970-01-01T00:33:20.500Z');
  assert.strictEqual(fs.statSync(file, { bigint: true }).mtimeNs, 2000500000000n);
  fs.utimesSync(file, new Date('2020-01-02T03:04:05.678Z'), '1234567890');
  t = fs.statSync(file);
  assert.strictEqual(t.atime.toISOString(), '2020-01-02T03:04:05.678Z');
  assert.strictEqual(t.mtimeMs, 1234567890000);
  fs.futimesSync(fd, 10, 20);
  assert.strictEqual(fs.fstatSync(fd).mtimeMs, 20000);
  fs.lutimesSync(link, 30, 40);
  assert.strictEqual(fs.lstatSync(link).mtimeMs, 40000);
  assert.strictEqual(fs.statSync(file).mtimeMs, 20000);
  fs.closeSync(fd);
  assert.throws(() => fs.utimesSync(file, 'x', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "time" argument must be an instance of Date or an Time in seconds. ' +
             "Received type string ('x')",
  });

  // throwIfNoEntry.
  const missing = path.join(dir, 'missing');
  assert.strictEqual(fs.statSync(missing, { throwIfNoEntry: false }), undefined);
  assert.strictEqual(fs.lstatSync(missing, { throwIfNoEntry: false }), undefined);
  assert.throws(() => fs.statSync(path.join(file, 'x'), { throwIfNoEntry: false }), {
    code: 'ENOTDIR', syscall: 'stat',
  });
  assert.throws(() => fs.statSync(missing), {
    code: 'ENOENT', syscall: 'stat', errno: -2, path: missing,
    message: `ENOENT: no such file or directory, stat '${missing}'`,
  });
  assert.throws(() => fs.lstatSync(missing), {
    code: 'ENOENT', syscall: 'lstat', path: missing,
    message: `ENOENT: no such file or directory, lstat '${missing}'`,
  });
  assert.throws(() => fs.statSync(missing, { bigint: true }), { code: 'ENOENT' });
  assert.throws(() => fs.fstatSync(2 ** 30), {
    code: 'EBADF', syscall: 'fstat', message: 'EBADF: bad file descriptor, fstat',
  });
  assert.throws(() => fs.fstatSync('1'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.statSync(null), { code: 'ERR_INVALID_ARG_TYPE' });

  // statfs.
  const sfs = fs.statfsSync(dir);
  assert.deepStrictEqual(Object.keys(sfs),
                         ['type', 'bsize', 'blocks', 'bfree', 'bavail', 'files', 'ffree']);
  assert.ok(sfs.bsize > 0);
  assert.strictEqual(typeof fs.statfsSync(dir, { bigint: true }).blocks, 'bigint');
  assert.throws(() => fs.statfsSync(missing), { code: 'ENOENT', syscall: 'statfs' });

  // The Stats constructor, as node's.
  const made = new fs.Stats(1, fs.constants.S_IFDIR, 3, 4, 5, 6, 7, 8, 9, 10, 0, 1000, 2000, 3000);
  assert.ok(made.isDirectory());
  assert.strictEqual(made.mtime.getTime(), 1000);
  assert.strictEqual(fs.Stats.length, 14);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
