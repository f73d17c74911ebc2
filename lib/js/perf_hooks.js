'use strict';
// node:perf_hooks: User Timing (performance.now/timeOrigin/mark/measure and entries),
// PerformanceObserver, timerify, histograms, event-loop delay and utilization, nodeTiming.

const { timeOrigin } = internalBinding('process_methods');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS, ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { customInspectSymbol } = require('internal/util');
const {
  PerformanceObserver, PerformanceObserverEntryList, enqueue, hasObserver,
  setBufferedEntriesSource,
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

  // ringjs records no resource timings (fetch is not built on perf_hooks here).
  clearResourceTimings() {}

  getEntries() {
    return sortByStart([...marks, ...measures]);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return this.getEntries().filter((e) => e.name === `${name}` && (type === undefined || e.entryType === type));
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (type === 'mark') return sortByStart([...marks]);
    if (type === 'measure') return sortByStart([...measures]);
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

  // There is no resource timing buffer to size (see clearResourceTimings).
  setResourceTimingBufferSize(maxSize) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
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

  markResourceTiming() {
    throw new ERR_NOT_IMPLEMENTED('performance.markResourceTiming');
  }

  timerify(fn, options) {
    return timerify(fn, options);
  }

  get onresourcetimingbufferfull() { return onResourceTimingBufferFull; }

  set onresourcetimingbufferfull(listener) { onResourceTimingBufferFull = listener; }

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

// Resource timing entries come from fetch in node; ringjs makes none.
class PerformanceResourceTiming extends PerformanceEntry {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}

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
