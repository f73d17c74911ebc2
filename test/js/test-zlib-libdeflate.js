'use strict';
// The compressing convenience functions (gzipSync, deflate(buf, cb), deflateRawSync, ...) on
// inputs of 4 KiB and more: ringjs compresses them with libdeflate where the options allow, so
// the deflate bytes differ from node's (node's zlib's already differ from zlib's). What must
// match node: the header and trailer bytes per level, round trips through the decompressors,
// the options that stay on zlib (level 0, strategy, windowBits, dictionary, info), the
// maxOutputLength and argument errors. Compressed bytes beyond the headers are never printed.
// Also brotliDecompressSync / brotliDecompress, which decode a whole buffer in one call.
const crypto = require('crypto');
const zlib = require('zlib');

const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
const fail = (err) => `${err.name} ${err.code} ${err.message}`;

function words(size) {
  const vocabulary = ['ring', 'deflate', 'buffer', 'stream', 'the', 'a', 'loop', 'uring',
                      'callback', 'window', 'match', 'literal', 'huffman', 'gzip', 'node'];
  let seed = 7;
  const parts = [];
  let length = 0;
  while (length < size) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const word = vocabulary[(seed >>> 16) % vocabulary.length];
    parts.push(word);
    length += word.length + 1;
  }
  return Buffer.from(parts.join(' ')).subarray(0, size);
}

const formats = {
  gzip: { head: 10, tail: 8, inflate: zlib.gunzipSync },
  deflate: { head: 2, tail: 4, inflate: zlib.inflateSync },
  deflateRaw: { head: 0, tail: 0, inflate: zlib.inflateRawSync },
};
const text = words(64 * 1024);
// Incompressible bytes: only round trips and lengths of them are printed, so any will do.
const big = { noise: crypto.randomBytes(3 * 1024 * 1024), words: words(6 * 1024 * 1024) };

// Header and trailer per format and level, and the round trip.
for (const [name, { head, tail, inflate }] of Object.entries(formats)) {
  for (const level of [undefined, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
    const out = zlib[`${name}Sync`](text, { level });
    const framing = out.subarray(0, head).toString('hex') + ' .. ' +
      out.subarray(out.length - tail).toString('hex');
    console.log(name, 'level', level, framing, inflate(out).equals(text));
  }
}

// Empty, one byte, just under and at 4 KiB, several MiB of noise and text, views.
for (const [name, { inflate }] of Object.entries(formats)) {
  const inputs = [Buffer.alloc(0), Buffer.from('x'), text.subarray(0, 4095), text.subarray(0, 4096),
                  big.noise, big.words];
  const results = inputs.map((input) => {
    const out = zlib[`${name}Sync`](input);
    return `${input.length}:${inflate(out).equals(input)}`;
  });
  console.log(name, 'sizes', results.join(' '));
  const view = new Uint16Array(text.buffer, text.byteOffset, 4096);
  console.log(name, 'view', inflate(zlib[`${name}Sync`](view)).equals(Buffer.from(view.buffer,
    view.byteOffset, view.byteLength)), 'string',
    inflate(zlib[`${name}Sync`](text.toString('latin1'))).toString('latin1') ===
      text.toString('latin1'));
}
console.log('empty', zlib.gzipSync('').toString('hex'), zlib.deflateSync('').toString('hex'),
            zlib.deflateRawSync('').toString('hex'));
console.log('memLevel', zlib.inflateSync(zlib.deflateSync(text, { memLevel: 1 })).equals(text),
            zlib.gzipSync(text, { memLevel: 9, level: 9 }).subarray(0, 10).toString('hex'));

// What stays on zlib gives its own bytes: the chunked engine's (info: true runs it).
const zlibOptions = [
  { level: 0 }, { strategy: zlib.constants.Z_FILTERED }, { strategy: zlib.constants.Z_RLE },
  { strategy: zlib.constants.Z_HUFFMAN_ONLY }, { strategy: zlib.constants.Z_FIXED },
  ...[9, 10, 11, 12, 13, 14].map((windowBits) => ({ windowBits })),
  { dictionary: Buffer.from('ring deflate buffer') },
];
for (const options of zlibOptions) {
  const line = [];
  for (const name of Object.keys(formats)) {
    if (name === 'gzip' && options.windowBits === 8) continue;
    const whole = zlib[`${name}Sync`](text, options);
    const engine = zlib[`${name}Sync`](text, { ...options, info: true }).buffer;
    line.push(`${name}:${whole.equals(engine)}:${whole.subarray(0, 2).toString('hex')}`);
  }
  console.log('zlib', JSON.stringify(options), line.join(' '));
}
const info = zlib.gzipSync(text, { info: true });
console.log('info', info.engine.constructor.name, info.engine.bytesWritten,
            zlib.gunzipSync(info.buffer).equals(text));

// maxOutputLength: over it is node's RangeError, enough room is fine.
const tryIt = (label, fn) => {
  try {
    const out = fn();
    console.log(label, 'ok', out.length === undefined ? typeof out : 'buffer');
  } catch (err) {
    console.log(label, fail(err));
  }
};
const packed = zlib.gzipSync(text).length;
tryIt('max 100', () => zlib.gzipSync(text, { maxOutputLength: 100 }));
tryIt('max 18', () => zlib.deflateRawSync(text, { maxOutputLength: 18 }));
tryIt('max roomy', () => zlib.gzipSync(text, { maxOutputLength: packed * 2 }));
tryIt('max noise', () => zlib.deflateSync(big.noise, { maxOutputLength: big.noise.length }));
// Decompression limits just around a large output (the output buffer grows in whole pages).
const bigGzip = zlib.gzipSync(big.words);
tryIt('gunzip max one less', () => zlib.gunzipSync(bigGzip,
                                                  { maxOutputLength: big.words.length - 1 }));
tryIt('gunzip max exact', () => zlib.gunzipSync(bigGzip, { maxOutputLength: big.words.length }));
tryIt('inflate max one less', () => zlib.inflateSync(zlib.deflateSync(big.words),
                                                    { maxOutputLength: big.words.length - 1 }));
tryIt('max 0', () => zlib.gzipSync(text, { maxOutputLength: 0 }));
tryIt('level 10', () => zlib.gzipSync(text, { level: 10 }));
tryIt('level string', () => zlib.gzipSync(text, { level: '6' }));
tryIt('windowBits 16', () => zlib.deflateSync(text, { windowBits: 16 }));
tryIt('number input', () => zlib.gzipSync(42));
tryIt('no callback', () => zlib.gzip(text));

// The callback forms, one after another so the order is fixed.
const asyncCases = [
  ['gzip', text, {}], ['deflate', text, { level: 1 }], ['deflateRaw', text, { level: 9 }],
  ['gzip', big.words, {}], ['deflate', big.noise, {}], ['gzip', text, { maxOutputLength: 100 }],
  ['gzip', text, { level: 0 }], ['deflate', text, { strategy: zlib.constants.Z_RLE }],
  ['deflate', Buffer.alloc(0), {}],
];
function runAsync(i) {
  if (i === asyncCases.length) return brotli();
  const [name, input, options] = asyncCases[i];
  zlib[name](input, options, (err, out) => {
    if (err) {
      console.log('async', name, i, fail(err));
    } else {
      const { head, inflate } = formats[name];
      console.log('async', name, i, out.subarray(0, head).toString('hex'),
                  inflate(out).equals(input));
    }
    runAsync(i + 1);
  });
}
runAsync(0);

// Brotli decompression of a whole buffer: round trips, errors, limits, params.
function brotli() {
  const source = Buffer.concat([text, big.words.subarray(0, 1024 * 1024)]);
  const packedBrotli = zlib.brotliCompressSync(source,
    { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  const cases = [
    ['plain', packedBrotli, {}],
    ['truncated', packedBrotli.subarray(0, packedBrotli.length - 5), {}],
    ['trailing', Buffer.concat([packedBrotli, Buffer.from('junk')]), {}],
    ['corrupt', Buffer.from('not brotli, not at all'), {}],
    ['empty', Buffer.alloc(0), {}],
    ['max small', packedBrotli, { maxOutputLength: 1000 }],
    ['max exact', packedBrotli, { maxOutputLength: source.length }],
    ['max one less', packedBrotli, { maxOutputLength: source.length - 1 }],
    ['large window', packedBrotli,
     { params: { [zlib.constants.BROTLI_DECODER_PARAM_LARGE_WINDOW]: 1 } }],
    ['flush', packedBrotli, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }],
  ];
  const show = (out) => `${out.length} ${sha(out)}`;
  for (const [label, input, options] of cases) {
    tryIt(`brotliSync ${label}`, () => {
      const out = zlib.brotliDecompressSync(input, options);
      console.log('  ', show(out));
      return out;
    });
  }
  const info = zlib.brotliDecompressSync(packedBrotli, { info: true });
  console.log('brotli info', info.engine.constructor.name, show(info.buffer));
  const next = (i) => {
    if (i === cases.length) return;
    const [label, input, options] = cases[i];
    zlib.brotliDecompress(input, options, (err, out) => {
      console.log('brotli async', label, err ? fail(err) : show(out));
      next(i + 1);
    });
  };
  next(0);
}
