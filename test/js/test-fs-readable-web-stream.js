'use strict';
// FileHandle.readableWebStream() against node 20's output: the default stream's ArrayBuffer
// chunks of 64 KiB, the byte stream's Uint8Array chunks of 16 KiB and BYOB views filled in
// place, reading from the current position, the handle's lock, closed handles, option checks.
const fs = require('fs');
const fsp = fs.promises;
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-web-'));
const file = path.join(dir, 'data');
const empty = path.join(dir, 'empty');
const content = Buffer.alloc(150000);
for (let i = 0; i < content.length; i++) content[i] = (i * 7 + (i >> 8)) & 0xff;
fs.writeFileSync(file, content);
fs.writeFileSync(empty, '');

const errInfo = (e) => `${e.name} ${e.code} ${e.message}`;
const shape = (c) => `${c.constructor.name}:${c.byteLength}`;

async function collect(stream) {
  const shapes = [];
  const parts = [];
  for await (const chunk of stream) {
    shapes.push(shape(chunk));
    parts.push(Buffer.from(chunk instanceof ArrayBuffer ? chunk : chunk.buffer,
                           chunk.byteOffset || 0, chunk.byteLength));
  }
  return { shapes: shapes.join(' '), data: Buffer.concat(parts) };
}

async function withHandle(name, fn) {
  const fh = await fsp.open(name);
  try {
    await fn(fh);
  } finally {
    await fh.close();
  }
}

(async () => {
  await withHandle(file, async (fh) => {
    console.log(fh.readableWebStream.name, fh.readableWebStream.length);
    const stream = fh.readableWebStream();
    console.log(Object.prototype.toString.call(stream));
    try {
      fh.readableWebStream();
    } catch (e) {
      console.log('second stream:', errInfo(e));
    }
    const { bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
    console.log('positioned read while locked:', bytesRead);
    const { shapes, data } = await collect(stream);
    console.log('default:', shapes, data.equals(content));
    try {
      fh.readableWebStream();
    } catch (e) {
      console.log('after the end:', errInfo(e));
    }
  });

  await withHandle(file, async (fh) => {
    const { shapes, data } = await collect(fh.readableWebStream({ type: 'bytes' }));
    console.log('bytes:', shapes, data.equals(content));
  });

  await withHandle(file, async (fh) => {
    await fh.read(Buffer.alloc(1000), 0, 1000);
    const { shapes, data } = await collect(fh.readableWebStream({ type: 'other' }));
    console.log('after 1000 bytes read:', shapes, data.equals(content.subarray(1000)));
  });

  await withHandle(file, async (fh) => {
    const reader = fh.readableWebStream({ type: 'bytes' }).getReader({ mode: 'byob' });
    const sizes = [];
    let total = 0;
    let backing = new ArrayBuffer(40000);  // Transferred by each read: the next uses value's.
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(backing));
      if (done) {
        sizes.push(`done:${value.byteLength}`);
        break;
      }
      const ok = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
        .equals(content.subarray(total, total + value.byteLength));
      sizes.push(`${value.byteOffset}+${value.byteLength}${ok ? '' : '!'}`);
      total += value.byteLength;
      backing = value.buffer;
    }
    console.log('byob:', sizes.join(' '), total);
  });

  await withHandle(file, async (fh) => {
    const reader = fh.readableWebStream({ type: 'bytes' }).getReader();
    const first = await reader.read();
    console.log('bytes first chunk:', shape(first.value), first.value.byteOffset,
                first.value.buffer.byteLength);
    reader.releaseLock();
  });

  await withHandle(empty, async (fh) => {
    console.log('empty default:', JSON.stringify((await collect(fh.readableWebStream())).shapes));
  });
  await withHandle(empty, async (fh) => {
    const reader = fh.readableWebStream({ type: 'bytes' }).getReader({ mode: 'byob' });
    const { done, value } = await reader.read(new Uint8Array(8));
    console.log('empty byob:', done, shape(value));
  });

  for (const options of [5, 'str', null, { type: 5 }, { type: 'bytes', extra: 1 }, undefined]) {
    await withHandle(file, async (fh) => {
      try {
        const stream = fh.readableWebStream(options);
        console.log('options', String(options), (await collect(stream)).shapes);
      } catch (e) {
        console.log('options', String(options), errInfo(e));
      }
    });
  }

  for (const type of [undefined, 'bytes']) {
    const fh = await fsp.open(file);
    const reader = fh.readableWebStream({ type }).getReader(type ? { mode: 'byob' } : undefined);
    fh.close();
    await reader.closed;
    console.log('closed with the handle:', type);
  }

  const closed = await fsp.open(file);
  await closed.close();
  try {
    closed.readableWebStream();
  } catch (e) {
    console.log('closed:', errInfo(e));
  }
  const closing = await fsp.open(file);
  const pending = closing.read(Buffer.alloc(10), 0, 10, 0);
  const closePromise = closing.close();
  try {
    closing.readableWebStream();
    console.log('closing: made a stream');
  } catch (e) {
    console.log('closing: threw', e.code);
  }
  await pending.catch(() => {});
  await closePromise;
  fs.rmSync(dir, { recursive: true, force: true });
})();
