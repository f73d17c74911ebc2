'use strict';
// The Fetch Standard's body: extracting one from what a Request/Response was given (bytes plus
// a Content-Type), and the Body mixin (text/json/arrayBuffer/bytes/blob/formData, body,
// bodyUsed) shared by Request and Response. A body is { stream, source, length }: the source
// is kept so a redirect can send the bytes again; a ReadableStream has no source.

const { customInspectSymbol: kInspect } = require('internal/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { Blob, File, isBlob } = require('internal/blob');
const { kState } = require('internal/webstreams/util');
const {
  ReadableStream,
  isReadableStream,
  isReadableStreamLocked,
} = require('internal/webstreams/readablestream');
const { TextEncoder, TextDecoder } = require('internal/encoding');
const { FormData, isFormData, formDataEntries } = require('internal/fetch/form_data');
const { getHeader } = require('internal/fetch/headers');
const { illegalInvocation: illegal } = require('internal/fetch/webidl');

const kBody = Symbol('kBody');
const kHeaders = Symbol('kHeaders');

let encoder;
function utf8Encode(string) {
  encoder ??= new TextEncoder();
  return encoder.encode(string);
}

// UTF-8 decode; a leading BOM is dropped, as the standard's "UTF-8 decode" does.
function utf8Decode(bytes) {
  return new TextDecoder().decode(bytes);
}

function isURLSearchParams(value) {
  const { URLSearchParams } = require('internal/url');
  return value instanceof URLSearchParams;
}

function copyBytes(view) {
  const out = new Uint8Array(view.byteLength);
  out.set(new Uint8Array(view.buffer ?? view, view.byteOffset ?? 0, view.byteLength));
  return out;
}

// A byte stream that yields `bytes` (copied: the stream takes its chunks' buffers) once.
function streamFromBytes(bytes) {
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(copyBytes(bytes));
      controller.close();
    },
  });
}

// An async iterable body (an async generator, a node Readable): strings become UTF-8, other
// chunks are taken as bytes.
function streamFromAsyncIterable(iterable) {
  let iterator;
  return new ReadableStream({
    type: 'bytes',
    start() {
      iterator = iterable[Symbol.asyncIterator]();
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) {
        controller.close();
        controller.byobRequest?.respond(0);
        return;
      }
      const chunk = typeof value === 'string' ? utf8Encode(value) : copyBytes(value);
      if (chunk.byteLength > 0) controller.enqueue(chunk);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

function escapeFormName(name) {
  return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

// multipart/form-data bytes for a FormData (one buffer: every part's size is known).
function encodeMultipart(form) {
  const boundary = `----formdata-undici-0${`${Math.floor(Math.random() * 1e11)}`.padStart(11, '0')}`;
  const parts = [];
  for (const [name, value] of formDataEntries(form)) {
    const escaped = escapeFormName(name.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n'));
    if (typeof value === 'string') {
      parts.push(utf8Encode(`--${boundary}\r\nContent-Disposition: form-data; name="${escaped}"` +
                            `\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`));
    } else {
      parts.push(utf8Encode(`--${boundary}\r\nContent-Disposition: form-data; name="${escaped}"` +
                            `; filename="${escapeFormName(value.name)}"\r\n` +
                            `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      parts.push(value);
      parts.push(utf8Encode('\r\n'));
    }
  }
  parts.push(utf8Encode(`--${boundary}--\r\n`));
  return { blob: new Blob(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// extractBody(object) -> { body: { stream, source, length }, type } (Fetch "extract").
function extractBody(object) {
  let source = object;
  let bytes = null;
  let type = null;
  let stream = null;
  if (typeof object === 'string') {
    bytes = utf8Encode(object);
    type = 'text/plain;charset=UTF-8';
  } else if (isURLSearchParams(object)) {
    bytes = utf8Encode(`${object}`);
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (isAnyArrayBuffer(object) || isArrayBufferView(object)) {
    bytes = copyBytes(object);
    source = bytes;
  } else if (isBlob(object)) {
    if (object.type) type = object.type;
    stream = object.stream();
    return { body: { stream, source, length: object.size }, type };
  } else if (isFormData(object)) {
    const encoded = encodeMultipart(object);
    return {
      body: { stream: encoded.blob.stream(), source: encoded.blob, length: encoded.blob.size },
      type: encoded.type,
    };
  } else if (isReadableStream(object)) {
    if (object[kState].disturbed || isReadableStreamLocked(object)) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    return { body: { stream: object, source: null, length: null }, type: null };
  } else if (typeof object?.[Symbol.asyncIterator] === 'function') {
    return { body: { stream: streamFromAsyncIterable(object), source: null, length: null }, type: null };
  } else {
    bytes = utf8Encode(`${object}`);
    source = `${object}`;
    type = 'text/plain;charset=UTF-8';
  }
  return { body: { stream: streamFromBytes(bytes), source, length: bytes.byteLength }, type };
}

// A body the same bytes again, for a redirect that resends it (null for a stream body).
function reextractBody(body) {
  if (body === null) return null;
  if (body.source === null) return undefined;
  return extractBody(body.source).body;
}

function cloneBody(body) {
  if (body === null) return null;
  const [first, second] = body.stream.tee();
  body.stream = first;
  return { stream: second, source: body.source, length: body.length };
}

function isBodyUnusable(body) {
  return body !== null && (body.stream[kState].disturbed || isReadableStreamLocked(body.stream));
}

async function readAllBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!isArrayBufferView(value) || value.constructor !== Uint8Array) {
      throw new TypeError('Received non-Uint8Array chunk');
    }
    chunks.push(value);
    total += value.byteLength;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function consumeBody(object) {
  const body = object[kBody];
  if (isBodyUnusable(body)) {
    return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  }
  if (body === null) return Promise.resolve(new Uint8Array(0));
  return readAllBytes(body.stream);
}

// The MIME type of a Content-Type value, as undici serialises it (lower-cased, no spaces).
function mimeTypeOf(object) {
  const value = getHeader(object[kHeaders], 'content-type');
  if (value === null) return '';
  return value.split(';').map((part) => part.trim()).filter(Boolean).join(';').toLowerCase();
}

function indexOfBytes(haystack, needle, from) {
  const first = needle[0];
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

function dispositionParam(header, param) {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header) ??
                new RegExp(`;\\s*${param}=([^;\\s]*)`, 'i').exec(header);
  if (match === null) return null;
  return match[1].replace(/%22/g, '"').replace(/%0A/g, '\n').replace(/%0D/g, '\r');
}

function parseMultipart(bytes, boundary) {
  const form = new FormData();
  const delimiter = utf8Encode(`--${boundary}`);
  const failed = () => new TypeError('Failed to parse body as FormData.');
  let pos = indexOfBytes(bytes, delimiter, 0);
  if (pos === -1) throw failed();
  for (;;) {
    pos += delimiter.length;
    if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) return form;  // closing "--"
    if (bytes[pos] !== 0x0d || bytes[pos + 1] !== 0x0a) throw failed();
    pos += 2;
    const headersEnd = indexOfBytes(bytes, utf8Encode('\r\n\r\n'), pos);
    if (headersEnd === -1) throw failed();
    const headerLines = utf8Decode(bytes.subarray(pos, headersEnd)).split('\r\n');
    let disposition = null;
    let contentType = '';
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-disposition') disposition = value;
      else if (name === 'content-type') contentType = value;
    }
    const next = indexOfBytes(bytes, delimiter, headersEnd + 4);
    if (next === -1 || disposition === null) throw failed();
    // The part's content ends with the CRLF before the next delimiter.
    const content = bytes.subarray(headersEnd + 4, next - 2);
    const name = dispositionParam(disposition, 'name');
    if (name === null) throw failed();
    const filename = dispositionParam(disposition, 'filename');
    if (filename !== null) {
      form.append(name, new File([content], filename, { type: contentType }));
    } else {
      form.append(name, utf8Decode(content));
    }
    pos = next;
  }
}

function parseFormData(bytes, object) {
  const contentType = getHeader(object[kHeaders], 'content-type') ?? '';
  const essence = contentType.split(';')[0].trim().toLowerCase();
  if (essence === 'multipart/form-data') {
    const boundary = dispositionParam(contentType, 'boundary');
    if (boundary === null) throw new TypeError('Failed to parse body as FormData.');
    return parseMultipart(bytes, boundary);
  }
  if (essence === 'application/x-www-form-urlencoded') {
    const { URLSearchParams } = require('internal/url');
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(utf8Decode(bytes))) form.append(name, value);
    return form;
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or ' +
                      '"application/x-www-form-urlencoded".');
}

// Installs body, bodyUsed and the reading methods on a Request or Response prototype;
// `isInstance` is the class's brand check. The class's own `moveAfter` members are re-added
// after bodyUsed, giving node's property order.
function installBodyMixin(proto, isInstance, moveAfter) {
  const methods = {
    get body() {
      if (!isInstance(this)) throw illegal();
      return this[kBody] === null ? null : this[kBody].stream;
    },
    get bodyUsed() {
      if (!isInstance(this)) throw illegal();
      return this[kBody] !== null && this[kBody].stream[kState].disturbed;
    },
    blob() {
      if (!isInstance(this)) return Promise.reject(illegal());
      return consumeBody(this).then((bytes) => new Blob([bytes], { type: mimeTypeOf(this) }));
    },
    arrayBuffer() {
      if (!isInstance(this)) return Promise.reject(illegal());
      return consumeBody(this).then((bytes) => {
        if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
        return copyBytes(bytes).buffer;
      });
    },
    text() {
      if (!isInstance(this)) return Promise.reject(illegal());
      return consumeBody(this).then(utf8Decode);
    },
    json() {
      if (!isInstance(this)) return Promise.reject(illegal());
      return consumeBody(this).then((bytes) => JSON.parse(utf8Decode(bytes)));
    },
    formData() {
      if (!isInstance(this)) return Promise.reject(illegal());
      return consumeBody(this).then((bytes) => parseFormData(bytes, this));
    },
    bytes() {
      if (!isInstance(this)) return Promise.reject(illegal());
      return consumeBody(this);
    },
  };
  const define = (name, desc) => {
    desc.enumerable = true;
    Object.defineProperty(proto, name, desc);
  };
  define('body', Object.getOwnPropertyDescriptor(methods, 'body'));
  define('bodyUsed', Object.getOwnPropertyDescriptor(methods, 'bodyUsed'));
  for (const name of moveAfter) {
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    delete proto[name];
    define(name, desc);
  }
  for (const name of ['blob', 'arrayBuffer', 'text', 'json', 'formData', 'bytes']) {
    define(name, Object.getOwnPropertyDescriptor(methods, name));
  }
}

module.exports = {
  kBody,
  kHeaders,
  kInspect,
  extractBody,
  reextractBody,
  cloneBody,
  isBodyUnusable,
  installBodyMixin,
  streamFromBytes,
  utf8Encode,
  utf8Decode,
};
