'use strict';
// node:timers/promises: promise-returning setTimeout/setImmediate, the setInterval async
// iterator and the experimental `scheduler` (wait/yield). Built on the same Timeout and
// Immediate objects as node:timers, so ref/unref and ordering are those of the callback API.
//
// Observable details follow node 20: validation errors reject the returned promise (the async
// iterator throws on its first next()), an abort rejects with an AbortError whose `cause` is
// `signal.reason`, and a call with a signal settles one `finally` hop later than one without,
// exactly as node's SafePromisePrototypeFinally wrapper does.

const { Timeout, Immediate, insert } = require('internal/timers');
const { clearTimeout, clearInterval, clearImmediate } = require('timers');
const {
  AbortError,
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateNumber, validateObject,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');

// Captured at load time so user code that patches Promise cannot change our behaviour.
const PromiseCtor = Promise;
const PromiseReject = Promise.reject.bind(Promise);
const PromisePrototypeThen = Promise.prototype.then;
const PromisePrototypeFinally = Promise.prototype.finally;
const ReflectApply = Reflect.apply;

const kScheduler = Symbol('kScheduler');

// The option that keeps our 'abort' listener running even when an earlier listener calls
// event.stopImmediatePropagation(). Taken from the EventTarget implementation when present.
let resistStopPropagationOption;
function abortListenerOptions(once) {
  if (resistStopPropagationOption === undefined) {
    let symbol = null;
    try {
      symbol = require('internal/event_target').kResistStopPropagation || null;
    } catch {
      // No internal/event_target yet: a plain listener is the best we can do.
    }
    resistStopPropagationOption = symbol;
  }
  const options = { __proto__: null };
  if (once) options.once = true;
  if (resistStopPropagationOption !== null) options[resistStopPropagationOption] = true;
  return options;
}

// `new Promise(outer => new Promise(inner => p.then(inner)).finally(fn).then(outer))`: the
// same number of microtask hops as node's SafePromisePrototypeFinally.
function promiseFinally(promise, onFinally) {
  return new PromiseCtor((resolve, reject) => {
    const inner = new PromiseCtor((res, rej) => {
      ReflectApply(PromisePrototypeThen, promise, [res, rej]);
    });
    const settled = ReflectApply(PromisePrototypeFinally, inner, [onFinally]);
    ReflectApply(PromisePrototypeThen, settled, [resolve, reject]);
  });
}

function abortErrorFor(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

// Checks shared by setTimeout, setImmediate and setInterval; throws on a bad argument.
function validateOptions(options) {
  validateObject(options, 'options');
  if (typeof options?.signal !== 'undefined') {
    validateAbortSignal(options.signal, 'options.signal');
  }
  if (typeof options?.ref !== 'undefined') {
    validateBoolean(options.ref, 'options.ref');
  }
}

// Wires `signal` to cancel `handle` (a Timeout or Immediate) and reject the pending promise.
function listenForAbort(signal, handle, clear, reject) {
  const onAbort = () => {
    if (handle._destroyed) return;
    clear(handle);
    reject(abortErrorFor(signal));
  };
  signal.addEventListener('abort', onAbort, abortListenerOptions(false));
  return onAbort;
}

function setTimeout(after, value, options = kEmptyObject) {
  try {
    if (typeof after !== 'undefined') validateNumber(after, 'delay');
    validateOptions(options);
  } catch (err) {
    return PromiseReject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) return PromiseReject(abortErrorFor(signal));

  let onAbort;
  const promise = new PromiseCtor((resolve, reject) => {
    const timeout = new Timeout(resolve, after, [value], false, ref);
    insert(timeout, timeout._idleTimeout);
    if (signal) onAbort = listenForAbort(signal, timeout, clearTimeout, reject);
  });
  if (onAbort === undefined) return promise;
  return promiseFinally(promise, () => signal.removeEventListener('abort', onAbort));
}

function setImmediate(value, options = kEmptyObject) {
  try {
    validateOptions(options);
  } catch (err) {
    return PromiseReject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) return PromiseReject(abortErrorFor(signal));

  let onAbort;
  const promise = new PromiseCtor((resolve, reject) => {
    const immediate = new Immediate(resolve, [value]);
    if (!ref) immediate.unref();
    if (signal) onAbort = listenForAbort(signal, immediate, clearImmediate, reject);
  });
  if (onAbort === undefined) return promise;
  return promiseFinally(promise, () => signal.removeEventListener('abort', onAbort));
}

// Yields `value` once per interval tick. Ticks that happen while the consumer is busy are
// counted and yielded back to back, so none is lost.
async function* setInterval(after, value, options = kEmptyObject) {
  if (typeof after !== 'undefined') validateNumber(after, 'delay');
  validateOptions(options);
  const { signal, ref = true } = options;
  if (signal?.aborted) throw abortErrorFor(signal);

  let onAbort;
  let interval;
  try {
    let pendingTicks = 0;
    let wake;
    interval = new Timeout(() => {
      pendingTicks++;
      if (wake !== undefined) {
        const w = wake;
        wake = undefined;
        w();
      }
    }, after, undefined, true, ref);
    insert(interval, interval._idleTimeout);
    if (signal) {
      onAbort = () => {
        clearInterval(interval);
        if (wake !== undefined) {
          const w = wake;
          wake = undefined;
          w(PromiseReject(abortErrorFor(signal)));
        }
      };
      signal.addEventListener('abort', onAbort, abortListenerOptions(true));
    }
    while (!signal?.aborted) {
      if (pendingTicks === 0) {
        await new PromiseCtor((resolve) => { wake = resolve; });
      }
      for (; pendingTicks > 0; pendingTicks--) {
        yield value;
      }
    }
    throw abortErrorFor(signal);
  } finally {
    clearInterval(interval);
    signal?.removeEventListener('abort', onAbort);
  }
}

// The experimental scheduler (WICG scheduling APIs): not constructible by users; one instance
// is exported.
class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}

const scheduler = Reflect.construct(function Scheduler() {
  this[kScheduler] = true;
}, [], Scheduler);

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler,
};
