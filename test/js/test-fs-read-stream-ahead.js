'use strict';
// fs.ReadStream over a large file, where ringjs reads ahead: the bytes, their order, the chunk
// sizes and bytesRead must be node's with a slow consumer (paused between chunks), with start
// and end, when destroyed mid-stream, with fs.read patched (every read through it) and with an
// fd given (its position respected).
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-ahead-'));
const file = path.join(dir, 'data.bin');
const size = 5 * 65536 + 1234;
const data = Buffer.alloc(size);
for (let i = 0; i < size; i++) data[i] = (i * 7 + (i >> 9)) & 0xff;
fs.writeFileSync(file, data);
const hash = (b) => crypto.createHash('sha1').update(b).digest('hex').slice(0, 12);

// Collects a stream; `slow` pauses after each chunk and resumes from a later turn.
function collect(stream, slow) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => {
      chunks.push(chunk);
      if (slow) {
        stream.pause();
        setImmediate(() => setImmediate(() => stream.resume()));
      }
    });
    stream.on('error', reject);
    stream.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(`${chunks.map((c) => c.length).join(',')} bytesRead=${stream.bytesRead} ` +
              `len=${all.length} ${hash(all)}`);
    });
  });
}

async function main() {
  console.log('whole', hash(data));
  console.log('fast', await collect(fs.createReadStream(file), false));
  console.log('slow', await collect(fs.createReadStream(file, { highWaterMark: 50000 }), true));
  console.log('start/end', await collect(fs.createReadStream(file, { start: 1000, end: 200000,
                                                                   highWaterMark: 65536 }), true));
  console.log('expected', hash(data.subarray(1000, 200001)));
  // Large chunks (their memory is recycled once collected): every chunk kept stays intact.
  for (let round = 0; round < 3; round++) {
    console.log('large chunks', await collect(fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
                                              round === 1));
  }
  console.log('end only', await collect(fs.createReadStream(file, { end: 131071 }), false));
  console.log('start only', await collect(fs.createReadStream(file, { start: 300000 }), false));

  // An fd at a non-zero position: reading starts there.
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, Buffer.alloc(10000), 0, 10000, null);
  console.log('fd at 10000', await collect(fs.createReadStream(null, { fd }), true));
  console.log('expected', hash(data.subarray(10000)));

  // Destroyed after the first chunk: closes once, emits close, no error.
  await new Promise((resolve) => {
    const stream = fs.createReadStream(file);
    let chunks = 0;
    stream.on('data', () => {
      chunks++;
      stream.destroy();
    });
    stream.on('close', () => {
      console.log('destroyed', chunks, stream.destroyed, stream.bytesRead);
      resolve();
    });
  });

  // A patched fs.read sees every read.
  const read = fs.read;
  let calls = 0;
  fs.read = function(...args) {
    calls++;
    return read.apply(this, args);
  };
  console.log('patched', await collect(fs.createReadStream(file), true), 'calls', calls);
  fs.read = read;
}

main().then(() => fs.rmSync(dir, { recursive: true, force: true }));
