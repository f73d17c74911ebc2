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
function enroll(item, msecs) {
  if (item._idleTimeout !== undefined && item._idleTimeout >= 0) unenroll(item);
  item._idleTimeout = msecs;
  L_init(item);
}
function L_init(item) {
  item._idleNext = item;
  item._idlePrev = item;
}

// Key order as node's.
module.exports = {
  setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval,
  _unrefActive: unrefActive, active, unenroll, enroll,
  get promises() { return require('timers/promises'); },
};
