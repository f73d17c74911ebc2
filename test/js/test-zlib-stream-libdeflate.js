'use strict';
// Compression streams (createGzip, createDeflate, createDeflateRaw) at levels 1-9 with default
// options: ringjs compresses them with libdeflate 256 KiB of input at a time, and small or
// message-by-message flushed streams and params() to a strategy or level 0 with zlib, so the
// deflate bytes differ from node's. What must match: everything decodes to what was written
// (whole, and up to each flush point), the header and trailer, the flush markers, the errors
// and stream events. Compressed bytes are printed only where zlib writes them exactly
// (an empty stream, a flush with no input).
const assert = require('assert');
const crypto = require('crypto');
const zlib = require('zlib');

const KiB = 1024;
const formats = {
  gzip: { create: zlib.createGzip, inflate: zlib.gunzipSync, head: 10, tail: 8 },
  deflate: { create: zlib.createDeflate, inflate: zlib.inflateSync, head: 2, tail: 4 },
  deflateRaw: { create: zlib.createDeflateRaw, inflate: zlib.inflateRawSync, head: 0, tail: 0 },
};
const sum = (buf) => `${buf.length}:${zlib.crc32(buf).toString(16)}`;

// Text of words from a small vocabulary (the same bytes in every runtime).
function words(size, seed) {
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0);
  const vocabulary = Array.from({ length: 400 }, () => {
    const r = rand();
    const letters = Array.from({ length: 2 + (r >>> 28) },
                               (_, j) => String.fromCharCode(97 + ((r >>> j * 3) & 15)));
    return letters.join('');
  });
  const out = Buffer.allocUnsafe(size + 40);
  let at = 0;
  while (at < size) at += out.write(`${vocabulary[(rand() >>> 16) % vocabulary.length]} `, at);
  return out.subarray(0, size);
}

// Random bytes from a seed (the same in every runtime).
function noise(size, seed) {
  const out = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out[i] = seed >>> 24;
  }
  return out;
}

// Writes `pieces` to a new stream and resolves with its whole output and the stream.
function compress(format, options, pieces) {
  return new Promise((resolve, reject) => {
    const stream = formats[format].create(options);
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve({ out: Buffer.concat(out), stream }));
    for (const piece of pieces) stream.write(piece);
    stream.end();
  });
}

function split(buf, size) {
  const pieces = [];
  for (let i = 0; i < buf.length; i += size) pieces.push(buf.subarray(i, i + size));
  return pieces;
}

const once = (emitter, event) => new Promise((resolve) => emitter.once(event, resolve));

async function roundTrips() {
  const text = words(1300 * KiB, 3);  // more than 4 pieces of 256 KiB
  const random = noise(600 * KiB, 4);
  const mixed = Buffer.concat([text.subarray(0, 300 * KiB), random.subarray(0, 100 * KiB),
                               text.subarray(300 * KiB, 700 * KiB)]);
  for (const format of Object.keys(formats)) {
    const { inflate, head, tail } = formats[format];
    for (const level of [undefined, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const results = [];
      for (const [data, writeSize] of [[text, 64 * KiB], [random, 100 * KiB], [mixed, 1000000],
                                       [text.subarray(0, 5000), 5000],
                                       [text.subarray(0, 300 * KiB), 256 * KiB],
                                       [text.subarray(0, 256 * KiB), 256 * KiB],
                                       [text.subarray(0, 512 * KiB), 512 * KiB]]) {
        const { out, stream } = await compress(format, { level }, split(data, writeSize));
        const back = inflate(out);
        results.push(back.equals(data) && stream.bytesWritten === data.length);
      }
      const { out } = await compress(format, { level }, [text.subarray(0, 8000)]);
      console.log(format, 'level', level, results.join(' '),
                  out.subarray(0, head).toString('hex'), '..',
                  out.subarray(out.length - tail).toString('hex'));
    }
  }
}

// end(buffer): the only write carries the finish flush (exactly one and two pieces, and more).
async function endWithBuffer() {
  const text = words(1100 * KiB, 12);
  for (const format of Object.keys(formats)) {
    const results = [];
    for (const size of [4 * KiB, 256 * KiB, 512 * KiB, 1100 * KiB]) {
      const stream = formats[format].create();
      const out = [];
      stream.on('data', (chunk) => out.push(chunk));
      stream.end(text.subarray(0, size));
      await once(stream, 'end');
      results.push(formats[format].inflate(Buffer.concat(out)).equals(text.subarray(0, size)));
    }
    console.log(format, 'end(buffer)', results.join(' '));
  }
}

// Many small writes, and one byte at a time.
async function smallWrites() {
  const text = words(700 * KiB, 5);
  const sizes = [];
  for (let i = 0, at = 0; at < text.length; i++) {
    sizes.push(1 + ((i * 7919) % 3000));
    at += sizes[sizes.length - 1];
  }
  const pieces = [];
  for (let at = 0, i = 0; at < text.length; at += sizes[i++]) {
    pieces.push(text.subarray(at, at + sizes[i]));
  }
  for (const format of Object.keys(formats)) {
    const { out } = await compress(format, {}, pieces);
    console.log(format, 'small writes', pieces.length,
                sum(formats[format].inflate(out)) === sum(text));
    const bytes = split(text.subarray(0, 20000), 1);
    const { out: tiny } = await compress(format, {}, bytes);
    console.log(format, 'byte writes',
                formats[format].inflate(tiny).equals(text.subarray(0, 20000)));
  }
}

// The output up to each flush decodes to everything written before it, and ends with the
// sync marker; at the end the whole decodes.
async function flushPoints() {
  const text = words(900 * KiB, 6);
  // A piece and a flushed piece on libdeflate, then small flushes (zlib takes over).
  const plan = [[0, 400 * KiB], [400 * KiB, 400 * KiB + 100], [400 * KiB + 100, 410 * KiB],
                [410 * KiB, 410 * KiB + 5], [410 * KiB + 5, 800 * KiB], [800 * KiB, 800 * KiB]];
  for (const format of Object.keys(formats)) {
    for (const kind of [zlib.constants.Z_SYNC_FLUSH, zlib.constants.Z_FULL_FLUSH,
                        zlib.constants.Z_PARTIAL_FLUSH, undefined]) {
      const stream = formats[format].create();
      const out = [];
      stream.on('data', (chunk) => out.push(chunk));
      const lines = [];
      for (const [from, to] of plan) {
        stream.write(text.subarray(from, to));
        await new Promise((resolve) => {
          if (kind === undefined) stream.flush(resolve);
          else stream.flush(kind, resolve);
        });
        const soFar = Buffer.concat(out);
        const decoded = formats[format].inflate(soFar,
                                                { finishFlush: zlib.constants.Z_SYNC_FLUSH });
        const marker = soFar.subarray(soFar.length - 4).toString('hex');
        // A partial flush ends in an empty fixed block, not at a byte boundary.
        const ending = kind === zlib.constants.Z_PARTIAL_FLUSH ? '' : `:${marker}`;
        lines.push(`${decoded.equals(text.subarray(0, to))}${ending}`);
      }
      stream.end(text.subarray(800 * KiB));
      await once(stream, 'end');
      console.log(format, 'flush', kind, lines.join(' '),
                  formats[format].inflate(Buffer.concat(out)).equals(text));
    }
  }
  // A flush before any input: the header and an empty stored block, as zlib writes them.
  for (const format of Object.keys(formats)) {
    const stream = formats[format].create({ level: 9 });
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    await new Promise((resolve) => stream.flush(resolve));
    const first = Buffer.concat(out).toString('hex');
    await new Promise((resolve) => stream.flush(resolve));
    const second = Buffer.concat(out).toString('hex');
    stream.end();
    await once(stream, 'end');
    console.log(format, 'empty flush', first, second === first, Buffer.concat(out).toString('hex'));
  }
}

// params() between writes: other levels, level 0 and a strategy (zlib takes over), back.
async function params() {
  const text = words(1200 * KiB, 7);
  const steps = [[1, zlib.constants.Z_DEFAULT_STRATEGY], [9, zlib.constants.Z_DEFAULT_STRATEGY],
                 [0, zlib.constants.Z_DEFAULT_STRATEGY], [6, zlib.constants.Z_FILTERED],
                 [3, zlib.constants.Z_DEFAULT_STRATEGY]];
  for (const format of Object.keys(formats)) {
    const stream = formats[format].create();
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    const pieces = split(text, text.length / (steps.length + 1));
    stream.write(pieces[0]);
    for (let i = 0; i < steps.length; i++) {
      await new Promise((resolve) => stream.params(steps[i][0], steps[i][1], resolve));
      stream.write(pieces[i + 1]);
    }
    stream.end();
    await once(stream, 'end');
    console.log(format, 'params', formats[format].inflate(Buffer.concat(out)).equals(text));
  }
  // A strategy from the start and after a small flush.
  const stream = zlib.createDeflate();
  const out = [];
  stream.on('data', (chunk) => out.push(chunk));
  stream.write(text.subarray(0, 1000));
  await new Promise((resolve) => stream.params(9, zlib.constants.Z_HUFFMAN_ONLY, resolve));
  stream.end(text.subarray(1000, 600 * KiB));
  await once(stream, 'end');
  console.log('deflate params after small write',
              zlib.inflateSync(Buffer.concat(out)).equals(text.subarray(0, 600 * KiB)));
}

// Errors and lifecycle: write after end, destroy mid-stream, reset, backpressure.
async function lifecycle() {
  const text = words(2 * 1024 * KiB, 8);
  {
    const stream = zlib.createGzip();
    stream.resume();
    stream.end(text.subarray(0, 300 * KiB));
    const errors = [];
    stream.on('error', (err) => errors.push(`${err.name} ${err.code}`));
    stream.write('more', (err) => errors.push(`callback ${err && err.code}`));
    await once(stream, 'close');
    console.log('write after end', errors.join(', '));
  }
  {
    const stream = zlib.createGzip();
    let chunks = 0;
    const events = [];
    stream.on('data', () => {
      if (++chunks === 2) stream.destroy();
    });
    stream.on('end', () => events.push('end'));
    stream.on('error', (err) => events.push(`error ${err.message}`));
    for (const piece of split(text, 64 * KiB)) stream.write(piece);
    stream.end();
    await once(stream, 'close');
    console.log('destroy mid-stream', chunks, events.join(','), stream.destroyed);
  }
  {
    const stream = zlib.createDeflate();
    stream.on('error', (err) => console.log('destroy with error', err.message));
    stream.write(text.subarray(0, 500 * KiB));
    stream.destroy(new Error('stop'));
    await once(stream, 'close');
  }
  {
    // reset() after a flush starts a new stream with its own header.
    const stream = zlib.createGzip();
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    stream.write(text.subarray(0, 400 * KiB));
    await new Promise((resolve) => stream.flush(resolve));
    const before = Buffer.concat(out).length;
    stream.reset();
    stream.end(text.subarray(400 * KiB, 700 * KiB));
    await once(stream, 'end');
    const after = Buffer.concat(out).subarray(before);
    console.log('reset', zlib.gunzipSync(after).equals(text.subarray(400 * KiB, 700 * KiB)));
  }
  {
    // Nobody reads: write() reports a full buffer; once read, everything comes out.
    const stream = zlib.createGzip({ level: 1 });
    let refused = 0;
    for (const piece of split(text, 64 * KiB)) {
      if (!stream.write(piece)) refused++;
    }
    stream.end();
    await new Promise((resolve) => setImmediate(resolve));
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    await once(stream, 'end');
    console.log('backpressure', refused > 0, zlib.gunzipSync(Buffer.concat(out)).equals(text));
  }
}

// The synchronous paths that step the stream engine (info: true, a finishFlush, _processChunk).
function syncPaths() {
  const text = words(900 * KiB, 9);
  for (const format of Object.keys(formats)) {
    const { inflate } = formats[format];
    const withInfo = zlib[`${format}Sync`](text, { info: true });
    console.log(format, 'info', inflate(withInfo.buffer).equals(text),
                withInfo.engine.bytesWritten);
    const open = zlib[`${format}Sync`](text, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    console.log(format, 'sync finishFlush', open.subarray(open.length - 4).toString('hex'),
                inflate(open, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).equals(text));
  }
  const stream = zlib.createGzip();
  const first = stream._processChunk(text.subarray(0, 400 * KiB), zlib.constants.Z_FINISH);
  console.log('_processChunk', zlib.gunzipSync(first).equals(text.subarray(0, 400 * KiB)));
}

// Round trips through our own gunzip stream, fed in odd-sized pieces, like `gzip -d`.
async function streamInflate() {
  const data = Buffer.concat([words(500 * KiB, 10), noise(100 * KiB, 11)]);
  const { out } = await compress('gzip', {}, split(data, 33333));
  const gunzip = zlib.createGunzip();
  const back = [];
  gunzip.on('data', (chunk) => back.push(chunk));
  for (const piece of split(out, 7777)) gunzip.write(piece);
  gunzip.end();
  await once(gunzip, 'end');
  console.log('gunzip stream', sum(Buffer.concat(back)) === sum(data),
              out.readUInt32LE(out.length - 8) === zlib.crc32(data),
              out.readUInt32LE(out.length - 4) === data.length);
  assert.strictEqual(crypto.createHash('sha1').update(Buffer.concat(back)).digest('hex'),
                     crypto.createHash('sha1').update(data).digest('hex'));
}

(async () => {
  await roundTrips();
  await endWithBuffer();
  await smallWrites();
  await flushPoints();
  await params();
  await lifecycle();
  syncPaths();
  await streamInflate();
  // An empty stream: zlib's exact bytes.
  for (const format of Object.keys(formats)) {
    const { out: empty } = await compress(format, {}, []);
    console.log(format, 'empty', empty.toString('hex'));
  }
})();
