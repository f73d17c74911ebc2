'use strict';
// Uncaught exceptions ('uncaughtException', the capture callback, the fatal path C++ takes when
// nobody handles one) and running -e/-p/stdin code.

const {
  setFatalExceptionCallback, setInspectErrorCallback,
} = internalBinding('errors');

let captureCallback = null;
// node:domain's: true when the current domain's 'error' listeners took the exception.
let domainErrorHandler = null;

function setDomainErrorHandler(fn) {
  domainErrorHandler = fn;
}

// An open REPL reports errors its input caused later (internal/repl/uncaught).
let replCaptureCallback = null;
function setReplCaptureCallback(fn) {
  replCaptureCallback = fn;
}

function onGlobalUncaughtException(error, fromPromise) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', error, type);
  if (captureCallback !== null) {
    captureCallback(error);
  } else if (domainErrorHandler !== null && domainErrorHandler(error)) {
    // A domain handled it.
  } else if (replCaptureCallback !== null) {
    replCaptureCallback(error);
  } else if (abortOnUncaught()) {
    // --abort-on-uncaught-exception: a core dump instead of 'uncaughtException' listeners
    // (only a capture callback or a domain can still take the error, as in node).
    process._rawDebug(`Uncaught ${inspectError(error)}`);
    process.abort();
  } else if (!process.emit('uncaughtException', error, type)) {
    return fatal();
  }
  // Handled: make sure the next check phase comes soon, so that ticks a throwing tick left
  // behind run (C++ drains them when it starts the check phase), as node does.
  require('timers').setImmediate(noop);
  // The contexts the throw unwound get their async_hooks 'after' now, and the async context
  // frame the throwing callback displaced comes back.
  require('internal/async_hooks').unwindAfterUncaught();
  require('internal/async_context_frame').unwindAfterUncaught();
  return true;
}

function noop() {}

let abortFlag;
function abortOnUncaught() {
  abortFlag ??= require('internal/options').hasRuntimeOption('--abort-on-uncaught-exception');
  return abortFlag;
}

function fatal() {
  // Fatal: C++ prints the report and exits with process.exitCode after 'exit' listeners ran.
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    // An 'exit' listener threw while we are already failing: the report still prints.
  }
  return false;
}

// Formats an uncaught exception object as node's fatal report does (its "after inspector"
// stack enhancer): custom inspect functions ignored, at least 5 levels deep, colored when
// stderr is a terminal that takes colors.
function inspectError(error) {
  // The "before inspector" enhancer: events.js adds "Emitted 'error' event at:" this way.
  const { kEnhanceStackBeforeInspector } = require('internal/errors');
  if (error !== null && typeof error === 'object' &&
      typeof error[kEnhanceStackBeforeInspector] === 'function') {
    try {
      error.stack = error[kEnhanceStackBeforeInspector]();
    } catch {
      // Keep the original stack.
    }
  }
  const { inspect } = require('internal/util/inspect');
  let colors = false;
  try {
    colors = Boolean(require('internal/util/colors').shouldColorize(process.stderr));
  } catch {
    // No colors module or stderr: plain text.
  }
  try {
    return inspect(error, {
      colors, customInspect: false, depth: Math.max(inspect.defaultOptions.depth, 5),
    });
  } catch {
    return error.stack;
  }
}

// console.log(value) for -p: through console once it exists, else the same formatting
// written straight to stdout.
function printResult(result) {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (BuiltinModule.exists('console')) {
    require('console').log(result);
    return;
  }
  const { formatWithOptions } = require('internal/util/inspect');
  process.stdout.write(formatWithOptions({}, result) + '\n');
}

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (captureCallback !== null) {
    const { ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET } = require('internal/errors').codes;
    throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  }
  captureCallback = fn;
}

// C++ calls this; like node it goes through process._fatalException, and a program that
// replaced that with a non-function gets the report and exit code 6.
function dispatchFatalException(error, fromPromise) {
  const handler = process._fatalException;
  if (typeof handler !== 'function') {
    process.exitCode = 6;
    return false;
  }
  return Reflect.apply(handler, process, [error, fromPromise]);
}

function setupUncaughtExceptionHandling() {
  // An anonymous function, as node's (process._fatalException.name is '').
  process._fatalException = (0, (error, fromPromise) =>
    onGlobalUncaughtException(error, fromPromise));
  setFatalExceptionCallback(dispatchFatalException);
  setInspectErrorCallback(inspectError);
  Object.defineProperty(process, 'setUncaughtExceptionCaptureCallback', {
    __proto__: null, value: setUncaughtExceptionCaptureCallback, writable: true,
    enumerable: true, configurable: true,
  });
  Object.defineProperty(process, 'hasUncaughtExceptionCaptureCallback', {
    __proto__: null, value: () => captureCallback !== null, writable: true,
    enumerable: true, configurable: true,
  });
}

// Runs code given with -e/-p or piped on stdin, with module-like globals as node provides.
function evalScript(name, body, print) {
  const { Module, makeRequireFunction } = require('internal/modules/cjs/loader');
  const path = require('path');
  const { runScript } = internalBinding('contextify');
  const cwd = process.cwd();
  const module = new Module(name);
  module.filename = path.join(cwd, name);
  module.paths = Module._nodeModulePaths(cwd);
  const require_ = makeRequireFunction(module);
  // Enumerable globals, in node's order (Object.keys(globalThis) shows them).
  const define = (key, value) => Object.defineProperty(globalThis, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
  define('__filename', name);
  define('module', module);
  define('exports', module.exports);
  define('__dirname', '.');
  define('require', require_);
  addBuiltinLibsToGlobal();
  const result = runScript(body, name);
  if (print) printResult(result);
  return result;
}

// As node for -e/-p/stdin code: every public builtin (`os`, `fs`, `child_process`, ...) is a
// global that loads the module on first read and can be replaced by assignment.
function addBuiltinLibsToGlobal() {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  for (const name of BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList()) {
    if (name.includes('/') || name.startsWith('_') || name in globalThis) continue;
    Object.defineProperty(globalThis, name, {
      __proto__: null,
      enumerable: false,
      configurable: true,
      get() {
        const lib = require(name);
        Object.defineProperty(globalThis, name, {
          __proto__: null, value: lib, writable: true, enumerable: false, configurable: true,
        });
        return lib;
      },
      set(value) {
        Object.defineProperty(globalThis, name, {
          __proto__: null, value, writable: true, enumerable: true, configurable: true,
        });
      },
    });
  }
}

// -e / -p / stdin code under --input-type=module (node's evalModuleEntryPoint).
function evalModuleEntryPoint(source, print) {
  require('internal/modules/esm/loader').evalModule(source, print);
}

// -r / --require modules, loaded before the entry (the main thread's, or a worker's).
function loadPreloadModules() {
  const preload = [];
  const execArgv = require('internal/options').runtimeOptions();
  for (let i = 0; i < execArgv.length; i++) {
    if (execArgv[i] === '-r' || execArgv[i] === '--require') {
      preload.push(execArgv[++i]);
    } else if (execArgv[i].startsWith('--require=')) {
      preload.push(execArgv[i].slice(10));
    }
  }
  if (preload.length === 0) return;
  const { Module } = require('internal/modules/cjs/loader');
  Module._preloadModules(preload);
}

module.exports = {
  setupUncaughtExceptionHandling, evalScript, evalModuleEntryPoint, setDomainErrorHandler,
  setReplCaptureCallback, loadPreloadModules,
};
