'use strict';
// TextEncoder and TextDecoder (the WHATWG Encoding Standard) for utf-8, utf-16le, utf-16be and
// the windows-1252 labels (decoded as ISO-8859-1, as node 20 does). The byte work is
// internalBinding('buffer'); streaming keeps the bytes of an incomplete character between
// calls.

const {
  byteLengthUtf8,
  isUtf8,
  latin1Slice,
  ucs2Slice,
  utf8Slice,
  utf8Write,
} = internalBinding('buffer');
const {
  codes: {
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateObject,
  validateString,
  kValidateObjectAllowObjectsAndNull,
} = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView, isUint8Array } = require('internal/util/types');
const { customInspectSymbol: kInspect, getConstructorOf, kEnumerableProperty } =
  require('internal/util');

// Own properties a decoder has in node (inspect with customInspect: false shows them); the
// state itself lives in private fields.
const kDecoder = Symbol('decoder');
const kFlags = Symbol('flags');
const kEncoding = Symbol('encoding');
const kIgnoreBOM = Symbol('kIgnoreBOM');
const kFatal = Symbol('kFatal');
const kUTF8FastPath = Symbol('kUTF8FastPath');
const kLatin1FastPath = Symbol('kLatin1FastPath');
const kHandle = Symbol('handle');
const kEncoder = Symbol('encoder');

// Node's converter flags, shown by inspect with showHidden.
const kFlagFatal = 0x2;
const kFlagIgnoreBOM = 0x4;

const kEmptyObject = Object.freeze({ __proto__: null });
const empty = new Uint8Array(0);

// Every label of the Encoding Standard -> encoding name.
const encodingLabels = {
  'utf-8': ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8',
    'x-unicode20utf8'],
  'ibm866': ['866', 'cp866', 'csibm866', 'ibm866'],
  'iso-8859-2': ['csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592',
    'iso_8859-2', 'iso_8859-2:1987', 'l2', 'latin2'],
  'iso-8859-3': ['csisolatin3', 'iso-8859-3', 'iso-ir-109', 'iso8859-3', 'iso88593',
    'iso_8859-3', 'iso_8859-3:1988', 'l3', 'latin3'],
  'iso-8859-4': ['csisolatin4', 'iso-8859-4', 'iso-ir-110', 'iso8859-4', 'iso88594',
    'iso_8859-4', 'iso_8859-4:1988', 'l4', 'latin4'],
  'iso-8859-5': ['csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5',
    'iso88595', 'iso_8859-5', 'iso_8859-5:1988'],
  'iso-8859-6': ['arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic',
    'ecma-114', 'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6',
    'iso88596', 'iso_8859-6', 'iso_8859-6:1987'],
  'iso-8859-7': ['csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7',
    'iso-ir-126', 'iso8859-7', 'iso88597', 'iso_8859-7', 'iso_8859-7:1987', 'sun_eu_greek'],
  'iso-8859-8': ['csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e',
    'iso-ir-138', 'iso8859-8', 'iso88598', 'iso_8859-8', 'iso_8859-8:1988', 'visual'],
  'iso-8859-8-i': ['csiso88598i', 'iso-8859-8-i', 'logical'],
  'iso-8859-10': ['csisolatin6', 'iso-8859-10', 'iso-ir-157', 'iso8859-10', 'iso885910', 'l6',
    'latin6'],
  'iso-8859-13': ['iso-8859-13', 'iso8859-13', 'iso885913'],
  'iso-8859-14': ['iso-8859-14', 'iso8859-14', 'iso885914'],
  'iso-8859-15': ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9'],
  'iso-8859-16': ['iso-8859-16'],
  'koi8-r': ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r'],
  'koi8-u': ['koi8-ru', 'koi8-u'],
  'macintosh': ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman'],
  'windows-874': ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620',
    'windows-874'],
  'windows-1250': ['cp1250', 'windows-1250', 'x-cp1250'],
  'windows-1251': ['cp1251', 'windows-1251', 'x-cp1251'],
  'windows-1252': ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
    'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1',
    'latin1', 'us-ascii', 'windows-1252', 'x-cp1252'],
  'windows-1253': ['cp1253', 'windows-1253', 'x-cp1253'],
  'windows-1254': ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599',
    'iso_8859-9', 'iso_8859-9:1989', 'l5', 'latin5', 'windows-1254', 'x-cp1254'],
  'windows-1255': ['cp1255', 'windows-1255', 'x-cp1255'],
  'windows-1256': ['cp1256', 'windows-1256', 'x-cp1256'],
  'windows-1257': ['cp1257', 'windows-1257', 'x-cp1257'],
  'windows-1258': ['cp1258', 'windows-1258', 'x-cp1258'],
  'x-mac-cyrillic': ['x-mac-cyrillic', 'x-mac-ukrainian'],
  'gbk': ['chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk',
    'iso-ir-58', 'x-gbk'],
  'gb18030': ['gb18030'],
  'big5': ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'],
  'euc-jp': ['cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp'],
  'iso-2022-jp': ['csiso2022jp', 'iso-2022-jp'],
  'shift_jis': ['csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis',
    'windows-31j', 'x-sjis'],
  'euc-kr': ['cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987',
    'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949'],
  'utf-16be': ['unicodefffe', 'utf-16be'],
  'utf-16le': ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16',
    'utf-16le'],
  'replacement': ['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr',
    'replacement'],
};
const labelToEncoding = new Map();
for (const name of Object.keys(encodingLabels)) {
  for (const label of encodingLabels[name]) labelToEncoding.set(label, name);
}

// The encodings this decoder implements; the other names need a converter ringjs lacks.
const supportedEncodings = new Set(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);

function getEncodingFromLabel(label) {
  // ASCII whitespace around the label is ignored, and case does not matter.
  const trimmed = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  return labelToEncoding.get(trimmed);
}

// Errors node throws from C++ (a plain TypeError with a code, no code in the name).
function nativeError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function invalidData(encoding) {
  return nativeError('ERR_ENCODING_INVALID_ENCODED_DATA',
                     `The encoded data was not valid for encoding ${encoding}`);
}

// ---------------------------------------------------------------------------------------------
// TextEncoder

class TextEncoder {
  #brand = true;

  constructor() {
    this[kEncoder] = true;
  }

  static #check(self) {
    if (self == null || typeof self !== 'object' || !(#brand in self)) {
      throw new ERR_INVALID_THIS('TextEncoder');
    }
  }

  get encoding() {
    TextEncoder.#check(this);
    return 'utf-8';
  }

  encode(input = '') {
    TextEncoder.#check(this);
    input = `${input}`;
    const length = byteLengthUtf8(input);
    const out = new Uint8Array(length);
    if (length > 0) utf8Write(out, input, 0, length);
    return out;
  }

  encodeInto(src, dest) {
    TextEncoder.#check(this);
    validateString(src, 'src');
    if (!dest || !isUint8Array(dest)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    // The longest prefix of whole characters (a lone surrogate is one, as U+FFFD) that fits.
    const capacity = dest.length;
    let read = 0;
    let written = 0;
    const len = src.length;
    while (read < len) {
      const c = src.charCodeAt(read);
      let units = 1;
      let bytes;
      if (c < 0x80) {
        bytes = 1;
      } else if (c < 0x800) {
        bytes = 2;
      } else if (c >= 0xd800 && c <= 0xdbff && read + 1 < len &&
                 (src.charCodeAt(read + 1) & 0xfc00) === 0xdc00) {
        bytes = 4;
        units = 2;
      } else {
        bytes = 3;
      }
      if (written + bytes > capacity) break;
      written += bytes;
      read += units;
    }
    if (written > 0) utf8Write(dest, read === len ? src : src.slice(0, read), 0, written);
    return { read, written };
  }

  [kInspect](depth, opts) {
    TextEncoder.#check(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = getConstructorOf(this);
    // A plain object whose prototype names the class without being its instance: inspect
    // prints it without a class name, as node's.
    const obj = { __proto__: { constructor: constructor === null ? TextEncoder : constructor } };
    obj.encoding = this.encoding;
    return require('internal/util/inspect').inspect(obj, opts);
  }
}

Object.defineProperties(TextEncoder.prototype, {
  encode: kEnumerableProperty,
  encodeInto: kEnumerableProperty,
  encoding: kEnumerableProperty,
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'TextEncoder' },
});

// ---------------------------------------------------------------------------------------------
// TextDecoder

// What inspect shows for a decoder's native converter once it has one.
class Converter {}

// The length of the longest suffix of bytes[0, end) that is an incomplete but so far valid
// UTF-8 sequence (0 to 3 bytes): those wait for the next chunk.
function incompleteUtf8Tail(bytes, end) {
  const start = Math.max(0, end - 3);
  for (let i = end - 1; i >= start; i--) {
    const b = bytes[i];
    if (b < 0x80) return 0;
    if (b < 0xc0) continue;  // A continuation byte: look further back for the lead.
    let need;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      else if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      else if (b === 0xf4) upper = 0x8f;
    } else {
      return 0;
    }
    const have = end - i - 1;
    if (have >= need) return 0;
    for (let j = i + 1; j < end; j++) {
      if (bytes[j] < lower || bytes[j] > upper) return 0;
      lower = 0x80;
      upper = 0xbf;
    }
    return end - i;
  }
  return 0;
}

const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogatesGlobal = new RegExp(loneSurrogates.source, 'g');

// windows-1252 proper (the streaming path): 0x80-0x9F per the Encoding Standard's index.
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
  0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const windows1252Re = /[\x80-\x9f]/g;
function decodeWindows1252(bytes) {
  const text = latin1Slice(bytes, 0, bytes.length);
  return text.replace(windows1252Re,
                      (c) => String.fromCharCode(windows1252High[c.charCodeAt(0) - 0x80]));
}

function concatBytes(a, b) {
  if (a === null || a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function swapBytes16(bytes) {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  // utf-8 and windows-1252 decode in one step until the first streaming call (node's fast
  // paths, which neither validate `options` nor keep state).
  #fastPath;
  #pending = null;  // Bytes of an incomplete character held back by a streaming decode.
  #bomSeen = false;

  constructor(encoding = 'utf-8', options = kEmptyObject) {
    encoding = `${encoding}`;
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const name = getEncodingFromLabel(encoding);
    if (name === undefined || !supportedEncodings.has(name)) {
      throw new ERR_ENCODING_NOT_SUPPORTED(name === 'replacement' ? name : encoding);
    }
    let flags = 0;
    if (options !== null) {
      if (options.fatal) flags |= kFlagFatal;
      if (options.ignoreBOM) flags |= kFlagIgnoreBOM;
    }
    this.#encoding = name;
    this.#fatal = (flags & kFlagFatal) !== 0;
    this.#ignoreBOM = (flags & kFlagIgnoreBOM) !== 0;
    this.#fastPath = name === 'utf-8' || name === 'windows-1252';
    this[kDecoder] = true;
    this[kFlags] = flags;
    this[kEncoding] = name;
    this[kIgnoreBOM] = this.#ignoreBOM;
    this[kFatal] = this.#fatal;
    this[kUTF8FastPath] = name === 'utf-8';
    this[kLatin1FastPath] = name === 'windows-1252';
    this[kHandle] = this.#fastPath ? undefined : new Converter();
  }

  static #check(self) {
    if (self == null || typeof self !== 'object' || !(#encoding in self)) {
      throw new ERR_INVALID_THIS('TextDecoder');
    }
  }

  decode(input = empty, options = kEmptyObject) {
    TextDecoder.#check(this);
    const stream = Boolean(options?.stream);
    if (this.#fastPath && !stream) return this.#decodeFast(input);
    if (this.#fastPath) {
      this.#fastPath = false;
      this[kUTF8FastPath] = false;
      this[kLatin1FastPath] = false;
      this[kHandle] = new Converter();
    }
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const bytes = this.#bytesOf(input, 'The "input" argument must be an instance of ' +
                                       'SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    switch (this.#encoding) {
      case 'utf-8': return this.#decodeUtf8(bytes, stream);
      case 'utf-16le': return this.#decodeUtf16(bytes, stream, false);
      case 'utf-16be': return this.#decodeUtf16(bytes, stream, true);
      default: return decodeWindows1252(bytes);
    }
  }

  get encoding() {
    TextDecoder.#check(this);
    return this.#encoding;
  }

  get fatal() {
    TextDecoder.#check(this);
    return this.#fatal;
  }

  get ignoreBOM() {
    TextDecoder.#check(this);
    return this.#ignoreBOM;
  }

  #bytesOf(input, message) {
    if (isAnyArrayBuffer(input)) return new Uint8Array(input);
    if (isArrayBufferView(input)) {
      if (isUint8Array(input)) return input;
      return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    }
    throw nativeError('ERR_INVALID_ARG_TYPE', message);
  }

  // One whole input, no state kept between calls.
  #decodeFast(input) {
    if (this.#encoding === 'windows-1252') {
      // Node 20's one-step path decodes ISO-8859-1 (0x80-0x9F as C1 controls), and with
      // ignoreBOM drops a leading 0xFF byte.
      const bytes = this.#bytesOf(input, 'The "input" argument must be an instance of ' +
                                         'ArrayBuffer, SharedArrayBuffer, or ArrayBufferView.');
      const start = this.#ignoreBOM && bytes.length > 0 && bytes[0] === 0xff ? 1 : 0;
      return latin1Slice(bytes, start, bytes.length);
    }
    const bytes = this.#bytesOf(input, 'The "list" argument must be an instance of ' +
                                       'SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    let start = 0;
    if (!this.#ignoreBOM && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb &&
        bytes[2] === 0xbf) {
      start = 3;
    }
    if (this.#fatal && !isUtf8(start === 0 ? bytes : bytes.subarray(start))) {
      throw invalidData('utf-8');
    }
    return utf8Slice(bytes, start, bytes.length);
  }

  #reset() {
    this.#pending = null;
    this.#bomSeen = false;
  }

  // The first character of a stream decides about the BOM: U+FEFF is dropped there unless
  // ignoreBOM (the Encoding Standard's "BOM seen" flag, per character, not per byte).
  #dropBOM(text) {
    if (this.#bomSeen || text.length === 0) return text;
    this.#bomSeen = true;
    return !this.#ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  #decodeUtf8(input, stream) {
    const bytes = concatBytes(this.#pending, input);
    this.#pending = null;
    let end = bytes.length;
    if (stream) {
      const tail = incompleteUtf8Tail(bytes, end);
      if (tail > 0) {
        this.#pending = bytes.slice(end - tail);
        end -= tail;
      }
    }
    if (this.#fatal && !isUtf8(end === bytes.length ? bytes : bytes.subarray(0, end))) {
      this.#reset();
      throw invalidData('utf-8');
    }
    const text = this.#dropBOM(utf8Slice(bytes, 0, end));
    if (!stream) this.#reset();
    return text;
  }

  #decodeUtf16(input, stream, bigEndian) {
    const bytes = concatBytes(this.#pending, input);
    this.#pending = null;
    let end = bytes.length;
    if (stream) {
      if (end % 2 === 1) end--;
      // A high surrogate at the end waits for its partner.
      if (end >= 2) {
        const last = bigEndian ? (bytes[end - 2] << 8) | bytes[end - 1] :
          bytes[end - 2] | (bytes[end - 1] << 8);
        if (last >= 0xd800 && last <= 0xdbff) end -= 2;
      }
      if (end < bytes.length) this.#pending = bytes.slice(end);
    }
    // Without streaming, a last odd byte is an error (U+FFFD).
    const odd = end % 2 === 1;
    if (odd) end--;
    const units = bigEndian ? swapBytes16(bytes.subarray(0, end)) : bytes;
    let text = ucs2Slice(units, 0, end);
    if (odd) {
      // A lead surrogate cut off by the end of the input makes one error with the odd byte.
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
      text += '\uFFFD';
    }
    if (odd || loneSurrogates.test(text)) {
      if (this.#fatal) {
        this.#reset();
        throw invalidData(this.#encoding);
      }
      text = text.replace(loneSurrogatesGlobal, '\uFFFD');
    }
    text = this.#dropBOM(text);
    if (!stream) this.#reset();
    return text;
  }

  [kInspect](depth, opts) {
    TextDecoder.#check(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = getConstructorOf(this) || TextDecoder;
    const obj = { __proto__: { constructor } };
    obj.encoding = this.encoding;
    obj.fatal = this.fatal;
    obj.ignoreBOM = this.ignoreBOM;
    if (opts.showHidden) {
      obj[kFlags] = this[kFlags];
      obj[kHandle] = this[kHandle];
    }
    // As node's: the options are not passed on (no colors, default depth).
    const { inspect } = require('internal/util/inspect');
    return `${constructor.name} ${inspect(obj)}`;
  }
}

Object.defineProperties(TextDecoder.prototype, {
  decode: kEnumerableProperty,
  encoding: kEnumerableProperty,
  fatal: kEnumerableProperty,
  ignoreBOM: kEnumerableProperty,
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'TextDecoder' },
});

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
