'use strict';
// node:perf_hooks: User Timing (performance.now/timeOrigin/mark/measure and entries),
// PerformanceObserver, timerify, histograms, event-loop delay and utilization, nodeTiming.

const { timeOrigin } = internalBinding('process_methods');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { customInspectSymbol } = require('internal/util');
const {
  PerformanceObserver, PerformanceObserverEntryList, enqueue, hasObserver,
  setBufferedEntriesSource, setGcEntryFactory, setNodeEntryFactory,
} = require('internal/perf/observe');
const {
  createHistogram, monitorEventLoopDelay, isRecordableHistogram,
} = require('internal/perf/histogram');
const { nodeTiming, eventLoopUtilization, now } = require('internal/perf/node_timing');

const kConstruct = Symbol('kConstruct');

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;

  constructor(key, name, type, start, duration) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
  }

  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    return `${this.constructor.name} ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime,
             duration: this.duration };
  }
}

class PerformanceMark extends PerformanceEntry {
  #detail;

  constructor(name, options) {
    if (arguments.length === 0) {
      const { ERR_MISSING_ARGS } = require('internal/errors').codes;
      throw new ERR_MISSING_ARGS('name');
    }
    name = `${name}`;
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', startTime);
    }
    if (startTime < 0) {
      const { ERR_PERFORMANCE_INVALID_TIMESTAMP } = require('internal/errors').codes;
      throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    }
    super(kConstruct, name, 'mark', startTime, 0);
    this.#detail = options?.detail === undefined ? null : structuredClone(options.detail);
  }

  get detail() { return this.#detail; }

  toJSON() { return { ...super.toJSON(), detail: this.#detail }; }
}

class PerformanceMeasure extends PerformanceEntry {
  #detail;

  constructor(key, name, start, duration, detail) {
    super(key, name, 'measure', start, duration);
    this.#detail = detail;
  }

  get detail() { return this.#detail; }

  toJSON() { return { ...super.toJSON(), detail: this.#detail }; }
}

// The entries of timerify ('function'): the call's arguments are the detail.
class PerformanceNodeEntry extends PerformanceEntry {
  #detail;

  constructor(key, name, type, start, duration, detail) {
    super(key, name, type, start, duration);
    this.#detail = detail;
  }

  get detail() { return this.#detail; }

  toJSON() { return { ...super.toJSON(), detail: this.#detail }; }
}

// 'gc' entries: detail { kind, flags } (V8's GC type and callback flags, node's constants);
// entry.kind and entry.flags still answer, deprecated (DEP0152) as in node.
let warnedGcAccessors = false;
function gcAccessor(entry, key) {
  if (!warnedGcAccessors) {
    warnedGcAccessors = true;
    process.emitWarning('Custom PerformanceEntry accessors are deprecated. ' +
                        'Please use the detail property.', 'DeprecationWarning', 'DEP0152');
  }
  return entry.detail[key];
}
setGcEntryFactory((kind, flags, startTime, duration) => {
  const entry = new PerformanceNodeEntry(kConstruct, 'gc', 'gc', startTime, duration,
                                         { kind, flags });
  Object.defineProperties(entry, {
    kind: { __proto__: null, configurable: true, get() { return gcAccessor(this, 'kind'); } },
    flags: { __proto__: null, configurable: true, get() { return gcAccessor(this, 'flags'); } },
  });
  return entry;
});
setNodeEntryFactory((name, type, start, detail) =>
  new PerformanceNodeEntry(kConstruct, name, type, start, now() - start, detail));

const marks = [];
const measures = [];

function markTime(name) {
  for (let i = marks.length - 1; i >= 0; i--) {
    if (marks[i].name === name) return marks[i].startTime;
  }
  const { DOMException } = require('internal/per_context/domexception');
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function toTime(value) {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? value : markTime(`${value}`);
}

// What observe({ type, buffered: true }) replays.
setBufferedEntriesSource((type) => {
  if (type === 'mark') return [...marks];
  if (type === 'measure') return [...measures];
  if (type === 'resource') return [...resources];
  return [];
});

function isConstructor(fn) {
  try {
    Reflect.construct(String, [], fn);
    return true;
  } catch {
    return false;
  }
}

function recordTimerified(name, start, args, histogram) {
  const duration = now() - start;
  if (histogram !== undefined) histogram.record(Math.ceil(duration * 1e6));
  if (!hasObserver('function')) return;
  const entry = new PerformanceNodeEntry(kConstruct, name, 'function', start, duration, args);
  for (let i = 0; i < args.length; i++) entry[i] = args[i];
  enqueue(entry);
}

// fn wrapped to time each call: a 'function' entry per call (and a histogram sample in ns).
// A returned thenable is timed until it settles.
function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && !isRecordableHistogram(histogram)) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  const constructible = isConstructor(fn);
  function timerified(...args) {
    const start = now();
    const result = new.target !== undefined ?
      Reflect.construct(fn, args, fn) :
      Reflect.apply(fn, this, args);
    if (!constructible && typeof result?.finally === 'function') {
      return result.finally(() => recordTimerified(fn.name, start, args, histogram));
    }
    recordTimerified(fn.name, start, args, histogram);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { __proto__: null, configurable: false, enumerable: true, value: fn.length },
    name: { __proto__: null, configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return timerified;
}

let onResourceTimingBufferFull = null;

// Resource Timing entries, made by performance.markResourceTiming(timingInfo, url,
// initiatorType, global, cacheMode) from a fetch timing info (node's undici calls it).
class PerformanceResourceTiming extends PerformanceEntry {
  #info;
  #initiatorType;
  #cacheMode;

  constructor(key, name, info, initiatorType, cacheMode) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(key, name, 'resource', info.startTime, info.endTime - info.startTime);
    this.#info = info;
    this.#initiatorType = initiatorType;
    this.#cacheMode = cacheMode;
  }

  get initiatorType() { return this.#initiatorType; }
  get nextHopProtocol() { return this.#info.finalConnectionTimingInfo?.ALPNNegotiatedProtocol; }
  get workerStart() { return this.#info.finalServiceWorkerStartTime; }
  get redirectStart() { return this.#info.redirectStartTime; }
  get redirectEnd() { return this.#info.redirectEndTime; }
  get fetchStart() { return this.#info.postRedirectStartTime; }
  get domainLookupStart() { return this.#info.finalConnectionTimingInfo?.domainLookupStartTime; }
  get domainLookupEnd() { return this.#info.finalConnectionTimingInfo?.domainLookupEndTime; }
  get connectStart() { return this.#info.finalConnectionTimingInfo?.connectionStartTime; }
  get connectEnd() { return this.#info.finalConnectionTimingInfo?.connectionEndTime; }
  get secureConnectionStart() {
    return this.#info.finalConnectionTimingInfo?.secureConnectionStartTime;
  }
  get requestStart() { return this.#info.finalNetworkRequestStartTime; }
  get responseStart() { return this.#info.finalNetworkResponseStartTime; }
  get responseEnd() { return this.#info.endTime; }
  // A response from the cache ('local') moved no bytes; otherwise the body plus 300 for headers.
  get transferSize() {
    return this.#cacheMode === 'local' ? 0 : this.#info.encodedBodySize + 300;
  }
  get encodedBodySize() { return this.#info.encodedBodySize; }
  get decodedBodySize() { return this.#info.decodedBodySize; }

  toJSON() {
    return {
      ...super.toJSON(),
      initiatorType: this.initiatorType, nextHopProtocol: this.nextHopProtocol,
      workerStart: this.workerStart, redirectStart: this.redirectStart,
      redirectEnd: this.redirectEnd, fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart, domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart, connectEnd: this.connectEnd,
      secureConnectionStart: this.secureConnectionStart, requestStart: this.requestStart,
      responseStart: this.responseStart, responseEnd: this.responseEnd,
      transferSize: this.transferSize, encodedBodySize: this.encodedBodySize,
      decodedBodySize: this.decodedBodySize,
    };
  }
}

// The W3C Resource Timing buffer: entries past its size wait in a secondary buffer until a
// task fires 'resourcetimingbufferfull' (listeners may clear or grow the buffer), then move in
// as far as they fit; what still does not fit is dropped.
const resources = [];
let resourceSecondary = [];
let resourceBufferSize = 250;
let bufferFullPending = false;

function addResourceEntry(entry) {
  // While a buffer-full event is pending, new entries queue behind the ones already waiting.
  if (!bufferFullPending && resources.length < resourceBufferSize) {
    resources.push(entry);
    return;
  }
  if (!bufferFullPending) {
    bufferFullPending = true;
    setImmediate(fireBufferFull);
  }
  resourceSecondary.push(entry);
}

function fireBufferFull() {
  while (resourceSecondary.length > 0) {
    const excessBefore = resourceSecondary.length;
    if (resources.length >= resourceBufferSize) {
      performance.dispatchEvent(new Event('resourcetimingbufferfull'));
    }
    while (resourceSecondary.length > 0 && resources.length < resourceBufferSize) {
      resources.push(resourceSecondary.shift());
    }
    if (excessBefore <= resourceSecondary.length) {
      resourceSecondary = [];
      break;
    }
  }
  bufferFullPending = false;
}

class Performance extends EventTarget {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  clearMarks(name) {
    removeEntries(marks, name);
  }

  clearMeasures(name) {
    removeEntries(measures, name);
  }

  clearResourceTimings() {
    resources.length = 0;
  }

  getEntries() {
    return sortByStart([...marks, ...measures, ...resources]);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return this.getEntries().filter((e) => e.name === `${name}` && (type === undefined || e.entryType === type));
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (type === 'mark') return sortByStart([...marks]);
    if (type === 'measure') return sortByStart([...measures]);
    if (type === 'resource') return sortByStart([...resources]);
    return [];
  }

  mark(name, options) {
    const entry = new PerformanceMark(name, options);
    marks.push(entry);
    enqueue(entry);
    return entry;
  }

  measure(name, startOrOptions, endMark) {
    name = `${name}`;
    let start;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = toTime(startOrOptions.start);
      end = toTime(startOrOptions.end);
      if (startOrOptions.duration !== undefined) {
        if (start !== undefined) end = start + startOrOptions.duration;
        else if (end !== undefined) start = end - startOrOptions.duration;
      }
      if (startOrOptions.detail !== undefined) detail = structuredClone(startOrOptions.detail);
    } else {
      start = toTime(startOrOptions);
      end = toTime(endMark);
    }
    start ??= 0;
    end ??= now();
    const entry = new PerformanceMeasure(kConstruct, name, start, end - start, detail);
    measures.push(entry);
    enqueue(entry);
    return entry;
  }

  now() { return now(); }

  // Entries already buffered stay; anything but a non-negative number means 0, as in node.
  setResourceTimingBufferSize(maxSize) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
    resourceBufferSize = typeof maxSize === 'number' && maxSize >= 0 && maxSize !== Infinity ?
      Math.floor(maxSize) : 0;
  }

  get timeOrigin() { return timeOrigin; }

  toJSON() {
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  eventLoopUtilization(util1, util2) {
    return eventLoopUtilization(util1, util2);
  }

  get nodeTiming() { return nodeTiming; }

  markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode) {
    validateObject(timingInfo, 'timingInfo');
    const entry = new PerformanceResourceTiming(kConstruct, `${requestedUrl}`, timingInfo,
                                                initiatorType, cacheMode);
    enqueue(entry);
    addResourceEntry(entry);
    return entry;
  }

  timerify(fn, options) {
    return timerify(fn, options);
  }

  get onresourcetimingbufferfull() { return onResourceTimingBufferFull; }

  // An event handler attribute: a listener in the order it was set.
  set onresourcetimingbufferfull(listener) {
    if (typeof onResourceTimingBufferFull === 'function') {
      this.removeEventListener('resourcetimingbufferfull', onResourceTimingBufferFull);
    }
    onResourceTimingBufferFull = listener;
    if (typeof listener === 'function') {
      this.addEventListener('resourcetimingbufferfull', listener);
    }
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    const nested = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Performance ${inspect({ nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin },
                                  nested)}`;
  }
}

function removeEntries(list, name) {
  for (let i = list.length - 1; i >= 0; i--) {
    if (name === undefined || list[i].name === `${name}`) list.splice(i, 1);
  }
}

function sortByStart(entries) {
  return entries.sort((a, b) => a.startTime - b.startTime);
}

const performance = new Performance(kConstruct);


module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2, NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
