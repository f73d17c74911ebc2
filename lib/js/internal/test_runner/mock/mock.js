'use strict';
// t.mock / mock: spies and stubs (mock.fn, mock.method, mock.getter, mock.setter) that record
// every call and can be restored. mock.timers is not built yet (ERR_NOT_IMPLEMENTED when used).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateFunction, validateInteger, validateObject } = require('internal/validators');

class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #restore;
  #onceImplementations = new Map();

  constructor(implementation, original, restore) {
    this.#implementation = implementation;
    this.#original = original;
    this.#restore = restore;
  }

  get calls() { return this.#calls.slice(); }

  callCount() { return this.#calls.length; }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const call = onCall ?? this.#calls.length;
    validateInteger(call, 'onCall', this.#calls.length);
    this.#onceImplementations.set(call, implementation);
  }

  resetCalls() { this.#calls = []; }

  restore() {
    if (this.#restore !== undefined) this.#restore();
  }

  // Which function runs for the call about to happen.
  nextImplementation() {
    const call = this.#calls.length;
    const once = this.#onceImplementations.get(call);
    if (once !== undefined) {
      this.#onceImplementations.delete(call);
      return once;
    }
    return this.#implementation;
  }

  record(call) { this.#calls.push(call); }

  get original() { return this.#original; }
}

function makeMockFunction(original, implementation, restore) {
  const ctx = new MockFunctionContext(implementation, original, restore);
  const mock = function(...args) {
    const impl = ctx.nextImplementation();
    const target = new.target;
    let result;
    let error;
    try {
      result = target !== undefined ? Reflect.construct(impl, args, target) :
        Reflect.apply(impl, this, args);
    } catch (err) {
      error = err;
      ctx.record({ __proto__: null, arguments: args, error, result: undefined,
                   stack: new Error(), target, this: this });
      throw err;
    }
    ctx.record({ __proto__: null, arguments: args, error: undefined, result,
                 stack: new Error(), target, this: target !== undefined ? result : this });
    return result;
  };
  Object.defineProperty(mock, 'mock', { __proto__: null, value: ctx, enumerable: false });
  Object.defineProperty(mock, 'name', { __proto__: null, value: original?.name ?? '' });
  Object.defineProperty(mock, 'length', { __proto__: null, value: original?.length ?? 0 });
  return mock;
}

class MockTracker {
  #mocks = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const mock = makeMockFunction(original, implementation, undefined);
    this.#applyTimes(mock, options);
    this.#mocks.push(mock.mock);
    return mock;
  }

  #applyTimes(mock, options) {
    if (options.times === undefined) return;
    validateInteger(options.times, 'options.times', 1);
    const ctx = mock.mock;
    const replacement = ctx.nextImplementation.bind(ctx);
    const original = ctx.original;
    const times = options.times;
    ctx.nextImplementation = function() {
      return ctx.callCount() >= times ? original : replacement();
    };
  }

  method(object, methodName, implementation, options = {}) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    validateObject(options, 'options');
    const { getter = false, setter = false } = options;
    if (getter && setter) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', setter,
                                      'cannot be used with \'options.getter\'');
    }
    let owner = object;
    let descriptor;
    while (owner !== null) {
      descriptor = Object.getOwnPropertyDescriptor(owner, methodName);
      if (descriptor !== undefined) break;
      owner = Object.getPrototypeOf(owner);
    }
    const kind = getter ? 'get' : setter ? 'set' : 'value';
    const original = descriptor?.[kind];
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    implementation ??= original;
    validateFunction(implementation, 'implementation');
    const ownDescriptor = Object.getOwnPropertyDescriptor(object, methodName);
    const restore = () => {
      if (ownDescriptor !== undefined) Object.defineProperty(object, methodName, ownDescriptor);
      else delete object[methodName];
    };
    const mock = makeMockFunction(original, implementation, restore);
    this.#applyTimes(mock, options);
    const replaced = { __proto__: null, ...descriptor, configurable: true };
    replaced[kind] = mock;
    Object.defineProperty(object, methodName, replaced);
    this.#mocks.push(mock.mock);
    return mock;
  }

  getter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, getter: true });
  }

  setter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, setter: true });
  }

  get timers() {
    throw new ERR_NOT_IMPLEMENTED('mock.timers');
  }

  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  restoreAll() {
    for (const ctx of this.#mocks) ctx.restore();
  }
}

module.exports = { MockTracker, MockFunctionContext };
