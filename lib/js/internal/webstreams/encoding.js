'use strict';
// TextEncoderStream and TextDecoderStream: TransformStreams over TextEncoder/TextDecoder. The
// encoder carries a high surrogate that ends one chunk over to the next; the decoder runs in
// streaming mode so a character split between chunks comes out whole.

const { codes: { ERR_INVALID_THIS } } = require('internal/errors');
const { TextEncoder, TextDecoder } = require('internal/encoding');
const { kState, customInspect } = require('internal/webstreams/util');
const { TransformStream } = require('internal/webstreams/transformstream');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kEncoderBrand = Symbol('kTextEncoderStream');
const kDecoderBrand = Symbol('kTextDecoderStream');
const kReplacementBytes = [0xEF, 0xBF, 0xBD];  // U+FFFD in UTF-8

const isEncoderStream = (obj) => obj?.[kState]?.brand === kEncoderBrand;
const isDecoderStream = (obj) => obj?.[kState]?.brand === kDecoderBrand;

function isHighSurrogate(code) {
  return code >= 0xD800 && code <= 0xDBFF;
}

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    let pendingHighSurrogate = '';
    const transform = new TransformStream({
      transform(chunk, controller) {
        let text = pendingHighSurrogate + `${chunk}`;
        pendingHighSurrogate = '';
        if (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1))) {
          pendingHighSurrogate = text[text.length - 1];
          text = text.slice(0, -1);
        }
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pendingHighSurrogate !== '') controller.enqueue(new Uint8Array(kReplacementBytes));
      },
    });
    this[kState] = { brand: kEncoderBrand, transform };
  }

  get encoding() {
    if (!isEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return 'utf-8';
  }

  get readable() {
    if (!isEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    if (!isEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return this[kState].transform.writable;
  }

  [kInspect](depth, options) {
    if (!isEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return customInspect(depth, options, 'TextEncoderStream', {
      encoding: 'utf-8',
      readable: this.readable,
      writable: this.writable,
    });
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = undefined) {
    const decoder = new TextDecoder(encoding, options);
    const transform = new TransformStream({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        if (text) controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text) controller.enqueue(text);
      },
    });
    this[kState] = { brand: kDecoderBrand, decoder, transform };
  }

  get encoding() {
    if (!isDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kState].decoder.encoding;
  }

  get fatal() {
    if (!isDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kState].decoder.fatal;
  }

  get ignoreBOM() {
    if (!isDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kState].decoder.ignoreBOM;
  }

  get readable() {
    if (!isDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    if (!isDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return this[kState].transform.writable;
  }

  [kInspect](depth, options) {
    if (!isDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return customInspect(depth, options, 'TextDecoderStream', {
      encoding: this.encoding,
      fatal: this.fatal,
      ignoreBOM: this.ignoreBOM,
      readable: this.readable,
      writable: this.writable,
    });
  }
}

// Enumerable accessors as WebIDL; node gives these two classes no toStringTag.
for (const [klass, names] of [[TextEncoderStream, ['encoding', 'readable', 'writable']],
                              [TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']]]) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(klass.prototype, name);
    desc.enumerable = true;
    Object.defineProperty(klass.prototype, name, desc);
  }
}

module.exports = { TextEncoderStream, TextDecoderStream };
