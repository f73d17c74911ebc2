'use strict';
// process.nextTick and the tick processor C++ calls when the outermost callback scope closes:
// drain the nextTick queue, then microtasks, repeat until both are empty, then handle promise
// rejections (node's processTicksAndRejections).

const {
  tickInfo, kHasTickScheduled, kHasRejectionToWarn, runMicrotasks, setTickCallback,
  enqueueMicrotask,
} = internalBinding('task_queue');
const { setHasRejectionToWarn, processPromiseRejections, listenForRejections } =
  require('internal/process/promises');

// A growable ring buffer of fixed-size arrays, as node's FixedQueue: O(1) push/shift.
const kSize = 2048;
const kMask = kSize - 1;

class FixedCircularBuffer {
  constructor() {
    this.bottom = 0;
    this.top = 0;
    this.list = new Array(kSize);
    this.next = null;
  }
  isEmpty() { return this.top === this.bottom; }
  isFull() { return ((this.top + 1) & kMask) === this.bottom; }
  push(data) {
    this.list[this.top] = data;
    this.top = (this.top + 1) & kMask;
  }
  shift() {
    const next = this.list[this.bottom];
    if (next === undefined) return null;
    this.list[this.bottom] = undefined;
    this.bottom = (this.bottom + 1) & kMask;
    return next;
  }
}

class FixedQueue {
  constructor() { this.head = this.tail = new FixedCircularBuffer(); }
  isEmpty() { return this.head.isEmpty(); }
  push(data) {
    if (this.head.isFull()) this.head = this.head.next = new FixedCircularBuffer();
    this.head.push(data);
  }
  shift() {
    const tail = this.tail;
    const next = tail.shift();
    if (tail.isEmpty() && tail.next !== null) {
      this.tail = tail.next;
      tail.next = null;
    }
    return next;
  }
}

const queue = new FixedQueue();

// AsyncLocalStorage stores travel with ticks and queueMicrotask (internal/async_context_frame).
const {
  state: asyncContext, enter: enterAsyncContext, leave: leaveAsyncContext,
  bindToCurrent: bindToCurrentAsyncContext,
} = require('internal/async_context_frame');

// async_hooks: init/before/after/destroy for ticks and microtasks (internal/async_hooks).
const asyncHooks = require('internal/async_hooks');
const hookState = asyncHooks.state;
const { newAsyncId } = require('internal/timers');

function hasTickScheduled() { return tickInfo[kHasTickScheduled] === 1; }
function setHasTickScheduled(value) { tickInfo[kHasTickScheduled] = value ? 1 : 0; }

let validateFunction;

// A queued tick; also the resource async_hooks reports for it, a plain object with own keys
// `callback` and `args` as node's TickObject.
const kFrame = Symbol('asyncContextFrame');
const kAsyncId = Symbol('asyncId');
const kTriggerAsyncId = Symbol('triggerAsyncId');
function newTickObject(callback, args) {
  // Async ids stay 0 (not tracked) unless node:async_hooks is loaded.
  return {
    callback, args, [kFrame]: asyncContext.frame, [kAsyncId]: 0, [kTriggerAsyncId]: 0,
  };
}

function nextTick(callback, ...args) {
  validateFunction ??= require('internal/validators').validateFunction;
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  if (!hasTickScheduled()) setHasTickScheduled(true);
  const tock = newTickObject(callback, args.length === 0 ? undefined : args);
  if (hookState.tracking) trackTick(tock);
  queue.push(tock);
}

function trackTick(tock) {
  const asyncId = newAsyncId();
  const triggerAsyncId = asyncHooks.executionAsyncId();
  tock[kAsyncId] = asyncId;
  tock[kTriggerAsyncId] = triggerAsyncId;
  asyncHooks.emitInit(asyncId, 'TickObject', triggerAsyncId, tock);
}

function callTick(tock) {
  const { callback, args } = tock;
  if (args === undefined) callback();
  else Reflect.apply(callback, undefined, args);
}

// A tick scheduled inside AsyncLocalStorage.run() runs with that store; a tracked tick is the
// running async_hooks context while it runs.
function runTickInContext(tock) {
  const asyncId = tock[kAsyncId];
  if (asyncId !== 0) asyncHooks.enterResource(asyncId, tock[kTriggerAsyncId], tock);
  const previous = enterAsyncContext(tock[kFrame]);
  let threw = true;
  try {
    callTick(tock);
    threw = false;
  } finally {
    leaveAsyncContext(previous, threw);
    if (asyncId !== 0 && hookState.destroy > 0) asyncHooks.emitDestroy(asyncId);
  }
  // Not reached when the callback threw: the uncaught-exception path unwinds instead.
  if (asyncId !== 0) asyncHooks.leaveResource(asyncId);
}

function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = queue.shift()) !== null) {
      if (tock[kFrame] !== asyncContext.frame || tock[kAsyncId] !== 0) {
        runTickInContext(tock);
        continue;
      }
      const { callback, args } = tock;
      if (args === undefined) {
        callback();
      } else {
        switch (args.length) {
          case 1: callback(args[0]); break;
          case 2: callback(args[0], args[1]); break;
          case 3: callback(args[0], args[1], args[2]); break;
          default: callback(...args);
        }
      }
    }
    runMicrotasks();
  } while (!queue.isEmpty() || processPromiseRejections());
  setHasTickScheduled(false);
  setHasRejectionToWarn(false);
}

// Runs pending ticks and microtasks between two timers or immediates, as node does.
// (It reads tickInfo itself: it runs after every callback, often before V8 optimizes it, when
// each call costs more than the rest of it.)
function runNextTicks() {
  if ((tickInfo[kHasTickScheduled] | tickInfo[kHasRejectionToWarn]) === 0) {
    runMicrotasks();
    if ((tickInfo[kHasTickScheduled] | tickInfo[kHasRejectionToWarn]) === 0) return;
  }
  processTicksAndRejections();
}

let triggerUncaught;
function queueMicrotask(callback) {
  validateFunction ??= require('internal/validators').validateFunction;
  validateFunction(callback, 'callback');
  if (asyncContext.enabled) callback = bindToCurrentAsyncContext(callback);
  if (hookState.tracking) callback = runInMicrotaskResource(callback);
  enqueueMicrotask(function runMicrotask() {
    try {
      callback();
    } catch (error) {
      // An error thrown by a microtask is uncaught, as in node.
      triggerUncaught ??= internalBinding('errors').triggerUncaughtException;
      triggerUncaught(error, false);
    }
  });
}

// With async_hooks loaded a microtask is an AsyncResource of type 'Microtask', as in node.
function runInMicrotaskResource(callback) {
  const { AsyncResource } = require('async_hooks');
  const resource = new AsyncResource('Microtask', {
    triggerAsyncId: asyncHooks.executionAsyncId(), requireManualDestroy: true,
  });
  return function runInResource() {
    try {
      resource.runInAsyncScope(callback);
    } finally {
      resource.emitDestroy();
    }
  };
}

function setupTaskQueue() {
  listenForRejections();
  setTickCallback(processTicksAndRejections);
  Object.defineProperty(process, '_tickCallback', {
    __proto__: null, value: runNextTicks, writable: true, enumerable: true, configurable: true,
  });
  return { nextTick, runNextTicks };
}

module.exports = { setupTaskQueue, queueMicrotask, runNextTicks, nextTick };
