'use strict';
// util.types and the legacy util.is* checks.
const assert = require('assert');
const util = require('util');
const types = require('util/types');

assert.strictEqual(util.types, types);

const checks = [
  ['isDate', new Date(), {}],
  ['isRegExp', /x/, 'x'],
  ['isMap', new Map(), new WeakMap()],
  ['isSet', new Set(), new WeakSet()],
  ['isWeakMap', new WeakMap(), new Map()],
  ['isWeakSet', new WeakSet(), new Set()],
  ['isPromise', Promise.resolve(), { then() {} }],
  ['isNativeError', new TypeError(), { __proto__: Error.prototype }],
  ['isAsyncFunction', async () => {}, () => {}],
  ['isGeneratorFunction', function* g() {}, function f() {}],
  ['isGeneratorObject', (function* g() {})(), {}],
  ['isMapIterator', new Map().keys(), [].keys()],
  ['isSetIterator', new Set().values(), [].values()],
  ['isArrayBuffer', new ArrayBuffer(1), new SharedArrayBuffer(1)],
  ['isSharedArrayBuffer', new SharedArrayBuffer(1), new ArrayBuffer(1)],
  ['isAnyArrayBuffer', new SharedArrayBuffer(1), new Uint8Array(1)],
  ['isArrayBufferView', new DataView(new ArrayBuffer(1)), new ArrayBuffer(1)],
  ['isDataView', new DataView(new ArrayBuffer(1)), new Uint8Array(1)],
  ['isTypedArray', new Float32Array(1), new DataView(new ArrayBuffer(1))],
  ['isUint8Array', new Uint8Array(1), new Uint8ClampedArray(1)],
  ['isUint8ClampedArray', new Uint8ClampedArray(1), new Uint8Array(1)],
  ['isUint16Array', new Uint16Array(1), new Int16Array(1)],
  ['isUint32Array', new Uint32Array(1), new Int32Array(1)],
  ['isInt8Array', new Int8Array(1), new Uint8Array(1)],
  ['isInt16Array', new Int16Array(1), new Uint16Array(1)],
  ['isInt32Array', new Int32Array(1), new Uint32Array(1)],
  ['isFloat32Array', new Float32Array(1), new Float64Array(1)],
  ['isFloat64Array', new Float64Array(1), new Float32Array(1)],
  ['isBigInt64Array', new BigInt64Array(1), new BigUint64Array(1)],
  ['isBigUint64Array', new BigUint64Array(1), new BigInt64Array(1)],
  ['isArgumentsObject', (function() { return arguments; })(), []],
  ['isBoxedPrimitive', new Number(1), 1],
  ['isNumberObject', new Number(1), 1],
  ['isStringObject', new String(''), ''],
  ['isBooleanObject', new Boolean(false), false],
  ['isBigIntObject', Object(1n), 1n],
  ['isSymbolObject', Object(Symbol()), Symbol()],
  ['isProxy', new Proxy({}, {}), {}],
  ['isExternal', undefined, {}],
  ['isModuleNamespaceObject', undefined, {}],
];
for (const [name, yes, no] of checks) {
  assert.strictEqual(typeof types[name], 'function', name);
  if (yes !== undefined) assert.strictEqual(types[name](yes), true, `${name} true`);
  assert.strictEqual(types[name](no), false, `${name} false`);
}
assert.strictEqual(types.isKeyObject({}), false);
assert.strictEqual(types.isCryptoKey({}), false);

// Legacy checks.
assert.strictEqual(util.isArray([]), true);
assert.strictEqual(util.isBoolean(false), true);
assert.strictEqual(util.isNull(null), true);
assert.strictEqual(util.isNullOrUndefined(undefined), true);
assert.strictEqual(util.isNumber(NaN), true);
assert.strictEqual(util.isString(''), true);
assert.strictEqual(util.isSymbol(Symbol()), true);
assert.strictEqual(util.isUndefined(undefined), true);
assert.strictEqual(util.isRegExp(/x/), true);
assert.strictEqual(util.isObject({}), true);
assert.strictEqual(util.isObject(null), false);
assert.strictEqual(util.isObject(() => {}), false);
assert.strictEqual(util.isDate(new Date()), true);
assert.strictEqual(util.isError(new Error()), true);
assert.strictEqual(util.isError({ __proto__: Error.prototype }), true);
assert.strictEqual(util.isFunction(() => {}), true);
assert.strictEqual(util.isPrimitive(1), true);
assert.strictEqual(util.isPrimitive({}), false);

// inherits.
{
  function Base() {}
  Base.prototype.hello = () => 'hi';
  function Derived() {}
  util.inherits(Derived, Base);
  assert.strictEqual(Derived.super_, Base);
  assert.strictEqual(new Derived().hello(), 'hi');
}

// _extend.
assert.deepStrictEqual(util._extend({ a: 1 }, { b: 2 }), { a: 1, b: 2 });
assert.deepStrictEqual(util._extend({ a: 1 }, null), { a: 1 });

// deprecate warns once per code.
{
  const warnings = [];
  const onWarning = (w) => {
    if (w.name === 'DeprecationWarning') warnings.push([w.message, w.code]);
  };
  process.on('warning', onWarning);
  const fn = util.deprecate(function(x) { return x * 2; }, 'fn is deprecated', 'DEP_RINGJS_TEST');
  assert.strictEqual(fn(2), 4);
  assert.strictEqual(fn(3), 6);
  const again = util.deprecate(() => 1, 'same code', 'DEP_RINGJS_TEST');
  again();
  const noCode = util.deprecate(() => 2, 'no code');
  noCode();
  noCode();
  class Old { constructor() { this.v = 1; } }
  const Wrapped = util.deprecate(Old, 'class deprecated', 'DEP_RINGJS_CLASS');
  assert.strictEqual(new Wrapped().v, 1);
  assert.ok(new Wrapped() instanceof Old);
  setImmediate(() => {
    process.removeListener('warning', onWarning);
    assert.deepStrictEqual(warnings, [
      ['fn is deprecated', 'DEP_RINGJS_TEST'],
      ['no code', undefined],
      ['class deprecated', 'DEP_RINGJS_CLASS'],
    ]);
  });
}

// debuglog is disabled without NODE_DEBUG.
if (!process.env.NODE_DEBUG) {
  const debug = util.debuglog('ringjs_test_section');
  assert.strictEqual(debug.enabled, false);
  debug('not printed %s', 'x');
  assert.strictEqual(util.debug, util.debuglog);
}
