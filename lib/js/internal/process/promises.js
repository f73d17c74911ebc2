'use strict';
// Unhandled promise rejections, with node's --unhandled-rejections modes (default 'throw').

const {
  tickInfo, kHasRejectionToWarn, setPromiseRejectCallback,
  promiseRejectEvents: {
    kPromiseRejectWithNoHandler, kPromiseHandlerAddedAfterReject,
  },
} = internalBinding('task_queue');
const { triggerUncaughtException } = internalBinding('errors');
const {
  state: asyncContext, enter: enterAsyncContext, restore: restoreAsyncContext, frameOfPromise,
} = require('internal/async_context_frame');

const kThrow = 'throw';
const kStrict = 'strict';
const kWarn = 'warn';
const kNone = 'none';
const kWarnWithErrorCode = 'warn-with-error-code';

const maybeUnhandledPromises = new WeakMap();
const pendingUnhandledRejections = [];
const asyncHandledRejections = [];
let lastPromiseId = 0;
let mode;

function getMode() {
  if (mode === undefined) {
    mode = kThrow;
    const options = require('internal/options').runtimeOptions();
    for (let i = 0; i < options.length; i++) {
      const arg = options[i];
      if (arg.startsWith('--unhandled-rejections=')) mode = arg.slice(23);
      else if (arg === '--unhandled-rejections') mode = options[++i];
    }
  }
  return mode;
}

function setHasRejectionToWarn(value) {
  tickInfo[kHasRejectionToWarn] = value ? 1 : 0;
}

function promiseRejectHandler(type, promise, reason) {
  if (type === kPromiseRejectWithNoHandler) {
    maybeUnhandledPromises.set(promise, { reason, uid: ++lastPromiseId, warned: false });
    pendingUnhandledRejections.push(promise);
    setHasRejectionToWarn(true);
  } else if (type === kPromiseHandlerAddedAfterReject) {
    const info = maybeUnhandledPromises.get(promise);
    if (info === undefined) return;
    maybeUnhandledPromises.delete(promise);
    if (info.warned) {
      asyncHandledRejections.push({ promise, uid: info.uid });
      setHasRejectionToWarn(true);
    }
  }
}

function isErrorLike(value) {
  return typeof value === 'object' && value !== null &&
    Object.prototype.hasOwnProperty.call(value, 'stack');
}

function reasonString(reason) {
  return require('internal/util/inspect').inspect(reason);
}

class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  constructor(reason) {
    super('This error originated either by throwing inside of an async function without a ' +
          'catch block, or by rejecting a promise which was not handled with .catch(). The ' +
          `promise rejected with the reason "${reasonString(reason)}".`);
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  __proto__: null, value: 'UnhandledPromiseRejection', writable: true, configurable: true,
});

function emitUnhandledRejectionWarning(uid, reason) {
  const warning = new Error(
    'Unhandled promise rejection. This error originated either by throwing inside of an async ' +
    'function without a catch block, or by rejecting a promise which was not handled with ' +
    '.catch(). To terminate the node process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`);
  warning.name = 'UnhandledPromiseRejectionWarning';
  try {
    if (isErrorLike(reason)) {
      warning.stack = reason.stack;
      process.emitWarning(reason.stack, 'UnhandledPromiseRejectionWarning');
    } else {
      process.emitWarning(reasonString(reason), 'UnhandledPromiseRejectionWarning');
    }
  } catch {
    // Ignore: a broken reason must not take the warning path down.
  }
  process.emitWarning(warning);
}

function handleUnhandled(promise, info) {
  const { reason, uid } = info;
  switch (getMode()) {
    case kStrict: {
      const err = isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reason);
      triggerUncaughtException(err, true);
      process.emit('unhandledRejection', reason, promise);
      break;
    }
    case kWarn:
      if (!process.emit('unhandledRejection', reason, promise)) {
        emitUnhandledRejectionWarning(uid, reason);
      }
      break;
    case kNone:
      process.emit('unhandledRejection', reason, promise);
      break;
    case kWarnWithErrorCode:
      if (!process.emit('unhandledRejection', reason, promise)) {
        emitUnhandledRejectionWarning(uid, reason);
        process.exitCode = 1;
      }
      break;
    default:
      if (!process.emit('unhandledRejection', reason, promise)) {
        const err = isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reason);
        triggerUncaughtException(err, true);
      }
  }
}

// Returns true when it may have queued ticks or microtasks (the caller loops again).
function processPromiseRejections() {
  let scheduled = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const { promise, uid } = asyncHandledRejections.shift();
    if (!process.emit('rejectionHandled', promise)) {
      const warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${uid})`);
      warning.name = 'PromiseRejectionHandledWarning';
      warning.id = uid;
      process.emitWarning(warning);
    }
  }
  let len = pendingUnhandledRejections.length;
  while (len--) {
    const promise = pendingUnhandledRejections.shift();
    const info = maybeUnhandledPromises.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    // In the promise's async context, as node: 'unhandledRejection' listeners see its stores
    // (and node:domain the domain it was made in).
    const previous = asyncContext.enabled ? enterAsyncContext(frameOfPromise(promise)) : undefined;
    try {
      handleUnhandled(promise, info);
    } finally {
      if (asyncContext.enabled) restoreAsyncContext(previous);
    }
    scheduled = true;
  }
  return scheduled || pendingUnhandledRejections.length !== 0;
}

function listenForRejections() {
  setPromiseRejectCallback(promiseRejectHandler);
}

module.exports = { setHasRejectionToWarn, processPromiseRejections, listenForRejections };
