'use strict';

// The global `console`: bound to process.stdout / process.stderr (read at each write, so they
// may be created lazily and need only a write(string) method).

const { Console, createGlobalConsole } = require('internal/console/constructor');

const globalConsole = createGlobalConsole(process);

globalConsole.Console = Console;

// Inspector-only methods: without an inspector they do nothing.
globalConsole.profile = function profile(label) {};
globalConsole.profileEnd = function profileEnd(label) {};
globalConsole.timeStamp = function timeStamp(label) {};
globalConsole.context = function context(name) {
  const ctx = createGlobalConsole(process);
  return ctx;
};
globalConsole.createTask = function createTask(name) {
  if (name === undefined) {
    throw new TypeError('First argument must be a string.');
  }
  return {
    run(fn) {
      return fn();
    },
  };
};

module.exports = globalConsole;
