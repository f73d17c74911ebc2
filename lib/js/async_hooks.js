'use strict';
// node:async_hooks — AsyncLocalStorage and AsyncResource over the async context frame
// (internal/async_context_frame). The hook API (createHook, executionAsyncId, ...) is not
// implemented: its exports throw ERR_NOT_IMPLEMENTED.

const frames = require('internal/async_context_frame');
const { newAsyncId } = require('internal/timers');
const { deprecate } = require('internal/util');
const {
  codes: { ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const { stubModule } = require('internal/not_implemented');

const asyncIdSymbol = Symbol('async_id_symbol');
const triggerAsyncIdSymbol = Symbol('trigger_async_id_symbol');

// The frame current now with `storage` set to `store` (or removed when `remove`).
function frameWith(storage, store, remove = false) {
  const next = new Map(frames.state.frame);
  if (remove) next.delete(storage);
  else next.set(storage, store);
  return next.size === 0 ? undefined : next;
}

function runInFrame(frame, fn, thisArg, args) {
  const previous = frames.enter(frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    frames.restore(previous);
  }
}

class AsyncLocalStorage {
  constructor() {
    // node 20's own properties (visible in util.inspect).
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    return AsyncResource.bind((callback, ...args) => callback(...args));
  }

  #start() {
    this.enabled = true;
    frames.enable();
  }

  disable() {
    if (!this.enabled) return;
    this.enabled = false;
    frames.state.frame = frameWith(this, undefined, true);
  }

  getStore() {
    if (!this.enabled) return undefined;
    return frames.state.frame?.get(this);
  }

  enterWith(store) {
    this.#start();
    frames.state.frame = frameWith(this, store);
  }

  run(store, callback, ...args) {
    this.#start();
    return runInFrame(frameWith(this, store), callback, null, args);
  }

  exit(callback, ...args) {
    if (!this.enabled) return Reflect.apply(callback, null, args);
    return runInFrame(frameWith(this, undefined, true), callback, null, args);
  }
}

class AsyncResource {
  constructor(type, options = {}) {
    validateString(type, 'type');
    if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
    const triggerAsyncId = typeof options === 'number' ? options : options?.triggerAsyncId;
    if (triggerAsyncId !== undefined &&
        (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1)) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    this[asyncIdSymbol] = newAsyncId();
    // Without the hook API ringjs does not track the running resource; node's default here is
    // the executing resource, which is 1 (the main script) outside callbacks.
    this[triggerAsyncIdSymbol] = triggerAsyncId ?? 1;
    frames.capture(this);
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return runInFrame(this[frames.kFrame], fn, thisArg, args);
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this[asyncIdSymbol];
  }

  triggerAsyncId() {
    return this[triggerAsyncIdSymbol];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let resource = this;
    const useCallerThis = thisArg === undefined;
    const bound = function(...args) {
      return resource.runInAsyncScope(fn, useCallerThis ? this : thisArg, ...args);
    };
    const message = 'The asyncResource property on bound functions is deprecated';
    Object.defineProperties(bound, {
      length: { __proto__: null, value: fn.length, writable: false, enumerable: false, configurable: true },
      name: { __proto__: null, value: 'bound', writable: false, enumerable: false, configurable: true },
      asyncResource: {
        __proto__: null,
        enumerable: true,
        configurable: true,
        get: deprecate(function() { return resource; }, message, 'DEP0172'),
        set: deprecate(function(value) { resource = value; }, message, 'DEP0172'),
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

const hookApi = stubModule('async_hooks');

module.exports = {
  AsyncLocalStorage,
  createHook: hookApi.createHook,
  executionAsyncId: hookApi.executionAsyncId,
  triggerAsyncId: hookApi.triggerAsyncId,
  executionAsyncResource: hookApi.executionAsyncResource,
};
Object.defineProperty(module.exports, 'asyncWrapProviders',
                      Object.getOwnPropertyDescriptor(hookApi, 'asyncWrapProviders'));
module.exports.AsyncResource = AsyncResource;
