'use strict';
// AbortController and AbortSignal, as node 20 has them.
//
// An AbortSignal is an EventTarget (made with `new EventTarget()` and given AbortSignal's
// prototype, since its constructor is not public). Aborting sets `aborted` and `reason`,
// dispatches a trusted 'abort' Event, then aborts the signals made by AbortSignal.any()
// that depend on it. AbortSignal.timeout() signals abort from an unref'd timer, and are
// only kept alive by the timer while they have 'abort' listeners.

const {
  EventTarget,
  Event,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
  defineEventHandler,
} = require('internal/event_target');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateAbortSignalArray,
  validateObject,
  validateUint32,
  kValidateObjectAllowObjects,
} = require('internal/validators');
const {
  customInspectSymbol,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const { DOMException } = require('internal/per_context/domexception');

let inspectFn;
function inspect(...args) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(...args);
}

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kCloneData = Symbol('kCloneData');
const kTimeout = Symbol('kTimeout');
const kMakeTransferable = Symbol('kMakeTransferable');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kDontThrowSymbol = Symbol('kDontThrowSymbol');
const kTransferable = Symbol('kTransferable');

// Timeout and composite signals with 'abort' listeners must outlive their last reference
// from user code: whoever listens expects the event.
const gcPersistentSignals = new Set();

// A timeout signal that got garbage collected has its timer cleared.
let clearTimeoutRegistry;
function timeoutRegistry() {
  clearTimeoutRegistry ??= new FinalizationRegistry((timer) => clearTimeout(timer));
  return clearTimeoutRegistry;
}

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;

  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });

  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj === null || obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

// The timer holds the signal weakly: an unreferenced signal without listeners can be
// collected before it fires.
function setWeakAbortSignalTimeout(weakRef, delay) {
  const timeout = setTimeout(() => {
    const signal = weakRef.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      abortSignal(
        signal,
        new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }
  }, delay);
  timeout?.unref?.();
  return timeout;
}

class AbortSignal extends EventTarget {
  constructor(dontThrowKey = undefined) {
    if (dontThrowKey !== kDontThrowSymbol) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    timeoutRegistry().register(signal, setWeakAbortSignalTimeout(new WeakRef(signal), delay));
    return signal;
  }

  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    const resultSignal = createAbortSignal({ composite: true });
    if (!signals.length) return resultSignal;
    const resultSignalWeakRef = new WeakRef(resultSignal);
    resultSignal[kSourceSignals] = new Set();
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal.aborted) {
        abortSignal(resultSignal, signal.reason);
        return resultSignal;
      }
      signal[kDependantSignals] ??= new Set();
      if (!signal[kComposite]) {
        resultSignal[kSourceSignals].add(new WeakRef(signal));
        signal[kDependantSignals].add(resultSignalWeakRef);
      } else if (signal[kSourceSignals]) {
        // Depend on the composite's own sources rather than on the composite: no chains.
        for (const sourceRef of signal[kSourceSignals]) {
          const source = sourceRef.deref();
          if (!source) continue;
          resultSignal[kSourceSignals].add(sourceRef);
          source[kDependantSignals] ??= new Set();
          source[kDependantSignals].add(resultSignalWeakRef);
        }
      }
    }
    return resultSignal;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const keepAlive = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (keepAlive && type === 'abort' && !this.aborted && !weak && size === 1) {
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    const keepAlive = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (keepAlive && type === 'abort' && size === 0) gcPersistentSignals.delete(this);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: kEnumerableProperty,
});
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortSignal',
});

defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(init = kEmptyObject) {
  const {
    aborted = false,
    reason = undefined,
    transferable = false,
    composite = false,
  } = init;
  const signal = new EventTarget();
  Object.setPrototypeOf(signal, AbortSignal.prototype);
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  signal[kComposite] = composite;
  if (transferable) signal[kTransferable] = true;
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
  // Dependants abort after the signal's own listeners ran.
  signal[kDependantSignals]?.forEach((ref) => {
    const dependant = ref.deref();
    if (dependant) abortSignal(dependant, reason);
  });
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = createAbortSignal();
  }

  get signal() {
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }

  static [kMakeTransferable]() {
    const controller = new AbortController();
    controller.#signal[kTransferable] = true;
    return controller;
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: kEnumerableProperty,
  abort: kEnumerableProperty,
});
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortController',
});

// Structured-clone support needs worker messaging, which ringjs does not have yet: these
// keep node's exported names and argument checks.
function transferableAbortSignal(signal) {
  if (signal?.[kAborted] === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  signal[kTransferable] = true;
  return signal;
}

function transferableAbortController() {
  return AbortController[kMakeTransferable]();
}

class ClonedAbortSignal extends AbortSignal {
  constructor() {
    super(kDontThrowSymbol);
  }
}

// util.aborted(signal, resource): resolves once `signal` aborts; listens weakly so that the
// promise does not keep `resource` alive.
async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowObjects);
  if (signal.aborted) return;
  return new Promise((resolve) => {
    signal.addEventListener('abort', resolve, {
      __proto__: null, [kWeakHandler]: resource, once: true, [kResistStopPropagation]: true,
    });
  });
}

module.exports = {
  AbortController,
  AbortSignal,
  ClonedAbortSignal,
  aborted,
  transferableAbortSignal,
  transferableAbortController,
  kAborted,
  kReason,
  kCloneData,
};
