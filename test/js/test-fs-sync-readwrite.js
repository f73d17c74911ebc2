'use strict';
// fs sync file I/O: open/read/write/close, readFileSync/writeFileSync/appendFileSync with
// strings and buffers, encodings, flags, modes, fds, readv/writev, truncate, fsync.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-rw-'));
const file = path.join(dir, 'a.txt');

try {
  // writeFileSync / readFileSync with UTF-8 strings.
  fs.writeFileSync(file, 'héllo wörld\n');
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'héllo wörld\n');
  assert.strictEqual(fs.readFileSync(file, 'utf-8'), 'héllo wörld\n');
  assert.strictEqual(fs.readFileSync(file, { encoding: 'utf8' }), 'héllo wörld\n');
  const raw = fs.readFileSync(file);
  assert.ok(Buffer.isBuffer(raw));
  assert.deepStrictEqual(raw, Buffer.from('héllo wörld\n'));
  assert.strictEqual(fs.readFileSync(file, 'latin1'), Buffer.from('héllo wörld\n').toString('latin1'));
  assert.strictEqual(fs.readFileSync(file, 'hex'), Buffer.from('héllo wörld\n').toString('hex'));
  assert.strictEqual(fs.readFileSync(file, { encoding: 'base64' }),
                     Buffer.from('héllo wörld\n').toString('base64'));

  // appendFileSync: strings and buffers.
  fs.appendFileSync(file, 'more');
  fs.appendFileSync(file, Buffer.from('!!'));
  fs.appendFileSync(file, new Uint8Array([0x3f]));
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'héllo wörld\nmore!!?');

  // Encodings on write.
  fs.writeFileSync(file, 'aGk=', 'base64');
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi');
  fs.writeFileSync(file, '6869', { encoding: 'hex' });
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi');
  fs.writeFileSync(file, '\u00ff', 'latin1');
  assert.deepStrictEqual(fs.readFileSync(file), Buffer.from([0xff]));
  fs.writeFileSync(file, 'ab', 'utf16le');
  assert.deepStrictEqual(fs.readFileSync(file), Buffer.from([0x61, 0, 0x62, 0]));
  fs.writeFileSync(file, new DataView(new Uint8Array([1, 2, 3]).buffer));
  assert.deepStrictEqual(fs.readFileSync(file), Buffer.from([1, 2, 3]));

  // Flags: 'wx' fails on an existing file, 'a' appends, 'r+' keeps content.
  assert.throws(() => fs.writeFileSync(file, 'x', { flag: 'wx' }), {
    code: 'EEXIST', syscall: 'open', errno: -17, path: file,
    message: `EEXIST: file already exists, open '${file}'`,
  });
  fs.writeFileSync(file, 'abc');
  fs.writeFileSync(file, 'def', { flag: 'a' });
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abcdef');
  fs.writeFileSync(file, 'flush', { flush: true });
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'flush');

  // Mode of a created file (umask applies, as in node).
  const modeFile = path.join(dir, 'mode.txt');
  const umask = process.umask ? process.umask() : 0o022;
  fs.writeFileSync(modeFile, 'x', { mode: 0o640 });
  assert.strictEqual(fs.statSync(modeFile).mode & 0o777, 0o640 & ~umask);

  // openSync / writeSync / readSync / closeSync.
  const fd = fs.openSync(file, 'w+');
  assert.strictEqual(typeof fd, 'number');
  assert.strictEqual(fs.writeSync(fd, 'hello world'), 11);
  assert.strictEqual(fs.writeSync(fd, Buffer.from('!?'), 0, 1), 1);
  assert.strictEqual(fs.writeSync(fd, 'HE', 0), 2);  // At position 0.
  assert.strictEqual(fs.writeSync(fd, 'ab', null, 'hex'), 1);  // Odd hex: one byte.
  const buf = Buffer.alloc(20);
  assert.strictEqual(fs.readSync(fd, buf, 0, 20, 0), 13);
  assert.strictEqual(buf.toString('latin1', 0, 13), 'HEllo world!\u00ab');
  const u8 = new Uint8Array(5);
  assert.strictEqual(fs.readSync(fd, u8, { position: 6 }), 5);
  assert.deepStrictEqual(Array.from(u8), Array.from(Buffer.from('world')));
  assert.strictEqual(fs.readSync(fd, u8, { position: 6n, length: 2, offset: 1 }), 2);
  assert.deepStrictEqual(Array.from(u8), Array.from(Buffer.from('wwold')));
  assert.strictEqual(fs.readSync(fd, buf, 0, 0, 0), 0);
  // Reading at the current position (the end after the writes above).
  assert.strictEqual(fs.readSync(fd, buf), 0);

  // readFileSync / writeFileSync on a user fd keep it open.
  fs.ftruncateSync(fd);
  fs.writeFileSync(fd, 'fd data');  // At the current position (13), after a hole.
  assert.strictEqual(fs.readFileSync(fd, 'utf8'), '');  // The position is at the end.
  assert.strictEqual(fs.fstatSync(fd).size, 20);
  fs.fsyncSync(fd);
  fs.fdatasyncSync(fd);

  // writev / readv.
  assert.strictEqual(fs.writevSync(fd, [Buffer.from('12'), Buffer.from('345')], 0), 5);
  const a = Buffer.alloc(3);
  const b = Buffer.alloc(4);
  assert.strictEqual(fs.readvSync(fd, [a, b], 0), 7);
  assert.strictEqual(a.toString() + b.toString(), '12345\0\0');
  assert.strictEqual(fs.writevSync(fd, []), 0);

  // ftruncate / truncate.
  fs.ftruncateSync(fd, 3);
  assert.strictEqual(fs.fstatSync(fd).size, 3);
  fs.closeSync(fd);
  fs.truncateSync(file, 1);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), '1');
  fs.truncateSync(file);
  assert.strictEqual(fs.statSync(file).size, 0);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), '');
  assert.deepStrictEqual(fs.readFileSync(file), Buffer.alloc(0));

  // Files whose size stat does not know (procfs).
  assert.match(fs.readFileSync('/proc/self/status', 'utf8'), /^Name:/);
  assert.match(fs.readFileSync('/proc/self/status').toString(), /^Name:/);

  // A larger file, read whole.
  const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'abcdefg');
  fs.writeFileSync(file, big);
  assert.ok(fs.readFileSync(file).equals(big));
  assert.strictEqual(fs.readFileSync(file, 'latin1').length, big.length);

  // URL paths.
  if (typeof URL === 'function') {
    assert.strictEqual(fs.readFileSync(new URL(`file://${file}`)).length, big.length);
  }

  // Errors.
  const missing = path.join(dir, 'missing');
  assert.throws(() => fs.openSync(missing), {
    code: 'ENOENT', syscall: 'open', errno: -2, path: missing,
    message: `ENOENT: no such file or directory, open '${missing}'`,
  });
  assert.throws(() => fs.readFileSync(missing), {
    code: 'ENOENT', syscall: 'open', path: missing,
    message: `ENOENT: no such file or directory, open '${missing}'`,
  });
  assert.throws(() => fs.readFileSync(missing, 'utf8'), {
    code: 'ENOENT', syscall: 'open', path: missing,
  });
  assert.throws(() => fs.readFileSync(dir, 'utf8'), {
    code: 'EISDIR', syscall: 'read', errno: -21,
    message: 'EISDIR: illegal operation on a directory, read',
  });
  assert.throws(() => fs.readFileSync(dir), {
    code: 'EISDIR', syscall: 'read',
    message: 'EISDIR: illegal operation on a directory, read',
  });
  assert.throws(() => fs.writeFileSync(dir, 'x'), {
    code: 'EISDIR', syscall: 'open', path: dir,
    message: `EISDIR: illegal operation on a directory, open '${dir}'`,
  });
  assert.throws(() => fs.writeFileSync(path.join(missing, 'x'), 'x'), {
    code: 'ENOENT', syscall: 'open',
  });
  const badFd = 2 ** 30;
  assert.throws(() => fs.closeSync(badFd), {
    code: 'EBADF', syscall: 'close', errno: -9, message: 'EBADF: bad file descriptor, close',
  });
  assert.throws(() => fs.readSync(badFd, Buffer.alloc(1)), {
    code: 'EBADF', syscall: 'read', message: 'EBADF: bad file descriptor, read',
  });
  assert.throws(() => fs.writeSync(badFd, 'x'), {
    code: 'EBADF', syscall: 'write', message: 'EBADF: bad file descriptor, write',
  });
  assert.throws(() => fs.writeSync(badFd, Buffer.from('x')), { code: 'EBADF', syscall: 'write' });
  assert.throws(() => fs.fstatSync(badFd), { code: 'EBADF', syscall: 'fstat' });
  assert.throws(() => fs.fsyncSync(badFd), { code: 'EBADF', syscall: 'fsync' });
  assert.throws(() => fs.ftruncateSync(badFd), { code: 'EBADF', syscall: 'ftruncate' });
  assert.throws(() => fs.truncateSync(missing), { code: 'ENOENT', syscall: 'open' });

  // Argument validation.
  assert.throws(() => fs.openSync(5), {
    code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
    message: 'The "path" argument must be of type string or an instance of Buffer or URL. ' +
             'Received type number (5)',
  });
  assert.throws(() => fs.openSync('a\u0000b'), {
    code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError',
  });
  assert.throws(() => fs.openSync(file, 'z'), {
    code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError',
    message: "The argument 'flags' is invalid. Received 'z'",
  });
  assert.throws(() => fs.openSync(file, 'r', 'abc'), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The argument 'mode' must be a 32-bit unsigned integer or an octal string. " +
             "Received 'abc'",
  });
  assert.throws(() => fs.closeSync('x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "fd" argument must be of type number. Received type string (\'x\')',
  });
  assert.throws(() => fs.closeSync(-1), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "fd" is out of range. It must be >= 0 && <= 2147483647. Received -1',
  });
  assert.throws(() => fs.readSync(0, 'str'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.readSync(0, Buffer.alloc(4), 0, 5, 0), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "length" is out of range. It must be <= 4. Received 5',
  });
  assert.throws(() => fs.readSync(0, Buffer.alloc(0), 0, 1, 0), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  assert.throws(() => fs.writeSync(0, Buffer.alloc(4), 5), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "offset" is out of range. It must be <= 4. Received 5',
  });
  assert.throws(() => fs.writeSync(0, 123), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.writeFileSync(file, 123), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.readFileSync(file, 'no-such-encoding'), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The argument 'encoding' is invalid encoding. Received 'no-such-encoding'",
  });
  assert.throws(() => fs.readFileSync(file, 42), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.ftruncateSync(0, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.writevSync(0, ['x']), { code: 'ERR_INVALID_ARG_TYPE' });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
assert.strictEqual(fs.existsSync(dir), false);
