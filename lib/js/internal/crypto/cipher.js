'use strict';
// createCipheriv / createDecipheriv (Cipheriv and Decipheriv are LazyTransform streams) and
// getCipherInfo, over the binding's CipherBase.

const {
  CipherBase,
  getCipherInfo: getCipherInfoBinding,
} = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_INVALID_STATE,
    ERR_INTERNAL_ASSERTION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const {
  validateEncoding,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { normalizeEncoding } = require('internal/util');
const { Buffer } = require('buffer');
const LazyTransform = require('internal/crypto/lazy_transform');
const {
  getArrayBufferOrView,
  getDefaultEncoding,
  getStringOption,
  kHandle,
  outputOffset,
  takeOutput,
} = require('internal/crypto/util');
const { prepareSecretKey } = require('internal/crypto/keys');

let StringDecoder;

function getDecoder(decoder, encoding) {
  const normalizedEncoding = normalizeEncoding(encoding);
  StringDecoder ??= require('string_decoder').StringDecoder;
  if (normalizedEncoding === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  decoder = decoder || new StringDecoder(encoding);
  if (decoder.encoding !== normalizedEncoding) {
    throw new ERR_INTERNAL_ASSERTION('Cannot change encoding');
  }
  return decoder;
}

function getUIntOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    return value;
  }
  return -1;
}

// update() input as the binding takes it: views as they are, UTF-8 and Latin-1 strings as
// they are, other encodings decoded here. Returns the output as a Buffer.
function handleUpdate(handle, data, encoding) {
  if (typeof data === 'string') {
    const enc = normalizeEncoding(encoding);
    if (enc === 'latin1') return takeOutput(handle.update(data, true, outputOffset()));
    if (enc !== undefined && enc !== 'utf8') data = Buffer.from(data, enc);
  }
  return takeOutput(handle.update(data, false, outputOffset()));
}

function createCipherBase(cipher, credential, options, decipher, iv) {
  const authTagLength = getUIntOption(options, 'authTagLength');
  this[kHandle] = new CipherBase(!decipher);
  this[kHandle].initiv(cipher, credential, iv, authTagLength);
  this._decoder = null;
  Reflect.apply(LazyTransform, this, [options]);
}

function createCipherWithIV(cipher, key, options, decipher, iv) {
  validateString(cipher, 'cipher');
  const encoding = getStringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  iv = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  Reflect.apply(createCipherBase, this, [cipher, key, options, decipher, iv]);
}

// OpenSSL's EVP_BytesToKey with MD5, one round and no salt, as the legacy createCipher
// derives its key and IV from a password: blocks D1 = MD5(pw), Di = MD5(Di-1 || pw).
function bytesToKey(password, keyLength, ivLength) {
  const { createHash } = require('internal/crypto/hash');
  const blocks = [];
  let total = 0;
  let previous = null;
  while (total < keyLength + ivLength) {
    const md5 = createHash('md5');
    if (previous !== null) md5.update(previous);
    previous = md5.update(password).digest();
    blocks.push(previous);
    total += previous.length;
  }
  const material = Buffer.concat(blocks);
  return {
    key: material.subarray(0, keyLength),
    iv: ivLength > 0 ? material.subarray(keyLength, keyLength + ivLength) : null,
  };
}

const kCounterModes = new Set(['ctr', 'gcm', 'ccm']);

function createCipherWithPassword(cipher, password, options, decipher) {
  validateString(cipher, 'cipher');
  password = getArrayBufferOrView(password, 'password');
  const info = getCipherInfoBinding(cipher, -1, -1);
  if (info === undefined) {
    // Let the binding raise node's unknown-cipher error.
    Reflect.apply(createCipherBase, this, [cipher, password, options, decipher, null]);
    return;
  }
  // Reusing a password-derived IV breaks counter modes; node warns on the encrypting side.
  if (!decipher && kCounterModes.has(info.mode)) {
    process.emitWarning(`Use Cipheriv for counter mode of ${cipher}`);
  }
  const { key, iv } = bytesToKey(password, info.keyLength, info.ivLength ?? 0);
  Reflect.apply(createCipherBase, this, [cipher, key, options, decipher, iv]);
}

// Legacy password-keyed cipher (DEP0106); callable without new.
function Cipher(cipher, password, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
  Reflect.apply(createCipherWithPassword, this, [cipher, password, options, false]);
}

function cipherTransform(chunk, encoding, callback) {
  this.push(handleUpdate(this[kHandle], chunk, encoding));
  callback();
}

function cipherFlush(callback) {
  try {
    this.push(this.final());
  } catch (e) {
    callback(e);
    return;
  }
  callback();
}

function update(data, inputEncoding, outputEncoding) {
  const encoding = getDefaultEncoding();
  inputEncoding = inputEncoding || encoding;
  outputEncoding = outputEncoding || encoding;
  if (typeof data === 'string') {
    validateEncoding(data, inputEncoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const ret = handleUpdate(this[kHandle], data, inputEncoding);
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.write(ret);
  }
  return ret;
}

function final(outputEncoding) {
  outputEncoding = outputEncoding || getDefaultEncoding();
  const ret = takeOutput(this[kHandle].final(outputOffset()));
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.end(ret);
  }
  return ret;
}

function setAutoPadding(ap) {
  if (!this[kHandle].setAutoPadding(!!ap)) throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  return this;
}

function getAuthTag() {
  const ret = this[kHandle].getAuthTag(outputOffset());
  if (ret === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return takeOutput(ret);
}

function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  if (!this[kHandle].setAuthTag(tagbuf)) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  return this;
}

function setAAD(aadbuf, options) {
  const encoding = getStringOption(options, 'encoding');
  const plaintextLength = getUIntOption(options, 'plaintextLength');
  aadbuf = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
  if (!this[kHandle].setAAD(aadbuf, plaintextLength)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  return this;
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  Reflect.apply(createCipherWithIV, this, [cipher, key, options, false, iv]);
}

function addCipherPrototypeFunctions(constructor) {
  constructor.prototype._transform = cipherTransform;
  constructor.prototype._flush = cipherFlush;
  constructor.prototype.update = update;
  constructor.prototype.final = final;
  constructor.prototype.setAutoPadding = setAutoPadding;
  if (constructor === Cipheriv || constructor === Cipher) {
    constructor.prototype.getAuthTag = getAuthTag;
  } else {
    constructor.prototype.setAuthTag = setAuthTag;
  }
  constructor.prototype.setAAD = setAAD;
}

Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);
addCipherPrototypeFunctions(Cipheriv);

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  Reflect.apply(createCipherWithIV, this, [cipher, key, options, true, iv]);
}

Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);
addCipherPrototypeFunctions(Decipheriv);

Object.setPrototypeOf(Cipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipher, LazyTransform);
addCipherPrototypeFunctions(Cipher);

function Decipher(cipher, password, options) {
  if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
  Reflect.apply(createCipherWithPassword, this, [cipher, password, options, true]);
}

Object.setPrototypeOf(Decipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipher, LazyTransform);
addCipherPrototypeFunctions(Decipher);

function createCipher(cipher, password, options) {
  return new Cipher(cipher, password, options);
}

function createDecipher(cipher, password, options) {
  return new Decipher(cipher, password, options);
}

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  return getCipherInfoBinding(nameOrNid, keyLength ?? -1, ivLength ?? -1);
}

module.exports = {
  Cipher,
  Decipher,
  createCipher,
  createDecipher,
  Cipheriv,
  Decipheriv,
  createCipheriv,
  createDecipheriv,
  getCipherInfo,
};
