'use strict';
// node:domain (deprecated in node, still relied on): a domain gathers the errors thrown by code
// run in it, by the callbacks that code scheduled, and by the emitters made or added there.
//
// How the active domain travels: it is the store of one AsyncLocalStorage, so every callback
// ringjs restores the async context for (timers, immediates, ticks, promises, fs requests,
// sockets and other native handles) runs with the domain that was active when it was scheduled.
// `_stack` holds the domains entered explicitly (enter/run/bind) in this synchronous stretch.

const EventEmitter = require('events');
const { AsyncLocalStorage } = require('async_hooks');
const frames = require('internal/async_context_frame');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE, ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const execution = require('internal/process/execution');

if (process.hasUncaughtExceptionCaptureCallback()) {
  throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
}

const activeDomainStore = new AsyncLocalStorage();
const entered = [];

// The domain code runs in now: the innermost explicitly entered one, else the one the current
// async context carries.
function currentDomain() {
  return entered.at(-1) ?? activeDomainStore.getStore() ?? null;
}

// process.domain and domain.active: the current domain, else null (at start and once a domain
// handled an error) or undefined (after the last explicit exit, and inside an 'error' listener),
// as in node. Assigning null leaves every domain; assigning a domain enters it.
let noDomainValue = null;
function publishedDomain() {
  return currentDomain() ?? noDomainValue;
}
function assignDomain(value) {
  if (value instanceof Domain) {
    value.enter();
    return;
  }
  leaveAllDomains(value);
}

function setCurrent(domain) {
  activeDomainStore.enterWith(domain);
}

// Leaves `domain` and every domain entered after it (if it was entered at all); the async
// context then carries the innermost domain still entered.
function leaveFrom(domain) {
  const at = entered.lastIndexOf(domain);
  if (at !== -1) entered.length = at;
  setCurrent(entered.at(-1));
  if (entered.length === 0) noDomainValue = undefined;
}

// Non-enumerable, as node marks emitters, timers and promises.
function markDomain(target, domain) {
  Object.defineProperty(target, 'domain', {
    __proto__: null, value: domain, writable: true, enumerable: false, configurable: true,
  });
}

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
  }

  enter() {
    entered.push(this);
    setCurrent(this);
  }

  // Leaves this domain and every domain entered after it; a domain not entered is a no-op.
  exit() {
    if (entered.includes(this)) leaveFrom(this);
  }

  run(fn, ...args) {
    this.enter();
    const result = Reflect.apply(fn, this, args);
    this.exit();
    return result;
  }

  add(member) {
    if (member.domain === this) return;
    if (member.domain) member.domain.remove(member);
    markDomain(member, this);
    if (!(member instanceof EventEmitter)) {
      // A timer: its callback runs with this domain active.
      const frame = new Map(member[frames.kFrame] ?? []);
      frame.set(activeDomainStore, this);
      Object.defineProperty(member, frames.kFrame, {
        __proto__: null, value: frame, writable: true, enumerable: false, configurable: true,
      });
    }
    this.members.push(member);
  }

  remove(member) {
    member.domain = null;
    const at = this.members.indexOf(member);
    if (at !== -1) this.members.splice(at, 1);
  }

  bind(fn) {
    const domain = this;
    function runBound(...args) {
      return Reflect.apply(domain.run, domain, [() => Reflect.apply(fn, this, args)]);
    }
    runBound.domain = this;
    return runBound;
  }

  // The callback runs in the domain without its first (error) argument; an error goes to the
  // domain's 'error' listeners instead.
  intercept(fn) {
    const domain = this;
    function runIntercepted(err, ...args) {
      if (err) {
        if (typeof err === 'object') {
          err.domainBound = fn;
          err.domainThrown = false;
          markDomain(err, domain);
        }
        domain.emit('error', err);
        return;
      }
      return Reflect.apply(domain.run, domain, [() => Reflect.apply(fn, this, args)]);
    }
    runIntercepted.domain = this;
    return runIntercepted;
  }

  // Called for an error thrown while this domain was current. True when a listener took it.
  // The listener runs with this domain (and any entered after it) left; once it returns, no
  // domain stays entered: an uncaught exception ends the current callback.
  _errorHandler(error) {
    if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
      markDomain(error, this);
      error.domainThrown = true;
    }
    if (this.listenerCount('error') === 0) {
      leaveAllDomains(null);
      return false;
    }
    // Also when this domain came with the async context rather than by enter().
    leaveFrom(this);
    let handled = true;
    try {
      this.emit('error', error);
    } catch (listenerError) {
      // The listener threw: a domain entered before this one may take that error; with none
      // left it is fatal (exit code 7, as a throwing 'uncaughtException' listener).
      const outer = currentDomain();
      if (outer === null) throw listenerError;
      handled = outer._errorHandler(listenerError);
    } finally {
      leaveAllDomains(null);
    }
    return handled;
  }
}

function leaveAllDomains(value) {
  entered.length = 0;
  setCurrent(undefined);
  noDomainValue = value;
}

// Uncaught exceptions reach the current domain first.
// A nested domain without 'error' listeners hands the error to the closest domain entered
// around it that has some.
execution.setDomainErrorHandler((error) => {
  const domain = currentDomain();
  if (domain === null) return false;
  for (let i = entered.length - 1; i >= 0; i--) {
    if (entered[i].listenerCount('error') > 0) return entered[i]._errorHandler(error);
  }
  return domain._errorHandler(error);
});

// Emitters: one made while a domain is current belongs to it; its events run in the domain, and
// an 'error' nobody listens to goes to the domain's listeners.
EventEmitter.usingDomains = true;
require('internal/events/domain_init').hook = (emitter) => {
  if (!(emitter instanceof Domain)) markDomain(emitter, currentDomain());
};
const emitOutsideDomains = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(type, ...args) {
  const domain = this.domain;
  if (!domain || this === process) return Reflect.apply(emitOutsideDomains, this, [type, ...args]);
  if (type === 'error' && this.listenerCount('error') === 0) {
    // Nothing (or a falsy value) emitted: the domain gets node's ERR_UNHANDLED_ERROR.
    const error = args[0] || new ERR_UNHANDLED_ERROR();
    if (error !== null && typeof error === 'object') {
      error.domainEmitter = this;
      markDomain(error, domain);
      error.domainThrown = false;
    }
    emitOutsideOf(domain, error);
    return false;
  }
  domain.enter();
  const result = Reflect.apply(emitOutsideDomains, this, [type, ...args]);
  domain.exit();
  return result;
};

// An emitter's unheard 'error' goes to its domain's listeners, which run with that domain's
// entries on top of the stack left; the domains come back afterwards (as node).
function emitOutsideOf(domain, error) {
  const saved = entered.slice();
  const savedNoDomain = noDomainValue;
  while (entered.length > 0 && entered[entered.length - 1] === domain) entered.pop();
  setCurrent(entered.at(-1));
  noDomainValue = null;
  try {
    domain.emit('error', error);
  } finally {
    entered.length = 0;
    entered.push(...saved);
    setCurrent(entered.at(-1));
    noDomainValue = savedNoDomain;
  }
}

// Timers, immediates, ticks and promises made in a domain name it, as in node, and enter it
// (onto _stack) while their callbacks run.
const { createHook, executionAsyncResource } = require('async_hooks');
function domainOfCurrentResource() {
  const resource = executionAsyncResource();
  const domain = resource !== null && typeof resource === 'object' ? resource.domain : undefined;
  return domain instanceof Domain ? domain : null;
}
createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const domain = currentDomain();
    if (domain !== null && resource !== null && typeof resource === 'object') {
      markDomain(resource, domain);
    }
  },
  before() {
    domainOfCurrentResource()?.enter();
  },
  after() {
    domainOfCurrentResource()?.exit();
  },
}).enable();

Object.defineProperty(process, 'domain', {
  __proto__: null, enumerable: true, configurable: true,
  get: publishedDomain, set: assignDomain,
});

// Where the program loaded this module: the refusal below points there (as node's does).
const loadedAt = new Error('require(`domain`) at this point').stack;
const originalCaptureSetter = process.setUncaughtExceptionCaptureCallback;
process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) return Reflect.apply(originalCaptureSetter, this, [fn]);
  const error = new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
  error.stack += `\n${'-'.repeat(40)}\n${loadedAt}`;
  throw error;
};

module.exports = {
  Domain,
  create: () => new Domain(),
  createDomain: () => new Domain(),
  _stack: entered,
};
Object.defineProperty(module.exports, 'active', {
  __proto__: null, enumerable: true, configurable: true,
  get: publishedDomain, set: assignDomain,
});
