'use strict';
// Errors that REPL input causes later (a throwing timer, an unhandled rejection) are reported
// in the REPL as "Uncaught ..." instead of ending the process, as node's REPL does with a
// domain. While a REPL is open it holds the REPL capture slot of internal/process/execution
// (unless the program set a capture callback first) and reports to the newest open REPL. Code run by a REPL started from a
// program may not add 'uncaughtException' listeners, even from its callbacks: the input's async
// context carries the server (AsyncLocalStorage).

const {
  codes: { ERR_INVALID_REPL_INPUT },
} = require('internal/errors');
// The REPL's own slot, consulted after the program's capture callback and node:domain.
const { setReplCaptureCallback } = require('internal/process/execution');

// The server method that prints an error as "Uncaught ..." (set by the server).
const kReportUncaught = Symbol('kReportUncaught');
const kStandaloneREPL = Symbol('kStandaloneREPL');

let storage = null;
const openServers = [];
let lastServer = null;  // reports what arrives after the last REPL closed, until released
let captureInstalled = false;
let guardInstalled = false;

function replStorage() {
  if (storage === null) {
    const { AsyncLocalStorage } = require('async_hooks');
    storage = new AsyncLocalStorage();
  }
  return storage;
}

function onNewListener(event) {
  if (event !== 'uncaughtException') return;
  const server = replStorage().getStore();
  if (server !== undefined && !server[kStandaloneREPL]) {
    throw new ERR_INVALID_REPL_INPUT('Listeners for `uncaughtException` cannot be used in the REPL');
  }
}

// Whether an error came from REPL input: its stack runs through a REPLn script. A thrown
// primitive carries no origin and is taken as the REPL's.
function fromReplInput(error) {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return true;
  let stack;
  try {
    stack = error.stack;
  } catch {
    return true;
  }
  return typeof stack !== 'string' || /\bREPL\d+:\d+/.test(stack);
}

// An error of the program's own (a REPL started from a program only reports its input's
// errors) is thrown again without the capture callback, so it takes the usual path
// ('uncaughtException' listeners, or the fatal report); the callback returns afterwards.
function passOn(error) {
  captureInstalled = false;
  setReplCaptureCallback(null);
  setImmediate(reinstallCapture);
  process.nextTick(() => { throw error; });
}

function reinstallCapture() {
  if (openServers.length > 0 && !captureInstalled &&
      !process.hasUncaughtExceptionCaptureCallback()) {
    setReplCaptureCallback(onCapturedError);
    captureInstalled = true;
  }
}

function onCapturedError(error) {
  const server = openServers[openServers.length - 1] || lastServer;
  if (!server[kStandaloneREPL] && !fromReplInput(error)) {
    passOn(error);
    return;
  }
  if (server[kStandaloneREPL] && process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', error, 'uncaughtException');
    return;
  }
  server[kReportUncaught](error);
}

function releaseCapture() {
  if (openServers.length === 0 && captureInstalled) {
    captureInstalled = false;
    setReplCaptureCallback(null);
  }
}

// Runs fn (one evaluation) with `server` as the async context of everything it schedules.
function runInServerContext(server, fn) {
  return replStorage().run(server, fn);
}

function trackServer(server) {
  openServers.push(server);
  lastServer = server;
  if (!guardInstalled) {
    guardInstalled = true;
    process.prependListener('newListener', onNewListener);
  }
  reinstallCapture();
  server.once('exit', () => {
    const at = openServers.indexOf(server);
    if (at !== -1) openServers.splice(at, 1);
    // Rejections the last input left unhandled are reported at the end of this tick; the
    // callback goes after them.
    setImmediate(releaseCapture).unref();
  });
}

module.exports = { runInServerContext, trackServer, kReportUncaught, kStandaloneREPL };
