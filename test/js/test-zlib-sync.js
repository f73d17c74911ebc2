'use strict';
// zlib *Sync functions: round trips of random and compressible data in every format, data
// compressed by node (interop), known small outputs, options, dictionaries, multi-member
// gzip, info, maxOutputLength, crc32, constants and node's errors.
const assert = require('assert');
const crypto = require('crypto');
const zlib = require('zlib');

const random = crypto.randomBytes(200 * 1024);
const text = Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(40) +
                         '0123456789'.repeat(30));
const big = Buffer.from('abcdefghij'.repeat(300000));  // 3 MB, compresses well.

const pairs = [
  ['deflateSync', 'inflateSync'],
  ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'],
  ['gzipSync', 'unzipSync'],
  ['deflateSync', 'unzipSync'],
  ['brotliCompressSync', 'brotliDecompressSync'],
];
for (const [c, d] of pairs) {
  for (const input of [random, text, big, Buffer.alloc(0)]) {
    const packed = zlib[c](input);
    assert(Buffer.isBuffer(packed));
    assert.deepStrictEqual(zlib[d](packed), input, `${c}/${d}`);
  }
  if (c !== 'brotliCompressSync') assert(zlib[c](big).length < big.length / 100, c);
}

// Data compressed by node v20 (its own zlib and brotli).
{
  const fixtures = {
    gzip: 'H4sIAAAAAAACAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUwgZVTyqeFTxqOJRxa' +
          'OKh5diA0MjYxNTM3MLy1EWIRYAv4XdyTQIAAA=',
    deflate: 'eJwLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIGVU8qnhU8ajiUcWjioeX' +
             'YgNDI2MTUzNzC8tRFiEWAP1pw70=',
    raw: 'C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPBoao2ljNKeMFgWjBePwqi' +
         'YMDI2MTUzNzC0sR1mEwgAA',
    br: 'GzMIiIyUqOPbCJUOYR6SPlAuHUu8gBNqlVFhb+CQA4cL3AsJ24pVZ0AnnNbV6ThRxkvwEJxKt/9op6AHV411PsSUCwA=',
    dict: 'eLsu6QXTC8lIVShEFVLIKs0tKFbIL0stUijJSFXISayqVEjJT9dTGFU8qnhU8ajiUcWjioeZYgNDI2MTUzNzC8t' +
          'RFiEWAP1pw70=',
  };
  const b = (s) => Buffer.from(s, 'base64');
  const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
  const want = 'e97b98eaa273006eb86c900ec8071fd142b607557ce564e382942be617bca356';
  assert.strictEqual(sha(text), want);
  assert.strictEqual(sha(zlib.gunzipSync(b(fixtures.gzip))), want);
  assert.strictEqual(sha(zlib.unzipSync(b(fixtures.gzip))), want);
  assert.strictEqual(sha(zlib.inflateSync(b(fixtures.deflate))), want);
  assert.strictEqual(sha(zlib.unzipSync(b(fixtures.deflate))), want);
  assert.strictEqual(sha(zlib.inflateRawSync(b(fixtures.raw))), want);
  assert.strictEqual(sha(zlib.brotliDecompressSync(b(fixtures.br))), want);
  assert.strictEqual(
    sha(zlib.inflateSync(b(fixtures.dict), { dictionary: Buffer.from('quick brown fox') })),
    want);
}

// Small outputs that every zlib version agrees on (the same bytes node produces).
assert.strictEqual(zlib.deflateSync('hello').toString('hex'), '789ccb48cdc9c90700062c0215');
assert.strictEqual(zlib.deflateRawSync('hello').toString('hex'), 'cb48cdc9c90700');
assert.strictEqual(zlib.gzipSync('hello').toString('hex'),
                   '1f8b0800000000000003cb48cdc9c9070086a6103605000000');
assert.strictEqual(zlib.brotliCompressSync('hello').toString('hex'), '0b028068656c6c6f03');
assert.strictEqual(zlib.deflateSync('hello', { level: 0 }).toString('hex'),
                   '7801010500faff68656c6c6f062c0215');
assert.strictEqual(zlib.deflateRawSync('hello', { windowBits: 8 }).toString('hex'),
                   'cb48cdc9c90700');

// Input forms: strings, any view, ArrayBuffer.
assert.strictEqual(zlib.inflateSync(zlib.deflateSync('héllo')).toString(), 'héllo');
assert.strictEqual(zlib.deflateSync(new Uint16Array([1, 2])).toString('hex'),
                   '789c636460620000000c0004');
assert.strictEqual(zlib.deflateSync(new ArrayBuffer(4)).toString('hex'),
                   '789c63606060000000040001');
assert.strictEqual(zlib.deflateSync(new DataView(Buffer.from('hello').buffer, 0, 0)).length, 8);
assert.deepStrictEqual(zlib.inflateSync(new Uint8Array(zlib.deflateSync('x'))), Buffer.from('x'));

// Options: levels, strategies, memLevel, windowBits, chunkSize all round trip.
for (const level of [-1, 0, 1, 5, 9]) {
  for (const strategy of [0, 1, 2, 3, 4]) {
    const packed = zlib.deflateSync(text, { level, strategy, memLevel: 9 });
    assert.deepStrictEqual(zlib.inflateSync(packed), text, `${level} ${strategy}`);
  }
}
for (const windowBits of [9, 12, 15]) {
  const packed = zlib.gzipSync(big, { windowBits });
  assert.deepStrictEqual(zlib.gunzipSync(packed, { windowBits }), big);
  assert.deepStrictEqual(zlib.gunzipSync(packed), big);
  assert.deepStrictEqual(zlib.inflateRawSync(zlib.deflateRawSync(big, { windowBits }),
                                             { windowBits }), big);
}
assert.deepStrictEqual(zlib.inflateSync(zlib.deflateSync(big, { chunkSize: 64 }),
                                        { chunkSize: 100 }), big);
{
  const q1 = zlib.brotliCompressSync(big, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 },
  });
  const q11 = zlib.brotliCompressSync(text, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length,
    },
  });
  assert.deepStrictEqual(zlib.brotliDecompressSync(q1), big);
  assert.deepStrictEqual(zlib.brotliDecompressSync(q11), text);
  assert.deepStrictEqual(zlib.brotliDecompressSync(q1, { chunkSize: 1024 }), big);
}

// Dictionaries.
{
  const dict = Buffer.from('quick brown fox');
  const packed = zlib.deflateSync(text, { dictionary: dict });
  assert.deepStrictEqual(zlib.inflateSync(packed, { dictionary: dict }), text);
  assert.deepStrictEqual(zlib.inflateSync(packed, { dictionary: new Uint8Array(dict).buffer }),
                         text);
  assert.throws(() => zlib.inflateSync(packed), {
    name: 'Error', code: 'Z_NEED_DICT', errno: 2, message: 'Missing dictionary',
  });
  assert.throws(() => zlib.inflateSync(packed, { dictionary: Buffer.from('xx') }), {
    code: 'Z_NEED_DICT', errno: 2, message: 'Bad dictionary',
  });
  const raw = zlib.deflateRawSync(text, { dictionary: dict });
  assert.deepStrictEqual(zlib.inflateRawSync(raw, { dictionary: dict }), text);
  assert.throws(() => zlib.deflateSync('x', { dictionary: 'abc' }), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.dictionary" property must be an instance of Buffer, TypedArray, ' +
             'DataView, or ArrayBuffer. Received type string (\'abc\')',
  });
}

// Multi-member gzip, trailing zeros, trailing garbage.
assert.strictEqual(zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), zlib.gzipSync('b'),
                                                  zlib.gzipSync('c')])).toString(), 'abc');
assert.strictEqual(zlib.unzipSync(Buffer.concat([zlib.gzipSync('a'), zlib.gzipSync('b')]))
  .toString(), 'ab');
assert.strictEqual(zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.alloc(10)]))
  .toString(), 'a');
assert.throws(() => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.from('garbage')])),
              { code: 'Z_DATA_ERROR', message: 'incorrect header check' });
// Trailing data after a deflate stream is ignored.
assert.strictEqual(zlib.inflateSync(Buffer.concat([zlib.deflateSync('a'), Buffer.from('zz')]))
  .toString(), 'a');

// finishFlush lets a truncated stream yield what it has.
{
  const packed = zlib.deflateSync(text);
  const part = zlib.inflateSync(packed.subarray(0, packed.length - 10),
                                { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  assert(text.subarray(0, part.length).equals(part));
  assert(part.length > 0);
}

// info: true gives { buffer, engine }.
{
  const { buffer, engine } = zlib.deflateSync('hello', { info: true });
  assert.strictEqual(buffer.toString('hex'), '789ccb48cdc9c90700062c0215');
  assert(engine instanceof zlib.Deflate);
  assert.strictEqual(engine.bytesWritten, 5);
  assert.strictEqual(engine._closed, true);
}

// maxOutputLength.
assert.throws(() => zlib.inflateSync(zlib.deflateSync('hello'.repeat(1000)),
                                     { maxOutputLength: 10 }), {
  name: 'RangeError',
  code: 'ERR_BUFFER_TOO_LARGE',
  message: 'Cannot create a Buffer larger than 10 bytes',
});
assert.strictEqual(zlib.inflateSync(zlib.deflateSync('hello'), { maxOutputLength: 5 })
  .toString(), 'hello');

// Corrupt and truncated input: node's codes, errno and messages.
const dataErrors = [
  [() => zlib.inflateSync(Buffer.from('hello')), 'Z_DATA_ERROR', -3, 'incorrect header check'],
  [() => zlib.gunzipSync(Buffer.from('hello world')), 'Z_DATA_ERROR', -3,
   'incorrect header check'],
  [() => zlib.unzipSync(Buffer.from('hello world')), 'Z_DATA_ERROR', -3,
   'incorrect header check'],
  [() => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff])), 'Z_DATA_ERROR', -3,
   'invalid block type'],
  [() => zlib.brotliDecompressSync(Buffer.from('garbage data here')),
   'ERR__ERROR_FORMAT_PADDING_1', -14, 'Decompression failed'],
  [() => zlib.gunzipSync(zlib.gzipSync('hello').subarray(0, 10)), 'Z_BUF_ERROR', -5,
   'unexpected end of file'],
  [() => zlib.inflateSync(zlib.deflateSync('hello').subarray(0, 5)), 'Z_BUF_ERROR', -5,
   'unexpected end of file'],
  [() => zlib.brotliDecompressSync(zlib.brotliCompressSync('hello world hello').subarray(0, 5)),
   'Z_BUF_ERROR', -5, 'unexpected end of file'],
  [() => zlib.inflateSync(Buffer.alloc(0)), 'Z_BUF_ERROR', -5, 'unexpected end of file'],
  [() => zlib.gunzipSync(Buffer.alloc(0)), 'Z_BUF_ERROR', -5, 'unexpected end of file'],
  [() => zlib.brotliDecompressSync(Buffer.alloc(0)), 'Z_BUF_ERROR', -5,
   'unexpected end of file'],
];
for (const [fn, code, errno, message] of dataErrors) {
  assert.throws(fn, (err) => {
    assert.strictEqual(err.constructor, Error);
    assert.strictEqual(err.code, code);
    assert.strictEqual(err.errno, errno);
    assert.strictEqual(err.message, message);
    assert.deepStrictEqual(Object.keys(err), ['errno', 'code']);
    return true;
  });
}
{
  const corrupt = zlib.deflateSync(random);
  corrupt[corrupt.length >> 1] ^= 0xff;
  assert.throws(() => zlib.inflateSync(corrupt), { code: 'Z_DATA_ERROR', errno: -3 });
}

// Option errors.
const rangeErrors = [
  [{ level: 10 }, 'The value of "options.level" is out of range. It must be >= -1 and <= 9. ' +
                  'Received 10'],
  [{ windowBits: 7 }, 'The value of "options.windowBits" is out of range. It must be >= 8 and ' +
                      '<= 15. Received 7'],
  [{ memLevel: 0 }, 'The value of "options.memLevel" is out of range. It must be >= 1 and <= ' +
                    '9. Received 0'],
  [{ strategy: 5 }, 'The value of "options.strategy" is out of range. It must be >= 0 and <= ' +
                    '4. Received 5'],
  [{ chunkSize: 10 }, 'The value of "options.chunkSize" is out of range. It must be >= 64. ' +
                      'Received 10'],
  [{ level: Infinity }, 'The value of "options.level" is out of range. It must be a finite ' +
                        'number. Received Infinity'],
  [{ flush: 6 }, 'The value of "options.flush" is out of range. It must be >= 0 and <= 5. ' +
                 'Received 6'],
];
for (const [opts, message] of rangeErrors) {
  assert.throws(() => zlib.deflateSync('x', opts), {
    name: 'RangeError', code: 'ERR_OUT_OF_RANGE', message,
  });
}
assert.throws(() => zlib.gzipSync('x', { windowBits: 8 }), {
  message: 'The value of "options.windowBits" is out of range. It must be >= 9 and <= 15. ' +
           'Received 8',
});
assert.throws(() => zlib.deflateSync('x', { level: '1' }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.level" property must be of type number. Received type string (\'1\')',
});
assert.strictEqual(zlib.deflateSync('hello', { level: NaN }).toString('hex'),
                   '789ccb48cdc9c90700062c0215');
assert.throws(() => zlib.deflateSync(5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be of type string or an instance of Buffer, ' +
           'TypedArray, DataView, or ArrayBuffer. Received type number (5)',
});
assert.throws(() => zlib.brotliCompressSync('x', { params: { 100: 1 } }), {
  name: 'RangeError', code: 'ERR_BROTLI_INVALID_PARAM',
  message: '100 is not a valid Brotli parameter',
});
assert.throws(() => zlib.brotliCompressSync('x', { params: { 1: 'a' } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.params[key]" property must be of type number. Received type string ' +
           '(\'a\')',
});

// crc32 (node 20.15+).
assert.strictEqual(zlib.crc32('hello'), 907060870);
assert.strictEqual(zlib.crc32('hello world'), 222957957);
assert.strictEqual(zlib.crc32('world', zlib.crc32('hello ')), 222957957);
assert.strictEqual(zlib.crc32(Buffer.from('hello')), 907060870);
assert.strictEqual(zlib.crc32(new Uint16Array([1, 2])), 2882460411);
assert.strictEqual(zlib.crc32(''), 0);
assert.strictEqual(zlib.crc32('123456789'), 0xcbf43926);
assert.throws(() => zlib.crc32(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of Buffer, TypedArray, ' +
           'or DataView. Received type number (5)',
});
assert.throws(() => zlib.crc32('a', -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "value" is out of range. It must be >= 0 && <= 4294967295. ' +
           'Received -1',
});

// constants and codes.
{
  const c = zlib.constants;
  assert.strictEqual(c.Z_NO_FLUSH, 0);
  assert.strictEqual(c.Z_FINISH, 4);
  assert.strictEqual(c.Z_DATA_ERROR, -3);
  assert.strictEqual(c.Z_MAX_CHUNK, Infinity);
  assert.strictEqual(c.Z_DEFAULT_CHUNK, 16384);
  assert.strictEqual(c.BROTLI_PARAM_QUALITY, 1);
  assert.strictEqual(c.BROTLI_DECODER_ERROR_UNREACHABLE, -31);
  assert.strictEqual(c.UNZIP, 7);
  assert.strictEqual(c.BROTLI_ENCODE, 9);
  assert.strictEqual(Object.getOwnPropertyDescriptor(c, 'Z_FINISH').writable, false);
  const names = Object.keys(c);
  assert.strictEqual(names.length, 107);
  assert.deepStrictEqual(names.slice(0, 3), ['Z_NO_FLUSH', 'Z_PARTIAL_FLUSH', 'Z_SYNC_FLUSH']);
  assert.strictEqual(names[names.length - 1], 'BROTLI_DECODER_ERROR_UNREACHABLE');
  assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
  assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
  assert.strictEqual(zlib.codes[2], 'Z_NEED_DICT');
  assert(Object.isFrozen(zlib.codes));
  assert.strictEqual(zlib.Z_BEST_COMPRESSION, 9);
  assert(!Object.keys(zlib).includes('Z_BEST_COMPRESSION'));
  assert.strictEqual(zlib.BROTLI_PARAM_QUALITY, undefined);
  assert.deepStrictEqual(Object.keys(zlib), [
    'crc32', 'Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip',
    'BrotliCompress', 'BrotliDecompress', 'deflate', 'deflateSync', 'gzip', 'gzipSync',
    'deflateRaw', 'deflateRawSync', 'unzip', 'unzipSync', 'inflate', 'inflateSync', 'gunzip',
    'gunzipSync', 'inflateRaw', 'inflateRawSync', 'brotliCompress', 'brotliCompressSync',
    'brotliDecompress', 'brotliDecompressSync', 'createDeflate', 'createInflate',
    'createDeflateRaw', 'createInflateRaw', 'createGzip', 'createGunzip', 'createUnzip',
    'createBrotliCompress', 'createBrotliDecompress', 'constants', 'codes',
  ]);
}
