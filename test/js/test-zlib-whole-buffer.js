'use strict';
// The convenience functions (inflateSync, gunzip(buf, cb), gzipSync, ...) on whole buffers:
// round trips, multi-member gzip, trailing bytes, every header variant, corrupt and truncated
// input, maxOutputLength, flush, finishFlush and info, input views, compression options, many
// at once. ringjs runs a whole buffer through one native call and falls back to the chunked
// engine for what it declines; every line printed here must be what node prints (expected/
// recorded from it).
// fixtures/zlib/words.gz and words.zz are node's gzipSync and deflateSync of words(300 KiB)
// below: node's zlib and Debian's pick different matches, and the cut and corruption offsets
// must land on the same bytes under both.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
const show = (buf) => `${buf.length} ${sha(buf)}`;
const fail = (err) => `${err.name} ${err.code} ${err.errno} ${err.message}`;

// Deterministic data: bytes of a fixed linear congruential sequence (incompressible), words
// from a small vocabulary (text-like), one byte repeated (about 1000:1).
function noise(size, seed) {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    buf[i] = seed >>> 24;
  }
  return buf;
}
function words(size) {
  const vocabulary = ['zlib', 'ring', 'deflate', 'gzip', 'member', 'window', 'huffman', 'the'];
  const parts = [];
  let seed = 7;
  let length = 0;
  while (length < size) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const word = vocabulary[seed >>> 29] + ' ';
    parts.push(word);
    length += word.length;
  }
  return Buffer.from(parts.join('').slice(0, size));
}
const inputs = {
  empty: Buffer.alloc(0),
  one: Buffer.from('x'),
  noise: noise(100 * 1024, 1),
  words: words(300 * 1024),
  same: Buffer.alloc(2 * 1024 * 1024, 'a'),
};

function trySync(label, fn) {
  try {
    console.log(label, show(fn()));
  } catch (err) {
    console.log(label, fail(err));
  }
}

// Round trips through every container, sync.
for (const [name, input] of Object.entries(inputs)) {
  const deflated = zlib.deflateSync(input);
  const gzipped = zlib.gzipSync(input);
  trySync(`inflateSync ${name}`, () => zlib.inflateSync(deflated));
  trySync(`gunzipSync ${name}`, () => zlib.gunzipSync(gzipped));
  trySync(`unzipSync gzip ${name}`, () => zlib.unzipSync(gzipped));
  trySync(`unzipSync zlib ${name}`, () => zlib.unzipSync(deflated));
  trySync(`inflateRawSync ${name}`, () => zlib.inflateRawSync(zlib.deflateRawSync(input)));
}

const text = inputs.words;
const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'zlib', name));
const gz = fixture('words.gz');
const df = fixture('words.zz');

// Multi-member gzip (an empty member too; the last member smaller than the first), and what
// may follow a member: zero padding ends the input, anything else must be another member.
{
  const small = zlib.gzipSync('tail');
  const members = Buffer.concat([gz, zlib.gzipSync(''), small]);
  trySync('members', () => zlib.gunzipSync(members));
  trySync('members unzip', () => zlib.unzipSync(members));
  trySync('zero padding', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.alloc(8)])));
  trySync('zero then junk', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from([0, 9, 9])])));
  trySync('junk after member', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('junk')])));
  trySync('short junk after member', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from([0x1f])])));
  trySync('junk after zlib', () => zlib.inflateSync(Buffer.concat([df, Buffer.from('junk')])));
}

// Truncated input, at the header, inside the data, inside the trailer.
for (const cut of [1, 2, 9, 10, 100, gz.length - 8, gz.length - 1]) {
  trySync(`gzip cut at ${cut}`, () => zlib.gunzipSync(gz.subarray(0, cut)));
}
for (const cut of [1, 2, 100, df.length - 4, df.length - 1]) {
  trySync(`zlib cut at ${cut}`, () => zlib.inflateSync(df.subarray(0, cut)));
}
trySync('gunzip empty', () => zlib.gunzipSync(Buffer.alloc(0)));
trySync('inflate empty', () => zlib.inflateSync(Buffer.alloc(0)));
trySync('unzip 0x1f', () => zlib.unzipSync(Buffer.from([0x1f])));

// Corruption: checks, header fields, data.
function patched(buf, offset, value) {
  const copy = Buffer.from(buf);
  copy[offset < 0 ? copy.length + offset : offset] = value;
  return copy;
}
trySync('gzip bad crc', () => zlib.gunzipSync(patched(gz, -8, gz[gz.length - 8] ^ 1)));
trySync('gzip bad size', () => zlib.gunzipSync(patched(gz, -4, gz[gz.length - 4] ^ 1)));
trySync('gzip bad magic', () => zlib.gunzipSync(patched(gz, 1, 0x8c)));
trySync('gzip bad method', () => zlib.gunzipSync(patched(gz, 2, 7)));
trySync('gzip reserved flag', () => zlib.gunzipSync(patched(gz, 3, 0x20)));
trySync('gzip bad data', () => zlib.gunzipSync(patched(gz, 40, gz[40] ^ 0x55)));
trySync('zlib bad adler', () => zlib.inflateSync(patched(df, -1, df[df.length - 1] ^ 1)));
trySync('zlib bad check', () => zlib.inflateSync(patched(df, 1, df[1] + 1)));
// CM 9 and CINFO 8 (a 64 KiB window), each with a valid header check.
trySync('zlib bad method', () => zlib.inflateSync(Buffer.from([0x79, 0x18, 0, 0])));
trySync('zlib window 64K', () => zlib.inflateSync(Buffer.from([0x88, 0x1c, 0, 0])));
trySync('zlib bad data', () => zlib.inflateSync(patched(df, 30, df[30] ^ 0x55)));

// Optional gzip header fields: extra, name, comment, and a header CRC (right and wrong).
{
  const body = gz.subarray(10);
  const withFields = (flags, fields) =>
    Buffer.concat([Buffer.from([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3]), ...fields, body]);
  const extra = Buffer.from([4, 0, 0x41, 0x42, 0, 0]);
  const name = Buffer.from('file.txt\0');
  const comment = Buffer.from('a comment\0');
  trySync('header extra', () => zlib.gunzipSync(withFields(4, [extra])));
  trySync('header name', () => zlib.gunzipSync(withFields(8, [name])));
  trySync('header all', () => zlib.gunzipSync(withFields(4 | 8 | 16, [extra, name, comment])));
  const head = Buffer.from([0x1f, 0x8b, 8, 2, 0, 0, 0, 0, 0, 3]);
  const hcrc = zlib.crc32(head) & 0xffff;
  const good = Buffer.from([hcrc & 0xff, hcrc >> 8]);
  const bad = Buffer.from([~hcrc & 0xff, hcrc >> 8]);
  trySync('header crc', () => zlib.gunzipSync(Buffer.concat([head, good, body])));
  trySync('header crc wrong', () => zlib.gunzipSync(Buffer.concat([head, bad, body])));
}

// Hand-made deflate data using the fixed-Huffman length symbol 286, which the format reserves:
// 'a', then symbol 286 with distance 1, then end of block.
{
  const raw = Buffer.from([0x4b, 0x1c, 0x03, 0x00]);
  trySync('symbol 286 raw', () => zlib.inflateRawSync(raw));
  const head = Buffer.from([0x78, 0x9c]);
  trySync('symbol 286 zlib', () => zlib.inflateSync(Buffer.concat([head, raw, Buffer.alloc(4)])));
}

// Windows and dictionaries: smaller declared windows, and the preset dictionary flag.
{
  const small = zlib.deflateSync(text, { windowBits: 9 });
  trySync('window 9', () => zlib.inflateSync(small));
  trySync('window 9 asked 15', () => zlib.inflateSync(small, { windowBits: 15 }));
  trySync('window 15 asked 9', () => zlib.inflateSync(df, { windowBits: 9 }));
  trySync('gzip asked 9', () => zlib.gunzipSync(zlib.gzipSync(text, { windowBits: 9 }),
                                                { windowBits: 9 }));
  const dictionary = Buffer.from('deflate huffman window');
  const withDict = zlib.deflateSync(text, { dictionary });
  trySync('dictionary missing', () => zlib.inflateSync(withDict));
  trySync('dictionary given', () => zlib.inflateSync(withDict, { dictionary }));
  trySync('dictionary unused', () => zlib.inflateSync(df, { dictionary }));
}

// maxOutputLength at, below and above the size; finishFlush keeps a truncated tail; info.
trySync('max exact', () => zlib.gunzipSync(gz, { maxOutputLength: text.length }));
trySync('max below', () => zlib.gunzipSync(gz, { maxOutputLength: text.length - 1 }));
trySync('max below zlib', () => zlib.inflateSync(df, { maxOutputLength: 1000 }));
trySync('max 1 empty', () => zlib.gunzipSync(zlib.gzipSync(''), { maxOutputLength: 1 }));
trySync('finishFlush sync', () => zlib.gunzipSync(gz.subarray(0, 1000),
                                                  { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
{
  const { buffer, engine } = zlib.gunzipSync(gz, { info: true });
  console.log('info', show(buffer), engine.constructor.name, engine.bytesWritten);
}

// Input forms: views at an offset, other view types, ArrayBuffer, strings are not gzip.
{
  const padded = Buffer.concat([Buffer.from('xyz'), gz, Buffer.from('pad')]);
  trySync('view at offset', () => zlib.gunzipSync(padded.subarray(3, 3 + gz.length)));
  const ab = new ArrayBuffer(gz.length);
  new Uint8Array(ab).set(gz);
  trySync('ArrayBuffer', () => zlib.gunzipSync(ab));
  trySync('DataView', () => zlib.gunzipSync(new DataView(ab)));
  const even = Buffer.concat([df, Buffer.alloc(df.length % 2)]);
  trySync('Uint16Array', () => zlib.inflateSync(new Uint16Array(even.buffer.slice(
    even.byteOffset, even.byteOffset + even.length))));
  trySync('string', () => zlib.inflateSync('not deflate'));
}

// crc32 over large and odd-sized inputs, with a running value.
console.log('crc32', zlib.crc32(text), zlib.crc32(inputs.noise.subarray(3, 70001)),
            zlib.crc32(inputs.same, 123456789), zlib.crc32('héllo wörld', 0xffffffff));

// Compression: the convenience functions compress in one call. With options libdeflate can
// serve (a level of 1-9, the default strategy and window, no dictionary) and 4 KiB of input or
// more, ringjs uses it: its deflate bytes are its own (as node's zlib's are), but the header
// and trailer are those of the chunked engine (what info: true runs) and the data round-trips.
// Otherwise one zlib call must give exactly the engine's bytes. Each zlib picks its own
// matches, so only the agreement is printed, and the bytes of inputs every zlib agrees on.
const framing = {
  deflateSync: [2, 4, zlib.inflateSync], gzipSync: [10, 8, zlib.gunzipSync],
  deflateRawSync: [0, 0, zlib.inflateRawSync], gzip: [10, 8, zlib.gunzipSync],
};
const mayUseLibdeflate = (options, input) => Buffer.byteLength(input) >= 4096 &&
  options.level !== 0 && options.strategy === undefined && options.windowBits === undefined &&
  options.dictionary === undefined;
function likeEngine(method, input, options, whole, chunked) {
  if (!mayUseLibdeflate(options, input)) return whole.equals(chunked);
  const [head, tail, decompress] = framing[method];
  return whole.subarray(0, head).equals(chunked.subarray(0, head)) &&
    whole.subarray(whole.length - tail).equals(chunked.subarray(chunked.length - tail)) &&
    decompress(whole).equals(Buffer.from(input));
}
const compressOptions = [
  {}, { level: 1 }, { level: 9 }, { level: 0 }, { level: 6, memLevel: 1 }, { memLevel: 9 },
  { windowBits: 9 }, { windowBits: 12, level: 3 }, { strategy: zlib.constants.Z_FILTERED },
  { strategy: zlib.constants.Z_HUFFMAN_ONLY }, { strategy: zlib.constants.Z_RLE },
  { strategy: zlib.constants.Z_FIXED }, { chunkSize: 64 }, { dictionary: Buffer.from('ring') },
];
{
  let same = 0;
  let total = 0;
  for (const method of ['deflateSync', 'gzipSync', 'deflateRawSync']) {
    for (const input of [inputs.empty, inputs.noise, text]) {
      for (const options of compressOptions) {
        const whole = zlib[method](input, options);
        const chunked = zlib[method](input, { ...options, info: true }).buffer;
        total++;
        if (likeEngine(method, input, options, whole, chunked)) same++;
        else console.log('differs', method, input.length, JSON.stringify(options));
      }
    }
  }
  console.log('compressed like the engine', same, 'of', total);
}
for (const method of ['deflateSync', 'gzipSync', 'deflateRawSync']) {
  for (const options of [{}, { level: 0 }, { level: 1 }, { strategy: zlib.constants.Z_FIXED }]) {
    console.log(method, JSON.stringify(options), zlib[method]('hello hello', options).toString('hex'));
  }
}
trySync('compress round trip', () => zlib.inflateSync(zlib.deflateSync(text, { level: 1 })));
trySync('compress max below', () => zlib.gzipSync(text, { maxOutputLength: 100 }));
trySync('compress max exact', () => zlib.deflateSync('hello', { maxOutputLength: 13 }));
trySync('compress finishFlush', () => zlib.deflateSync('hello',
                                                       { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
trySync('compress string', () => zlib.gunzipSync(zlib.gzipSync('héllo')));
trySync('compress view', () => zlib.inflateRawSync(zlib.deflateRawSync(new Uint16Array([1, 2, 3]))));

// The callback forms: the same answers, always after the caller returned; many at once.
const jobs = [
  ['gunzip', gz, undefined],
  ['inflate', df, undefined],
  ['unzip', gz, undefined],
  ['unzip', df, undefined],
  ['gunzip', Buffer.concat([gz, zlib.gzipSync('tail')]), undefined],
  ['gunzip', Buffer.concat([gz, Buffer.alloc(3)]), undefined],
  ['gunzip', Buffer.concat([gz, Buffer.from('junk')]), undefined],
  ['gunzip', Buffer.concat([gz, Buffer.from([0, 9, 9])]), undefined],
  ['inflate', Buffer.concat([df, Buffer.from('junk')]), undefined],
  ['unzip', Buffer.from([0x1f]), undefined],
  ['gunzip', gz.subarray(0, gz.length - 1), undefined],
  ['gunzip', patched(gz, -8, gz[gz.length - 8] ^ 1), undefined],
  ['inflate', patched(df, 30, df[30] ^ 0x55), undefined],
  ['inflate', Buffer.alloc(0), undefined],
  ['gunzip', gz, { maxOutputLength: text.length }],
  ['gunzip', gz, { maxOutputLength: text.length - 1 }],
  ['inflate', zlib.deflateSync(inputs.same), { maxOutputLength: 4096 }],
  ['gunzip', gz.subarray(0, 1000), { finishFlush: zlib.constants.Z_SYNC_FLUSH }],
  ['inflate', zlib.deflateSync(text, { windowBits: 9 }), undefined],
  ['inflate', new DataView(df.buffer, df.byteOffset, df.length), undefined],
  ['gunzip', gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.length), undefined],
  ['deflate', 'hello hello', undefined],
  ['gzip', Buffer.from('hello hello'), { level: 1 }],
  ['deflateRaw', new Uint16Array([1, 2, 3]), undefined],
  ['deflate', 'hello', { level: 0 }],
  ['gzip', text, { maxOutputLength: 100 }],
  ...[0, 1, 2, 3, 5].map((flush) => ['deflate', 'hello', { flush }]),
  ...[0, 1, 2, 3, 5].map((flush) => ['gunzip', gz, { flush }]),
];
const results = new Array(jobs.length);
let pending = jobs.length;
jobs.forEach(([method, input, options], i) => {
  const done = (err, out) => {
    const small = out && out.length < 40 && method.startsWith('deflate');
    results[i] = `${method} #${i} ${err ? fail(err) : small ? out.toString('hex') : show(out)}`;
    if (--pending === 0) {
      for (const line of results) console.log(line);
      infoCallback();
    }
  };
  if (options === undefined) zlib[method](input, done);
  else zlib[method](input, options, done);
});
console.log('callbacks queued', pending);

function infoCallback() {
  zlib.gunzip(gz, { info: true }, (err, { buffer, engine }) => {
    console.log('info callback', err, show(buffer), engine.constructor.name, engine.bytesWritten);
    compressCallbacks();
  });
}

// Callback compression against the engine's (info: true keeps it on the engine).
function compressCallbacks() {
  let left = compressOptions.length;
  let same = 0;
  for (const options of compressOptions) {
    zlib.gzip(text, options, (err, whole) => {
      zlib.gzip(text, { ...options, info: true }, (err2, { buffer }) => {
        if (!err && !err2 && likeEngine('gzip', text, options, whole, buffer)) same++;
        if (--left === 0) {
          console.log('callback compressed like the engine', same, 'of', compressOptions.length);
          manyAtOnce();
        }
      });
    });
  }
}

// Sixteen big decompressions and compressions on the pool at once, each checked.
function manyAtOnce() {
  const big = zlib.gzipSync(inputs.same);
  let left = 32;
  let ok = 0;
  const check = () => {
    if (--left === 0) console.log('many at once', ok);
  };
  for (let i = 0; i < 16; i++) {
    zlib.gunzip(big, (err, out) => {
      if (!err && out.equals(inputs.same)) ok++;
      check();
    });
    zlib.deflate(inputs.same, (err, out) => {
      if (!err && zlib.inflateSync(out).equals(inputs.same)) ok++;
      check();
    });
  }
}
