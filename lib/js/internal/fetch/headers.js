'use strict';
// Headers (Fetch Standard) as node 20 shows it: names compared case-insensitively, values of
// one name combined with ", " (Set-Cookie kept apart for getSetCookie), iteration sorted by
// lower-cased name, and a guard that makes a Response.error()/fetched response's list immutable.

const { customInspectSymbol: kInspect } = require('internal/util');
const {
  illegalInvocation,
  requireArgs,
  requireFunction,
  pairIteratorFactory,
  defineInterface,
  inspectAs,
} = require('internal/fetch/webidl');

const kList = Symbol('kList');
const kGuard = Symbol('kGuard');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// A value may not hold NUL, CR or LF once leading/trailing HTTP whitespace is gone.
const badValueRe = /[\0\r\n]/;
const edgeWhitespaceRe = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function isHeaders(value) {
  return value != null && value[kList] !== undefined;
}

// WebIDL ByteString: each code unit must fit in a byte.
function toByteString(value, prefix) {
  if (typeof value === 'symbol') throw new TypeError(`${prefix}: cannot convert a Symbol to a string.`);
  const string = `${value}`;
  for (let i = 0; i < string.length; i++) {
    if (string.charCodeAt(i) > 255) {
      throw new TypeError('Cannot convert argument to a ByteString because the character at ' +
                          `index ${i} has a value of ${string.charCodeAt(i)} which is greater ` +
                          'than 255.');
    }
  }
  return string;
}

function checkName(name, method) {
  if (!tokenRe.test(name)) {
    throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
  }
}

function normalizeValue(value, method) {
  value = value.replace(edgeWhitespaceRe, '');
  if (badValueRe.test(value)) {
    throw new TypeError(`Headers.${method}: "${value}" is an invalid header value.`);
  }
  return value;
}

function checkMutable(headers) {
  if (headers[kGuard] === 'immutable') throw new TypeError('immutable');
}

// The list itself: lower-cased name -> { name: the spelling first given, values: [...] }.
// A Map keeps insertion order, which util.inspect shows; iteration sorts.
function listAppend(list, name, value) {
  const key = name.toLowerCase();
  const entry = list.get(key);
  if (entry === undefined) list.set(key, { name, values: [value] });
  else entry.values.push(value);
}

function listGet(list, key) {
  const entry = list.get(key);
  return entry === undefined ? null : entry.values.join(', ');
}

function fillHeaders(headers, init) {
  if (init === undefined) return;
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
                        'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
  }
  if (isHeaders(init)) {
    for (const { name, values } of init[kList].values()) {
      for (const value of values) appendHeader(headers, name, value);
    }
    return;
  }
  if (typeof init[Symbol.iterator] === 'function') {
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
                            'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
      }
      const items = [...pair];
      if (items.length !== 2) {
        throw new TypeError('Headers constructor: expected name/value pair to be length 2, ' +
                            `found ${items.length}.`);
      }
      appendHeader(headers, toByteString(items[0], 'Header name'),
                   toByteString(items[1], 'Header value'));
    }
    return;
  }
  for (const key of Reflect.ownKeys(init)) {
    const desc = Reflect.getOwnPropertyDescriptor(init, key);
    if (desc === undefined || !desc.enumerable) continue;
    appendHeader(headers, toByteString(key, 'Header name'), toByteString(init[key], 'Header value'));
  }
}

function appendHeader(headers, name, value) {
  value = normalizeValue(value, 'append');
  checkName(name, 'append');
  checkMutable(headers);
  listAppend(headers[kList], name, value);
}

// Sorted [name, value] pairs: one per Set-Cookie value, one combined pair for any other name.
function sortedPairs(list) {
  const keys = [...list.keys()].sort();
  const pairs = [];
  for (const key of keys) {
    const { values } = list.get(key);
    if (key === 'set-cookie') {
      for (const value of values) pairs.push([key, value]);
    } else {
      pairs.push([key, values.join(', ')]);
    }
  }
  return pairs;
}

const makeHeadersIterator = pairIteratorFactory('Headers Iterator');

function makeIterator(headers, kind) {
  if (!isHeaders(headers)) throw illegalInvocation();
  const pairs = sortedPairs(headers[kList]);
  return makeHeadersIterator(() => pairs, kind);
}

class Headers {
  constructor(init = undefined) {
    this[kList] = new Map();
    this[kGuard] = 'none';
    fillHeaders(this, init);
  }

  append(name, value) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 2, 'Headers.append');
    appendHeader(this, toByteString(name, 'Header name'), toByteString(value, 'Header value'));
  }

  delete(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.delete');
    name = toByteString(name, 'Header name');
    checkName(name, 'delete');
    checkMutable(this);
    this[kList].delete(name.toLowerCase());
  }

  get(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.get');
    name = toByteString(name, 'Header name');
    checkName(name, 'get');
    return listGet(this[kList], name.toLowerCase());
  }

  has(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.has');
    name = toByteString(name, 'Header name');
    checkName(name, 'has');
    return this[kList].has(name.toLowerCase());
  }

  set(name, value) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 2, 'Headers.set');
    name = toByteString(name, 'Header name');
    value = normalizeValue(toByteString(value, 'Header value'), 'set');
    checkName(name, 'set');
    checkMutable(this);
    const key = name.toLowerCase();
    const entry = this[kList].get(key);
    if (entry === undefined) {
      this[kList].set(key, { name, values: [value] });
    } else {
      entry.name = name;
      entry.values = [value];
    }
  }

  getSetCookie() {
    if (!isHeaders(this)) throw illegalInvocation();
    const entry = this[kList].get('set-cookie');
    return entry === undefined ? [] : [...entry.values];
  }

  keys() { return makeIterator(this, 'key'); }
  values() { return makeIterator(this, 'value'); }
  entries() { return makeIterator(this, 'key+value'); }

  forEach(callback, thisArg = undefined) {
    if (!isHeaders(this)) throw illegalInvocation();
    requireArgs(arguments.length, 1, 'Headers.forEach');
    requireFunction(callback, 'Headers');
    for (const [name, value] of sortedPairs(this[kList])) {
      callback.call(thisArg, value, name, this);
    }
  }

  [kInspect](depth, options) {
    const shown = {};
    for (const { name, values } of this[kList].values()) shown[name] = values.join(', ');
    return inspectAs('Headers', shown, options);
  }
}

defineInterface(Headers, 'Headers', ['append', 'delete', 'get', 'has', 'set', 'getSetCookie',
                                     'keys', 'values', 'entries', 'forEach']);

function setGuard(headers, guard) {
  headers[kGuard] = guard;
}

function getGuard(headers) {
  return headers[kGuard];
}

// Headers for an incoming response from a flat [name, value, ...] list (message.rawHeaders).
function headersFromRaw(raw, guard) {
  const headers = new Headers();
  const list = headers[kList];
  for (let i = 0; i + 1 < raw.length; i += 2) listAppend(list, raw[i].toLowerCase(), raw[i + 1]);
  headers[kGuard] = guard;
  return headers;
}

// The request's headers as a flat list, names spelled as given, in insertion order.
function headersToRaw(headers) {
  const raw = [];
  for (const { name, values } of headers[kList].values()) {
    if (name.toLowerCase() === 'set-cookie') {
      for (const value of values) raw.push(name, value);
    } else {
      raw.push(name, values.join(', '));
    }
  }
  return raw;
}

function getHeader(headers, lowerName) {
  return listGet(headers[kList], lowerName);
}

module.exports = {
  Headers,
  isHeaders,
  fillHeaders,
  setGuard,
  getGuard,
  headersFromRaw,
  headersToRaw,
  getHeader,
};
