'use strict';
// TextEncoderStream/TextDecoderStream (characters split across chunks, surrogate pairs split
// across writes, fatal decoding, other encodings) and CompressionStream/DecompressionStream
// (gzip, deflate, deflate-raw) checked against node:zlib in both directions.

const zlib = require('zlib');
const {
  TextEncoderStream, TextDecoderStream, CompressionStream, DecompressionStream,
} = require('stream/web');

async function through(transform, chunks) {
  const writer = transform.writable.getWriter();
  const written = (async () => {
    for (const chunk of chunks) await writer.write(chunk);
    await writer.close();
  })();
  written.catch(() => {});  // The readable side reports the same error.
  const out = [];
  for await (const chunk of transform.readable) out.push(chunk);
  await written;
  return out;
}

async function text() {
  console.log('--- TextDecoderStream');
  const bytes = Buffer.from('añ€😀 end', 'utf8');
  // Every split point, including ones inside the 2-, 3- and 4-byte sequences.
  const results = new Set();
  for (let cut = 1; cut < bytes.length; cut++) {
    const out = await through(new TextDecoderStream(), [bytes.subarray(0, cut), bytes.subarray(cut)]);
    results.add(out.join(''));
  }
  console.log([...results]);
  const oneByOne = await through(new TextDecoderStream(), [...bytes].map((b) => new Uint8Array([b])));
  console.log('byte at a time', oneByOne.length, 'chunks ->', JSON.stringify(oneByOne.join('')));
  console.log('truncated', JSON.stringify((await through(new TextDecoderStream(), [bytes.subarray(0, 5)])).join('')));
  console.log('bom', JSON.stringify((await through(new TextDecoderStream(), [Buffer.from([0xEF, 0xBB, 0xBF, 0x41])])).join('')));
  const keepBom = new TextDecoderStream('utf-8', { ignoreBOM: true });
  console.log('ignoreBOM', JSON.stringify((await through(keepBom, [Buffer.from([0xEF, 0xBB, 0xBF, 0x41])])).join('')));
  const fatal = new TextDecoderStream('utf-8', { fatal: true });
  console.log(fatal.encoding, fatal.fatal, fatal.ignoreBOM);
  await through(fatal, [new Uint8Array([0x61, 0xFF])]).catch((error) => console.log('fatal', error.name, error.code));
  const latin1 = new TextDecoderStream('latin1');
  console.log(latin1.encoding, (await through(latin1, [new Uint8Array([0x63, 0x61, 0x66, 0xE9])])).join(''));
  const utf16 = new TextDecoderStream('utf-16le');
  console.log(utf16.encoding, (await through(utf16, [new Uint8Array([0x68, 0x00, 0x69]), new Uint8Array([0x00])])).join(''));
  try {
    new TextDecoderStream('no-such-encoding');
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
  const notBytes = new TextDecoderStream();
  await through(notBytes, ['a string']).catch((error) => console.log('string chunk', error.name, error.code));

  console.log('--- TextEncoderStream');
  const encoded = await through(new TextEncoderStream(), ['a€', '\ud83d', '\ude00b', 42, '\ud83d']);
  console.log(encoded.map((chunk) => `${chunk.constructor.name}[${Array.from(chunk)}]`));
  console.log(Buffer.concat(encoded).toString());
  console.log('empty writes', await through(new TextEncoderStream(), ['', '']));
}

async function compression() {
  console.log('--- CompressionStream / DecompressionStream');
  const input = Buffer.from('compressible text, '.repeat(2000));
  const zlibDecode = { 'gzip': zlib.gunzipSync, 'deflate': zlib.inflateSync, 'deflate-raw': zlib.inflateRawSync };
  const zlibEncode = { 'gzip': zlib.gzipSync, 'deflate': zlib.deflateSync, 'deflate-raw': zlib.deflateRawSync };
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const pieces = [input.subarray(0, 1000), input.subarray(1000, 25000), input.subarray(25000)];
    const compressed = Buffer.concat(await through(new CompressionStream(format), pieces));
    const viaZlib = zlibDecode[format](compressed);
    console.log(format, 'compressed smaller', compressed.length < input.length / 10,
                'zlib decodes it', viaZlib.equals(input));
    const fromZlib = zlibEncode[format](input);
    const chunks = [];
    for (let i = 0; i < fromZlib.length; i += 7) chunks.push(fromZlib.subarray(i, i + 7));
    const decompressed = Buffer.concat(await through(new DecompressionStream(format), chunks));
    console.log(format, 'decompressed zlib output', decompressed.equals(input));
    const roundTrip = new Blob([input]).stream()
      .pipeThrough(new CompressionStream(format))
      .pipeThrough(new DecompressionStream(format))
      .pipeThrough(new TextDecoderStream());
    let text = '';
    for await (const chunk of roundTrip) text += chunk;
    console.log(format, 'round trip', text === input.toString());
  }
  await through(new DecompressionStream('gzip'), [new Uint8Array([1, 2, 3, 4])])
    .catch((error) => console.log('corrupt input', error.name, error.code));
  for (const format of ['br', undefined, 'GZIP']) {
    try {
      new CompressionStream(format);
    } catch (error) {
      console.log(error.name, error.code, error.message);
    }
  }
  try {
    Reflect.get(DecompressionStream.prototype, 'readable', {});
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
}

(async () => {
  await text();
  await compression();
  console.log('done');
})();
