'use strict';
// fs callback API errors: node's code/errno/syscall/path/dest/message reach the callback
// (never thrown), argument errors are thrown synchronously, and every callback runs once.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-cberr-'));
const j = (...parts) => path.join(dir, ...parts);
fs.writeFileSync(j('file'), 'x');
fs.mkdirSync(j('sub'));
fs.writeFileSync(j('sub', 'inner'), 'y');
const missing = j('missing');
const badFd = 2 ** 30;

let pending = 0;
function expectError(name, start, expected) {
  pending++;
  let calls = 0;
  let sync = true;
  start((err, ...rest) => {
    calls++;
    assert.strictEqual(calls, 1, `${name}: callback called twice`);
    assert.ok(!sync, `${name}: callback called synchronously`);
    assert.ok(err instanceof Error, `${name}: ${err}`);
    for (const [key, value] of Object.entries(expected)) {
      if (value instanceof RegExp) {
        assert.match(err[key], value, `${name}: ${key}`);
      } else {
        assert.strictEqual(err[key], value, `${name}: ${key}`);
      }
    }
    if (typeof expected.message === 'string') {
      assert.strictEqual(err.stack.split('\n')[0], `Error: ${expected.message}`, name);
    }
    assert.ok(rest.every((v) => v === undefined || v === 0 || typeof v === 'string' ||
                         typeof v === 'object'), name);
    if (--pending === 0) finish();
  });
  sync = false;
}

function finish() {
  fs.rmSync(dir, { recursive: true, force: true });
  finished = true;
}
let finished = false;
process.on('exit', () => assert.ok(finished, `${pending} callbacks did not run`));

const enoent = (syscall, p) => ({
  code: 'ENOENT', errno: -2, syscall, path: p,
  message: `ENOENT: no such file or directory, ${syscall} '${p}'`,
});
const ebadf = (syscall) => ({
  code: 'EBADF', errno: -9, syscall, message: `EBADF: bad file descriptor, ${syscall}`,
});

expectError('open', (cb) => fs.open(missing, cb), enoent('open', missing));
expectError('open wx', (cb) => fs.open(j('file'), 'wx', cb), {
  code: 'EEXIST', errno: -17, syscall: 'open', path: j('file'),
  message: `EEXIST: file already exists, open '${j('file')}'`,
});
expectError('stat', (cb) => fs.stat(missing, cb), enoent('stat', missing));
expectError('stat bigint', (cb) => fs.stat(missing, { bigint: true }, cb), enoent('stat', missing));
expectError('lstat', (cb) => fs.lstat(missing, cb), enoent('lstat', missing));
expectError('stat ENOTDIR', (cb) => fs.stat(j('file', 'x'), cb), {
  code: 'ENOTDIR', errno: -20, syscall: 'stat', path: j('file', 'x'),
  message: `ENOTDIR: not a directory, stat '${j('file', 'x')}'`,
});
expectError('access', (cb) => fs.access(missing, cb), enoent('access', missing));
expectError('readFile', (cb) => fs.readFile(missing, cb), enoent('open', missing));
expectError('readFile utf8', (cb) => fs.readFile(missing, 'utf8', cb), enoent('open', missing));
expectError('readFile dir', (cb) => fs.readFile(dir, cb), {
  code: 'EISDIR', errno: -21, syscall: 'read',
  message: 'EISDIR: illegal operation on a directory, read',
});
expectError('writeFile', (cb) => fs.writeFile(j('no', 'such'), 'x', cb),
            enoent('open', j('no', 'such')));
expectError('appendFile', (cb) => fs.appendFile(dir, 'x', cb), {
  code: 'EISDIR', syscall: 'open', path: dir,
  message: `EISDIR: illegal operation on a directory, open '${dir}'`,
});
expectError('readdir', (cb) => fs.readdir(missing, cb), enoent('scandir', missing));
expectError('readdir types', (cb) => fs.readdir(j('file'), { withFileTypes: true }, cb), {
  code: 'ENOTDIR', syscall: 'scandir', path: j('file'),
  message: `ENOTDIR: not a directory, scandir '${j('file')}'`,
});
expectError('mkdir', (cb) => fs.mkdir(j('sub'), cb), {
  code: 'EEXIST', errno: -17, syscall: 'mkdir', path: j('sub'),
  message: `EEXIST: file already exists, mkdir '${j('sub')}'`,
});
expectError('mkdir recursive', (cb) => fs.mkdir(j('file', 'a', 'b'), { recursive: true }, cb), {
  code: 'ENOTDIR', syscall: 'mkdir', path: j('file', 'a', 'b'),
  message: `ENOTDIR: not a directory, mkdir '${j('file', 'a', 'b')}'`,
});
expectError('rmdir', (cb) => fs.rmdir(j('sub'), cb), {
  code: 'ENOTEMPTY', errno: -39, syscall: 'rmdir', path: j('sub'),
  message: `ENOTEMPTY: directory not empty, rmdir '${j('sub')}'`,
});
expectError('unlink', (cb) => fs.unlink(missing, cb), enoent('unlink', missing));
expectError('unlink dir', (cb) => fs.unlink(j('sub'), cb), {
  code: 'EISDIR', errno: -21, syscall: 'unlink', path: j('sub'),
  message: `EISDIR: illegal operation on a directory, unlink '${j('sub')}'`,
});
expectError('rename', (cb) => fs.rename(missing, j('x'), cb), {
  code: 'ENOENT', syscall: 'rename', path: missing, dest: j('x'),
  message: `ENOENT: no such file or directory, rename '${missing}' -> '${j('x')}'`,
});
expectError('link', (cb) => fs.link(missing, j('x'), cb), {
  code: 'ENOENT', syscall: 'link', path: missing, dest: j('x'),
  message: `ENOENT: no such file or directory, link '${missing}' -> '${j('x')}'`,
});
expectError('symlink', (cb) => fs.symlink('t', j('file'), cb), {
  code: 'EEXIST', syscall: 'symlink', path: 't', dest: j('file'),
  message: `EEXIST: file already exists, symlink 't' -> '${j('file')}'`,
});
expectError('readlink', (cb) => fs.readlink(j('file'), cb), {
  code: 'EINVAL', errno: -22, syscall: 'readlink', path: j('file'),
  message: `EINVAL: invalid argument, readlink '${j('file')}'`,
});
expectError('realpath', (cb) => fs.realpath(missing, cb), enoent('lstat', missing));
expectError('realpath.native', (cb) => fs.realpath.native(missing, cb),
            enoent('realpath', missing));
expectError('copyFile', (cb) => fs.copyFile(missing, j('x'), cb), {
  code: 'ENOENT', syscall: 'copyfile', path: missing, dest: j('x'),
  message: `ENOENT: no such file or directory, copyfile '${missing}' -> '${j('x')}'`,
});
expectError('chmod', (cb) => fs.chmod(missing, 0o644, cb), enoent('chmod', missing));
expectError('chown', (cb) => fs.chown(missing, 0, 0, cb), enoent('chown', missing));
expectError('lchown', (cb) => fs.lchown(missing, 0, 0, cb), enoent('lchown', missing));
expectError('utimes', (cb) => fs.utimes(missing, 1, 1, cb), enoent('utime', missing));
expectError('lutimes', (cb) => fs.lutimes(missing, 1, 1, cb), enoent('lutime', missing));
expectError('truncate', (cb) => fs.truncate(missing, cb), enoent('open', missing));
// As node: the path of an async mkdtemp error is the template as mkdtemp(3) filled it in.
expectError('mkdtemp', (cb) => fs.mkdtemp(j('no', 'x-'), cb), {
  code: 'ENOENT', syscall: 'mkdtemp', path: /\/no\/x-[A-Za-z0-9]{6}$/,
  message: /^ENOENT: no such file or directory, mkdtemp '.*\/no\/x-[A-Za-z0-9]{6}'$/,
});
expectError('rm', (cb) => fs.rm(missing, cb), enoent('lstat', missing));
expectError('statfs', (cb) => fs.statfs(missing, cb), enoent('statfs', missing));
expectError('close', (cb) => fs.close(badFd, cb), ebadf('close'));
expectError('fstat', (cb) => fs.fstat(badFd, cb), ebadf('fstat'));
expectError('read', (cb) => fs.read(badFd, Buffer.alloc(2), 0, 2, 0, cb), ebadf('read'));
expectError('readv', (cb) => fs.readv(badFd, [Buffer.alloc(2)], cb), ebadf('read'));
expectError('write', (cb) => fs.write(badFd, 'x', cb), ebadf('write'));
expectError('write buffer', (cb) => fs.write(badFd, Buffer.from('x'), cb), ebadf('write'));
expectError('writev', (cb) => fs.writev(badFd, [Buffer.from('x')], cb), ebadf('write'));
expectError('fsync', (cb) => fs.fsync(badFd, cb), ebadf('fsync'));
expectError('fdatasync', (cb) => fs.fdatasync(badFd, cb), ebadf('fdatasync'));
expectError('ftruncate', (cb) => fs.ftruncate(badFd, cb), ebadf('ftruncate'));
expectError('fchmod', (cb) => fs.fchmod(badFd, 0o644, cb), ebadf('fchmod'));
expectError('fchown', (cb) => fs.fchown(badFd, 0, 0, cb), ebadf('fchown'));
expectError('futimes', (cb) => fs.futimes(badFd, 1, 1, cb), ebadf('futime'));

// Argument errors are thrown synchronously and no callback runs.
const never = () => assert.fail('callback must not run');
assert.throws(() => fs.open(missing), {
  code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
  message: 'The "cb" argument must be of type function. Received undefined',
});
assert.throws(() => fs.stat(missing), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readFile(missing), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readFile(missing, 'bogus', never), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.open(null, never), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string or an instance of Buffer or URL. ' +
           'Received null',
});
assert.throws(() => fs.open(missing, 'bad', never), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.read(0, Buffer.alloc(2), 0, 3, 0, never), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.read(0, Buffer.alloc(0), 0, 1, 0, never), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.write(0, 5, never), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.close('x', never), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.fstat(-1, never), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.mkdir(dir, { recursive: 1 }, never), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.access(dir, 8, never), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.copyFile(dir, dir, -1, never), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.symlink(dir, j('q'), 'bad', never), { code: 'ERR_FS_INVALID_SYMLINK_TYPE' });
assert.throws(() => fs.rm(dir, { force: 1 }, never), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.writeFile(j('q'), {}, never), { code: 'ERR_INVALID_ARG_TYPE' });
