'use strict';
// fs.createReadStream / createWriteStream / FileHandle streams: chunking, start/end, encodings,
// events, pipeline of a large file, backpressure into a slow writer, and errors.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline, Writable } = require('stream');
const { once } = require('events');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-streams-'));
const j = (...parts) => path.join(dir, ...parts);

function checksum(buf) {
  let sum = 0;
  for (let i = 0; i < buf.length; i++) sum = (sum * 31 + buf[i]) >>> 0;
  return sum;
}

async function main() {
  const data = Buffer.alloc(300 * 1024 + 7);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + 3) & 0xff;
  fs.writeFileSync(j('data'), data);

  // Read stream: default 64 KiB chunks, events in node's order.
  {
    const events = [];
    const rs = fs.createReadStream(j('data'));
    assert.ok(rs instanceof fs.ReadStream);
    assert.strictEqual(rs.pending, true);
    assert.strictEqual(rs.path, j('data'));
    const sizes = [];
    rs.on('open', (fd) => events.push(`open:${typeof fd}`));
    rs.on('ready', () => events.push('ready'));
    rs.on('data', (chunk) => sizes.push(chunk.length));
    rs.on('end', () => events.push('end'));
    await once(rs, 'close');
    events.push('close');
    assert.deepStrictEqual(events, ['open:number', 'ready', 'end', 'close']);
    assert.deepStrictEqual(sizes, [65536, 65536, 65536, 65536, 45063]);
    assert.strictEqual(rs.bytesRead, data.length);
    assert.strictEqual(rs.destroyed, true);
  }

  // start/end (inclusive), encoding, small highWaterMark.
  {
    const rs = fs.createReadStream(j('data'), { start: 10, end: 19, highWaterMark: 4, encoding: 'hex' });
    const parts = [];
    for await (const part of rs) parts.push(part);
    assert.deepStrictEqual(parts, [
      data.subarray(10, 14).toString('hex'),
      data.subarray(14, 18).toString('hex'),
      data.subarray(18, 20).toString('hex'),
    ]);
    const tail = [];
    for await (const chunk of fs.createReadStream(j('data'), { start: data.length - 3 })) {
      tail.push(...chunk);
    }
    assert.deepStrictEqual(tail, [...data.subarray(data.length - 3)]);
  }

  // Write stream: writes, end, bytesWritten; flags/start to patch a file in place.
  {
    const ws = fs.createWriteStream(j('out'));
    assert.ok(ws instanceof fs.WriteStream);
    ws.write('hello ');
    ws.write(Buffer.from('world'));
    ws.end('!');
    await once(ws, 'finish');
    await once(ws, 'close');
    assert.strictEqual(ws.bytesWritten, 12);
    assert.strictEqual(fs.readFileSync(j('out'), 'utf8'), 'hello world!');
    const patch = fs.createWriteStream(j('out'), { flags: 'r+', start: 6, flush: true });
    patch.end('WORLD');
    await once(patch, 'close');
    assert.strictEqual(fs.readFileSync(j('out'), 'utf8'), 'hello WORLD!');
    const ap = fs.createWriteStream(j('out'), { flags: 'a', encoding: 'latin1' });
    ap.end('\u00ff');
    await once(ap, 'close');
    assert.deepStrictEqual(fs.readFileSync(j('out')).subarray(-1), Buffer.from([0xff]));
  }

  // A large file through pipeline.
  {
    const big = Buffer.alloc(5 * 1024 * 1024 + 13);
    for (let i = 0; i < big.length; i += 4096) big[i] = i & 0xff;
    fs.writeFileSync(j('big'), big);
    await new Promise((resolve, reject) => {
      pipeline(fs.createReadStream(j('big')), fs.createWriteStream(j('big-copy')),
               (err) => (err ? reject(err) : resolve()));
    });
    assert.strictEqual(checksum(fs.readFileSync(j('big-copy'))), checksum(big));
  }

  // Backpressure: a slow writer with a small buffer keeps the file stream paused, so the
  // bytes read ahead of the writer stay bounded.
  {
    let written = 0;
    let maxAhead = 0;
    const rs = fs.createReadStream(j('big'), { highWaterMark: 16 * 1024 });
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk, encoding, cb) {
        written += chunk.length;
        maxAhead = Math.max(maxAhead, rs.bytesRead - written);
        setTimeout(cb, 1);
      },
    });
    await new Promise((resolve, reject) => {
      pipeline(rs, slow, (err) => (err ? reject(err) : resolve()));
    });
    assert.strictEqual(written, fs.statSync(j('big')).size);
    assert.ok(maxAhead <= 4 * 16 * 1024, `read ${maxAhead} bytes ahead of the writer`);
  }

  // FileHandle streams.
  {
    const fh = await fs.promises.open(j('data'));
    let n = 0;
    for await (const chunk of fh.createReadStream({ start: 0, end: 99 })) n += chunk.length;
    assert.strictEqual(n, 100);
    assert.strictEqual(fh.fd, -1);  // autoClose closed the handle.
    const fh2 = await fs.promises.open(j('fh-out'), 'w');
    const ws = fh2.createWriteStream();
    ws.end('via handle');
    await once(ws, 'close');
    assert.strictEqual(fs.readFileSync(j('fh-out'), 'utf8'), 'via handle');
    assert.strictEqual(fh2.fd, -1);
  }

  // An fd, not closed with autoClose: false.
  {
    const fd = fs.openSync(j('data'), 'r');
    const rs = fs.createReadStream(null, { fd, autoClose: false, end: 9 });
    let n = 0;
    rs.on('data', (c) => { n += c.length; });
    await once(rs, 'end');
    assert.strictEqual(n, 10);
    fs.fstatSync(fd);  // Still open.
    fs.closeSync(fd);
  }

  // Errors.
  {
    const rs = fs.createReadStream(j('missing'));
    const [err] = await once(rs, 'error');
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'open');
    assert.strictEqual(err.path, j('missing'));
    const ws = fs.createWriteStream(dir);
    const [err2] = await once(ws, 'error');
    assert.strictEqual(err2.code, 'EISDIR');
    assert.throws(() => fs.createReadStream(j('data'), { start: 10, end: 5 }), {
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "start" is out of range. It must be <= "end" (here: 5). Received 10',
    });
    assert.throws(() => fs.createReadStream(j('data'), { start: -1 }), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => fs.createReadStream(42), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => fs.createWriteStream(j('x'), { fd: 'bad' }), { code: 'ERR_INVALID_ARG_TYPE' });
  }
}

let done = false;
main().then(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  done = true;
});
process.on('exit', () => assert.ok(done));
