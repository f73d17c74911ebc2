'use strict';
// fs.WriteStream over an fs that takes writes in part or answers EAGAIN: the rest is written,
// EAGAIN and empty writes are retried, and six tries without progress fail with node's error.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-ws-retries-'));
const file = (name) => path.join(dir, name);
const eagain = () => Object.assign(new Error('try again'), { code: 'EAGAIN' });

function run(name, fsImpl, writes, options = {}) {
  return new Promise((resolve) => {
    const calls = [];
    const traced = { open: fs.open, close: fs.close };
    if (fsImpl.write) {
      traced.write = (fd, buffer, offset, length, position, cb) => {
        calls.push(`write(${buffer.toString('latin1', offset, offset + length)})`);
        fsImpl.write(calls.length, fd, buffer, offset, length, position, cb);
      };
    }
    if (fsImpl.writev) {
      traced.writev = (fd, buffers, position, cb) => {
        calls.push(`writev(${buffers.map(String).join('|')}) at ${position}`);
        fsImpl.writev(calls.length, fd, buffers, position, cb);
      };
    }
    const stream = fs.createWriteStream(file(name), { ...options, fs: traced });
    if (!fsImpl.writev) console.log(name, '_writev', stream._writev);
    stream.on('error', (err) => console.log(name, 'error', err.name, err.code, err.message, err.info));
    stream.on('close', () => {
      console.log(name, calls.join(' '));
      console.log(name, 'bytesWritten', stream.bytesWritten,
                  JSON.stringify(fs.readFileSync(file(name), 'latin1')));
      resolve();
    });
    for (const chunk of writes) stream.write(chunk);
    stream.end();
  });
}

const twoBytes = (n, fd, buffer, offset, length, position, cb) =>
  fs.write(fd, buffer, offset, Math.min(length, 2), position, cb);

(async () => {
  await run('eagain-once', {
    write: (n, fd, b, o, l, p, cb) => (n === 1 ? cb(eagain(), 0, b) : fs.write(fd, b, o, l, p, cb)),
  }, ['foo']);
  await run('eagain-always', { write: (n, fd, b, o, l, p, cb) => cb(eagain(), 0, b) }, ['foo']);
  await run('nothing-written', { write: (n, fd, b, o, l, p, cb) => cb(null, 0, b) }, ['abc']);
  await run('short-writes', { write: twoBytes }, ['hello ', 'world']);
  await run('short-writes-at', { write: twoBytes }, ['hello'], { start: 3 });
  await run('other-error', {
    write: (n, fd, b, o, l, p, cb) => cb(Object.assign(new Error('no space'), { code: 'ENOSPC' })),
  }, ['abc']);
  await run('writev-short', {
    write: twoBytes,
    writev: (n, fd, buffers, position, cb) => {
      if (n === 1) return cb(eagain(), 0, buffers);
      const first = buffers[0].subarray(0, 2);
      fs.write(fd, first, 0, first.length, position, (err, written) => cb(err, written, buffers));
    },
  }, ['abc', 'def', 'gh']);
  await run('writev-nothing', {
    write: twoBytes, writev: (n, fd, buffers, position, cb) => cb(null, 0, buffers),
  }, ['abc', 'x']);

  // A stream that reads as destroyed when its write completes fails that write.
  const stream = fs.createWriteStream(file('destroyed'));
  Object.defineProperty(stream, 'destroyed', { get: () => true });
  stream.on('error', (err) => console.log('destroyed error', err.code, err.message));
  stream.on('finish', () => console.log('destroyed finish'));
  stream.end('foo');
  require('stream').finished(stream, (err) => {
    console.log('destroyed finished', err && err.code);
    fs.rmSync(dir, { recursive: true });
  });
})();
