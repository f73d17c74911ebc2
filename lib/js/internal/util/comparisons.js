'use strict';

// Deep equality as used by assert.deepEqual (loose) and assert.deepStrictEqual /
// util.isDeepStrictEqual (strict).
//
// Strict mode compares primitives with Object.is, requires equal prototypes and compares
// enumerable symbol keys too. Loose mode compares primitives with == (NaN equals NaN) and
// ignores prototypes. Both require the same Object.prototype.toString tag, compare dates by
// time, regexps by source/flags/lastIndex, errors by name and message, typed arrays by bytes
// (loose Float arrays by value), errors by name, message, cause and errors, URLs by href,
// boxed primitives by value, and Maps/Sets by content independent of order. A cycle counts as
// equal once both values are already under comparison.

const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isDate,
  isMap,
  isRegExp,
  isSet,
  isNativeError,
  isBoxedPrimitive,
  isNumberObject,
  isStringObject,
  isBooleanObject,
  isBigIntObject,
  isSymbolObject,
  isFloat32Array,
  isFloat64Array,
} = require('internal/util/types');
const {
  getOwnNonIndexProperties,
  constants: {
    ONLY_ENUMERABLE,
    SKIP_SYMBOLS,
  },
} = internalBinding('util');

const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
const ObjectPrototypePropertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const ObjectPrototypeToString = Object.prototype.toString;
const hasOwn = (obj, key) => ObjectPrototypeHasOwnProperty.call(obj, key);
const isEnumerable = (obj, key) => ObjectPrototypePropertyIsEnumerable.call(obj, key);

const TypedArrayPrototypeGetSymbolToStringTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

const kStrict = true;
const kLoose = false;

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

function areSimilarRegExps(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function areSimilarFloatArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let offset = 0; offset < a.byteLength; offset++) {
    // eslint-disable-next-line eqeqeq
    if (a[offset] != b[offset]) return false;
  }
  return true;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function compareBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function areSimilarTypedArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  return compareBytes(bytesOf(a), bytesOf(b));
}

function areEqualArrayBuffers(buf1, buf2) {
  return buf1.byteLength === buf2.byteLength &&
    compareBytes(new Uint8Array(buf1), new Uint8Array(buf2));
}

function isEqualBoxedPrimitive(val1, val2) {
  if (isNumberObject(val1)) {
    return isNumberObject(val2) &&
      Object.is(Number.prototype.valueOf.call(val1), Number.prototype.valueOf.call(val2));
  }
  if (isStringObject(val1)) {
    return isStringObject(val2) &&
      String.prototype.valueOf.call(val1) === String.prototype.valueOf.call(val2);
  }
  if (isBooleanObject(val1)) {
    return isBooleanObject(val2) &&
      Boolean.prototype.valueOf.call(val1) === Boolean.prototype.valueOf.call(val2);
  }
  if (isBigIntObject(val1)) {
    return isBigIntObject(val2) &&
      BigInt.prototype.valueOf.call(val1) === BigInt.prototype.valueOf.call(val2);
  }
  if (isSymbolObject(val1)) {
    return isSymbolObject(val2) &&
      Symbol.prototype.valueOf.call(val1) === Symbol.prototype.valueOf.call(val2);
  }
  /* c8 ignore next */
  throw new Error(`Unknown boxed type ${val1}`);
}

let internalUrl;
function isURL(value) {
  if (internalUrl === undefined) {
    try {
      internalUrl = require('internal/url');
    } catch {
      internalUrl = null;
    }
  }
  return internalUrl !== null && typeof internalUrl.URL === 'function' &&
    typeof value.href === 'string' && value instanceof internalUrl.URL;
}

function isKeyObject(value) {
  try {
    return require('internal/util/types').isKeyObject(value);
  } catch {
    return false;
  }
}

function isErrorLike(value) {
  return isNativeError(value) || value instanceof Error;
}

function innerDeepEqual(val1, val2, strict, memos) {
  // Identical values pass, except +0/-0 in strict mode.
  if (val1 === val2) return val1 !== 0 || Object.is(val1, val2) || !strict;

  if (strict) {
    if (typeof val1 !== 'object') {
      return typeof val1 === 'number' && Number.isNaN(val1) && Number.isNaN(val2);
    }
    if (typeof val2 !== 'object' || val1 === null || val2 === null) return false;
    if (Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) return false;
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') return false;
  }

  const val1Tag = ObjectPrototypeToString.call(val1);
  const val2Tag = ObjectPrototypeToString.call(val2);
  if (val1Tag !== val2Tag) return false;

  if (Array.isArray(val1)) {
    if (!Array.isArray(val2) || val1.length !== val2.length) return false;
    const filter = strict ? ONLY_ENUMERABLE : ONLY_ENUMERABLE | SKIP_SYMBOLS;
    const keys1 = getOwnNonIndexProperties(val1, filter);
    const keys2 = getOwnNonIndexProperties(val2, filter);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
  } else if (val1Tag === '[object Object]') {
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  } else if (isDate(val1)) {
    if (!isDate(val2) ||
        Date.prototype.getTime.call(val1) !== Date.prototype.getTime.call(val2)) {
      return false;
    }
  } else if (isRegExp(val1)) {
    if (!isRegExp(val2) || !areSimilarRegExps(val1, val2)) return false;
  } else if (isArrayBufferView(val1)) {
    if (TypedArrayPrototypeGetSymbolToStringTag.call(val1) !==
        TypedArrayPrototypeGetSymbolToStringTag.call(val2)) {
      return false;
    }
    if (!strict && (isFloat32Array(val1) || isFloat64Array(val1))) {
      if (!areSimilarFloatArrays(val1, val2)) return false;
    } else if (!areSimilarTypedArrays(val1, val2)) {
      return false;
    }
    // The elements are equal; compare only the extra keys.
    const filter = strict ? ONLY_ENUMERABLE : ONLY_ENUMERABLE | SKIP_SYMBOLS;
    const keys1 = getOwnNonIndexProperties(val1, filter);
    const keys2 = getOwnNonIndexProperties(val2, filter);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
  } else if (isSet(val1)) {
    if (!isSet(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsSet);
  } else if (isMap(val1)) {
    if (!isMap(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsMap);
  } else if (isAnyArrayBuffer(val1)) {
    if (!isAnyArrayBuffer(val2) || !areEqualArrayBuffers(val1, val2)) return false;
  } else if (isErrorLike(val1)) {
    // The stack is not compared: it differs between otherwise identical errors. Own
    // enumerable name/message/cause/errors are compared with the other keys.
    if (!isErrorLike(val2)) return false;
    for (const key of ['message', 'name', 'cause', 'errors']) {
      const enumerable1 = isEnumerable(val1, key);
      if (enumerable1 !== isEnumerable(val2, key)) return false;
      if (!enumerable1) {
        if (key === 'message' || key === 'name') {
          if (val1[key] !== val2[key]) return false;
        } else if (!innerDeepEqual(val1[key], val2[key], strict, memos)) {
          return false;
        }
      }
    }
  } else if (isBoxedPrimitive(val1)) {
    if (!isEqualBoxedPrimitive(val1, val2)) return false;
  } else if (Array.isArray(val2) ||
             isArrayBufferView(val2) ||
             isSet(val2) ||
             isMap(val2) ||
             isDate(val2) ||
             isRegExp(val2) ||
             isAnyArrayBuffer(val2) ||
             isBoxedPrimitive(val2) ||
             isErrorLike(val2)) {
    return false;
  } else if (isKeyObject(val1)) {
    if (!isKeyObject(val2) || !val1.equals(val2)) return false;
  } else if (isURL(val1)) {
    if (!isURL(val2) || val1.href !== val2.href) return false;
  }
  return keyCheck(val1, val2, strict, memos, kNoIterator);
}

function getEnumerables(val, keys) {
  return keys.filter((k) => isEnumerable(val, k));
}

// Compares own enumerable keys (and symbols in strict mode), then the values and entries.
// `aKeys` is given for arrays and typed arrays: their extra (non-index) keys.
function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  const isArrayLikeObject = aKeys !== undefined;
  if (aKeys === undefined) aKeys = Object.keys(val1);

  for (const key of aKeys) {
    if (!isEnumerable(val2, key)) return false;
  }

  if (!isArrayLikeObject) {
    if (aKeys.length !== Object.keys(val2).length) return false;

    if (strict) {
      const symbolKeysA = Object.getOwnPropertySymbols(val1);
      if (symbolKeysA.length !== 0) {
        let count = 0;
        for (const key of symbolKeysA) {
          if (isEnumerable(val1, key)) {
            if (!isEnumerable(val2, key)) return false;
            aKeys.push(key);
            count++;
          } else if (isEnumerable(val2, key)) {
            return false;
          }
        }
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysA.length !== symbolKeysB.length &&
            getEnumerables(val2, symbolKeysB).length !== count) {
          return false;
        }
      } else {
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysB.length !== 0 && getEnumerables(val2, symbolKeysB).length !== 0) {
          return false;
        }
      }
    }
  }

  if (aKeys.length === 0 &&
      (iterationType === kNoIterator ||
       (iterationType === kIsArray && val1.length === 0) ||
       val1.size === 0)) {
    return true;
  }

  // Cycle detection. The top pair (a, b) and the pair below it (c, d) are kept in fields;
  // deeper than that, every object under comparison goes into a Set. Meeting a pair whose
  // two values are both already under comparison ends that branch as equal.
  if (memos === undefined) {
    memos = {
      set: undefined,
      a: val1,
      b: val2,
      c: undefined,
      d: undefined,
      deep: false,
      deleteFailures: false,
    };
    return objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  }

  if (memos.set === undefined) {
    if (memos.deep === false) {
      if (memos.a === val1 && memos.b === val2) return true;
      memos.c = val1;
      memos.d = val2;
      memos.deep = true;
      const result = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
      memos.deep = false;
      return result;
    }
    memos.set = new Set([memos.a, memos.b, memos.c, memos.d]);
  }

  const { set } = memos;
  const originalSize = set.size;
  set.add(val1);
  set.add(val2);
  if (originalSize === set.size) return true;

  const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);

  // While searching Sets/Maps for a match, failed candidates are forgotten too.
  if (areEq || memos.deleteFailures) {
    set.delete(val1);
    set.delete(val2);
  }
  return areEq;
}

function setHasEqualElement(set, val2, strict, memo) {
  const { deleteFailures } = memo;
  memo.deleteFailures = true;
  for (const val1 of set) {
    if (innerDeepEqual(val1, val2, strict, memo)) {
      // Each element matches once.
      set.delete(val1);
      memo.deleteFailures = deleteFailures;
      return true;
    }
  }
  memo.deleteFailures = deleteFailures;
  return false;
}

// For loose comparison of a primitive missing from the other set: null/undefined match each
// other, symbols and NaN-ish strings never match anything else, other primitives may.
// Returns a boolean when that settles it, or the alternative value to look up.
function findLooseMatchingPrimitives(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object': // Only null gets here.
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      prim = +prim;
      // Fall through.
    case 'number':
      if (Number.isNaN(prim)) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  return b.has(altValue) && !a.has(altValue);
}

function mapMightHaveLoosePrim(a, b, prim, item, memo) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  const curB = b.get(altValue);
  if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) {
    return false;
  }
  return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
}

function setEquiv(a, b, strict, memo) {
  // Values of `a` missing from `b` that need a pairwise search.
  let set = null;
  for (const val of a) {
    if (!b.has(val)) {
      if ((typeof val !== 'object' || val === null) &&
          (strict || !setMightHaveLoosePrim(a, b, val))) {
        return false;
      }
      if (set === null) {
        if (b.size === 1) return innerDeepEqual(val, b.values().next().value, strict, memo);
        set = new Set();
      }
      set.add(val);
    }
  }

  if (set !== null) {
    for (const val of b) {
      if (typeof val === 'object' && val !== null) {
        if (!a.has(val) && !setHasEqualElement(set, val, strict, memo)) return false;
      } else if (!strict && !a.has(val) && !setHasEqualElement(set, val, strict, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function mapHasEqualEntry(set, map, key2, item2, strict, memo) {
  // Every candidate key is tried: Map([[{}, 'a'], [{}, 'b']]) vs Map([[{}, 'b'], [{}, 'a']]).
  const { deleteFailures } = memo;
  memo.deleteFailures = true;
  for (const key1 of set) {
    if (innerDeepEqual(key1, key2, strict, memo) &&
        innerDeepEqual(map.get(key1), item2, strict, memo)) {
      set.delete(key1);
      memo.deleteFailures = deleteFailures;
      return true;
    }
  }
  memo.deleteFailures = deleteFailures;
  return false;
}

function mapEquiv(a, b, strict, memo) {
  let set = null;
  for (const { 0: key, 1: item1 } of a) {
    if (typeof key === 'object' && key !== null) {
      if (set === null) {
        if (b.size === 1) {
          const { 0: key2, 1: item2 } = b.entries().next().value;
          return innerDeepEqual(key, key2, strict, memo) &&
            innerDeepEqual(item1, item2, strict, memo);
        }
        set = new Set();
      }
      set.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) ||
          !innerDeepEqual(item1, item2, strict, memo)) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
        if (set === null) set = new Set();
        set.add(key);
      }
    }
  }

  if (set !== null) {
    for (const { 0: key, 1: item } of b) {
      if (typeof key === 'object' && key !== null) {
        if (!mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
      } else if (!strict &&
                 (!a.has(key) || !innerDeepEqual(a.get(key), item, strict, memo)) &&
                 !mapHasEqualEntry(set, a, key, item, strict, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }
  return true;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }

  if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // A hole: compare the remaining own keys of the sparse array.
        const keysA = Object.keys(a);
        for (; i < keysA.length; i++) {
          const key = keysA[i];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) {
            return false;
          }
        }
        return keysA.length === Object.keys(b).length;
      }
    }
  } else if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  }
  return true;
}

function isDeepEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kLoose);
}

function isDeepStrictEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kStrict);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
};
