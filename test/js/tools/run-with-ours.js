'use strict';
// Runs a test file under node with our lib/js events, path, EventTarget, AbortController and
// DOMException in place of node's own (for developing them before ringjs runs them):
//   node --expose-internals test/js/tools/run-with-ours.js test/js/test-events-once.js
// require('events'|'path'|'path/posix'|'path/win32') (with or without 'node:') return ours, and
// the globals EventTarget, Event, CustomEvent, AbortController, AbortSignal, DOMException are
// replaced. Node's own internals keep using node's classes.
const Module = require('module');
const path = require('path');
// The harness's own warning about internal/test/binding would reach tests that count warnings.
const emitWarning = process.emitWarning;
process.emitWarning = () => {};
const { requireBuiltin } = require('./node-harness.js');
process.emitWarning = emitWarning;

const redirected = new Set([
  'events', 'path', 'path/posix', 'path/win32',
  // For tests run with --expose-internals.
  'internal/event_target', 'internal/abort_controller', 'internal/events/abort_listener',
  'internal/events/symbols', 'internal/per_context/domexception',
]);
const originalLoad = Module._load;
Module._load = function(request, parent, isMain) {
  const id = request.startsWith('node:') ? request.slice(5) : request;
  if (redirected.has(id)) return requireBuiltin(id);
  return originalLoad.call(this, request, parent, isMain);
};

function setGlobal(name, value) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
}
const et = requireBuiltin('internal/event_target');
const ac = requireBuiltin('internal/abort_controller');
let DOMException = globalThis.DOMException;
try {
  ({ DOMException } = requireBuiltin('internal/per_context/domexception'));
} catch {
  // Not written yet: keep node's.
}
setGlobal('EventTarget', et.EventTarget);
setGlobal('Event', et.Event);
setGlobal('CustomEvent', et.CustomEvent);
setGlobal('AbortController', ac.AbortController);
setGlobal('AbortSignal', ac.AbortSignal);
setGlobal('DOMException', DOMException);

const file = path.resolve(process.argv[2]);
process.argv.splice(1, 2, file);
Module.runMain(file);
