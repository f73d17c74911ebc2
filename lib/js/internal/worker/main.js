'use strict';
// A worker thread's entry (instead of internal/main/run_main): waits for LOAD_SCRIPT on the
// internal channel, makes process.* and worker_threads look as node's do inside a worker, then
// runs the file or the eval code. Uncaught exceptions go to the parent's 'error' event.

const { getParentPort, resourceLimits } = internalBinding('worker');
const { reallyExit } = internalBinding('process_methods');
const {
  LOAD_SCRIPT, UP_AND_RUNNING, ERROR_MESSAGE, COULD_NOT_SERIALIZE_ERROR, STDIO_PAYLOAD,
} = require('internal/worker/protocol');
const { WritableWorkerStdio, ReadableWorkerStdio } = require('internal/worker/stdio');
const { serializeError } = require('internal/worker/error_serdes');
const { makeResourceLimits } = require('internal/worker/worker');
const threadState = require('internal/worker/thread_state');

const port = getParentPort();

function nop() {}

// Ends this thread: V8 is told to terminate, which it does at its next stack check, so a call
// follows (no statement after process.exit() runs, as in node).
function exitThread(code) {
  reallyExit(code);
  nop();
}

function defineValue(name, value) {
  Object.defineProperty(process, name, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

// process.env as node gives a worker: its own copy whose values are strings.
function createEnv(initial) {
  const target = {};
  for (const key of Object.keys(initial)) target[key] = initial[key];
  return new Proxy(target, {
    __proto__: null,
    set(object, key, value) {
      if (typeof key === 'symbol' || typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      object[key] = `${value}`;
      return true;
    },
    defineProperty(object, key, descriptor) {
      if ('get' in descriptor || 'set' in descriptor) {
        const err = new TypeError(
          '\'process.env\' does not accept an accessor(getter/setter) descriptor');
        err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
        throw err;
      }
      if (!descriptor.configurable || !descriptor.writable || !descriptor.enumerable) {
        const err = new TypeError('\'process.env\' only accepts a configurable, writable,' +
                                  ' and enumerable data descriptor');
        err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
        throw err;
      }
      object[key] = `${descriptor.value}`;
      return true;
    },
  });
}

function unsupported(name) {
  const { ERR_WORKER_UNSUPPORTED_OPERATION } = require('internal/errors').codes;
  return new ERR_WORKER_UNSUPPORTED_OPERATION(name);
}

function setupProcess({ filename, doEval, argv, env, hasStdin }) {
  // A data: URL entry leaves argv[1] out, as node.
  const entry = doEval === 'module' ? [] : [doEval ? '[worker eval]' : filename];
  process.argv = [process.execPath, ...entry, ...argv];
  if (env !== null) defineValue('env', createEnv(env));

  const stdout = new WritableWorkerStdio(port, 'stdout');
  const stderr = new WritableWorkerStdio(port, 'stderr');
  const stdin = hasStdin ? new ReadableWorkerStdio('stdin', port) : new ReadableWorkerStdio('stdin');
  if (!hasStdin) stdin.push(null);
  stdioStreams.stdin = stdin;
  for (const [name, stream] of [['stdin', stdin], ['stdout', stdout], ['stderr', stderr]]) {
    Object.defineProperty(process, name, {
      __proto__: null, enumerable: true, configurable: true, get() { return stream; },
    });
  }

  const originalUmask = process.umask;
  defineValue('umask', function umask(mask) {
    if (mask !== undefined) throw unsupported('Setting process.umask()');
    return originalUmask();
  });
  defineValue('reallyExit', exitThread);
  // Process-wide state a worker may not change (node's list).
  for (const name of ['abort', 'chdir', 'send', 'disconnect', 'setuid', 'seteuid', 'setgid',
                      'setegid', 'setgroups', 'initgroups']) {
    const stub = function() { throw unsupported(`process.${name}()`); };
    stub.disabled = true;
    defineValue(name, stub);
  }
  for (const name of ['channel', 'connected']) {
    Object.defineProperty(process, name, {
      __proto__: null, enumerable: false, configurable: true,
      get() { throw unsupported(`process.${name}`); },
    });
  }
  // The title and the debug port belong to the process: assignments are ignored.
  const title = process.title;
  Object.defineProperty(process, 'title', {
    __proto__: null, enumerable: true, configurable: true, get() { return title; }, set() {},
  });
  const debugPort = process.debugPort;
  Object.defineProperty(process, 'debugPort', {
    __proto__: null, enumerable: true, configurable: true, get() { return debugPort; }, set() {},
  });
}

// An exception nobody handled: the worker's process 'exit' has run (as on the main thread);
// the parent gets the error and this thread ends with code 1.
function setupUncaughtExceptions() {
  const originalHandler = process._fatalException;
  process._fatalException = (0, (error, fromPromise) => {
    let handled = false;
    try {
      handled = Reflect.apply(originalHandler, process, [error, fromPromise]);
    } catch (err) {
      error = err;
    }
    if (handled) return true;
    let serialized;
    try {
      serialized = serializeError(error);
    } catch {
      serialized = undefined;
    }
    if (serialized !== undefined) {
      try {
        port.postMessage({ type: ERROR_MESSAGE, error: serialized });
      } catch {
        port.postMessage({ type: COULD_NOT_SERIALIZE_ERROR });
      }
    } else {
      port.postMessage({ type: COULD_NOT_SERIALIZE_ERROR });
    }
    // process.exitCode is 1 now, unless an 'exit' listener changed it.
    const code = process.exitCode;
    exitThread(code === undefined || code === null ? 1 : Number(code));
    return true;
  });
}

function runEntry({ filename, doEval }) {
  const execution = require('internal/process/execution');
  execution.loadPreloadModules();
  if (doEval === 'classic') {
    execution.evalScript('[worker eval]', filename, false);
    return;
  }
  const esmLoader = require('internal/modules/esm/loader');
  if (doEval === 'module') {
    esmLoader.runMainURL(filename);
  } else if (esmLoader.shouldUseESMLoader(filename)) {
    esmLoader.runMain(filename);
  } else {
    require('internal/modules/cjs/loader').Module.runMain(filename);
  }
}

const stdioStreams = { stdin: null };

port.on('message', (message) => {
  if (message?.type === STDIO_PAYLOAD) {
    stdioStreams[message.stream]?.pushChunks(message.chunks);
    return;
  }
  if (message?.type !== LOAD_SCRIPT) return;
  // From here the channel only carries stdin; it must not keep the worker alive.
  port.unref();
  threadState.parentPort = message.publicPort;
  threadState.workerData = message.workerData;
  threadState.resourceLimits = makeResourceLimits(resourceLimits);
  if (message.environmentData instanceof Map) {
    for (const [key, value] of message.environmentData) {
      threadState.environmentData.set(key, value);
    }
  }
  setupProcess(message);
  setupUncaughtExceptions();
  require('internal/process/warning').setupWarningListener();
  port.postMessage({ type: UP_AND_RUNNING });
  runEntry(message);
});
