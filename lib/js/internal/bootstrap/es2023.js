'use strict';
// ES2023 built-ins that node 20 (V8 11.3) has and V8 10.2 lacks: "change array by copy"
// (Array.prototype.toSorted/toReversed/toSpliced/with and the %TypedArray% twins) and
// String.prototype.isWellFormed/toWellFormed. Each follows the ECMAScript algorithm step by step
// and is installed as a built-in: non-enumerable, writable, configurable, with the spec's
// `name` and `length`, not a constructor. Anything V8 already has is left alone.
//
// Everything the algorithms use is captured here, before user code runs, so a program that
// patches Array.prototype.sort or Math.trunc cannot change their behaviour.

const ArrayCtor = Array;
const ObjectCtor = Object;
const { apply: ReflectApply, getPrototypeOf } = Reflect;
const { defineProperty, getOwnPropertyDescriptor } = Object;
const ObjectPrototypeToString = Object.prototype.toString;
const MathTrunc = Math.trunc;
const NumberIsNaN = Number.isNaN;
const ArrayPrototypeSort = Array.prototype.sort;
const StringCtor = String;
const StringPrototypeCharCodeAt = String.prototype.charCodeAt;
const StringPrototypeSlice = String.prototype.slice;
const StringFromCharCode = String.fromCharCode;

const TypedArrayPrototype = getPrototypeOf(Int8Array.prototype);
const TypedArrayPrototypeGetName =
  getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const TypedArrayPrototypeGetLength = getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
const TypedArrayPrototypeAt = TypedArrayPrototype.at;
const TypedArrayPrototypeSet = TypedArrayPrototype.set;
const TypedArrayPrototypeSort = TypedArrayPrototype.sort;

// The intrinsic constructors by [[TypedArrayName]] (TypedArrayCreateSameType ignores
// `constructor` and @@species).
const typedArrayConstructors = {
  __proto__: null,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

const kMaxSafeInteger = 2 ** 53 - 1;

// --- abstract operations -------------------------------------------------------------------

function toIntegerOrInfinity(value) {
  const number = +value;  // ToNumber: throws for Symbol and BigInt, as the spec says.
  if (NumberIsNaN(number) || number === 0) return 0;
  return MathTrunc(number);
}

function toObject(value) {
  if (value === null || value === undefined) {
    throw new TypeError('Cannot convert undefined or null to object');
  }
  return ObjectCtor(value);
}

function lengthOfArrayLike(object) {
  const length = toIntegerOrInfinity(object.length);
  if (length <= 0) return 0;
  return length > kMaxSafeInteger ? kMaxSafeInteger : length;
}

// ArrayCreate(length): RangeError above 2^32 - 1.
function arrayCreate(length) {
  return new ArrayCtor(length);
}

function isCallable(value) {
  return typeof value === 'function';
}

function checkComparefn(comparefn) {
  if (comparefn !== undefined && !isCallable(comparefn)) {
    throw new TypeError('The comparison function must be either a function or undefined');
  }
}

function describeReceiver(value) {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    return ReflectApply(ObjectPrototypeToString, value, []);
  }
  return typeof value === 'string' ? value : StringCtor(value);
}

// ValidateTypedArray(O): a TypedArray whose buffer is not detached. Returns [[TypedArrayName]].
function validateTypedArray(object, method) {
  const name = ReflectApply(TypedArrayPrototypeGetName, object, []);
  if (name === undefined) {
    throw new TypeError(`Method %TypedArray%.prototype.${method} called on incompatible ` +
                        `receiver ${describeReceiver(object)}`);
  }
  try {
    ReflectApply(TypedArrayPrototypeAt, object, [0]);  // throws only when detached
  } catch {
    throw new TypeError(
      `Cannot perform %TypedArray%.prototype.${method} on a detached ArrayBuffer`);
  }
  return name;
}

function typedArrayLength(object) {
  return ReflectApply(TypedArrayPrototypeGetLength, object, []);
}

// --- Array.prototype -----------------------------------------------------------------------

const arrayMethods = {
  toReversed() {
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    const A = arrayCreate(len);
    for (let k = 0; k < len; k++) A[k] = O[len - k - 1];
    return A;
  },

  toSorted(comparefn) {
    checkComparefn(comparefn);
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    const A = arrayCreate(len);
    // SortIndexedProperties(O, len, SortCompare, read-through-holes): read every index, then
    // sort the values (undefined last, comparefn or string order, stable) into A.
    for (let k = 0; k < len; k++) A[k] = O[k];
    ReflectApply(ArrayPrototypeSort, A, [comparefn]);
    return A;
  },

  toSpliced(start, skipCount, ...items) {
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    const relativeStart = toIntegerOrInfinity(start);
    let actualStart;
    if (relativeStart === -Infinity) actualStart = 0;
    else if (relativeStart < 0) actualStart = len + relativeStart > 0 ? len + relativeStart : 0;
    else actualStart = relativeStart < len ? relativeStart : len;
    const insertCount = items.length;
    let actualSkipCount;
    if (arguments.length === 0) {
      actualSkipCount = 0;
    } else if (arguments.length === 1) {
      actualSkipCount = len - actualStart;
    } else {
      const sc = toIntegerOrInfinity(skipCount);
      const max = len - actualStart;
      actualSkipCount = sc < 0 ? 0 : (sc > max ? max : sc);
    }
    const newLen = len + insertCount - actualSkipCount;
    if (newLen > kMaxSafeInteger) throw new TypeError('Invalid array length');
    const A = arrayCreate(newLen);
    let i = 0;
    let r = actualStart + actualSkipCount;
    while (i < actualStart) {
      A[i] = O[i];
      i++;
    }
    for (let j = 0; j < insertCount; j++) A[i++] = items[j];
    while (i < newLen) {
      A[i++] = O[r++];
    }
    return A;
  },

  with(index, value) {
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    const relativeIndex = toIntegerOrInfinity(index);
    const actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
    if (actualIndex >= len || actualIndex < 0) {
      throw new RangeError(`Invalid index : ${describeIndex(index)}`);
    }
    const A = arrayCreate(len);
    for (let k = 0; k < len; k++) A[k] = k === actualIndex ? value : O[k];
    return A;
  },
};

function describeIndex(index) {
  try {
    return `${toIntegerOrInfinity(index)}`;
  } catch {
    return '';
  }
}

// --- %TypedArray%.prototype ----------------------------------------------------------------

const typedArrayMethods = {
  toReversed() {
    const name = validateTypedArray(this, 'toReversed');
    const O = this;
    const len = typedArrayLength(O);
    const A = new typedArrayConstructors[name](len);
    for (let k = 0; k < len; k++) A[k] = O[len - k - 1];
    return A;
  },

  toSorted(comparefn) {
    checkComparefn(comparefn);
    const name = validateTypedArray(this, 'toSorted');
    const O = this;
    const len = typedArrayLength(O);
    const A = new typedArrayConstructors[name](len);
    // The values are read first, then sorted (numeric order, -0 before +0, NaN last, or by
    // comparefn) and written to A, which the comparator never sees.
    ReflectApply(TypedArrayPrototypeSet, A, [O]);
    ReflectApply(TypedArrayPrototypeSort, A, [comparefn]);
    return A;
  },

  with(index, value) {
    const name = validateTypedArray(this, 'with');
    const O = this;
    const len = typedArrayLength(O);
    // Node 20's V8 converts the value before the index (the spec has the index first); node
    // is the oracle for observable order.
    let numericValue;
    if (name === 'BigInt64Array' || name === 'BigUint64Array') {
      const scratch = new typedArrayConstructors[name](1);
      scratch[0] = value;  // ToBigInt(value), once; A stores the same 64 bits.
      numericValue = scratch[0];
    } else {
      numericValue = +value;  // ToNumber(value)
    }
    const relativeIndex = toIntegerOrInfinity(index);
    const actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
    // IsValidIntegerIndex(O, actualIndex): the conversion above may have detached O.
    if (!(actualIndex >= 0 && actualIndex < typedArrayLength(O))) {
      throw new RangeError('Invalid typed array index');
    }
    const A = new typedArrayConstructors[name](len);
    for (let k = 0; k < len; k++) A[k] = k === actualIndex ? numericValue : O[k];
    return A;
  },
};

// --- String.prototype ----------------------------------------------------------------------

// Index of the first lone surrogate in s at or after `from`, or -1.
function findLoneSurrogate(s, from) {
  const length = s.length;
  for (let i = from; i < length; i++) {
    const c = ReflectApply(StringPrototypeCharCodeAt, s, [i]);
    if (c < 0xD800 || c > 0xDFFF) continue;
    if (c <= 0xDBFF && i + 1 < length) {
      const d = ReflectApply(StringPrototypeCharCodeAt, s, [i + 1]);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

function thisStringValue(value, method) {
  if (value === null || value === undefined) {
    throw new TypeError(`String.prototype.${method} called on null or undefined`);
  }
  return `${value}`;  // ToString: a Symbol throws TypeError
}

const stringMethods = {
  isWellFormed() {
    const S = thisStringValue(this, 'isWellFormed');
    return findLoneSurrogate(S, 0) === -1;
  },

  toWellFormed() {
    const S = thisStringValue(this, 'toWellFormed');
    let at = findLoneSurrogate(S, 0);
    if (at === -1) return S;
    let result = '';
    let from = 0;
    const replacement = StringFromCharCode(0xFFFD);
    while (at !== -1) {
      result += ReflectApply(StringPrototypeSlice, S, [from, at]) + replacement;
      from = at + 1;
      at = findLoneSurrogate(S, from);
    }
    return result + ReflectApply(StringPrototypeSlice, S, [from]);
  },
};

// --- installation --------------------------------------------------------------------------

function install(target, methods) {
  for (const key of Object.keys(methods)) {
    if (Object.prototype.hasOwnProperty.call(target, key)) continue;
    defineProperty(target, key, {
      __proto__: null, value: methods[key], writable: true, enumerable: false, configurable: true,
    });
  }
}

install(Array.prototype, arrayMethods);
install(TypedArrayPrototype, typedArrayMethods);
install(String.prototype, stringMethods);

// Array.prototype[@@unscopables] gains the new names (not `with`), as in ES2023. The object is
// rebuilt so its keys come in the spec's (and node's) order.
{
  const kOrder = ['at', 'copyWithin', 'entries', 'fill', 'find', 'findIndex', 'findLast',
                  'findLastIndex', 'flat', 'flatMap', 'includes', 'keys', 'values', 'toReversed',
                  'toSorted', 'toSpliced'];
  const old = Array.prototype[Symbol.unscopables];
  const unscopables = { __proto__: null };
  for (const key of kOrder) unscopables[key] = true;
  for (const key of Object.keys(old)) {
    if (!Object.prototype.hasOwnProperty.call(unscopables, key)) unscopables[key] = old[key];
  }
  defineProperty(Array.prototype, Symbol.unscopables, {
    __proto__: null, value: unscopables, writable: false, enumerable: false, configurable: true,
  });
}
