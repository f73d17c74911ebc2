'use strict';
// Second bootstrap step: the process object, globals, the task queue and, last, timers (as in
// node: only after this point do timers and ticks work). Runs as function
// (process, require, internalBinding, primordials).

const processMethods = internalBinding('process_methods');
const EventEmitter = require('events');

// process is an EventEmitter whose prototype chain ends in EventEmitter.prototype.
const processPrototype = Object.getPrototypeOf(process);
Object.setPrototypeOf(processPrototype, EventEmitter.prototype);
EventEmitter.call(process);
// Object.prototype.toString.call(globalThis) is '[object global]' in node, and util.inspect
// prints it as Object [global].
Object.defineProperty(globalThis, Symbol.toStringTag, {
  __proto__: null, value: 'global', writable: false, enumerable: false, configurable: true,
});
// Object.prototype.toString.call(process) is '[object process]' in node.
Object.defineProperty(process, Symbol.toStringTag, {
  __proto__: null, value: 'process', writable: true, enumerable: false, configurable: false,
});

require('internal/process/per_thread').setupProcessObject(process, processMethods);

// ES2023 built-ins V8 10.2 lacks (Array/TypedArray change-by-copy, String well-formedness).
require('internal/bootstrap/es2023');

// Symbol.dispose/asyncDispose are not in V8 10.2; node 20 defines them this way.
for (const [name, key] of [['dispose', 'nodejs.dispose'], ['asyncDispose', 'nodejs.asyncDispose']]) {
  if (Symbol[name] === undefined) {
    Object.defineProperty(Symbol, name, {
      __proto__: null, value: Symbol.for(key), writable: false, enumerable: false,
      configurable: false,
    });
  }
}

// Globals.
const { defineLazyGlobal, defineOperation, exposeInterface } = require('internal/bootstrap/globals');
Object.defineProperty(globalThis, 'global', {
  __proto__: null, value: globalThis, writable: true, enumerable: true, configurable: true,
});
Object.defineProperty(globalThis, 'process', {
  __proto__: null, value: process, writable: true, enumerable: false, configurable: true,
});
defineLazyGlobal('console', () => require('console'), { enumerable: false });
require('internal/bootstrap/web_globals');

// Task queue: process.nextTick, queueMicrotask, promise rejection tracking.
const { setupTaskQueue, queueMicrotask } = require('internal/process/task_queues');
const { nextTick } = setupTaskQueue();
process.nextTick = nextTick;
defineOperation(globalThis, 'queueMicrotask', queueMicrotask);

// 'beforeExit' when the loop ran dry (it may schedule more work), 'exit' once at the end.
processMethods.setLifecycleCallbacks(
  function emitBeforeExit() {
    process.emit('beforeExit', process.exitCode || 0);
  },
  function emitExit() {
    if (process._exiting) return;
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  });

// Signals reach the main thread's loop only (a worker thread blocks them all).
if (internalBinding('worker').isMainThread) require('internal/process/signals').setupSignalHandlers();

// Uncaught exceptions and the fatal report.
require('internal/process/execution').setupUncaughtExceptionHandling();

// Timers last.
const timers = require('timers');
defineOperation(globalThis, 'setTimeout', timers.setTimeout);
defineOperation(globalThis, 'clearTimeout', timers.clearTimeout);
defineOperation(globalThis, 'setInterval', timers.setInterval);
defineOperation(globalThis, 'clearInterval', timers.clearInterval);
defineOperation(globalThis, 'setImmediate', timers.setImmediate);
defineOperation(globalThis, 'clearImmediate', timers.clearImmediate);
require('internal/timers').setupTimers();

// util.inspect(globalThis) lists the enumerable globals in the order node 20 creates them.
for (const name of ['global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout',
                    'setInterval', 'setTimeout', 'queueMicrotask', 'structuredClone', 'atob',
                    'btoa', 'performance', 'fetch', 'crypto']) {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  if (descriptor === undefined) continue;
  delete globalThis[name];
  Object.defineProperty(globalThis, name, { ...descriptor, __proto__: null, enumerable: true });
}
