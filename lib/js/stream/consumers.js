'use strict';
// node:stream/consumers: collect a whole stream (or async iterable) as text, JSON, a Buffer, an
// ArrayBuffer or a Blob.

const { Buffer } = require('buffer');

async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const { Blob } = require('buffer');
  return new Blob(chunks);
}

async function collectBytes(stream) {
  const chunks = [];
  let length = 0;
  for await (const chunk of stream) {
    let bytes;
    if (typeof chunk === 'string') bytes = Buffer.from(chunk, 'utf8');
    else if (ArrayBuffer.isView(chunk)) bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else if (chunk instanceof ArrayBuffer) bytes = new Uint8Array(chunk);
    else bytes = Buffer.from(String(chunk), 'utf8');
    chunks.push(bytes);
    length += bytes.byteLength;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const bytes of chunks) {
    out.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return out.buffer;
}

async function arrayBuffer(stream) {
  return collectBytes(stream);
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

// A streaming UTF-8 decoder: the global TextDecoder when present, otherwise the same behaviour
// (leading BOM dropped, a trailing partial character becomes U+FFFD) from StringDecoder.
function utf8Decoder() {
  if (typeof globalThis.TextDecoder === 'function') {
    const dec = new globalThis.TextDecoder();
    return {
      write: (chunk) => dec.decode(chunk, { stream: true }),
      end: () => dec.decode(undefined, { stream: false }),
    };
  }
  const { StringDecoder } = require('string_decoder');
  const dec = new StringDecoder('utf8');
  let start = true;
  const strip = (str) => {
    if (start && str.length > 0) {
      start = false;
      if (str.charCodeAt(0) === 0xFEFF) return str.slice(1);
    }
    return str;
  };
  return {
    write: (chunk) => strip(dec.write(ArrayBuffer.isView(chunk) ?
      Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(chunk))),
    end: () => strip(dec.end()),
  };
}

async function text(stream) {
  const dec = utf8Decoder();
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') str += chunk;
    else str += dec.write(chunk);
  }
  // Flush the decoder (a trailing partial character becomes U+FFFD).
  str += dec.end();
  return str;
}

async function json(stream) {
  const str = await text(stream);
  return JSON.parse(str);
}

module.exports = {
  arrayBuffer,
  blob,
  buffer,
  text,
  json,
};
