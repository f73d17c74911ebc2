'use strict';
// node:async_hooks — AsyncLocalStorage over the async context frame
// (internal/async_context_frame); AsyncResource, createHook and the execution context queries
// over internal/async_hooks. Hooks see timers, immediates, ticks, microtasks, promises and
// AsyncResources; the runtime's sockets, requests and handles are not reported to them yet.

const frames = require('internal/async_context_frame');
const { newAsyncId } = require('internal/timers');
const { deprecate } = require('internal/util');
const {
  codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const asyncHooks = require('internal/async_hooks');

const asyncIdSymbol = Symbol('async_id_symbol');
const triggerAsyncIdSymbol = Symbol('trigger_async_id_symbol');
const kDestroyToken = Symbol('destroyToken');

// Loading this module is what turns execution-context tracking on.
asyncHooks.startTracking();

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
    let triggerAsyncId = options;
    let requireManualDestroy = false;
    if (typeof options !== 'number') {
      triggerAsyncId = options?.triggerAsyncId ?? asyncHooks.executionAsyncId();
      requireManualDestroy = Boolean(options?.requireManualDestroy);
    }
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    const asyncId = newAsyncId();
    this[asyncIdSymbol] = asyncId;
    this[triggerAsyncIdSymbol] = triggerAsyncId;
    frames.capture(this);
    const hookState = asyncHooks.state;
    if (hookState.init > 0) {
      // An empty type is only an error where a hook would see it.
      if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
      asyncHooks.emitInit(asyncId, type, triggerAsyncId, this);
    }
    if (!requireManualDestroy && hookState.destroy > 0) {
      this[kDestroyToken] = {};
      asyncHooks.destroyWhenCollected(this, asyncId, this[kDestroyToken]);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const asyncId = this[asyncIdSymbol];
    asyncHooks.enterResource(asyncId, this[triggerAsyncIdSymbol], this);
    try {
      return runInFrame(this[frames.kFrame], fn, thisArg, args);
    } finally {
      asyncHooks.leaveResource(asyncId);
    }
  }

  emitDestroy() {
    if (this[kDestroyToken] !== undefined) {
      asyncHooks.forgetCollected(this[kDestroyToken]);
      this[kDestroyToken] = undefined;
    }
    asyncHooks.emitDestroy(this[asyncIdSymbol]);
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

// createHook's callbacks live under these keys on the hook, so they run with the hook as `this`.
const hookCallbackKeys = {
  init: Symbol('init'), before: Symbol('before'), after: Symbol('after'),
  destroy: Symbol('destroy'), promiseResolve: Symbol('promiseResolve'),
};
asyncHooks.setCallbackKeys(hookCallbackKeys);

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    const callbacks = { init, before, after, destroy, promiseResolve };
    for (const [name, callback] of Object.entries(callbacks)) {
      if (callback !== undefined && typeof callback !== 'function') {
        throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      }
      this[hookCallbackKeys[name]] = callback;
    }
  }

  enable() {
    asyncHooks.enableHook(this);
    return this;
  }

  disable() {
    asyncHooks.disableHook(this);
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

const providerNames = [
  'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ',
  'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING',
  'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP',
  'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'PROMISE',
  'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER',
  'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP',
  'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB',
  'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST',
  'KEYEXPORTREQUEST', 'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST',
  'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP',
  'VERIFYREQUEST',
];
const asyncWrapProviders = Object.freeze(Object.assign(
  { __proto__: null }, Object.fromEntries(providerNames.map((name, index) => [name, index]))));

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId: asyncHooks.executionAsyncId,
  triggerAsyncId: asyncHooks.triggerAsyncId,
  executionAsyncResource: asyncHooks.executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
