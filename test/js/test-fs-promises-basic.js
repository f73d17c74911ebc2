'use strict';
// fs/promises and FileHandle: every implemented function, results as node's, and errors with
// node's code/syscall/path/message as rejections (argument errors included).
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

async function main() {
  assert.strictEqual(fs.promises, fsp);
  assert.strictEqual(require('node:fs/promises'), fsp);
  assert.deepStrictEqual(Object.keys(fsp), [
    'access', 'copyFile', 'cp', 'open', 'opendir', 'rename', 'truncate', 'rm', 'rmdir',
    'mkdir', 'readdir', 'readlink', 'symlink', 'lstat', 'stat', 'statfs', 'link', 'unlink',
    'chmod', 'lchmod', 'lchown', 'chown', 'utimes', 'lutimes', 'realpath', 'mkdtemp',
    'writeFile', 'appendFile', 'readFile', 'watch', 'constants',
  ]);
  assert.strictEqual(fsp.constants, fs.constants);

  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ringjs-fsp-'));
  const j = (...parts) => path.join(dir, ...parts);
  const file = j('a.txt');
  try {
    // writeFile / readFile / appendFile.
    assert.strictEqual(await fsp.writeFile(file, 'héllo'), undefined);
    assert.strictEqual(await fsp.readFile(file, 'utf8'), 'héllo');
    assert.deepStrictEqual(await fsp.readFile(file), Buffer.from('héllo'));
    await fsp.appendFile(file, Buffer.from(' wörld'));
    assert.strictEqual(await fsp.readFile(file, { encoding: 'latin1' }),
                       Buffer.from('héllo wörld').toString('latin1'));
    await fsp.writeFile(file, 'aGk=', { encoding: 'base64', flush: true });
    assert.strictEqual(await fsp.readFile(file, 'utf8'), 'hi');
    await fsp.writeFile(file, ['a', Buffer.from('b'), 'c']);  // An iterable of chunks.
    assert.strictEqual(await fsp.readFile(file, 'utf8'), 'abc');
    const big = Buffer.alloc(3 * 1024 * 1024 + 11, 'bigdata');
    await fsp.writeFile(j('big'), big);
    assert.ok((await fsp.readFile(j('big'))).equals(big));
    assert.strictEqual((await fsp.readFile(j('big'), 'latin1')).length, big.length);
    assert.match(await fsp.readFile('/proc/self/status', 'utf8'), /^Name:/);
    await assert.rejects(fsp.writeFile(file, 'x', { flag: 'wx' }), {
      code: 'EEXIST', syscall: 'open', path: file,
      message: `EEXIST: file already exists, open '${file}'`,
    });

    // FileHandle.
    const fh = await fsp.open(file, 'r+');
    assert.strictEqual(fh.constructor.name, 'FileHandle');
    assert.strictEqual(typeof fh.fd, 'number');
    assert.deepStrictEqual(Object.keys(fh), ['_events', '_eventsCount', '_maxListeners', 'close']);
    let r = await fh.read(Buffer.alloc(4), 0, 4, 0);
    assert.strictEqual(r.bytesRead, 3);
    assert.strictEqual(r.buffer.toString('utf8', 0, 3), 'abc');
    assert.strictEqual(Object.getPrototypeOf(r), null);
    r = await fh.read({ buffer: Buffer.alloc(2), position: 1 });
    assert.strictEqual(r.bytesRead, 2);
    assert.strictEqual(r.buffer.toString(), 'bc');
    r = await fh.read();
    assert.strictEqual(r.buffer.length, 16384);
    let w = await fh.write('XY', 0);
    assert.strictEqual(w.bytesWritten, 2);
    assert.strictEqual(w.buffer, 'XY');
    w = await fh.write(Buffer.from('!'), 0, 1, 3);
    assert.strictEqual(w.bytesWritten, 1);
    w = await fh.write('5a', 4, 'hex');
    assert.strictEqual(w.bytesWritten, 1);
    assert.strictEqual(await fsp.readFile(file, 'utf8'), 'XYc!Z');
    w = await fh.writev([Buffer.from('12'), Buffer.from('34')], 0);
    assert.strictEqual(w.bytesWritten, 4);
    const x = Buffer.alloc(2);
    const y = Buffer.alloc(3);
    r = await fh.readv([x, y], 0);
    assert.strictEqual(r.bytesRead, 5);
    assert.strictEqual(x.toString() + y.toString(), '1234Z');
    const st = await fh.stat();
    assert.ok(st instanceof fs.Stats);
    assert.strictEqual(st.size, 5);
    assert.strictEqual((await fh.stat({ bigint: true })).size, 5n);
    await fh.truncate(2);
    assert.strictEqual((await fh.stat()).size, 2);
    await fh.sync();
    await fh.datasync();
    await fh.chmod(0o600);
    assert.strictEqual((await fh.stat()).mode & 0o777, 0o600);
    await fh.chown(st.uid, st.gid);
    await fh.utimes(1, 2);
    assert.strictEqual((await fh.stat()).mtimeMs, 2000);
    await fh.writeFile('via handle');  // At the current position (3, after a hole).
    assert.strictEqual(await fsp.readFile(file, 'utf8'), '12\0via handle');
    await fh.appendFile('!');
    assert.strictEqual(await fh.readFile('utf8'), '');  // The position is at the end.
    let closed = 0;
    fh.on('close', () => closed++);
    const fd = fh.fd;
    await fh.close();
    assert.strictEqual(closed, 1);
    assert.strictEqual(fh.fd, -1);
    assert.throws(() => fs.fstatSync(fd), { code: 'EBADF' });
    await fh.close();  // Closing twice is fine.
    await assert.rejects(fh.stat(), { code: 'EBADF', syscall: 'fstat', message: 'file closed' });
    await assert.rejects(fh.read(Buffer.alloc(1)), { code: 'EBADF', syscall: 'read' });
    assert.strictEqual(await fsp.readFile(file, 'utf8'), '12\0via handle!');

    // readFile / writeFile with a FileHandle.
    const fh2 = await fsp.open(j('b.txt'), 'w+');
    await fsp.writeFile(fh2, 'handle data');
    assert.strictEqual(await fsp.readFile(fh2, 'utf8'), '');
    assert.strictEqual((await fh2.read(Buffer.alloc(6), 0, 6, 0)).buffer.toString(), 'handle');
    await fh2.close();

    // stat / lstat / access / copyFile / rename / unlink / links.
    assert.strictEqual((await fsp.stat(file)).size, 14);
    assert.strictEqual((await fsp.stat(file, { bigint: true })).size, 14n);
    await fsp.symlink('a.txt', j('ln'));
    assert.ok((await fsp.lstat(j('ln'))).isSymbolicLink());
    assert.strictEqual(await fsp.readlink(j('ln')), 'a.txt');
    assert.deepStrictEqual(await fsp.readlink(j('ln'), 'buffer'), Buffer.from('a.txt'));
    assert.strictEqual(await fsp.realpath(j('ln')), fs.realpathSync(file));
    assert.deepStrictEqual(await fsp.realpath(j('ln'), { encoding: 'buffer' }),
                           Buffer.from(fs.realpathSync(file)));
    assert.strictEqual(await fsp.access(file, fs.constants.R_OK), undefined);
    await fsp.copyFile(file, j('copy'));
    assert.strictEqual(await fsp.readFile(j('copy'), 'utf8'), '12\0via handle!');
    await assert.rejects(fsp.copyFile(file, j('copy'), fs.constants.COPYFILE_EXCL), {
      code: 'EEXIST', syscall: 'copyfile', path: file, dest: j('copy'),
    });
    await fsp.link(file, j('hard'));
    assert.strictEqual((await fsp.stat(file)).nlink, 2);
    await fsp.rename(j('hard'), j('hard2'));
    await fsp.unlink(j('hard2'));
    assert.strictEqual((await fsp.stat(file)).nlink, 1);
    await fsp.chmod(file, '640');
    assert.strictEqual((await fsp.stat(file)).mode & 0o777, 0o640);
    await fsp.chown(file, st.uid, st.gid);
    await fsp.lchown(j('ln'), st.uid, st.gid);
    await fsp.utimes(file, 10, new Date(20000));
    assert.strictEqual((await fsp.stat(file)).mtimeMs, 20000);
    await fsp.lutimes(j('ln'), 30, 40);
    assert.strictEqual((await fsp.lstat(j('ln'))).mtimeMs, 40000);
    await fsp.truncate(file, 2);
    assert.strictEqual(await fsp.readFile(file, 'utf8'), '12');
    assert.ok((await fsp.statfs(dir)).bsize > 0);
    await assert.rejects(fsp.lchmod(file, 0o644), {
      code: 'ERR_METHOD_NOT_IMPLEMENTED', message: 'The lchmod() method is not implemented',
    });

    // Directories.
    assert.strictEqual(await fsp.mkdir(j('d')), undefined);
    assert.strictEqual(await fsp.mkdir(j('r', 's', 't'), { recursive: true }), j('r'));
    assert.deepStrictEqual(await fsp.readdir(j('r')), ['s']);
    assert.deepStrictEqual(await fsp.readdir(j('r'), 'buffer'), [Buffer.from('s')]);
    assert.deepStrictEqual((await fsp.readdir(j('r'), { recursive: true })).sort(), ['s', 's/t']);
    const ents = await fsp.readdir(dir, { withFileTypes: true });
    assert.deepStrictEqual(ents.map((e) => e.name),
                           ['a.txt', 'b.txt', 'big', 'copy', 'd', 'ln', 'r']);
    assert.ok(ents.find((e) => e.name === 'd').isDirectory());
    assert.ok(ents.find((e) => e.name === 'ln').isSymbolicLink());
    await fsp.rmdir(j('d'));
    await assert.rejects(fsp.rmdir(j('r')), {
      code: 'ENOTEMPTY', syscall: 'rmdir', path: j('r'),
      message: `ENOTEMPTY: directory not empty, rmdir '${j('r')}'`,
    });
    await assert.rejects(fsp.rm(j('r')), { code: 'ERR_FS_EISDIR' });
    await fsp.rm(j('r'), { recursive: true });
    await fsp.rm(j('nope'), { force: true });
    assert.ok(!fs.existsSync(j('r')));
    const t = await fsp.mkdtemp(j('t-'), { encoding: 'buffer' });
    assert.ok(Buffer.isBuffer(t));

    // Errors are rejections with node's properties, and a stack.
    const missing = j('missing');
    await assert.rejects(fsp.readFile(missing), (err) => {
      assert.strictEqual(err.code, 'ENOENT');
      assert.strictEqual(err.errno, -2);
      assert.strictEqual(err.syscall, 'open');
      assert.strictEqual(err.path, missing);
      assert.strictEqual(err.message, `ENOENT: no such file or directory, open '${missing}'`);
      return true;
    });
    await assert.rejects(fsp.stat(missing), { code: 'ENOENT', syscall: 'stat', path: missing });
    await assert.rejects(fsp.lstat(missing), { code: 'ENOENT', syscall: 'lstat' });
    await assert.rejects(fsp.access(missing), { code: 'ENOENT', syscall: 'access' });
    await assert.rejects(fsp.readdir(file), { code: 'ENOTDIR', syscall: 'scandir' });
    await assert.rejects(fsp.mkdir(dir), { code: 'EEXIST', syscall: 'mkdir' });
    await assert.rejects(fsp.unlink(missing), { code: 'ENOENT', syscall: 'unlink' });
    await assert.rejects(fsp.rename(missing, j('z')), {
      code: 'ENOENT', syscall: 'rename', dest: j('z'),
      message: `ENOENT: no such file or directory, rename '${missing}' -> '${j('z')}'`,
    });
    await assert.rejects(fsp.readlink(file), { code: 'EINVAL', syscall: 'readlink' });
    await assert.rejects(fsp.realpath(missing), { code: 'ENOENT', syscall: 'realpath' });
    await assert.rejects(fsp.open(missing), { code: 'ENOENT', syscall: 'open' });
    await assert.rejects(fsp.truncate(missing), { code: 'ENOENT', syscall: 'open' });
    await assert.rejects(fsp.rm(missing), { code: 'ENOENT', syscall: 'lstat' });
    // Argument errors are rejections too (the functions are async).
    await assert.rejects(fsp.readFile(123n), { code: 'ERR_INVALID_ARG_TYPE' });
    await assert.rejects(fsp.open(file, 'bogus'), { code: 'ERR_INVALID_ARG_VALUE' });
    await assert.rejects(fsp.mkdir(dir, { recursive: 'no' }), { code: 'ERR_INVALID_ARG_TYPE' });
    await assert.rejects(fsp.access(file, 8), { code: 'ERR_OUT_OF_RANGE' });
    await assert.rejects(fsp.writeFile(file, 5), { code: 'ERR_INVALID_ARG_TYPE' });
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  assert.ok(!fs.existsSync(dir));
}

let done = false;
main().then(() => { done = true; });
process.on('exit', () => assert.ok(done));
