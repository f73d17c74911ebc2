'use strict';
// assert.CallTracker (deprecated in node 20, still shipped): wraps functions, counts their
// calls and reports the ones not called the expected number of times.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_UNAVAILABLE_DURING_EXIT },
} = require('internal/errors');
const { validateUint32 } = require('internal/validators');

const noop = () => {};
let warned = false;

class CallTracker {
  #tracked = new WeakMap();
  #entries = new Set();

  constructor() {
    if (!warned) {
      warned = true;
      process.emitWarning('assert.CallTracker is deprecated.', 'DeprecationWarning', 'DEP0173');
    }
  }

  #lookup(tracked) {
    const entry = this.#tracked.get(tracked);
    if (entry === undefined) {
      throw new ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    }
    return entry;
  }

  getCalls(fn) {
    // Frozen like node's: callers can read the record but not edit it.
    return Object.freeze([...this.#lookup(fn).calls]);
  }

  reset(fn) {
    if (fn === undefined) {
      for (const entry of this.#entries) entry.calls = [];
      return;
    }
    this.#lookup(fn).calls = [];
  }

  calls(fn, exact = 1) {
    if (process._exiting) throw new ERR_UNAVAILABLE_DURING_EXIT();
    if (typeof fn === 'number') {
      exact = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(exact, 'exact', true);
    const entry = { exact, calls: [], name: fn.name || 'calls', stackTrace: new Error() };
    // A null-prototype handler: a patched Object.prototype.get must not become a trap.
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        entry.calls.push(Object.freeze({ thisArg, arguments: Object.freeze(args) }));
        return Reflect.apply(target, thisArg, args);
      },
    });
    this.#tracked.set(tracked, entry);
    this.#entries.add(entry);
    return tracked;
  }

  report() {
    const errors = [];
    for (const entry of this.#entries) {
      if (entry.calls.length === entry.exact) continue;
      errors.push({
        message: `Expected the ${entry.name} function to be executed ${entry.exact} time(s) ` +
          `but was executed ${entry.calls.length} time(s).`,
        actual: entry.calls.length,
        expected: entry.exact,
        operator: entry.name,
        stack: entry.stackTrace,
      });
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const { AssertionError } = require('assert');
    const message = errors.length === 1 ? errors[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = CallTracker;
