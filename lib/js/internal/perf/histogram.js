'use strict';
// Histograms of perf_hooks: createHistogram() (RecordableHistogram) and monitorEventLoopDelay()
// (an interval histogram fed by a loop timer in C++). Both wrap a native HDR histogram, so
// min/max/mean/percentiles are the bucketed values node reports.

const { HistogramHandle } = internalBinding('performance');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateInteger, validateNumber, validateObject } = require('internal/validators');
const { customInspectSymbol } = require('internal/util');

// node's internal map class (its name shows in util.inspect of percentiles).
class SafeMap extends Map {}

const kHandle = Symbol('kHandle');
const kConstruct = Symbol('kConstruct');
const kRecordable = Symbol('kRecordable');

function checkPercentile(percentile) {
  validateNumber(percentile, 'percentile');
  if (!(percentile > 0 && percentile <= 100)) {
    throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
  }
}

class Histogram {
  #percentiles = new SafeMap();

  constructor(key, handle) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kHandle] = handle;
  }

  get count() { return this[kHandle].stats(false)[0]; }
  get countBigInt() { return this[kHandle].stats(true)[0]; }
  get min() { return this[kHandle].stats(false)[1]; }
  get minBigInt() { return this[kHandle].stats(true)[1]; }
  get max() { return this[kHandle].stats(false)[2]; }
  get maxBigInt() { return this[kHandle].stats(true)[2]; }
  get mean() { return this[kHandle].mean(); }
  get exceeds() { return this[kHandle].stats(false)[3]; }
  get exceedsBigInt() { return this[kHandle].stats(true)[3]; }
  get stddev() { return this[kHandle].stddev(); }

  percentile(percentile) {
    checkPercentile(percentile);
    return this[kHandle].percentile(percentile, false);
  }

  percentileBigInt(percentile) {
    checkPercentile(percentile);
    return this[kHandle].percentile(percentile, true);
  }

  // As node, both getters refill and return the same map object.
  get percentiles() {
    return this.#fillPercentiles(false);
  }

  get percentilesBigInt() {
    return this.#fillPercentiles(true);
  }

  #fillPercentiles(asBigInt) {
    this.#percentiles.clear();
    this[kHandle].percentiles(this.#percentiles, asBigInt);
    return this.#percentiles;
  }

  reset() {
    this[kHandle].reset();
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    const nested = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const { min, max, mean, exceeds, stddev, count, percentiles } = this;
    return `Histogram ${inspect({ min, max, mean, exceeds, stddev, count, percentiles }, nested)}`;
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

class RecordableHistogram extends Histogram {
  constructor(key, handle) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(key, handle);
    this[kRecordable] = true;
  }

  record(val) {
    if (typeof val !== 'bigint') validateInteger(val, 'val', 1);
    this[kHandle].record(val);
  }

  recordDelta() {
    this[kHandle].recordDelta();
  }

  add(other) {
    if (!isRecordableHistogram(other)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    this[kHandle].add(other[kHandle]);
  }
}

// The interval histogram of monitorEventLoopDelay (node names its class ELDHistogram).
class ELDHistogram extends Histogram {
  #resolution;

  constructor(key, handle, resolution) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(key, handle);
    this.#resolution = resolution;
  }

  // Starts sampling; false if it already was.
  enable() {
    return this[kHandle].startSampling(this.#resolution);
  }

  disable() {
    return this[kHandle].stopSampling();
  }
}

function isRecordableHistogram(value) {
  return value != null && value[kRecordable] === true && value[kHandle] !== undefined;
}

function toLimit(value, name, min) {
  if (typeof value === 'bigint') value = Number(value);
  validateInteger(value, name, min);
  return value;
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  const low = toLimit(lowest, 'options.lowest', 1);
  const high = toLimit(highest, 'options.highest', 2 * low);
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kConstruct, new HistogramHandle(low, high, figures));
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new ELDHistogram(kConstruct, new HistogramHandle(1, Number.MAX_SAFE_INTEGER, 3),
                          resolution);
}

module.exports = {
  Histogram, RecordableHistogram, ELDHistogram, createHistogram, monitorEventLoopDelay,
  isRecordableHistogram,
};
