'use strict';

// Helpers shared by the core modules (node's internal/util).

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_NO_CRYPTO,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
  isErrorStackTraceLimitWritable,
  uvErrmapGet,
} = require('internal/errors');
const { isNativeError, isPromise } = internalBinding('types');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
const kVmBreakFirstLineSymbol = Symbol('kVmBreakFirstLineSymbol');
const SymbolDispose = Symbol.dispose || Symbol.for('nodejs.dispose');
const SymbolAsyncDispose = Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose');

const kEmptyObject = Object.freeze({ __proto__: null });
const kEnumerableProperty = { __proto__: null };
kEnumerableProperty.enumerable = true;
Object.freeze(kEnumerableProperty);

const colorRegExp = /\u001b\[\d\d?m/g;

const isWindows = process.platform === 'win32';
const isMacOS = process.platform === 'darwin';

function removeColors(str) {
  return String.prototype.replace.call(str, colorRegExp, '');
}

function isError(e) {
  // A native error from another realm is not `instanceof Error`, and an object inheriting
  // from Error.prototype is not a native error: both count.
  return isNativeError(e) || e instanceof Error;
}

let validators;
function lazyValidators() {
  validators ??= require('internal/validators');
  return validators;
}

// Deprecation warnings are emitted once per code (and once per wrapper without a code).
const codesWarned = new Set();

function getDeprecationWarningEmitter(code, msg, deprecated, useEmitSync,
                                      shouldEmitWarning = () => true) {
  let warned = false;
  return function() {
    if (warned || !shouldEmitWarning()) return;
    warned = true;
    if (code !== undefined) {
      if (!codesWarned.has(code)) {
        process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        codesWarned.add(code);
      }
    } else {
      process.emitWarning(msg, 'DeprecationWarning', deprecated);
    }
  };
}

function isPendingDeprecation() {
  return require('internal/options').hasRuntimeOption('--pending-deprecation') ||
    /(^|\s)--pending-deprecation(\s|$)/.test(process.env.NODE_OPTIONS || '');
}

function pendingDeprecate(fn, msg, code) {
  const emitDeprecationWarning = getDeprecationWarningEmitter(
    code, msg, deprecated, false, isPendingDeprecation);
  function deprecated(...args) {
    emitDeprecationWarning();
    return Reflect.apply(fn, this, args);
  }
  return deprecated;
}

// Wraps `fn` so that the first call emits a DeprecationWarning (unless --no-deprecation).
function deprecate(fn, msg, code, useEmitSync) {
  if (code !== undefined) lazyValidators().validateString(code, 'code');
  const emitDeprecationWarning = getDeprecationWarningEmitter(code, msg, deprecated,
                                                              useEmitSync);
  function deprecated(...args) {
    if (!process.noDeprecation) emitDeprecationWarning();
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  // Keep the prototype chain of `fn` (static members, `instanceof`).
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function promisify(original) {
  lazyValidators().validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    lazyValidators().validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  // For callbacks with several results (fs.read: bytesRead, buffer) the names of the fields of
  // the object the promise resolves to.
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const desc of Object.values(descriptors)) Object.setPrototypeOf(desc, null);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

function internalErrorName(err) {
  const entry = uvErrmapGet(err);
  return entry !== undefined ? entry[0] : `Unknown system error ${err}`;
}

function getSystemErrorName(err) {
  lazyValidators().validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return internalErrorName(err);
}

function getSystemErrorMap() {
  return internalBinding('uv').getErrorMap();
}

// Returns a canonical encoding name ('utf8', 'latin1', ...) or undefined if unknown.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex') return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le') {
        return 'utf16le';
      }
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le') {
        return 'utf16le';
      }
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' ||
          `${enc}`.toLowerCase() === 'base64url') {
        return 'base64url';
      }
      break;
    default:
      if (enc === '') return 'utf8';
  }
}

const encodingsMap = { __proto__: null };
['utf8', 'ucs2', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex', 'buffer']
  .forEach((name, i) => { encodingsMap[name] = i; });

// Replaces lone surrogates with U+FFFD.
const loneSurrogateRegExp = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function toUSVString(str) {
  str = `${str}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  return str.replace(loneSurrogateRegExp, '\uFFFD');
}

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

// Returns the first `constructor` found on the prototype chain of `obj`, or null.
function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const lastIndex = output.length - 1;
    for (let i = 0; i < lastIndex; i++) {
      str += output[i];
      str += separator;
    }
    str += output[lastIndex];
  }
  return str;
}

// As Array.prototype.splice(index, 1) but faster for the common case.
function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

function filterDuplicateStrings(items, low) {
  const map = new Map();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = item.toLowerCase();
    if (low) map.set(key, key);
    else map.set(key, item);
  }
  return [...map.values()].sort();
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  const msg = `${feature} is an experimental feature and might change at any time`;
  process.emitWarning(msg, 'ExperimentalWarning');
}

let signalsToNamesMapping;
function getSignalsToNamesMapping() {
  if (signalsToNamesMapping !== undefined) return signalsToNamesMapping;
  const { signals } = internalBinding('constants').os;
  signalsToNamesMapping = { __proto__: null };
  for (const key in signals) signalsToNamesMapping[signals[key]] = key;
  return signalsToNamesMapping;
}

function convertToValidSignal(signal) {
  if (typeof signal === 'number' && getSignalsToNamesMapping()[signal]) return signal;
  if (typeof signal === 'string') {
    const signalName = internalBinding('constants').os.signals[signal.toUpperCase()];
    if (signalName) return signalName;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function setOwnProperty(obj, key, value) {
  return Object.defineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, value, writable: true,
  });
}

// Defines getters on `target` for `keys` that load `require(id)[key]` on first access.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let lazyLoadedValue;
    function set(value) {
      Object.defineProperty(target, key, {
        __proto__: null, writable: true, value,
      });
    }
    Object.defineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    function get() {
      mod ??= require(id);
      if (lazyLoadedValue === undefined) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    }
    Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    descriptors[key] = { __proto__: null, configurable: true, enumerable, get, set };
  }
  Object.defineProperties(target, descriptors);
}

function defineOperation(target, name, method) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: true, configurable: true, value: method,
  });
}

function exposeInterface(target, name, interfaceObject) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: false, configurable: true,
    value: interfaceObject,
  });
}

function exposeNamespace(target, name, namespaceObject) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: false, configurable: true,
    value: namespaceObject,
  });
}

function exposeGetterAndSetter(target, name, getter, setter = undefined) {
  Object.defineProperty(target, name, {
    __proto__: null, enumerable: false, configurable: true, get: getter, set: setter,
  });
}

function exposeLazyInterfaces(target, id, keys) {
  defineLazyProperties(target, id, keys, false);
}

let DOMExceptionClass;
function lazyDOMExceptionClass() {
  DOMExceptionClass ??= globalThis.DOMException;
  return DOMExceptionClass;
}

function lazyDOMException(message, name) {
  const DOMException = lazyDOMExceptionClass();
  if (isErrorStackTraceLimitWritable()) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const ex = new DOMException(message, name);
    Error.stackTraceLimit = limit;
    Error.captureStackTrace(ex, lazyDOMException);
    return ex;
  }
  return new DOMException(message, name);
}

function assertCrypto() {
  if (process.versions.openssl === undefined) throw new ERR_NO_CRYPTO();
}

function sleep(msec) {
  lazyValidators().validateUint32(msec, 'msec');
  internalBinding('util').sleep(msec);
}

function guessHandleType(fd) {
  return internalBinding('util').guessHandleType(fd);
}

function isArrayBufferDetached(value) {
  if (value.byteLength === 0) return internalBinding('util').isArrayBufferDetached(value);
  return false;
}

function SideEffectFreeRegExpPrototypeExec(regex, string) {
  return RegExp.prototype.exec.call(new RegExp(regex.source, regex.flags), string);
}

function SideEffectFreeRegExpPrototypeSymbolReplace(regex, string, replacement) {
  return RegExp.prototype[Symbol.replace].call(new RegExp(regex.source, regex.flags),
                                               string, replacement);
}

function SideEffectFreeRegExpPrototypeSymbolSplit(regex, string, limit = undefined) {
  return RegExp.prototype[Symbol.split].call(new RegExp(regex.source, regex.flags),
                                             string, limit);
}

function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (initialized === false) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}

function filterOwnProperties(source, keys) {
  const filtered = { __proto__: null };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (Object.prototype.hasOwnProperty.call(source, key)) filtered[key] = source[key];
  }
  return filtered;
}

function isInsideNodeModules() {
  const saved = Error.stackTraceLimit;
  const obj = {};
  try {
    Error.stackTraceLimit = 20;
    Error.captureStackTrace(obj);
  } finally {
    Error.stackTraceLimit = saved;
  }
  return /[\\/]node_modules[\\/]/.test(obj.stack || '');
}

module.exports = {
  assertCrypto,
  cachedResult,
  convertToValidSignal,
  createDeferredPromise,
  customInspectSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  defineLazyProperties,
  defineOperation,
  deprecate,
  emitExperimentalWarning,
  encodingsMap,
  exposeGetterAndSetter,
  exposeInterface,
  exposeLazyInterfaces,
  exposeNamespace,
  filterDuplicateStrings,
  filterOwnProperties,
  getConstructorOf,
  getDeprecationWarningEmitter,
  getLazy,
  getSignalsToNamesMapping,
  getSystemErrorMap,
  getSystemErrorName,
  guessHandleType,
  internalErrorName,
  isArrayBufferDetached,
  isError,
  isInsideNodeModules,
  isMacOS,
  isPendingDeprecation,
  isPromise,
  isWindows,
  join,
  kCustomPromisifiedSymbol,
  kEmptyObject,
  kEnumerableProperty,
  kIsEncodingSymbol,
  kVmBreakFirstLineSymbol,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  pendingDeprecate,
  promisify,
  removeColors,
  setOwnProperty,
  SideEffectFreeRegExpPrototypeExec,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  SideEffectFreeRegExpPrototypeSymbolSplit,
  sleep,
  spliceOne,
  SymbolAsyncDispose,
  SymbolDispose,
  toUSVString,
};
