'use strict';

// The classifier: a table of object kinds (how each is shown) and the ordered type tests that
// pick a value's kind. A kind's `describe(state, value, view, keys)` returns the finished text
// (an empty or childless value shown in short form), or fills in the plan part of `view` and
// returns undefined:
//   open, close   the brackets
//   head          text before the brackets (function name, date, error stack), or ''
//   keys          own keys shown as named entries after the kind's own entries
//   produce       entry producer from entries.js
//   listLike      entries are items of an array-like (may be put in columns); source: the
//                 array-like
// `view` (made by render.js, one per object shown) also holds what render.js already knows:
// ctor (constructor name or null), tag (the Symbol.toStringTag worth showing, or ''), level,
// inherited (showHidden prototype fields or undefined), bufferOwner (true while showing a
// typed array's hidden buffer).

const {
  constants: { ALL_PROPERTIES, ONLY_ENUMERABLE },
  getOwnNonIndexProperties,
  getConstructorName: nativeConstructorName,
  getExternalValue,
} = internalBinding('util');
const types = internalBinding('types');
const {
  isSet, isMap, isMapIterator, isSetIterator, isRegExp, isDate, isAnyArrayBuffer, isDataView,
  isPromise, isWeakSet, isWeakMap, isModuleNamespaceObject, isBoxedPrimitive,
} = types;
const ArrayIsArray = Array.isArray;
const { ownerLabel, listedKeys } = require('internal/util/inspect/naming');
const { errorHead, isError } = require('internal/util/inspect/errors');
const { spellNumber } = require('internal/util/inspect/text');
const entries = require('internal/util/inspect/entries');

const hasOwn = Object.prototype.hasOwnProperty;
const FunctionToString = Function.prototype.toString;
const RegExpToString = RegExp.prototype.toString;
const DateGetTime = Date.prototype.getTime;
const DateToISOString = Date.prototype.toISOString;
const DateToString = Date.prototype.toString;
const SetSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const MapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const typedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayProto, 'length').get;

const typedArrayByName = {
  __proto__: null,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

// Boxed primitives: the test, the unboxing method and the type name, in test order.
const boxedTypes = [
  [types.isNumberObject, Number.prototype.valueOf, 'Number'],
  [types.isStringObject, String.prototype.valueOf, 'String'],
  [types.isBooleanObject, Boolean.prototype.valueOf, 'Boolean'],
  [types.isBigIntObject, BigInt.prototype.valueOf, 'BigInt'],
  [() => true, Symbol.prototype.valueOf, 'Symbol'],
];

// Set by render.js: formats a primitive (for boxed values) and the URL test.
const hooks = { primitive: null, stylizeNoColor: null };

function beyondDepth(state, level) {
  return state.depth !== null && level > state.depth;
}

// Nothing to list: no own keys to show and no inherited fields.
function bare(view, keys) {
  return keys.length === 0 && view.inherited === undefined;
}

// Fills in the plan part of `view`; returns undefined, which tells the caller to go on.
function plan(view, open, keys, produce = entries.noItems, close = '}', head = '') {
  view.open = open;
  view.close = close;
  view.head = head;
  view.keys = keys;
  view.produce = produce;
  return undefined;
}

// A plan for a value shown by its head plus its own keys in braces.
function headPlan(view, head, keys) {
  return plan(view, '{', keys, entries.noItems, '}', head);
}

// A plan for the entries of an array-like `source`.
function listPlan(view, open, keys, produce, source) {
  plan(view, open, keys, produce, ']');
  view.listLike = true;
  view.source = source;
  return undefined;
}

// The label of an object of no particular kind: its constructor, or for a null prototype the
// class name V8 knows (Object when that is just the tag).
function genericLabel(value, view) {
  let fallback = '';
  if (view.ctor === null) {
    fallback = nativeConstructorName(value);
    if (fallback === view.tag) fallback = 'Object';
  }
  return ownerLabel(view.ctor, view.tag, fallback);
}

function keyFilter(state) {
  return state.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
}

// --- heads ------------------------------------------------------------------------------------

// A class is recognized by its source text: 'class' ... '{' with no '(' before the body.
// A '(' there may still belong to an `extends` expression: then, with comments removed, the
// text after the keyword must start with white space and reach a '{' before any '('.
const lineComment = '//[^\\n\\r\\u2028\\u2029]*\\n';
const blockComment = '/\\*[^\\r\\u2028\\u2029]*?\\*/';
const sourceComments = new RegExp(`${lineComment}|${blockComment}`, 'g');

function bodyBeforeParen(text) {
  const brace = text.indexOf('{');
  if (brace === -1) return false;
  const paren = text.indexOf('(');
  return paren === -1 || paren > brace;
}

function isClassSource(source) {
  if (!source.startsWith('class') || !source.endsWith('}')) return false;
  const afterKeyword = source.slice(5, -1);
  if (afterKeyword.indexOf('{') === -1) return false;
  if (bodyBeforeParen(afterKeyword)) return true;
  const uncommented = afterKeyword.replace(sourceComments, '');
  return /^\s/.test(uncommented) && bodyBeforeParen(uncommented);
}

function classHead(fn, ctor, tag) {
  const ownName = hasOwn.call(fn, 'name') && fn.name;
  let text = `class ${ownName || '(anonymous)'}`;
  if (ctor !== 'Function' && ctor !== null) text += ` [${ctor}]`;
  if (tag !== '' && ctor !== tag) text += ` [${tag}]`;
  if (ctor === null) {
    text += ' extends [null prototype]';
  } else {
    const parentName = Object.getPrototypeOf(fn).name;
    if (parentName) text += ` extends ${parentName}`;
  }
  return `[${text}]`;
}

function functionHead(fn, ctor, tag) {
  if (isClassSource(FunctionToString.call(fn))) return classHead(fn, ctor, tag);
  const kind = (types.isAsyncFunction(fn) ? 'Async' : '') +
    (types.isGeneratorFunction(fn) ? 'Generator' : '') + 'Function';
  const nullNote = ctor === null ? ' (null prototype)' : '';
  const naming = fn.name === '' ? ' (anonymous)' : `: ${fn.name}`;
  let text = `[${kind}${nullNote}${naming}]`;
  if (ctor !== null && ctor !== kind) text += ` ${ctor}`;
  if (tag !== '' && ctor !== tag) text += ` [${tag}]`;
  return text;
}

// "[Number: 3]", "[String (MyString): 'x']", "[Symbol (null prototype): Symbol(a)] [tag]".
function boxedHead(state, value, view, keys) {
  const { ctor, tag } = view;
  const boxed = boxedTypes.find((candidate) => candidate[0](value));
  const unbox = boxed[1];
  const type = boxed[2];
  // A String object's index keys repeat its characters.
  if (type === 'String') keys.splice(0, value.length);
  let text = `[${type}`;
  if (type !== ctor) text += ctor === null ? ' (null prototype)' : ` (${ctor})`;
  text += `: ${hooks.primitive(hooks.stylizeNoColor, unbox.call(value), state)}]`;
  if (tag !== '' && tag !== ctor) text += ` [${tag}]`;
  if (keys.length !== 0 || state.stylize === hooks.stylizeNoColor) return text;
  return state.stylize(text, type.toLowerCase());
}

// The head of a value shown by its text (a date, a regular expression): prefixed with its
// label when that is not just the type name.
function labeledText(text, view, type) {
  const label = ownerLabel(view.ctor, view.tag, type);
  return label === type ? text : `${label} ${text}`;
}

function iteratorOpen(type, tag) {
  const own = `${type} Iterator`;
  return tag === own || tag === '' ? `[${own}] {` : `[${tag}] [${own}] {`;
}

let urlModule;
function isURL(value) {
  if (urlModule === undefined) {
    try {
      urlModule = require('internal/url');
    } catch {
      urlModule = null;
    }
  }
  return urlModule !== null && typeof value.href === 'string' &&
    typeof urlModule.URL === 'function' && value instanceof urlModule.URL;
}

// "Set(2) {", or "Set(0) {}" when there is nothing to list.
function keyedCollection(state, collection, view, type, size, produce) {
  const label = ownerLabel(view.ctor, view.tag, type, `(${size})`);
  const keys = listedKeys(collection, state.showHidden);
  if (size === 0 && bare(view, keys)) return `${label} {}`;
  return plan(view, `${label} {`, keys, produce);
}

// --- the table --------------------------------------------------------------------------------

// kind name -> describe(state, value, view, keys). `keys` (the listed own keys) is given to
// all but the iterable kinds, which list their keys their own way.
const kinds = {
  array(state, array, view) {
    const keys = getOwnNonIndexProperties(array, keyFilter(state));
    // A plain array has no label.
    const label = view.ctor === 'Array' && view.tag === '' ? '' :
      `${ownerLabel(view.ctor, view.tag, 'Array', `(${array.length})`)} `;
    if (array.length === 0 && bare(view, keys)) return `${label}[]`;
    return listPlan(view, `${label}[`, keys, entries.arrayItems, array);
  },
  set(state, set, view) {
    return keyedCollection(state, set, view, 'Set', SetSize.call(set), entries.setItems);
  },
  map(state, map, view) {
    return keyedCollection(state, map, view, 'Map', MapSize.call(map), entries.mapItems);
  },
  typedArray(state, array, view) {
    const keys = getOwnNonIndexProperties(array, keyFilter(state));
    let elements = array;
    let fallback = '';
    if (view.ctor === null) {
      // Without a prototype the elements are read from a rebuilt copy.
      fallback = typedArrayTag.call(array);
      elements = new typedArrayByName[fallback](array);
    }
    const size = typedArrayLength.call(array);
    const open = `${ownerLabel(view.ctor, view.tag, fallback, `(${size})`)} [`;
    if (array.length === 0 && keys.length === 0 && !state.showHidden) return `${open}]`;
    view.extra = { elements, size };
    return listPlan(view, open, keys, entries.typedArrayItems, array);
  },
  mapIterator(state, iterator, view) {
    return plan(view, iteratorOpen('Map', view.tag), listedKeys(iterator, state.showHidden),
                entries.iteratorItems);
  },
  setIterator(state, iterator, view) {
    return plan(view, iteratorOpen('Set', view.tag), listedKeys(iterator, state.showHidden),
                entries.iteratorItems);
  },
  function(state, fn, view, keys) {
    const head = functionHead(fn, view.ctor, view.tag);
    if (bare(view, keys)) return state.stylize(head, 'special');
    return headPlan(view, head, keys);
  },
  plainObject(state, object, view, keys) {
    let open = '{';
    if (types.isArgumentsObject(object)) open = '[Arguments] {';
    else if (view.tag !== '') open = `${ownerLabel(view.ctor, view.tag, 'Object')} {`;
    if (bare(view, keys)) return `${open}}`;
    return plan(view, open, keys);
  },
  regexp(state, regexp, view, keys) {
    // A null-prototype RegExp is copied to a real one to read its source and flags.
    const text = RegExpToString.call(view.ctor !== null ? regexp : new RegExp(regexp));
    const head = labeledText(text, view, 'RegExp');
    if (bare(view, keys) || beyondDepth(state, view.level)) return state.stylize(head, 'regexp');
    return headPlan(view, head, keys);
  },
  date(state, date, view, keys) {
    const valid = !Number.isNaN(DateGetTime.call(date));
    const head = labeledText((valid ? DateToISOString : DateToString).call(date), view, 'Date');
    if (bare(view, keys)) return state.stylize(head, 'date');
    return headPlan(view, head, keys);
  },
  error(state, err, view, keys) {
    const head = errorHead(state, err, view.ctor, view.tag, keys);
    if (bare(view, keys)) return head;
    return headPlan(view, head, keys);
  },
  arrayBuffer(state, buffer, view, keys) {
    const type = types.isArrayBuffer(buffer) ? 'ArrayBuffer' : 'SharedArrayBuffer';
    const label = ownerLabel(view.ctor, view.tag, type);
    // Inside a typed array (showHidden) only the length is of interest.
    if (view.bufferOwner !== undefined && bare(view, keys)) {
      const length = state.stylize(spellNumber(buffer.byteLength, false), 'number');
      return `${label} { byteLength: ${length} }`;
    }
    keys.unshift('byteLength');
    const produce = view.bufferOwner === undefined ? entries.bufferBytes : entries.noItems;
    return plan(view, `${label} {`, keys, produce);
  },
  dataView(state, dataView, view, keys) {
    // The buffer goes last: it is the only entry that is not a number.
    keys.unshift('byteLength', 'byteOffset', 'buffer');
    return plan(view, `${ownerLabel(view.ctor, view.tag, 'DataView')} {`, keys);
  },
  promise(state, promise, view, keys) {
    return plan(view, `${ownerLabel(view.ctor, view.tag, 'Promise')} {`, keys,
                entries.promiseState);
  },
  weakSet(state, set, view, keys) {
    return plan(view, `${ownerLabel(view.ctor, view.tag, 'WeakSet')} {`, keys,
                state.showHidden ? entries.weakSetItems : entries.unknownItems);
  },
  weakMap(state, map, view, keys) {
    return plan(view, `${ownerLabel(view.ctor, view.tag, 'WeakMap')} {`, keys,
                state.showHidden ? entries.weakMapItems : entries.unknownItems);
  },
  moduleNamespace(state, namespace, view, keys) {
    // The producer lists the keys itself (see namespaceFields).
    view.extra = keys;
    return plan(view, `${ownerLabel(view.ctor, view.tag, 'Module')} {`, [],
                entries.namespaceFields);
  },
  boxedPrimitive(state, boxed, view, keys) {
    const head = boxedHead(state, boxed, view, keys);
    if (bare(view, keys)) return head;
    return headPlan(view, head, keys);
  },
  url(state, url, view, keys) {
    if (bare(view, keys)) return url.href;
    return headPlan(view, url.href, keys);
  },
  otherObject(state, object, view, keys) {
    if (bare(view, keys)) {
      if (types.isExternal(object)) {
        return state.stylize(`[External: ${getExternalValue(object).toString(16)}]`, 'special');
      }
      return `${genericLabel(object, view)} {}`;
    }
    return plan(view, `${genericLabel(object, view)} {`, keys);
  },
};

// The kinds of iterable objects, tested for values with Symbol.iterator or a null prototype.
// Undefined when none applies: the value then goes on like any other object.
function iterableKindOf(value) {
  if (ArrayIsArray(value)) return kinds.array;
  if (isSet(value)) return kinds.set;
  if (isMap(value)) return kinds.map;
  if (typedArrayTag.call(value) !== undefined) return kinds.typedArray;
  if (isMapIterator(value)) return kinds.mapIterator;
  if (isSetIterator(value)) return kinds.setIterator;
  return undefined;
}

// The kind of any other object. The order matters where tests overlap: a constructor named
// Object wins over the internal type, a Date or RegExp over an Error prototype.
function otherKindOf(value, view, state) {
  if (typeof value === 'function') return kinds.function;
  if (view.ctor === 'Object') return kinds.plainObject;
  if (isRegExp(value)) return kinds.regexp;
  if (isDate(value)) return kinds.date;
  if (isError(value)) return kinds.error;
  if (isAnyArrayBuffer(value)) return kinds.arrayBuffer;
  if (isDataView(value)) return kinds.dataView;
  if (isPromise(value)) return kinds.promise;
  if (isWeakSet(value)) return kinds.weakSet;
  if (isWeakMap(value)) return kinds.weakMap;
  if (isModuleNamespaceObject(value)) return kinds.moduleNamespace;
  if (isBoxedPrimitive(value)) return kinds.boxedPrimitive;
  if (isURL(value) && !beyondDepth(state, view.level)) return kinds.url;
  return kinds.otherObject;
}

/**
 * Classifies `value` and describes how to show it: finished text, or undefined with the plan
 * filled into `view` (see above).
 */
function describe(state, value, view) {
  if (Symbol.iterator in value || view.ctor === null) {
    const kind = iterableKindOf(value);
    if (kind !== undefined) return kind(state, value, view);
  }
  const keys = listedKeys(value, state.showHidden);
  return otherKindOf(value, view, state)(state, value, view, keys);
}

module.exports = { describe, genericLabel, hooks };
