'use strict';
// Blob and File (node:buffer) held in memory: the constructor copies every part, so a Blob is
// an immutable list of byte views that slice() shares. A part may also be deferred (the file
// behind fs.openAsBlob): { byteLength, subarray(from, to), read() -> promise of a Uint8Array }.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { customInspectSymbol: kInspect } = require('internal/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { validateDictionary } = require('internal/validators');
const { utf8Slice } = internalBinding('buffer');

const kParts = Symbol('kParts');
const kSize = Symbol('kSize');
const kType = Symbol('kType');
const kName = Symbol('kName');
const kLastModified = Symbol('kLastModified');

let lazyBufferModule;
function lazyBuffer() {
  lazyBufferModule ??= require('buffer').Buffer;
  return lazyBufferModule;
}

let inspectFn;
function lazyInspect() {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn;
}

function isBlob(object) {
  return object != null && object[kParts] !== undefined;
}

// A type is kept (lower-cased) only if it is printable ASCII.
function normalizeType(type) {
  type = `${type}`;
  return /[^\u0020-\u007E]/.test(type) ? '' : type.toLowerCase();
}

const isDeferred = (part) => typeof part.read === 'function';
const kDeferredChunk = 65536;

function copyBytes(view) {
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}

// Byte views for one constructor part.
function partBytes(source, endings) {
  if (isBlob(source)) return source[kParts];
  if (isAnyArrayBuffer(source)) return [copyBytes(new Uint8Array(source))];
  if (isArrayBufferView(source)) return [copyBytes(source)];
  let string = `${source}`;
  if (endings === 'native') string = string.replace(/\r?\n/g, '\n');
  const b = lazyBuffer().from(string, 'utf8');
  return [new Uint8Array(b.buffer, b.byteOffset, b.byteLength)];
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? {};
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let size = 0;
    for (const source of sources) {
      for (const bytes of partBytes(source, endings)) {
        if (bytes.byteLength === 0) continue;
        parts.push(bytes);
        size += bytes.byteLength;
      }
    }
    this[kParts] = parts;
    this[kSize] = size;
    this[kType] = normalizeType(type);
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kType];
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kSize];
  }

  slice(start = 0, end = this[kSize], contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const size = this[kSize];
    const relative = (value) => {
      value = Math.trunc(+value) || 0;
      return value < 0 ? Math.max(size + value, 0) : Math.min(value, size);
    };
    start = relative(start);
    end = relative(end);
    const span = Math.max(end - start, 0);
    const result = new Blob([], { type: contentType });
    // Share the views that overlap [start, start + span).
    const parts = [];
    let offset = 0;
    let remaining = span;
    for (const bytes of this[kParts]) {
      if (remaining === 0) break;
      const len = bytes.byteLength;
      if (offset + len <= start) {
        offset += len;
        continue;
      }
      const from = Math.max(start - offset, 0);
      const take = Math.min(len - from, remaining);
      parts.push(bytes.subarray(from, from + take));
      remaining -= take;
      offset += len;
    }
    result[kParts] = parts;
    result[kSize] = span;
    return result;
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const now = this.#concatNow();
    return now !== null ? Promise.resolve(now.buffer) : this.#read().then((bytes) => bytes.buffer);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const decode = (bytes) => utf8Slice(bytes, 0, bytes.length);
    const now = this.#concatNow();
    return now !== null ? Promise.resolve(decode(now)) : this.#read().then(decode);
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const now = this.#concatNow();
    return now !== null ? Promise.resolve(now) : this.#read();
  }

  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const { ReadableStream } = require('internal/webstreams/readablestream');
    // One chunk per stored part, read on demand; each is a copy because a byte stream takes
    // ownership of (detaches) the buffers it is given. Deferred parts come in 64 KiB chunks.
    const parts = this[kParts];
    let next = 0;
    let deferred = null;  // What is left of the deferred part being read.
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        const closeAtEnd = () => {
          if (deferred === null && next >= parts.length) controller.close();
        };
        if (deferred === null && next < parts.length && isDeferred(parts[next])) {
          deferred = parts[next++];
        }
        if (deferred !== null) {
          const size = Math.min(deferred.byteLength, kDeferredChunk);
          const chunk = deferred.subarray(0, size);
          deferred = size < deferred.byteLength ?
            deferred.subarray(size, deferred.byteLength) : null;
          return chunk.read().then((bytes) => {
            controller.enqueue(bytes);
            closeAtEnd();
          });
        }
        if (next < parts.length) controller.enqueue(copyBytes(parts[next++]));
        closeAtEnd();
      },
    });
  }

  #concat(views) {
    const out = new Uint8Array(this[kSize]);
    let pos = 0;
    for (const bytes of views) {
      out.set(bytes, pos);
      pos += bytes.byteLength;
    }
    return out;
  }

  // All the bytes in a new Uint8Array, or null when a deferred part must be read first.
  #concatNow() {
    const parts = this[kParts];
    return parts.some(isDeferred) ? null : this.#concat(parts);
  }

  #read() {
    const parts = this[kParts];
    return Promise.all(parts.map((part) => (isDeferred(part) ? part.read() : part)))
      .then((views) => this.#concat(views));
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${lazyInspect()({ size: this.size, type: this.type }, opts)}`;
  }
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'Blob',
});
for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes', 'stream']) {
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Blob.prototype, name, desc);
}

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    let { lastModified } = options ?? {};
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this[kName] = `${fileName}`;
    this[kLastModified] = lastModified;
  }

  get name() {
    if (!(this instanceof File)) throw new ERR_INVALID_THIS('File');
    return this[kName];
  }

  get lastModified() {
    if (!(this instanceof File)) throw new ERR_INVALID_THIS('File');
    return this[kLastModified];
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${lazyInspect()({
      size: this.size, type: this.type, name: this[kName], lastModified: this[kLastModified],
    }, opts)}`;
  }
}

for (const name of ['name', 'lastModified']) {
  const desc = Object.getOwnPropertyDescriptor(File.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(File.prototype, name, desc);
}

Object.defineProperty(File.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'File',
});

// blob: URLs are not registered yet (URL.createObjectURL), so nothing resolves.
// The Blob a `blob:` URL from URL.createObjectURL() stands for, or undefined.
function resolveObjectURL(url) {
  url = `${url}`;
  return require('internal/url').getBlobFromURL(url);
}

// A Blob of `parts` (views or deferred parts, none empty) and `type`, kept as given (as node's
// openAsBlob does).
function blobFromParts(parts, type) {
  const blob = new Blob([]);
  blob[kType] = type;
  blob[kParts] = parts;
  blob[kSize] = parts.reduce((sum, part) => sum + part.byteLength, 0);
  return blob;
}

module.exports = { Blob, File, blobFromParts, isBlob, resolveObjectURL };
