'use strict';

// The public `util` module.

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
  },
  ErrnoException,
  ExceptionWithHostPort,
} = require('internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const { debuglog } = require('internal/util/debuglog');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateOneOf,
  validateString,
} = require('internal/validators');
const types = require('internal/util/types');
const {
  deprecate,
  getSystemErrorMap,
  getSystemErrorName: internalErrorName,
  promisify,
  defineLazyProperties,
  toUSVString,
} = require('internal/util');

let comparisons;
function isDeepStrictEqual(a, b) {
  comparisons ??= require('internal/util/comparisons');
  return comparisons.isDeepStrictEqual(a, b);
}

// --- legacy type checks (documented as deprecated, still exported) ------------------------------

function isBoolean(arg) {
  return typeof arg === 'boolean';
}

function isNull(arg) {
  return arg === null;
}

function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

function isSymbol(arg) {
  return typeof arg === 'symbol';
}

function isUndefined(arg) {
  return arg === undefined;
}

function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

function isError(e) {
  return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error;
}

function isFunction(arg) {
  return typeof arg === 'function';
}

function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

function isBuffer(arg) {
  return require('buffer').Buffer.isBuffer(arg);
}

// --- util.log -----------------------------------------------------------------------------------

function pad(n) {
  return n.toString().padStart(2, '0');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
                'Dec'];

// '26 Feb 16:19:34'
function timestamp() {
  const d = new Date();
  const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

/**
 * Makes `ctor` inherit the prototype methods of `superCtor` (legacy; prefer `extends`).
 * @param {Function} ctor
 * @param {Function} superCtor
 */
function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  // Copies own enumerable properties; non-objects are ignored.
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason would read as success in a callback: wrap it.
  if (!reason) reason = new ERR_FALSY_VALUE_REJECTION(reason);
  return cb(reason);
}

/**
 * Turns an async function (or one returning a promise) into a callback-last function.
 * @param {Function} original
 * @returns {Function}
 */
function callbackify(original) {
  validateFunction(original, 'original');

  // The promise is not returned: the callback's fate is not tied to it.
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    // The callback runs on the next tick, outside the promise's job.
    Reflect.apply(original, this, args)
      .then((ret) => process.nextTick(cb, null, ret),
            (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  // `length` and `name` may have been redefined; adjust them only if they are data values.
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const desc of Object.values(descriptors)) Object.setPrototypeOf(desc, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function getSystemErrorName(err) {
  return internalErrorName(err);
}

// --- styleText ----------------------------------------------------------------------------------

function escapeStyleCode(code) {
  return `\u001b[${code}m`;
}

// Node streams, web streams, or at least something that can be written to.
function isStreamLike(stream) {
  if (stream === null || typeof stream !== 'object') return false;
  return typeof stream.write === 'function' || typeof stream.pipe === 'function' ||
    typeof stream.getReader === 'function' || typeof stream.getWriter === 'function' ||
    stream._readableState !== undefined || stream._writableState !== undefined;
}

/**
 * Wraps `text` in the ANSI codes of `format` (a name of util.inspect.colors or a list of
 * them). With validateStream (default), codes are only added if `stream` supports colors.
 * @param {string|string[]} format
 * @param {string} text
 * @param {{ validateStream?: boolean, stream?: object }} [options]
 * @returns {string}
 */
function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');

  if (validateStream && !isStreamLike(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'],
                                   stream);
  }

  let left = '';
  let right = '';
  const formats = Array.isArray(format) ? format : [format];
  for (const key of formats) {
    const formatCodes = inspect.colors[key];
    if (formatCodes == null) validateOneOf(key, 'format', Object.keys(inspect.colors));
    left += escapeStyleCode(formatCodes[0]);
    right = `${escapeStyleCode(formatCodes[1])}${right}`;
  }

  if (!Array.isArray(format) && validateStream &&
      (!stream || !require('internal/util/colors').shouldColorize(stream))) {
    return text;
  }
  return `${left}${text}${right}`;
}

function parseEnv(content) {
  validateString(content, 'content');
  return internalBinding('util').parseEnv(content);
}

let parseArgsModule;
function parseArgs(config) {
  parseArgsModule ??= require('internal/util/parse_args');
  return parseArgsModule.parseArgs(config);
}

module.exports = {
  _errnoException: ErrnoException,
  _exceptionWithHostPort: ExceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
};

// Loaded on first access, so util works before these modules exist.
defineLazyProperties(module.exports, 'internal/abort_controller',
                     ['transferableAbortSignal', 'transferableAbortController', 'aborted']);
module.exports.types = types;
module.exports.parseEnv = parseEnv;
module.exports.parseArgs = parseArgs;
defineLazyProperties(module.exports, 'internal/encoding', ['TextDecoder', 'TextEncoder']);
defineLazyProperties(module.exports, 'internal/mime', ['MIMEType', 'MIMEParams']);
