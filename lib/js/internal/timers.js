'use strict';
// Timers as node keeps them: one linked list per duration (timers of equal duration expire in
// insertion order), the lists in a priority queue by expiry, and one native timer armed for the
// earliest list (internalBinding('timers').scheduleTimer). Immediates are a linked queue run
// from the loop's check phase. Between two callbacks nextTicks and microtasks run, as in node.

const {
  scheduleTimer, toggleTimerRef, toggleImmediateRef, getLibuvNow, immediateInfo,
  kCount, kRefCount, kHasOutstanding, setupTimers: setupNativeTimers,
} = internalBinding('timers');
const L = require('internal/linkedlist');
const PriorityQueue = require('internal/priority_queue');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const asyncIdSymbol = Symbol('asyncId');
// AsyncLocalStorage stores travel with timers and immediates (internal/async_context_frame).
const {
  state: asyncContext, kFrame: kAsyncContextFrame, capture: captureAsyncContext,
  enter: enterAsyncContext, leave: leaveAsyncContext,
} = require('internal/async_context_frame');
const triggerAsyncIdSymbol = Symbol('triggerId');
// async_hooks: init/before/after/destroy for Timeout and Immediate (internal/async_hooks).
const asyncHooks = require('internal/async_hooks');
const hookState = asyncHooks.state;
const kInspectCustom = Symbol.for('nodejs.util.inspect.custom');

let asyncIdCounter = 1;
let timerListId = Number.MIN_SAFE_INTEGER;
let nextExpiry = Infinity;
let refCount = 0;

const timerListMap = { __proto__: null };
const knownTimersById = { __proto__: null };

function compareTimersLists(a, b) {
  const expiryDiff = a.expiry - b.expiry;
  if (expiryDiff === 0) {
    if (a.id < b.id) return -1;
    if (a.id > b.id) return 1;
  }
  return expiryDiff;
}

function setPosition(node, pos) {
  node.priorityQueuePosition = pos;
}

const timerListQueue = new PriorityQueue(compareTimersLists, setPosition);

function newAsyncId() {
  return ++asyncIdCounter;
}

function initAsyncResource(resource, type) {
  const asyncId = ++asyncIdCounter;
  resource[asyncIdSymbol] = asyncId;
  resource[triggerAsyncIdSymbol] = asyncHooks.executionAsyncId();
  if (asyncContext.enabled) captureAsyncContext(resource);
  if (hookState.init > 0) {
    asyncHooks.emitInit(asyncId, type, resource[triggerAsyncIdSymbol], resource);
  }
}

class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }
}

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
                            '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    initAsyncResource(this, 'Timeout');
  }

  refresh() {
    if (this[kRefed]) active(this);
    else unrefActive(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  // util.inspect shows one level only: the list links would otherwise print the whole list.
  [kInspectCustom](_, options) {
    const { inspect } = require('internal/util/inspect');
    return inspect(this, { ...options, depth: 0, customInspect: false });
  }
}

function insert(item, msecs, start = getLibuvNow()) {
  // Lists are per whole millisecond (sub-millisecond accuracy is not promised), so 1 and 1.8
  // share a list and fire in the order they were set, as in node.
  msecs = Math.trunc(msecs);
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    timerListQueue.insert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  L.append(list, item);
}

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[asyncIdSymbol]) {
    item._destroyed = false;
    initAsyncResource(item, 'Timeout');
  }
  if (isDestroyed) {
    if (refed) incRefCount();
  } else if (refed === !item[kRefed]) {
    if (refed) incRefCount();
    else decRefCount();
  }
  item[kRefed] = refed;
}

function active(item) {
  insertGuarded(item, true);
}

function unrefActive(item) {
  insertGuarded(item, false);
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) delete knownTimersById[item[asyncIdSymbol]];
  if (hookState.destroy > 0) asyncHooks.emitDestroy(item[asyncIdSymbol]);
  L.remove(item);
  const list = timerListMap[Math.trunc(item._idleTimeout)];
  if (list !== undefined && L.isEmpty(list)) {
    timerListQueue.removeAt(list.priorityQueuePosition);
    delete timerListMap[list.msecs];
  }
  if (item[kRefed]) decRefCount();
  item._idleTimeout = -1;
}

let runNextTicks;

// Called from C++ with the loop time; returns the next expiry (negative when only unref'd
// timers remain) or 0 when there are none.
function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  let ranAtLeastOneList = false;
  while ((list = timerListQueue.peek()) != null) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOneList) runNextTicks();
    else ranAtLeastOneList = true;
    listOnTimeout(list, now);
  }
  return 0;
}

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let ranAtLeastOneTimer = false;
  let timer;
  while ((timer = L.peek(list)) != null) {
    const diff = now - timer._idleStart;
    if (diff < msecs) {
      list.expiry = Math.max(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      timerListQueue.percolateDown(1);
      return;
    }
    if (ranAtLeastOneTimer) runNextTicks();
    else ranAtLeastOneTimer = true;

    L.remove(timer);
    const asyncId = timer[asyncIdSymbol];
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
        if (timer[kHasPrimitive]) delete knownTimersById[asyncId];
        if (hookState.destroy > 0) asyncHooks.emitDestroy(asyncId);
      }
      continue;
    }
    let start;
    if (timer._repeat) start = getLibuvNow();
    const tracked = hookState.tracking;
    if (tracked) asyncHooks.enterResource(asyncId, timer[triggerAsyncIdSymbol], timer);
    const priorFrame = asyncContext.enabled ? enterAsyncContext(timer[kAsyncContextFrame]) : undefined;
    let threw = true;
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else Reflect.apply(timer._onTimeout, timer, args);
      threw = false;
    } finally {
      if (asyncContext.enabled) leaveAsyncContext(priorFrame, threw);
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
        timer._destroyed = true;
        if (timer[kHasPrimitive]) delete knownTimersById[asyncId];
        if (timer[kRefed]) refCount--;
        if (hookState.destroy > 0) asyncHooks.emitDestroy(asyncId);
      }
    }
    // Not reached when the callback threw: the uncaught-exception path unwinds instead.
    if (tracked) asyncHooks.leaveResource(asyncId);
  }
  if (list === timerListMap[msecs]) {
    delete timerListMap[msecs];
    timerListQueue.shift();
  }
}

class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }

  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }

  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
// Immediates left over when one threw: run first on the next call.
const outstandingQueue = new ImmediateList();

class Immediate {
  // `untracked`: the runtime's own work (async_hooks' destroy batch), invisible to hooks.
  constructor(callback, args, untracked = false) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    if (untracked) this[asyncIdSymbol] = 0;
    else initAsyncResource(this, 'Immediate');
    this.ref();
    immediateInfo[kCount]++;
    immediateQueue.append(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

function processImmediate() {
  asyncHooks.flushDestroys();
  const queue = outstandingQueue.head !== null ? outstandingQueue : immediateQueue;
  let immediate = queue.head;
  if (queue !== outstandingQueue) {
    queue.head = queue.tail = null;
    immediateInfo[kHasOutstanding] = 1;
  }
  let prevImmediate;
  let ranAtLeastOneImmediate = false;
  while (immediate !== null) {
    if (ranAtLeastOneImmediate) runNextTicks();
    else ranAtLeastOneImmediate = true;
    if (immediate._destroyed) {
      outstandingQueue.head = immediate = prevImmediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateInfo[kCount]--;
    if (immediate[kRefed]) immediateInfo[kRefCount]--;
    immediate[kRefed] = null;
    prevImmediate = immediate;
    const asyncId = immediate[asyncIdSymbol];
    const tracked = hookState.tracking && asyncId !== 0;
    if (tracked) asyncHooks.enterResource(asyncId, immediate[triggerAsyncIdSymbol], immediate);
    const priorFrame =
      asyncContext.enabled ? enterAsyncContext(immediate[kAsyncContextFrame]) : undefined;
    let threw = true;
    try {
      const argv = immediate._argv;
      if (!argv) immediate._onImmediate();
      else Reflect.apply(immediate._onImmediate, immediate, argv);
      threw = false;
    } finally {
      if (asyncContext.enabled) leaveAsyncContext(priorFrame, threw);
      immediate._onImmediate = null;
      if (tracked && hookState.destroy > 0) asyncHooks.emitDestroy(asyncId);
      outstandingQueue.head = immediate = immediate._idleNext;
    }
    if (tracked) asyncHooks.leaveResource(asyncId);
  }
  if (queue === outstandingQueue) outstandingQueue.head = null;
  immediateInfo[kHasOutstanding] = 0;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      unenroll(timerInstance);
    }
  }
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateInfo[kCount]--;
  immediate._destroyed = true;
  if (immediate[kRefed] && --immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  immediateQueue.remove(immediate);
  if (hookState.destroy > 0) asyncHooks.emitDestroy(immediate[asyncIdSymbol]);
}

// An immediate of the runtime's own, not seen by async_hooks.
function scheduleInternalImmediate(callback) {
  return new Immediate(callback, undefined, true);
}

// Assigned rather than declared in the class so that they are enumerable, as node's are (they
// live in node's lib/timers.js, next to clearTimeout), in node's order.
const SymbolDispose = Symbol.dispose || Symbol.for('nodejs.dispose');

Timeout.prototype.close = function() {
  clearTimeout(this);
  return this;
};

Timeout.prototype[SymbolDispose] = function() {
  clearTimeout(this);
};

Timeout.prototype[Symbol.toPrimitive] = function() {
  const id = this[asyncIdSymbol];
  if (!this[kHasPrimitive]) {
    this[kHasPrimitive] = true;
    knownTimersById[id] = this;
  }
  return id;
};

Immediate.prototype[SymbolDispose] = function() {
  clearImmediate(this);
};

function setupTimers() {
  runNextTicks = require('internal/process/task_queues').runNextTicks;
  setupNativeTimers(processImmediate, processTimers);
}

// Referenced timers and immediates, for process.getActiveResourcesInfo().
function activeTimerCounts() {
  return { timeouts: refCount, immediates: immediateInfo[kRefCount] };
}

module.exports = {
  TIMEOUT_MAX, kRefed, kHasPrimitive, asyncIdSymbol, triggerAsyncIdSymbol, newAsyncId,
  scheduleInternalImmediate,
  Timeout, Immediate, insert, active, unrefActive, unenroll, insertGuarded,
  clearTimeout, clearImmediate, setupTimers, knownTimersById, activeTimerCounts,
};
