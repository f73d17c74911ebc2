'use strict';

// How inspect names what it prints: the owner label in front of an object ("Foo [tag]",
// "[Map(2): null prototype]"), the set of built-in constructor names, and which own keys an
// object lists.

const { isModuleNamespaceObject, isNativeError } = internalBinding('types');

const FunctionToString = Function.prototype.toString;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * The label for an object: its constructor name (or `[fallback: null prototype]` without
 * one) followed by `size` (such as "(3)") and by `[tag]` when the tag says something the name
 * does not.
 */
function ownerLabel(ctor, tag, fallback, size = '') {
  const showTag = tag !== '' && (ctor === null ? fallback : ctor) !== tag;
  const name = ctor === null ? `[${fallback}${size}: null prototype]` : `${ctor}${size}`;
  return showTag ? `${name} [${tag}]` : name;
}

// Names of the global constructors and namespaces that exist before user code runs. Only
// native ones count: globals the runtime defines in JS (Buffer, URL, ...) are treated like
// user classes, as node does where they are installed after this set is taken.
const builtInObjects = new Set();
for (const name of Object.getOwnPropertyNames(globalThis)) {
  if (!/^[A-Z][a-zA-Z0-9]+$/.test(name)) continue;
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  if (desc === undefined || !('value' in desc)) continue;
  const { value } = desc;
  let native = false;
  if (typeof value === 'function') {
    try {
      native = /\{\s*\[native code\]\s*\}$/.test(FunctionToString.call(value));
    } catch {
      // Not a real function: not built in.
    }
  } else if (typeof value === 'object' && value !== null) {
    // Namespaces: Math, JSON, Reflect, Atomics, Intl, WebAssembly.
    native = name === 'WebAssembly' ||
      Object.prototype.toString.call(value) !== '[object Object]';
  }
  if (native) builtInObjects.add(name);
}

// The keys listed for an object: enumerable own names and symbols, or every own key with
// showHidden.
function listedKeys(value, showHidden) {
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) {
    const names = Object.getOwnPropertyNames(value);
    return symbols.length === 0 ? names : names.concat(symbols);
  }
  let keys;
  try {
    keys = Object.keys(value);
  } catch (err) {
    // A module namespace with bindings not yet initialized throws a ReferenceError.
    if (!isNativeError(err) || err.name !== 'ReferenceError' || !isModuleNamespaceObject(value)) {
      throw err;
    }
    keys = Object.getOwnPropertyNames(value);
  }
  for (let n = 0; n < symbols.length; n++) {
    if (propertyIsEnumerable.call(value, symbols[n])) keys.push(symbols[n]);
  }
  return keys;
}

module.exports = { ownerLabel, builtInObjects, listedKeys };
