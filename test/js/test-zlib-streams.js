'use strict';
// zlib streams: pipes and pipeline through every format, byte-at-a-time input, backpressure
// with a slow reader, flush()/params()/reset()/close(), bytesWritten, error events, destroy.
const assert = require('assert');
const crypto = require('crypto');
const stream = require('stream');
const zlib = require('zlib');

let pending = 0;
function mustCall(fn = () => {}) {
  pending++;
  return function(...args) {
    pending--;
    return fn.apply(this, args);
  };
}
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(pending, 0, 'callbacks not called');
});

function collect(s, cb) {
  const chunks = [];
  s.on('data', (c) => chunks.push(c));
  s.on('end', () => cb(Buffer.concat(chunks)));
}

const random = crypto.randomBytes(256 * 1024);
const text = Buffer.from('streaming zlib data '.repeat(50000));

// Compressor piped into decompressor, written in uneven pieces.
const makers = [
  ['createDeflate', 'createInflate'], ['createGzip', 'createGunzip'],
  ['createDeflateRaw', 'createInflateRaw'], ['createGzip', 'createUnzip'],
  ['createBrotliCompress', 'createBrotliDecompress'],
];
for (const [c, d] of makers) {
  for (const input of [random, text]) {
    const comp = zlib[c]();
    const decomp = zlib[d]();
    comp.pipe(decomp);
    collect(decomp, mustCall((out) => {
      assert.deepStrictEqual(out, input, `${c}/${d}`);
      assert.strictEqual(decomp.bytesWritten > 0, true);
      assert.strictEqual(comp.bytesWritten, input.length);
    }));
    for (let i = 0; i < input.length; i += 7777) comp.write(input.subarray(i, i + 7777));
    comp.end();
  }
}

// One byte at a time into the decompressor.
{
  const packed = zlib.gzipSync('byte by byte works');
  const gunzip = zlib.createGunzip();
  collect(gunzip, mustCall((out) => assert.strictEqual(out.toString(), 'byte by byte works')));
  for (const b of packed) gunzip.write(Buffer.from([b]));
  gunzip.end();
}

// pipeline() with Readable.from, and multi-member gzip through a stream.
stream.pipeline(
  stream.Readable.from([zlib.gzipSync('one '), zlib.gzipSync('two '), zlib.gzipSync('three')]),
  zlib.createGunzip(),
  async function(source) {
    let s = '';
    for await (const chunk of source) s += chunk;
    assert.strictEqual(s, 'one two three');
  },
  mustCall((err) => assert.ifError(err)));

// Backpressure: a large output and a reader that pauses; small chunkSize and highWaterMark.
{
  const packed = zlib.deflateSync(text);
  const inflate = zlib.createInflate({ chunkSize: 1024, highWaterMark: 1024 });
  const chunks = [];
  let reads = 0;
  inflate.on('readable', function onReadable() {
    let chunk;
    while ((chunk = inflate.read()) !== null) {
      chunks.push(chunk);
      assert(chunk.length <= 1024);
    }
    reads++;
  });
  inflate.on('end', mustCall(() => {
    assert.deepStrictEqual(Buffer.concat(chunks), text);
    assert(reads > 100);
  }));
  inflate.end(packed);
}
{
  // A paused consumer, resumed later, still gets everything.
  const gz = zlib.createGzip({ chunkSize: 512 });
  const gunzip = zlib.createGunzip();
  gz.pipe(gunzip);
  gunzip.pause();
  gz.end(random);
  setTimeout(mustCall(() => {
    collect(gunzip, mustCall((out) => assert.deepStrictEqual(out, random)));
    gunzip.resume();
  }), 50);
}

// flush(): Z_SYNC_FLUSH by default kind for flush(cb) is Z_FULL_FLUSH; output is decodable
// up to that point.
{
  const deflate = zlib.createDeflate();
  const inflate = zlib.createInflate();
  deflate.pipe(inflate);
  let got = '';
  inflate.on('data', (c) => { got += c; });
  // The inflate side runs on the thread pool: wait for its output by event, not by a number
  // of loop turns (which a loaded machine does not honour).
  const whenInflated = (expected, cb) => {
    if (got.length >= expected.length) return cb();
    inflate.once('data', () => whenInflated(expected, cb));
  };
  deflate.write('first part ');
  deflate.flush(mustCall(() => {
    whenInflated('first part ', mustCall(() => {
      assert.strictEqual(got, 'first part ');
      deflate.write('second part');
      deflate.flush(zlib.constants.Z_SYNC_FLUSH, mustCall(() => {
        deflate.end();
      }));
    }));
  }));
  inflate.on('end', mustCall(() => assert.strictEqual(got, 'first part second part')));
}
{
  const d = zlib.createDeflate();
  d.write('abc');
  d.flush(mustCall(() => {
    // A full flush ends on an empty stored block.
    const out = d.read();
    assert.strictEqual(out.subarray(-4).toString('hex'), '0000ffff');
    d.end();
    d.resume();
  }));
}

// params() changes level and strategy mid-stream.
{
  const d = zlib.createDeflate({ level: 1 });
  const chunks = [];
  d.on('data', (c) => chunks.push(c));
  d.write(text.subarray(0, 100000));
  d.params(9, zlib.constants.Z_FILTERED, mustCall(() => {
    assert.strictEqual(d._level, 9);
    assert.strictEqual(d._strategy, zlib.constants.Z_FILTERED);
    d.end(text.subarray(100000));
  }));
  d.on('end', mustCall(() => {
    assert.deepStrictEqual(zlib.inflateSync(Buffer.concat(chunks)), text);
  }));
  assert.throws(() => d.params(10, 0), { code: 'ERR_OUT_OF_RANGE' });
}

// reset() starts a new stream on the same engine.
{
  const d = zlib.createDeflateRaw();
  d.write('lost');
  d.reset();
  // Not much to check except that it keeps working.
  d.end('kept');
  collect(d, mustCall((out) => {
    assert.ok(zlib.inflateRawSync(out, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).length >= 0);
  }));
}

// Errors arrive as 'error' events with node's fields; the stream is destroyed.
{
  const inflate = zlib.createInflate();
  inflate.on('error', mustCall((err) => {
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
    assert.strictEqual(err.errno, -3);
    assert.strictEqual(err.message, 'incorrect header check');
    assert.strictEqual(inflate.destroyed, true);
    assert.strictEqual(inflate._closed, true);
  }));
  inflate.on('close', mustCall());
  inflate.end(Buffer.from('definitely not zlib'));
}
{
  const gunzip = zlib.createGunzip();
  gunzip.on('error', mustCall((err) => {
    assert.strictEqual(err.code, 'Z_BUF_ERROR');
    assert.strictEqual(err.message, 'unexpected end of file');
  }));
  gunzip.resume();
  gunzip.end(zlib.gzipSync(text).subarray(0, 200));
}
{
  const br = zlib.createBrotliDecompress();
  br.on('error', mustCall((err) => {
    assert.strictEqual(err.code, 'ERR__ERROR_FORMAT_PADDING_1');
    assert.strictEqual(err.errno, -14);
  }));
  br.end(Buffer.from('garbage data here'));
}
stream.pipeline(stream.Readable.from([Buffer.from('bad input')]), zlib.createInflateRaw(),
                new stream.PassThrough(), mustCall((err) => {
                  assert.strictEqual(err.code, 'Z_DATA_ERROR');
                }));

// close() and destroy() mid-stream.
{
  const gz = zlib.createGzip();
  gz.write(random);
  gz.close(mustCall(() => {
    assert.strictEqual(gz._closed, true);
    assert.strictEqual(gz.destroyed, true);
  }));
}
{
  const gz = zlib.createGzip();
  gz.on('close', mustCall());
  gz.write(text);
  setImmediate(() => gz.destroy());
}

// Constructors without new, instanceof chains, options checks at construction.
assert(zlib.Gzip() instanceof zlib.Gzip);
assert(zlib.createGzip() instanceof stream.Transform);
assert(new zlib.BrotliCompress() instanceof zlib.BrotliCompress);
assert.strictEqual(typeof zlib.createBrotliCompress().params, 'function');
assert.throws(() => zlib.createGzip({ chunkSize: 1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.createBrotliCompress({ params: { foo: 1 } }), {
  code: 'ERR_BROTLI_INVALID_PARAM', message: 'foo is not a valid Brotli parameter',
});
// objectMode and encoding options are ignored for the writable side, as node.
{
  const d = zlib.createDeflate({ encoding: 'hex', objectMode: true });
  collect(d, mustCall((out) => assert.deepStrictEqual(zlib.inflateSync(out).toString(), 'x')));
  d.end('x');
}
