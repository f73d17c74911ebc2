'use strict';
// node:perf_hooks: the User Timing part (performance.now/timeOrigin/mark/measure and entries).
// Observers, histograms, event-loop delay and timerify are not implemented yet.

const { timeOrigin, timeOriginHrMs, hrtimeBigInt } = internalBinding('process_methods');
const { notImplemented } = require('internal/not_implemented');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
const { customInspectSymbol } = require('internal/util');

function now() {
  return Number(hrtimeBigInt()) / 1e6 - timeOriginHrMs;
}

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

class Performance extends EventTarget {
  constructor(key) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  get timeOrigin() { return timeOrigin; }

  now() { return now(); }

  mark(name, options) {
    const entry = new PerformanceMark(name, options);
    marks.push(entry);
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
    return entry;
  }

  clearMarks(name) {
    removeEntries(marks, name);
  }

  clearMeasures(name) {
    removeEntries(measures, name);
  }

  getEntries() {
    return sortByStart([...marks, ...measures]);
  }

  getEntriesByName(name, type) {
    return this.getEntries().filter((e) => e.name === `${name}` && (type === undefined || e.entryType === type));
  }

  getEntriesByType(type) {
    if (type === 'mark') return [...marks];
    if (type === 'measure') return [...measures];
    return [];
  }

  eventLoopUtilization() {
    throw notImplemented('performance.eventLoopUtilization');
  }

  timerify() {
    throw notImplemented('performance.timerify');
  }

  toJSON() {
    return { timeOrigin: this.timeOrigin };
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    return `Performance ${inspect({ timeOrigin: this.timeOrigin }, options)}`;
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

function notImplementedClass(name) {
  return class {
    constructor() { throw notImplemented(`perf_hooks.${name}`); }
  };
}

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver: notImplementedClass('PerformanceObserver'),
  PerformanceObserverEntryList: notImplementedClass('PerformanceObserverEntryList'),
  PerformanceResourceTiming: notImplementedClass('PerformanceResourceTiming'),
  monitorEventLoopDelay() { throw notImplemented('perf_hooks.monitorEventLoopDelay'); },
  createHistogram() { throw notImplemented('perf_hooks.createHistogram'); },
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
