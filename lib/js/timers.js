'use strict';
// node:timers.

const {
  Timeout, Immediate, insert, clearTimeout: clearTimeoutImpl, clearImmediate, active,
  unenroll, unrefActive,
} = require('internal/timers');

let validateFunction;
function checkCallback(callback) {
  validateFunction ??= require('internal/validators').validateFunction;
  validateFunction(callback, 'callback');
}

function collectArgs(argc, a1, a2, a3, rest) {
  switch (argc) {
    case 0:
    case 1:
      return undefined;
    case 2:
      return [a1];
    case 3:
      return [a1, a2];
    case 4:
      return [a1, a2, a3];
    default:
      return [a1, a2, a3, ...rest];
  }
}

function setTimeout(callback, after, arg1, arg2, arg3, ...rest) {
  checkCallback(callback);
  const args = collectArgs(arguments.length - 1, arg1, arg2, arg3, rest);
  const timeout = new Timeout(callback, after, args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

Object.defineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: true,
  get() { return require('timers/promises').setTimeout; },
});

function clearTimeout(timer) {
  clearTimeoutImpl(timer);
}

function setInterval(callback, repeat, arg1, arg2, arg3, ...rest) {
  checkCallback(callback);
  const args = collectArgs(arguments.length - 1, arg1, arg2, arg3, rest);
  const timeout = new Timeout(callback, repeat, args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearInterval(timer) {
  // clearTimeout and clearInterval are interchangeable, as in node.
  clearTimeout(timer);
}

function setImmediate(callback, arg1, arg2, arg3, ...rest) {
  checkCallback(callback);
  const args = collectArgs(arguments.length, arg1, arg2, arg3, rest);
  return new Immediate(callback, args);
}

Object.defineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: true,
  get() { return require('timers/promises').setImmediate; },
});

// Legacy: timers.enroll/unenroll/active (deprecated in node but still exported).
function deprecateLegacy(fn, message, code) {
  return require('internal/util').deprecate(fn, message, code);
}

let warnedEnroll = false;
function enroll(item, msecs) {
  if (!warnedEnroll) {
    warnedEnroll = true;
    process.emitWarning('timers.enroll() is deprecated. Please use setTimeout instead.',
                        'DeprecationWarning', 'DEP0095');
  }
  const { validateNumber } = require('internal/validators');
  validateNumber(msecs, 'msecs');
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  if (item._idleTimeout !== undefined && item._idleTimeout >= 0) unenroll(item);
  // Timers longer than TIMEOUT_MAX are clamped, with node's warning.
  const TIMEOUT_MAX = 2 ** 31 - 1;
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
                        'TimeoutOverflowWarning');
    msecs = TIMEOUT_MAX;
  }
  item._idleTimeout = msecs;
  item._idleNext = item;
  item._idlePrev = item;
}

module.exports = {
  setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval,
  // The legacy list API, deprecated in node with these codes and messages.
  _unrefActive: deprecateLegacy(unrefActive, 'timers._unrefActive() is deprecated. Please use ' +
                                'timeout.refresh() instead.', 'DEP0127'),
  active: deprecateLegacy(active,
                          'timers.active() is deprecated. Please use timeout.refresh() instead.',
                          'DEP0126'),
  unenroll: deprecateLegacy(unenroll,
                            'timers.unenroll() is deprecated. Please use clearTimeout instead.',
                            'DEP0096'),
  enroll,
  get promises() { return require('timers/promises'); },
};
