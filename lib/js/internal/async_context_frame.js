'use strict';
// The async context frame: which store each AsyncLocalStorage has for the code running now.
// A frame is an immutable Map (AsyncLocalStorage -> store), replaced, never mutated. It is
// captured when async work is scheduled (promises through V8's promise hooks, timers,
// immediates, ticks, queueMicrotask, AsyncResource, callback-style fs requests) and restored
// while that work's callback runs. Nothing is tracked until the first AsyncLocalStorage is used,
// so programs without one pay nothing.

// Promise hooks are shared with v8.promiseHooks through internal/v8/promise_hooks.
const { addPromiseHook } = require('internal/v8/promise_hooks');
// Native callbacks (sockets, servers, child processes, dns, zlib, crypto...) run in the frame
// their handle or request captured when it was created (src/runtime/callback_scope.h).
const { trackAsyncContext, captureAsyncContext } = internalBinding('async_wrap');

const kFrame = Symbol('kAsyncContextFrame');

const state = {
  enabled: false,
  frame: undefined,  // undefined: the empty frame
};

// Promise continuations run in the frame that was current when the promise was created (the
// derived promise of then(), or await's internal promise).
const promiseFrames = new WeakMap();
const savedFrames = [];

function onPromiseInit(promise) {
  if (state.frame !== undefined) promiseFrames.set(promise, state.frame);
}

function onPromiseBefore(promise) {
  savedFrames.push(state.frame);
  state.frame = promiseFrames.get(promise);
}

function onPromiseAfter() {
  state.frame = savedFrames.pop();
}

// The frame a promise was created in (undefined: the empty one, or untracked).
function frameOfPromise(promise) {
  return promiseFrames.get(promise);
}

function enable() {
  if (state.enabled) return;
  state.enabled = true;
  addPromiseHook('init', onPromiseInit, true);
  addPromiseHook('before', onPromiseBefore, true);
  addPromiseHook('after', onPromiseAfter, true);
  trackAsyncContext(state);
}

// Remembers the current frame on `resource` (a Timeout, Immediate, tick, request...), hidden from
// util.inspect.
function capture(resource) {
  if (state.frame === undefined) return;
  Object.defineProperty(resource, kFrame, {
    __proto__: null, value: state.frame, writable: true, enumerable: false, configurable: true,
  });
}

// Makes a native handle or request (a reused keep-alive socket) run its callbacks in the frame
// current now.
function captureNative(resource) {
  if (state.enabled) captureAsyncContext(resource);
}

// Makes `frame` current and returns the previous one for restore().
function enter(frame) {
  const previous = state.frame;
  state.frame = frame;
  return previous;
}

function restore(previous) {
  state.frame = previous;
}

// A loop-level callback (timer, immediate, tick, native) that threw leaves its frame current, so
// the uncaught-exception listeners see the thrower's stores as in node; the frame it displaced
// comes back once they ran (unwindAfterUncaught).
let displacedByThrow;
let hasDisplaced = false;
function leaveAfterThrow(previous) {
  // The outermost callback's previous frame is the one to come back to: it unwinds last.
  displacedByThrow = previous;
  hasDisplaced = true;
}

// restore(previous), or leaveAfterThrow(previous) when the callback threw.
function leave(previous, threw) {
  if (threw) leaveAfterThrow(previous);
  else state.frame = previous;
}

function unwindAfterUncaught() {
  if (!hasDisplaced) return;
  state.frame = displacedByThrow;
  displacedByThrow = undefined;
  hasDisplaced = false;
}

// fn, bound to the frame current now (for loop-level callbacks: fs completions, microtasks,
// whose throws are uncaught exceptions — the frame stays for the listeners, see leave()).
function bindToCurrent(fn) {
  const frame = state.frame;
  if (!state.enabled || frame === undefined) return fn;
  return function boundToFrame(...args) {
    const previous = enter(frame);
    let threw = true;
    try {
      const result = Reflect.apply(fn, this, args);
      threw = false;
      return result;
    } finally {
      leave(previous, threw);
    }
  };
}

module.exports = {
  state, kFrame, enable, capture, captureNative, enter, restore, leave, bindToCurrent,
  unwindAfterUncaught, frameOfPromise,
};
