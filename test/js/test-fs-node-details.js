'use strict';
// Details of node's fs that libraries rely on: callbacks run with `this` undefined and
// (err) / (null, value); options read through the prototype chain; streams call node:fs's
// functions as they are at call time (graceful-fs style patching), accept subclasses that
// override open(), and validate options.fs; FileHandle's close() emits 'close' at once and
// waits for operations in flight; fs.promises.writeFile takes iterables and stops on abort;
// write positions that are not integers mean the current position; recursive readdir's order.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const { Readable } = require('stream');
const { once } = require('events');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-details-'));
const j = (...parts) => path.join(dir, ...parts);
fs.writeFileSync(j('f'), 'hello world');

function callbackShape() {
  return new Promise((resolve) => {
    fs.stat(j('f'), function(err, st) {
      assert.strictEqual(this, undefined);
      assert.strictEqual(arguments.length, 2);
      assert.strictEqual(err, null);
      assert.ok(st.isFile());
      fs.mkdir(dir, function(err) {
        assert.strictEqual(this, undefined);
        assert.strictEqual(arguments.length, 1);
        assert.strictEqual(err.code, 'EEXIST');
        // Success without a value: (null) alone, except cp's (null, undefined).
        fs.access(j('f'), (...args) => {
          assert.deepStrictEqual(args, [null]);
          fs.writeFile(j('w0'), 'x', (...args) => {
            assert.deepStrictEqual(args, [null]);
            fs.cp(j('w0'), j('w1'), (...args) => {
              assert.deepStrictEqual(args, [null, undefined]);
              resolve();
            });
          });
        });
      });
    });
  });
}

async function readArguments() {
  const fd = fs.openSync(j('f'), 'r');
  // A null buffer or options object: the defaults (a 16 KiB buffer).
  const [n, buf] = await new Promise((resolve, reject) => {
    fs.read(fd, null, (err, n, b) => (err ? reject(err) : resolve([n, b])));
  });
  assert.strictEqual(n, 11);
  assert.strictEqual(buf.length, 16384);
  const own = Buffer.alloc(5);
  const [n2] = await new Promise((resolve, reject) => {
    fs.read(fd, own, Object.create({ position: 6 }),
            (err, n) => (err ? reject(err) : resolve([n])));
  });
  assert.strictEqual(n2, 5);
  assert.strictEqual(own.toString(), 'world');
  // The last argument is read's callback even after a function in the position's place.
  assert.throws(() => fs.read(fd, own, 0, 1, () => {}, () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "position" argument must be of type bigint or integer/,
  });
  fs.closeSync(fd);
  // Inherited options count.
  assert.strictEqual(fs.readFileSync(j('f'), Object.create({ encoding: 'hex' })),
                     Buffer.from('hello world').toString('hex'));
  const rs = fs.createReadStream(j('f'), Object.create({ start: 6, end: 7, encoding: 'utf8' }));
  let text = '';
  for await (const chunk of rs) text += chunk;
  assert.strictEqual(text, 'wo');
}

// Times before 1970 are negative, in every form.
async function timesBefore1970() {
  fs.writeFileSync(j('old'), '');
  fs.utimesSync(j('old'), new Date(-40691), new Date(-1234567890123));
  const st = fs.statSync(j('old'));
  assert.strictEqual(st.atimeMs, -40691);
  assert.strictEqual(st.mtime.toISOString(), new Date(-1234567890123).toISOString());
  assert.strictEqual(fs.statSync(j('old'), { bigint: true }).atimeNs, -40691000000n);
  assert.strictEqual(Math.round((await fsp.stat(j('old'))).mtimeMs), -1234567890123);
}

function writePositions() {
  const fd = fs.openSync(j('pos'), 'w+');
  fs.writeSync(fd, 'abcdef');
  // Not an integer: the current position (the end), not a truncated 1.
  fs.writeSync(fd, 'X', 1.5);
  fs.writeSync(fd, Buffer.from('Y'), 0, 1, '1');
  fs.writeSync(fd, Buffer.from('Z'), 0, 1, 2n);
  assert.strictEqual(fs.readFileSync(j('pos'), 'utf8'), 'abcdefXYZ');
  fs.writeSync(fd, 'Q', 0);
  assert.strictEqual(fs.readFileSync(j('pos'), 'utf8'), 'QbcdefXYZ');
  fs.closeSync(fd);
}

async function streamsUsePatchedFs() {
  const originalRead = fs.read;
  const originalClose = fs.close;
  let reads = 0;
  let closes = 0;
  fs.read = function(...args) {
    reads++;
    return originalRead.apply(this, args);
  };
  fs.close = function(fd, cb) {
    closes++;
    return originalClose.call(this, fd, cb);
  };
  try {
    const rs = fs.createReadStream(j('f'));
    rs.resume();
    await once(rs, 'close');
    assert.ok(reads >= 1);
    assert.strictEqual(closes, 1);
  } finally {
    fs.read = originalRead;
    fs.close = originalClose;
  }

  // options.fs replaces node:fs and must have the functions the stream uses.
  assert.throws(() => fs.createReadStream(j('f'), { fs: { ...fs, read: null } }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.fs.read" property must be of type function. Received null',
  });
  assert.throws(() => fs.createWriteStream(j('w'), { fs: { ...fs, writev: 'x' } }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.fs.writev" property must be of type function. ' +
             "Received type string ('x')",
  });
  let opened = 0;
  const custom = { ...fs, open(...args) { opened++; return fs.open(...args); } };
  const ws = fs.createWriteStream(j('custom'), { fs: custom });
  ws.end('via custom fs');
  await once(ws, 'close');
  assert.strictEqual(opened, 1);
  assert.strictEqual(fs.readFileSync(j('custom'), 'utf8'), 'via custom fs');

  // A subclass overriding open() (old node, graceful-fs) is constructed through it.
  function OldStream(...args) {
    fs.ReadStream.call(this, ...args);
  }
  Object.setPrototypeOf(OldStream.prototype, fs.ReadStream.prototype);
  Object.setPrototypeOf(OldStream, fs.ReadStream);
  let ownOpen = 0;
  OldStream.prototype.open = function() {
    ownOpen++;
    fs.open(this.path, this.flags, this.mode, (err, fd) => {
      if (err) return this.emit('error', err);
      this.fd = fd;
      this.emit('open', fd);
    });
  };
  const old = new OldStream(j('f'));
  const [oldFd] = await once(old, 'open');
  assert.strictEqual(oldFd, old.fd);
  assert.strictEqual(ownOpen, 1);
  old.destroy();
  assert.strictEqual(old.destroyed, true);

  // Without autoClose, a read error leaves the stream (and its fd) alone.
  const broken = fs.createReadStream(null, { fd: 2 ** 30, autoClose: false }).resume();
  const [err] = await once(broken, 'error');
  assert.strictEqual(err.code, 'EBADF');
  assert.strictEqual(broken.destroyed, false);
  assert.strictEqual(broken.fd, 2 ** 30);
  assert.strictEqual('path' in broken, false);
}

async function fileHandleClose() {
  const fh = await fsp.open(j('f'));
  let events = 0;
  fh.on('close', () => events++);
  const read = fh.read(Buffer.alloc(5), 0, 5, 0);
  const closing = fh.close();
  // 'close' comes at once; the fd stays open for the read in flight.
  assert.strictEqual(events, 1);
  assert.notStrictEqual(fh.fd, -1);
  assert.strictEqual((await read).bytesRead, 5);
  await closing;
  assert.strictEqual(fh.fd, -1);
  await fh.close();  // Nothing left to close.
  assert.strictEqual(events, 1);

  // A stream on a handle is destroyed when the handle closes.
  const fh2 = await fsp.open(j('f'));
  const rs = fh2.createReadStream();
  await fh2.close();
  assert.strictEqual(rs.destroyed, true);
  assert.throws(() => fs.createReadStream(null, { fd: fh2, fs }), {
    code: 'ERR_METHOD_NOT_IMPLEMENTED',
    message: 'The FileHandle with fs method is not implemented',
  });
}

async function promiseWriteFile() {
  await fsp.writeFile(j('it'), ['a', Buffer.from('b'), new Uint8Array([99])]);
  assert.strictEqual(fs.readFileSync(j('it'), 'utf8'), 'abc');
  await fsp.writeFile(j('it'), (async function*() { yield 'x'; yield 'y'; })());
  assert.strictEqual(fs.readFileSync(j('it'), 'utf8'), 'xy');
  await fsp.writeFile(j('it'), Readable.from(['r', 's']));
  assert.strictEqual(fs.readFileSync(j('it'), 'utf8'), 'rs');
  await fsp.appendFile(j('it'), ['t']);
  assert.strictEqual(fs.readFileSync(j('it'), 'utf8'), 'rst');
  await assert.rejects(fsp.writeFile(j('it'), [42]), { code: 'ERR_INVALID_ARG_TYPE' });
  // An abort during a large write stops it between pieces.
  const ac = new AbortController();
  process.nextTick(() => ac.abort());
  const big = Buffer.alloc(8 * 1024 * 1024);
  await assert.rejects(fsp.writeFile(j('big'), big, { signal: ac.signal }), { name: 'AbortError' });
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(fsp.readFile(j('f'), { signal: aborted.signal }), { name: 'AbortError' });
  await new Promise((resolve) => fs.readFile(j('f'), { signal: aborted.signal }, (err) => {
    assert.strictEqual(err.name, 'AbortError');
    resolve();
  }));
}

async function recursiveReaddirOrder() {
  fs.mkdirSync(j('tree', 'a', 'b'), { recursive: true });
  fs.mkdirSync(j('tree', 'z', 'y'), { recursive: true });
  fs.writeFileSync(j('tree', 'a', 'f1'), '');
  fs.writeFileSync(j('tree', 'a', 'b', 'f2'), '');
  fs.writeFileSync(j('tree', 'f0'), '');
  fs.writeFileSync(j('tree', 'z', 'y', 'f3'), '');
  fs.symlinkSync(j('tree', 'a'), j('tree', 'lnk'));
  // Level by level; links to directories are followed for names, not for Dirents.
  assert.deepStrictEqual(fs.readdirSync(j('tree'), { recursive: true }), [
    'a', 'f0', 'lnk', 'z', 'a/b', 'a/f1', 'lnk/b', 'lnk/f1', 'z/y', 'a/b/f2', 'lnk/b/f2',
    'z/y/f3',
  ]);
  assert.deepStrictEqual(
    fs.readdirSync(j('tree'), { recursive: true, withFileTypes: true })
      .map((d) => path.relative(j('tree'), path.join(d.parentPath, d.name))),
    ['a', 'f0', 'lnk', 'z', 'a/b', 'a/f1', 'z/y', 'a/b/f2', 'z/y/f3']);
  // fs.promises takes the last directory found first.
  assert.deepStrictEqual(await fsp.readdir(j('tree'), { recursive: true }), [
    'a', 'f0', 'lnk', 'z', 'z/y', 'z/y/f3', 'lnk/b', 'lnk/f1', 'lnk/b/f2', 'a/b', 'a/f1',
    'a/b/f2',
  ]);
}

function realpathWalk() {
  fs.mkdirSync(j('rp', 'real', 'deep'), { recursive: true });
  fs.symlinkSync('real', j('rp', 'l1'));
  fs.symlinkSync('l1/deep', j('rp', 'l2'));
  fs.symlinkSync(`${j('rp', 'l2')}/..`, j('rp', 'up'));  // .. of the link's target.
  const real = fs.realpathSync(j('rp', 'real'));
  assert.strictEqual(fs.realpathSync(j('rp', 'l2')), path.join(real, 'deep'));
  // The JS walk takes a link's target lexically (.. drops the last component), as node's;
  // realpath(3) follows l2 first.
  assert.strictEqual(fs.realpathSync(j('rp', 'up')), path.dirname(real));
  assert.strictEqual(fs.realpathSync.native(j('rp', 'up')), real);
  assert.deepStrictEqual(fs.realpathSync(j('rp', 'l1'), 'buffer'), Buffer.from(real));
  assert.strictEqual(fs.realpathSync(j('rp', 'l1'), 'hex'), Buffer.from(real).toString('hex'));
}

async function main() {
  await callbackShape();
  await readArguments();
  await timesBefore1970();
  writePositions();
  await streamsUsePatchedFs();
  await fileHandleClose();
  await promiseWriteFile();
  await recursiveReaddirOrder();
  realpathWalk();
}

let done = false;
main().then(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  done = true;
});
process.on('exit', () => assert.ok(done));
