'use strict';
// zlib callback functions (thread pool) and their util.promisify forms: round trips, many in
// flight, input forms, errors delivered to the callback, info and maxOutputLength.
const assert = require('assert');
const crypto = require('crypto');
const util = require('util');
const zlib = require('zlib');

let pending = 0;
function mustCall(fn) {
  pending++;
  return function(...args) {
    pending--;
    return fn.apply(this, args);
  };
}
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(pending, 0, 'callbacks not called');
});

const random = crypto.randomBytes(300 * 1024);
const text = Buffer.from('hello world, hello zlib. '.repeat(40000));

const pairs = [
  ['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'], ['gzip', 'unzip'],
  ['deflate', 'unzip'], ['brotliCompress', 'brotliDecompress'],
];
for (const [c, d] of pairs) {
  for (const input of [random, text, Buffer.alloc(0)]) {
    let sync = true;
    zlib[c](input, mustCall((err, packed) => {
      assert(!sync);
      assert.strictEqual(err, null);
      assert(Buffer.isBuffer(packed));
      // Same bytes as the sync form.
      assert.deepStrictEqual(packed, zlib[`${c}Sync`](input));
      zlib[d](packed, mustCall((err2, out) => {
        assert.strictEqual(err2, null);
        assert.deepStrictEqual(out, input, `${c}/${d}`);
      }));
    }));
    sync = false;
  }
}

// With options, and string / view / ArrayBuffer inputs.
zlib.deflate('héllo', { level: 9 }, mustCall((err, out) => {
  assert.ifError(err);
  assert.strictEqual(zlib.inflateSync(out).toString(), 'héllo');
}));
zlib.gzip(new Uint16Array([1, 2, 3]), mustCall((err, out) => {
  assert.ifError(err);
  assert.deepStrictEqual(zlib.gunzipSync(out), Buffer.from(new Uint16Array([1, 2, 3]).buffer));
}));
zlib.deflate(new ArrayBuffer(8), mustCall((err, out) => {
  assert.ifError(err);
  assert.deepStrictEqual(zlib.inflateSync(out), Buffer.alloc(8));
}));
zlib.brotliCompress(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } },
                    mustCall((err, out) => {
                      assert.ifError(err);
                      assert.deepStrictEqual(zlib.brotliDecompressSync(out), text);
                    }));

// Many in flight at once share the pool and all complete correctly.
for (let i = 0; i < 16; i++) {
  const input = Buffer.from(`item ${i} `.repeat(5000 + i * 100));
  zlib.gzip(input, mustCall((err, out) => {
    assert.ifError(err);
    zlib.gunzip(out, mustCall((err2, back) => {
      assert.ifError(err2);
      assert.deepStrictEqual(back, input);
    }));
  }));
}

// Errors go to the callback, with node's code and errno.
zlib.inflate(Buffer.from('garbage'), mustCall((err, out) => {
  assert.strictEqual(out, undefined);
  assert.strictEqual(err.constructor, Error);
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
  assert.strictEqual(err.errno, -3);
  assert.strictEqual(err.message, 'incorrect header check');
}));
zlib.gunzip(zlib.gzipSync(text).subarray(0, 100), mustCall((err) => {
  assert.strictEqual(err.code, 'Z_BUF_ERROR');
  assert.strictEqual(err.errno, -5);
  assert.strictEqual(err.message, 'unexpected end of file');
}));
zlib.brotliDecompress(Buffer.from('garbage data here'), mustCall((err) => {
  assert.strictEqual(err.code, 'ERR__ERROR_FORMAT_PADDING_1');
  assert.strictEqual(err.errno, -14);
  assert.strictEqual(err.message, 'Decompression failed');
}));
zlib.inflate(zlib.deflateSync('x', { dictionary: Buffer.from('d') }), mustCall((err) => {
  assert.strictEqual(err.code, 'Z_NEED_DICT');
  assert.strictEqual(err.message, 'Missing dictionary');
}));
zlib.inflate(zlib.deflateSync(text), { maxOutputLength: 1000 }, mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
  assert.strictEqual(err.message, 'Cannot create a Buffer larger than 1000 bytes');
}));
zlib.deflate('hello', { info: true }, mustCall((err, res) => {
  assert.ifError(err);
  assert.strictEqual(res.buffer.toString('hex'), '789ccb48cdc9c90700062c0215');
  assert(res.engine instanceof zlib.Deflate);
}));
assert.throws(() => zlib.deflate('x'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. Received undefined',
});
assert.throws(() => zlib.deflate('x', { level: 42 }, () => {}), { code: 'ERR_OUT_OF_RANGE' });

// Promisified forms.
(async () => {
  const gzip = util.promisify(zlib.gzip);
  const gunzip = util.promisify(zlib.gunzip);
  const br = util.promisify(zlib.brotliCompress);
  const unbr = util.promisify(zlib.brotliDecompress);
  assert.deepStrictEqual(await gunzip(await gzip(random)), random);
  assert.deepStrictEqual(await unbr(await br(text)), text);
  await assert.rejects(util.promisify(zlib.inflate)(Buffer.from('bad')), {
    code: 'Z_DATA_ERROR', errno: -3, message: 'incorrect header check',
  });
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) =>
    util.promisify(zlib.deflateRaw)(Buffer.alloc(10000 * (i + 1), i))));
  for (let i = 0; i < 8; i++) {
    assert.deepStrictEqual(zlib.inflateRawSync(results[i]), Buffer.alloc(10000 * (i + 1), i));
  }
})().then(mustCall(() => {}));
