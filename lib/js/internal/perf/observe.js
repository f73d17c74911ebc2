'use strict';
// PerformanceObserver: observers buffer the entries of the types they watch and get them in
// one callback per observer from a setImmediate, as node does. Entry types produced:
// 'mark', 'measure' (performance.mark/measure), 'function' (performance.timerify), 'resource'
// (performance.markResourceTiming), 'gc' (reported by the performance binding) and 'http'
// (HttpRequest from the server, HttpClient from ClientRequest).

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { customInspectSymbol } = require('internal/util');

const kSupportedEntryTypes = Object.freeze([
  'dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource',
]);

const kConstruct = Symbol('kConstruct');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kDispatch = Symbol('kDispatch');
const kWatches = Symbol('kWatches');

const observers = new Set();
const pending = new Set();
let dispatchScheduled = false;

// Buffered entries that observe({ type, buffered: true }) can replay, by type.
let bufferedSource = () => [];

function setBufferedEntriesSource(source) {
  bufferedSource = source;
}

function scheduleDispatch() {
  if (dispatchScheduled) return;
  dispatchScheduled = true;
  setImmediate(() => {
    dispatchScheduled = false;
    const ready = [...pending];
    pending.clear();
    for (const observer of ready) observer[kDispatch]();
  });
}

// 'gc' entries: the performance binding reports collections only while some observer watches
// 'gc'; makeGcEntry (set by perf_hooks) builds the entry.
let makeGcEntry = null;
let gcTracking = false;

function setGcEntryFactory(factory) {
  makeGcEntry = factory;
}

function onGC(kind, flags, startHrMs, duration) {
  if (makeGcEntry === null) return;
  const { timeOriginHrMs } = internalBinding('process_methods');
  enqueue(makeGcEntry(kind, flags, startHrMs - timeOriginHrMs, duration));
}

function syncGcTracking() {
  const wanted = hasObserver('gc');
  if (wanted === gcTracking) return;
  gcTracking = wanted;
  const binding = internalBinding('performance');
  if (wanted) binding.startGCTracking(onGC);
  else binding.stopGCTracking();
}

// Hands a new entry to every observer watching its type.
function enqueue(entry) {
  for (const observer of observers) observer[kMaybeBuffer](entry);
}

// Whether some observer watches `type` (entries nobody would see need not be made).
function hasObserver(type) {
  for (const observer of observers) {
    if (observer[kWatches](type)) return true;
  }
  return false;
}

// hasObserver for per-request checks: next to nothing while nobody observes.
function observing(type) {
  return observers.size !== 0 && hasObserver(type);
}

// perf_hooks' PerformanceNodeEntry maker (set when perf_hooks loads).
let nodeEntryFactory = null;

function setNodeEntryFactory(factory) {
  nodeEntryFactory = factory;
}

// An entry with a detail ('http', ...) from `start` (a performance.now() time) until now.
function enqueueNodeEntry(name, type, start, detail) {
  if (nodeEntryFactory === null) require('perf_hooks');
  enqueue(nodeEntryFactory(name, type, start, detail));
}

function nestedOptions(options) {
  return { ...options, depth: options.depth == null ? null : options.depth - 1 };
}

class PerformanceObserverEntryList {
  #entries;

  constructor(key, entries) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = entries.sort((a, b) => a.startTime - b.startTime);
  }

  getEntries() {
    return [...this.#entries];
  }

  getEntriesByType(type) {
    type = `${type}`;
    return this.#entries.filter((entry) => entry.entryType === type);
  }

  getEntriesByName(name, type) {
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this.#entries.filter((entry) =>
      entry.name === name && (type === undefined || entry.entryType === type));
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    return `PerformanceObserverEntryList ${inspect(this.#entries, nestedOptions(options))}`;
  }
}

class PerformanceObserver {
  #callback;
  #buffer = [];
  #entryTypes = new Set();
  // 'multiple' after observe({ entryTypes }), 'single' after observe({ type }).
  #mode = undefined;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                      'options.entryTypes can not set with options.type together');
    }
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes) || !entryTypes.every((t) => typeof t === 'string')) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      this.#mode = 'multiple';
      this.#entryTypes = new Set(entryTypes.filter((t) => kSupportedEntryTypes.includes(t)));
      if (this.#entryTypes.size === 0) {
        observers.delete(this);
        syncGcTracking();
        return;
      }
      observers.add(this);
      syncGcTracking();
      return;
    }
    if (typeof type !== 'string') throw new ERR_INVALID_ARG_TYPE('options.type', 'string', type);
    if (!kSupportedEntryTypes.includes(type)) return;
    this.#mode = 'single';
    this.#entryTypes.add(type);
    observers.add(this);
    syncGcTracking();
    if (buffered) {
      const entries = bufferedSource(type);
      if (entries.length > 0) {
        this.#buffer.push(...entries);
        pending.add(this);
        scheduleDispatch();
      }
    }
  }

  disconnect() {
    observers.delete(this);
    pending.delete(this);
    this.#buffer = [];
    this.#entryTypes = new Set();
    this.#mode = undefined;
    syncGcTracking();
  }

  takeRecords() {
    const records = this.#buffer;
    this.#buffer = [];
    return records;
  }

  [kWatches](type) {
    return this.#entryTypes.has(type);
  }

  [kMaybeBuffer](entry) {
    if (!this.#entryTypes.has(entry.entryType)) return;
    this.#buffer.push(entry);
    pending.add(this);
    scheduleDispatch();
  }

  [kDispatch]() {
    const list = new PerformanceObserverEntryList(kConstruct, this.takeRecords());
    Reflect.apply(this.#callback, this, [list, this]);
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this.#entryTypes],
      buffer: this.#buffer,
    }, nestedOptions(options))}`;
  }
}

module.exports = {
  PerformanceObserver,
  PerformanceObserverEntryList,
  enqueue,
  enqueueNodeEntry,
  hasObserver,
  observing,
  setBufferedEntriesSource,
  setGcEntryFactory,
  setNodeEntryFactory,
};
