'use strict';
// FormData: an ordered list of (name, string | File) entries; Blob values become Files.

const { customInspectSymbol: kInspect } = require('internal/util');
const { File, isBlob } = require('internal/blob');
const {
  illegalInvocation,
  requireArgs,
  requireFunction,
  pairIteratorFactory,
  defineInterface,
  inspectAs,
} = require('internal/fetch/webidl');

const kEntries = Symbol('kEntries');

function isFormData(value) {
  return value != null && value[kEntries] !== undefined;
}

// Strings are USVStrings: lone surrogates become U+FFFD.
function toUSVString(value) {
  return `${value}`.toWellFormed?.() ?? `${value}`;
}

function makeEntryValue(value, filename, method, argc) {
  if (argc < 3 && !isBlob(value)) return toUSVString(value);
  if (!isBlob(value)) {
    throw new TypeError(
      `Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
  }
  if (value instanceof File && filename === undefined) return value;
  const name = filename === undefined ? 'blob' : toUSVString(filename);
  const options = { type: value.type };
  if (value instanceof File) options.lastModified = value.lastModified;
  return new File([value], name, options);
}

function checkThis(self) {
  if (!isFormData(self)) throw illegalInvocation();
}

const makeFormDataIterator = pairIteratorFactory('FormData Iterator');

function makeIterator(form, kind) {
  checkThis(form);
  return makeFormDataIterator(() => form[kEntries], kind);
}

class FormData {
  constructor(form) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    }
    this[kEntries] = [];
  }

  append(name, value, filename = undefined) {
    checkThis(this);
    requireArgs(arguments.length, 2, 'FormData.append');
    const entryValue = makeEntryValue(value, filename, 'append', arguments.length);
    this[kEntries].push([toUSVString(name), entryValue]);
  }

  delete(name) {
    checkThis(this);
    requireArgs(arguments.length, 1, 'FormData.delete');
    name = toUSVString(name);
    this[kEntries] = this[kEntries].filter((entry) => entry[0] !== name);
  }

  get(name) {
    checkThis(this);
    requireArgs(arguments.length, 1, 'FormData.get');
    name = toUSVString(name);
    const entry = this[kEntries].find((e) => e[0] === name);
    return entry === undefined ? null : entry[1];
  }

  getAll(name) {
    checkThis(this);
    requireArgs(arguments.length, 1, 'FormData.getAll');
    name = toUSVString(name);
    return this[kEntries].filter((e) => e[0] === name).map((e) => e[1]);
  }

  has(name) {
    checkThis(this);
    requireArgs(arguments.length, 1, 'FormData.has');
    name = toUSVString(name);
    return this[kEntries].some((e) => e[0] === name);
  }

  // Replaces the first entry of that name and drops the others, or appends.
  set(name, value, filename = undefined) {
    checkThis(this);
    requireArgs(arguments.length, 2, 'FormData.set');
    name = toUSVString(name);
    const entry = [name, makeEntryValue(value, filename, 'set', arguments.length)];
    const entries = this[kEntries];
    const first = entries.findIndex((e) => e[0] === name);
    if (first === -1) {
      entries.push(entry);
      return;
    }
    this[kEntries] = entries.filter((e, i) => i <= first || e[0] !== name);
    this[kEntries][first] = entry;
  }

  keys() { return makeIterator(this, 'key'); }
  values() { return makeIterator(this, 'value'); }
  entries() { return makeIterator(this, 'key+value'); }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    requireArgs(arguments.length, 1, 'FormData.forEach');
    requireFunction(callback, 'FormData');
    for (const [name, value] of this) callback.call(thisArg, value, name, this);
  }

  [kInspect](depth, options) {
    const shown = {};
    for (const [name, value] of this[kEntries]) {
      if (!Object.hasOwn(shown, name)) shown[name] = value;
      else if (Array.isArray(shown[name])) shown[name].push(value);
      else shown[name] = [shown[name], value];
    }
    return inspectAs('FormData', shown, options);
  }
}

defineInterface(FormData, 'FormData', ['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys',
                                       'values', 'entries', 'forEach']);

// The entry list as stored (read by the multipart encoder).
function formDataEntries(form) {
  return form[kEntries];
}

module.exports = { FormData, isFormData, formDataEntries };
