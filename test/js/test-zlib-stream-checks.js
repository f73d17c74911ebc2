'use strict';
// Decompression streams verify each stream's trailer (gzip CRC-32 and length, zlib Adler-32)
// and a gzip header CRC, whatever the chunking: one write, small chunks, headers and trailers
// one byte at a time (arriving across many writes), several gzip members, auto-detection,
// dictionaries, reset(). Every line printed must be what node prints (expected/ recorded from
// it). fixtures/zlib/words.gz and words.zz are node's gzipSync and deflateSync output, so the
// corrupted offsets land on the same bytes under any zlib.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'zlib', name));
const gz = fixture('words.gz');
const zz = fixture('words.zz');
const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

function patched(buf, offset, mask) {
  const copy = Buffer.from(buf);
  const at = offset < 0 ? copy.length + offset : offset;
  copy[at] ^= mask;
  return copy;
}

// Writes input to stream in the chunks split() cuts; resolves with what happened.
function pipeThrough(stream, input, split) {
  return new Promise((resolve) => {
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    stream.on('error', (err) => resolve(`${err.code} ${err.errno} ${err.message}`));
    stream.on('end', () => {
      const all = Buffer.concat(out);
      resolve(`${all.length} ${sha(all)}`);
    });
    for (const chunk of split(input)) stream.write(chunk);
    stream.end();
  });
}

const headCrc = (() => {
  const head = Buffer.from([0x1f, 0x8b, 8, 2, 0, 0, 0, 0, 0, 3]);
  const crc = zlib.crc32(head) & 0xffff;
  return (right) => Buffer.concat([head, Buffer.from([right ? crc & 0xff : ~crc & 0xff, crc >> 8]),
                                   gz.subarray(10)]);
})();

const cases = [
  ['gunzip', 'valid', () => zlib.createGunzip(), gz],
  ['gunzip', 'bad crc', () => zlib.createGunzip(), patched(gz, -8, 1)],
  ['gunzip', 'bad crc last byte', () => zlib.createGunzip(), patched(gz, -5, 0x80)],
  ['gunzip', 'bad length', () => zlib.createGunzip(), patched(gz, -4, 1)],
  ['gunzip', 'bad length high byte', () => zlib.createGunzip(), patched(gz, -1, 1)],
  ['gunzip', 'header crc', () => zlib.createGunzip(), headCrc(true)],
  ['gunzip', 'header crc wrong', () => zlib.createGunzip(), headCrc(false)],
  ['gunzip', 'members', () => zlib.createGunzip(),
   Buffer.concat([gz, zlib.gzipSync('second'), gz])],
  ['gunzip', 'second member bad crc', () => zlib.createGunzip(),
   Buffer.concat([gz, patched(gz, -8, 4)])],
  ['gunzip', 'second member bad length', () => zlib.createGunzip(),
   Buffer.concat([zlib.gzipSync('first'), patched(gz, -3, 2)])],
  ['gunzip', 'zero padding', () => zlib.createGunzip(), Buffer.concat([gz, Buffer.alloc(5)])],
  ['inflate', 'valid', () => zlib.createInflate(), zz],
  ['inflate', 'bad adler', () => zlib.createInflate(), patched(zz, -1, 1)],
  ['inflate', 'bad adler high byte', () => zlib.createInflate(), patched(zz, -4, 0x40)],
  ['inflate', 'trailing bytes', () => zlib.createInflate(), Buffer.concat([zz, Buffer.from('xy')])],
  ['unzip', 'gzip', () => zlib.createUnzip(), gz],
  ['unzip', 'gzip bad crc', () => zlib.createUnzip(), patched(gz, -7, 1)],
  ['unzip', 'gzip members', () => zlib.createUnzip(), Buffer.concat([gz, gz])],
  ['unzip', 'zlib', () => zlib.createUnzip(), zz],
  ['unzip', 'zlib bad adler', () => zlib.createUnzip(), patched(zz, -2, 1)],
  ['inflateRaw', 'valid', () => zlib.createInflateRaw(), zz.subarray(2, -4)],
  ['inflate', 'window 9', () => zlib.createInflate(),
   zlib.deflateSync('window '.repeat(5000), { windowBits: 9 })],
];
{
  const dictionary = Buffer.from('window member huffman');
  const withDict = zlib.deflateSync('member window '.repeat(3000), { dictionary });
  cases.push(['inflate', 'dictionary', () => zlib.createInflate({ dictionary }), withDict]);
  cases.push(['inflate', 'dictionary bad adler', () => zlib.createInflate({ dictionary }),
              patched(withDict, -1, 8)]);
}

function chunks(size) {
  return (input) => {
    const out = [];
    for (let i = 0; i < input.length; i += size) out.push(input.subarray(i, i + size));
    return out;
  };
}
// Header and trailers one byte at a time, the middle in one write.
function bytewiseEnds(input) {
  const out = [];
  const edge = Math.min(40, input.length >> 1);
  for (let i = 0; i < edge; i++) out.push(input.subarray(i, i + 1));
  out.push(input.subarray(edge, input.length - edge));
  for (let i = input.length - edge; i < input.length; i++) out.push(input.subarray(i, i + 1));
  return out;
}
const splits = [['whole', (input) => [input]], ['4096', chunks(4096)], ['7', chunks(7)],
                ['bytewise ends', bytewiseEnds]];

(async () => {
  for (const [kind, name, make, input] of cases) {
    for (const [label, split] of splits) {
      console.log(kind, name, label, await pipeThrough(make(), input, split));
    }
  }

  // reset() between two streams on one engine: the check starts over.
  const gunzip = zlib.createGunzip();
  const out = [];
  gunzip.on('data', (chunk) => out.push(chunk));
  gunzip.write(gz.subarray(0, 3000));
  gunzip.flush(() => {
    gunzip.reset();
    gunzip.end(gz);
  });
  gunzip.on('error', (err) => console.log('reset error', err.code, err.message));
  gunzip.on('end', () => console.log('after reset', sha(Buffer.concat(out).subarray(-1000))));
})();
