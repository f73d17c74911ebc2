'use strict';
// node:string_decoder. Decodes a byte stream chunk by chunk without splitting characters: the
// bytes of an incomplete character at the end of a chunk (UTF-8 sequence, UTF-16 code unit or
// surrogate pair, base64 group) are kept and completed by the next chunk; end() flushes them.

const {
  asciiSlice,
  base64Slice,
  base64urlSlice,
  hexSlice,
  latin1Slice,
  ucs2Slice,
  utf8Slice,
} = internalBinding('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');
const { normalizeEncoding: normalize } = require('internal/util');
const { Buffer } = require('buffer');
const { FastBuffer, stringTooLong } = require('internal/buffer');

const kState = Symbol('kState');

const slices = {
  __proto__: null,
  utf8: utf8Slice,
  utf16le: ucs2Slice,
  latin1: latin1Slice,
  ascii: asciiSlice,
  base64: base64Slice,
  base64url: base64urlSlice,
  hex: hexSlice,
};

function normalizeEncoding(enc) {
  const normalized = normalize(enc);
  if (normalized === undefined) {
    // A user-patched Buffer.isEncoding may accept more names.
    if (Buffer.isEncoding === isEncoding || !Buffer.isEncoding(enc)) {
      throw new ERR_UNKNOWN_ENCODING(enc);
    }
    return enc;
  }
  return normalized;
}
const isEncoding = Buffer.isEncoding;

function decode(slice, bytes, start, end) {
  if (end <= start) return '';
  const result = slice(bytes, start, end);
  if (result === undefined) throw stringTooLong();
  return result;
}

class DecoderState {
  constructor(encoding) {
    this.slice = slices[encoding] || utf8Slice;
    this.kind = encoding === 'utf8' ? 1 : encoding === 'utf16le' ? 2 :
      (encoding === 'base64' || encoding === 'base64url') ? 3 : 0;
    this.chars = new FastBuffer(4);  // The incomplete character's bytes.
    this.buffered = 0;
    this.missing = 0;
  }

  // Bytes [start, end) of `data` (a Uint8Array over the chunk) -> the complete text.
  write(data) {
    let start = 0;
    const nread = data.length;
    let prepend = '';
    if (this.kind === 0) return decode(this.slice, data, 0, nread);

    if (this.missing > 0) {
      if (this.kind === 1) {
        // A byte that should continue the character but does not ends it early; that byte
        // starts the next character.
        for (let i = 0; i < nread && i < this.missing; i++) {
          if ((data[i] & 0xc0) !== 0x80) {
            this.missing = 0;
            for (let j = 0; j < i; j++) this.chars[this.buffered + j] = data[j];
            this.buffered += i;
            start = i;
            break;
          }
        }
      }
      start = this.take(data, start, this.missing);
      if (this.missing === 0) {
        prepend = decode(this.slice, this.chars, 0, this.buffered);
        this.buffered = 0;
      }
    }

    if (start === nread) return prepend;
    let end = nread;
    // Find an incomplete character at the end of the chunk.
    if (this.kind === 1) {
      if (data[end - 1] & 0x80) {
        for (let i = end - 1; ; i--) {
          this.buffered++;
          if ((data[i] & 0xc0) === 0x80) {
            // A continuation byte: keep looking for the lead byte, at most 4 back.
            if (this.buffered >= 4 || i === start) {
              this.buffered = 0;
              break;
            }
          } else {
            const lead = data[i];
            if ((lead & 0xe0) === 0xc0) this.missing = 2;
            else if ((lead & 0xf0) === 0xe0) this.missing = 3;
            else if ((lead & 0xf8) === 0xf0) this.missing = 4;
            else {
              this.buffered = 0;
              break;
            }
            if (this.buffered >= this.missing) {
              // Complete (or over-long and invalid anyway): nothing to keep.
              this.missing = 0;
              this.buffered = 0;
            }
            this.missing -= this.buffered;
            break;
          }
        }
      }
    } else if (this.kind === 2) {
      if ((end - start) % 2 === 1) {
        this.buffered = 1;
        this.missing = 1;
      } else if ((data[end - 1] & 0xfc) === 0xd8) {
        this.buffered = 2;
        this.missing = 2;
      }
    } else {
      this.buffered = (end - start) % 3;
      if (this.buffered > 0) this.missing = 3 - this.buffered;
    }
    if (this.buffered > 0) {
      end -= this.buffered;
      for (let j = 0; j < this.buffered; j++) this.chars[j] = data[end + j];
    }
    const body = decode(this.slice, data, start, end);
    return prepend === '' ? body : prepend + body;
  }

  // Moves up to `count` bytes from data[start] into the incomplete character.
  take(data, start, count) {
    const found = Math.min(data.length - start, count);
    for (let j = 0; j < found; j++) this.chars[this.buffered + j] = data[start + j];
    this.missing -= found;
    this.buffered += found;
    return start + found;
  }

  flush() {
    if (this.kind === 2 && this.buffered % 2 === 1) {
      // A lone trailing byte of UTF-16 is dropped.
      this.missing--;
      this.buffered--;
    }
    if (this.buffered === 0) {
      this.missing = 0;
      return '';
    }
    const result = decode(this.slice, this.chars, 0, this.buffered);
    this.missing = 0;
    this.buffered = 0;
    return result;
  }
}

function toBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  return new FastBuffer(buf.buffer, buf.byteOffset, buf.byteLength);
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kState] = new DecoderState(this.encoding);
}

function stateOf(decoder) {
  const state = decoder?.[kState];
  if (state === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  return state;
}

StringDecoder.prototype.write = function write(buf) {
  const state = stateOf(this);
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  return state.write(toBytes(buf));
};

StringDecoder.prototype.end = function end(buf) {
  stateOf(this);
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  const rest = this[kState].flush();
  return rest === '' ? ret : ret + rest;
};

// text(buf, offset): decodes buf from `offset`, dropping any buffered partial character.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = stateOf(this);
  state.buffered = 0;
  state.missing = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kState].chars; },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kState].missing; },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kState].buffered + this[kState].missing; },
  },
});

module.exports = { StringDecoder };
