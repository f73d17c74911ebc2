'use strict';
// fs sync names and metadata: symlink/readlink/link/realpath(+native)/rename/copyFile (modes)/
// unlink/chmod/fchmod/chown/fchown/lchown/access/existsSync, fs.constants and the export list.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-links-')));
const j = (...parts) => path.join(dir, ...parts);

try {
  fs.writeFileSync(j('target'), 'data');
  fs.mkdirSync(j('sub'));

  // symlink / readlink.
  fs.symlinkSync('target', j('rel'));
  fs.symlinkSync(j('sub'), j('dirlink'), 'dir');
  fs.symlinkSync('missing', j('dangling'));
  assert.strictEqual(fs.readlinkSync(j('rel')), 'target');
  assert.deepStrictEqual(fs.readlinkSync(j('rel'), 'buffer'), Buffer.from('target'));
  assert.strictEqual(fs.readlinkSync(j('rel'), { encoding: 'hex' }), Buffer.from('target').toString('hex'));
  assert.strictEqual(fs.readlinkSync(j('dirlink')), j('sub'));
  assert.throws(() => fs.readlinkSync(j('target')), {
    code: 'EINVAL', syscall: 'readlink', errno: -22, path: j('target'),
    message: `EINVAL: invalid argument, readlink '${j('target')}'`,
  });
  assert.throws(() => fs.symlinkSync('x', j('rel')), {
    code: 'EEXIST', syscall: 'symlink', path: 'x', dest: j('rel'),
    message: `EEXIST: file already exists, symlink 'x' -> '${j('rel')}'`,
  });
  assert.throws(() => fs.symlinkSync('x', j('y'), 'bogus'), {
    code: 'ERR_FS_INVALID_SYMLINK_TYPE',
    message: 'Symlink type must be one of "dir", "file", or "junction". Received "bogus"',
  });

  // realpath / realpath.native.
  assert.strictEqual(fs.realpathSync(j('rel')), j('target'));
  assert.strictEqual(fs.realpathSync.native(j('rel')), j('target'));
  assert.strictEqual(fs.realpathSync(j('dirlink', '..', 'rel')), j('target'));
  assert.strictEqual(fs.realpathSync(path.relative(process.cwd(), j('rel'))), j('target'));
  assert.deepStrictEqual(fs.realpathSync(j('rel'), 'buffer'), Buffer.from(j('target')));
  assert.deepStrictEqual(fs.realpathSync.native(j('rel'), { encoding: 'buffer' }),
                         Buffer.from(j('target')));
  assert.throws(() => fs.realpathSync(j('dangling')), {
    code: 'ENOENT', syscall: 'stat', path: j('dangling'),
    message: `ENOENT: no such file or directory, stat '${j('dangling')}'`,
  });
  assert.throws(() => fs.realpathSync(j('nope', 'x')), {
    code: 'ENOENT', syscall: 'lstat', path: j('nope'),
    message: `ENOENT: no such file or directory, lstat '${j('nope')}'`,
  });
  assert.throws(() => fs.realpathSync.native(j('nope')), {
    code: 'ENOENT', syscall: 'realpath', path: j('nope'),
    message: `ENOENT: no such file or directory, realpath '${j('nope')}'`,
  });
  fs.symlinkSync('loop2', j('loop1'));
  fs.symlinkSync('loop1', j('loop2'));
  assert.throws(() => fs.realpathSync.native(j('loop1')), { code: 'ELOOP', syscall: 'realpath' });

  // link / rename / unlink.
  fs.linkSync(j('target'), j('hard'));
  assert.strictEqual(fs.statSync(j('target')).nlink, 2);
  assert.strictEqual(fs.statSync(j('hard')).ino, fs.statSync(j('target')).ino);
  assert.throws(() => fs.linkSync(j('nope'), j('x')), {
    code: 'ENOENT', syscall: 'link', path: j('nope'), dest: j('x'),
    message: `ENOENT: no such file or directory, link '${j('nope')}' -> '${j('x')}'`,
  });
  fs.renameSync(j('hard'), j('hard2'));
  assert.ok(!fs.existsSync(j('hard')));
  assert.strictEqual(fs.readFileSync(j('hard2'), 'utf8'), 'data');
  assert.throws(() => fs.renameSync(j('nope'), j('x')), {
    code: 'ENOENT', syscall: 'rename', errno: -2, path: j('nope'), dest: j('x'),
    message: `ENOENT: no such file or directory, rename '${j('nope')}' -> '${j('x')}'`,
  });
  assert.throws(() => fs.renameSync(j('sub'), j('target')), {
    code: 'ENOTDIR', syscall: 'rename',
  });
  fs.unlinkSync(j('hard2'));
  assert.strictEqual(fs.statSync(j('target')).nlink, 1);
  assert.throws(() => fs.unlinkSync(j('sub')), {
    code: 'EISDIR', syscall: 'unlink', path: j('sub'),
    message: `EISDIR: illegal operation on a directory, unlink '${j('sub')}'`,
  });
  assert.throws(() => fs.unlinkSync(j('nope')), { code: 'ENOENT', syscall: 'unlink' });
  assert.throws(() => fs.renameSync(1, j('x')), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "oldPath" argument must be of type string or an instance of Buffer or URL. ' +
             'Received type number (1)',
  });

  // copyFile and its modes.
  fs.chmodSync(j('target'), 0o640);
  fs.copyFileSync(j('target'), j('copy'));
  assert.strictEqual(fs.readFileSync(j('copy'), 'utf8'), 'data');
  assert.strictEqual(fs.statSync(j('copy')).mode & 0o777, 0o640);
  fs.writeFileSync(j('target'), 'new');
  fs.copyFileSync(j('target'), j('copy'));  // Overwrites (and truncates).
  assert.strictEqual(fs.readFileSync(j('copy'), 'utf8'), 'new');
  assert.throws(() => fs.copyFileSync(j('target'), j('copy'), fs.constants.COPYFILE_EXCL), {
    code: 'EEXIST', syscall: 'copyfile', errno: -17, path: j('target'), dest: j('copy'),
    message: `EEXIST: file already exists, copyfile '${j('target')}' -> '${j('copy')}'`,
  });
  fs.copyFileSync(j('target'), j('copy2'), fs.constants.COPYFILE_FICLONE);
  assert.strictEqual(fs.readFileSync(j('copy2'), 'utf8'), 'new');
  fs.copyFileSync(j('target'), j('target'));  // Onto itself: nothing happens.
  assert.strictEqual(fs.readFileSync(j('target'), 'utf8'), 'new');
  const big = Buffer.alloc(5 * 1024 * 1024 + 3, 'xyz');
  fs.writeFileSync(j('big'), big);
  fs.copyFileSync(j('big'), j('big2'));
  assert.ok(fs.readFileSync(j('big2')).equals(big));
  assert.throws(() => fs.copyFileSync(j('nope'), j('x')), {
    code: 'ENOENT', syscall: 'copyfile', path: j('nope'), dest: j('x'),
    message: `ENOENT: no such file or directory, copyfile '${j('nope')}' -> '${j('x')}'`,
  });
  assert.throws(() => fs.copyFileSync(j('sub'), j('x')), {
    code: 'EISDIR', syscall: 'copyfile',
    message: `EISDIR: illegal operation on a directory, copyfile '${j('sub')}' -> '${j('x')}'`,
  });
  assert.ok(!fs.existsSync(j('x')));
  assert.throws(() => fs.copyFileSync(j('target'), j('x'), 8), {
    code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
    message: 'mode is out of range: >= 0 && <= 7',
  });
  assert.throws(() => fs.copyFileSync(j('target'), j('x'), 'x'), {
    code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
    message: 'mode must be int32 or null/undefined',
  });

  // chmod / fchmod / chown / fchown / lchown.
  fs.chmodSync(j('target'), 0o600);
  assert.strictEqual(fs.statSync(j('target')).mode & 0o777, 0o600);
  fs.chmodSync(j('target'), '644');
  assert.strictEqual(fs.statSync(j('target')).mode & 0o777, 0o644);
  const fd = fs.openSync(j('target'), 'r');
  fs.fchmodSync(fd, 0o604);
  assert.strictEqual(fs.fstatSync(fd).mode & 0o777, 0o604);
  const { uid, gid } = fs.statSync(j('target'));
  fs.chownSync(j('target'), uid, gid);
  fs.fchownSync(fd, uid, gid);
  fs.lchownSync(j('rel'), uid, gid);
  fs.chownSync(j('target'), -1, -1);
  fs.closeSync(fd);
  assert.throws(() => fs.chmodSync(j('nope'), 0o644), {
    code: 'ENOENT', syscall: 'chmod', path: j('nope'),
    message: `ENOENT: no such file or directory, chmod '${j('nope')}'`,
  });
  assert.throws(() => fs.chownSync(j('nope'), uid, gid), { code: 'ENOENT', syscall: 'chown' });
  assert.throws(() => fs.lchownSync(j('nope'), uid, gid), { code: 'ENOENT', syscall: 'lchown' });
  assert.throws(() => fs.chmodSync(j('target'), 'rwx'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => fs.chownSync(j('target'), 'a', 0), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.chownSync(j('target'), -2, 0), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "uid" is out of range. It must be >= -1 && <= 4294967295. Received -2',
  });

  // access / existsSync.
  fs.accessSync(j('target'));
  fs.accessSync(j('target'), fs.constants.R_OK | fs.constants.W_OK);
  assert.throws(() => fs.accessSync(j('nope')), {
    code: 'ENOENT', syscall: 'access', errno: -2, path: j('nope'),
    message: `ENOENT: no such file or directory, access '${j('nope')}'`,
  });
  assert.throws(() => fs.accessSync(j('target'), 8), {
    code: 'ERR_OUT_OF_RANGE', message: 'mode is out of range: >= 0 && <= 7',
  });
  assert.throws(() => fs.accessSync(j('target'), 'r'), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'mode must be int32 or null/undefined',
  });
  fs.accessSync(j('target'), null);
  assert.strictEqual(fs.existsSync(j('target')), true);
  assert.strictEqual(fs.existsSync(j('dangling')), false);
  assert.strictEqual(fs.existsSync(j('target', 'x')), false);
  assert.strictEqual(fs.existsSync(), false);
  assert.strictEqual(fs.existsSync(42), false);
  assert.strictEqual(fs.existsSync('a\u0000b'), false);
  assert.strictEqual(fs.existsSync(Buffer.from(j('target'))), true);

  // fs.constants and the module's shape.
  assert.strictEqual(fs.constants.O_RDONLY, 0);
  assert.strictEqual(fs.constants.COPYFILE_EXCL, 1);
  assert.strictEqual(fs.F_OK, 0);
  assert.strictEqual(fs.R_OK, 4);
  assert.strictEqual(fs.W_OK, 2);
  assert.strictEqual(fs.X_OK, 1);
  assert.strictEqual(fs.lchmod, undefined);
  assert.strictEqual(fs.lchmodSync, undefined);
  // (Compared as sets: the key order of internalBinding('constants').fs differs from node's.)
  assert.deepStrictEqual(Object.keys(fs.constants).sort(), [
    'UV_FS_SYMLINK_DIR', 'UV_FS_SYMLINK_JUNCTION', 'O_RDONLY', 'O_WRONLY', 'O_RDWR',
    'UV_DIRENT_UNKNOWN', 'UV_DIRENT_FILE', 'UV_DIRENT_DIR', 'UV_DIRENT_LINK', 'UV_DIRENT_FIFO',
    'UV_DIRENT_SOCKET', 'UV_DIRENT_CHAR', 'UV_DIRENT_BLOCK', 'EXTENSIONLESS_FORMAT_JAVASCRIPT',
    'EXTENSIONLESS_FORMAT_WASM', 'S_IFMT', 'S_IFREG', 'S_IFDIR', 'S_IFCHR', 'S_IFBLK', 'S_IFIFO',
    'S_IFLNK', 'S_IFSOCK', 'O_CREAT', 'O_EXCL', 'UV_FS_O_FILEMAP', 'O_NOCTTY', 'O_TRUNC',
    'O_APPEND', 'O_DIRECTORY', 'O_NOATIME', 'O_NOFOLLOW', 'O_SYNC', 'O_DSYNC', 'O_DIRECT',
    'O_NONBLOCK', 'S_IRWXU', 'S_IRUSR', 'S_IWUSR', 'S_IXUSR', 'S_IRWXG', 'S_IRGRP', 'S_IWGRP',
    'S_IXGRP', 'S_IRWXO', 'S_IROTH', 'S_IWOTH', 'S_IXOTH', 'F_OK', 'R_OK', 'W_OK', 'X_OK',
    'UV_FS_COPYFILE_EXCL', 'COPYFILE_EXCL', 'UV_FS_COPYFILE_FICLONE', 'COPYFILE_FICLONE',
    'UV_FS_COPYFILE_FICLONE_FORCE', 'COPYFILE_FICLONE_FORCE',
  ].sort());
  assert.deepStrictEqual(Object.keys(fs), [
    'appendFile', 'appendFileSync', 'access', 'accessSync', 'chown', 'chownSync', 'chmod',
    'chmodSync', 'close', 'closeSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
    'createReadStream', 'createWriteStream', 'exists', 'existsSync', 'fchown', 'fchownSync',
    'fchmod', 'fchmodSync', 'fdatasync', 'fdatasyncSync', 'fstat', 'fstatSync', 'fsync',
    'fsyncSync', 'ftruncate', 'ftruncateSync', 'futimes', 'futimesSync', 'lchown',
    'lchownSync', 'lchmod', 'lchmodSync', 'link', 'linkSync', 'lstat', 'lstatSync', 'lutimes',
    'lutimesSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'open', 'openSync',
    'openAsBlob', 'readdir', 'readdirSync', 'read', 'readSync', 'readv', 'readvSync',
    'readFile', 'readFileSync', 'readlink', 'readlinkSync', 'realpath', 'realpathSync',
    'rename', 'renameSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'stat', 'statfs', 'statSync',
    'statfsSync', 'symlink', 'symlinkSync', 'truncate', 'truncateSync', 'unwatchFile',
    'unlink', 'unlinkSync', 'utimes', 'utimesSync', 'watch', 'watchFile', 'writeFile',
    'writeFileSync', 'write', 'writeSync', 'writev', 'writevSync', 'Dirent', 'Stats',
    'ReadStream', 'WriteStream', 'FileReadStream', 'FileWriteStream', '_toUnixTimestamp',
    'Dir', 'opendir', 'opendirSync', 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'constants', 'promises',
  ]);
  assert.strictEqual(require('node:fs'), fs);
  assert.strictEqual(typeof fs.realpathSync.native, 'function');
  assert.strictEqual(typeof fs.realpath.native, 'function');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
