'use strict';
// performance.nodeTiming (startup and loop milestones recorded by the runtime) and
// performance.eventLoopUtilization (from the loop's idle time).

const { getMilestones, loopIdleTime, uvMetricsInfo } = internalBinding('performance');
const { timeOriginHrMs, hrtimeBigInt } = internalBinding('process_methods');
const { customInspectSymbol } = require('internal/util');

const kNodeStart = 0;
const kV8Start = 1;
const kEnvironment = 2;
const kBootstrapComplete = 3;
const kLoopStart = 4;
const kLoopExit = 5;

function now() {
  return Number(hrtimeBigInt()) / 1e6 - timeOriginHrMs;
}

// Milliseconds since the time origin, or -1 for a milestone not reached.
function milestone(index) {
  const ns = getMilestones()[index];
  return ns === -1 ? -1 : ns / 1e6 - timeOriginHrMs;
}

function milestoneGetter(index) {
  return { __proto__: null, enumerable: true, configurable: true, get() { return milestone(index); } };
}

class PerformanceNodeTiming {
  constructor() {
    Object.defineProperties(this, {
      name: { __proto__: null, enumerable: true, configurable: true, value: 'node' },
      entryType: { __proto__: null, enumerable: true, configurable: true, value: 'node' },
      startTime: { __proto__: null, enumerable: true, configurable: true, value: 0 },
      duration: { __proto__: null, enumerable: true, configurable: true, get: now },
      nodeStart: milestoneGetter(kNodeStart),
      v8Start: milestoneGetter(kV8Start),
      environment: milestoneGetter(kEnvironment),
      loopStart: milestoneGetter(kLoopStart),
      loopExit: milestoneGetter(kLoopExit),
      bootstrapComplete: milestoneGetter(kBootstrapComplete),
      idleTime: { __proto__: null, enumerable: true, configurable: true, get: loopIdleTime },
      uvMetricsInfo: {
        __proto__: null,
        enumerable: true,
        configurable: true,
        get() {
          const [loopCount, events, eventsWaiting] = uvMetricsInfo();
          return { loopCount, events, eventsWaiting };
        },
      },
    });
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    const nested = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceNodeTiming ${inspect(this.toJSON(), nested)}`;
  }

  toJSON() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: this.startTime,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }
}

const nodeTiming = new PerformanceNodeTiming();

// Idle and active milliseconds since the loop started (or between two earlier results).
function eventLoopUtilization(util1, util2) {
  const loopStart = milestone(kLoopStart);
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = loopIdleTime();
  const active = now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

module.exports = { nodeTiming, eventLoopUtilization, now };
