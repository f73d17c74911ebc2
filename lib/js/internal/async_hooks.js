'use strict';
// The execution context node:async_hooks reports (executionAsyncId, triggerAsyncId,
// executionAsyncResource) and the dispatch of createHook() callbacks.
//
// Resources that schedule work (Timeout, Immediate, TickObject, Microtask, AsyncResource, and
// PROMISE while a hook is enabled) call emitInit when created, enterResource/leaveResource around
// their callback, and emitDestroy when done. Nothing is tracked until node:async_hooks is loaded:
// until then nobody can ask, and programs that never load it pay one boolean test per callback.

const { addPromiseHook } = require('internal/v8/promise_hooks');

const topLevelResource = {};

const state = {
  tracking: false,
  // How many enabled hooks have each callback: emitters test these before doing any work.
  init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0,
};

// The running context and the contexts it interrupted, innermost last.
let current = { asyncId: 1, triggerAsyncId: 0, resource: topLevelResource };
const interrupted = [];

// Enabled hooks. Replaced, never mutated, so an emit that is running keeps the set it started
// with (a hook enabled from inside a callback sees the next event, as in node).
let enabledHooks = [];

// Set by lib/js/async_hooks.js: the symbols its AsyncHook keeps callbacks under.
let callbackKeys = null;

function startTracking() {
  state.tracking = true;
}

function leaveTopLevel() {
  if (interrupted.length === 0) current = { asyncId: 0, triggerAsyncId: 0, resource: topLevelResource };
}

function executionAsyncId() { return current.asyncId; }
function triggerAsyncId() { return current.triggerAsyncId; }
function executionAsyncResource() { return current.resource; }

// A hook that throws ends the process at once with exit code 1, whatever listeners exist: its
// stack (or, for a thrown non-error, `Error: <value>` and where it was thrown) goes to stderr.
function failFromHook(error) {
  let report;
  if (typeof error?.stack === 'string') {
    report = error.stack;
  } else {
    const where = new Error().stack;
    report = `Error: ${String(error)}${where.slice(where.indexOf('\n'))}`;
  }
  process._rawDebug(report);
  process.exit(1);
}

function callHooks(kind, args) {
  const hooks = enabledHooks;
  const key = callbackKeys[kind];
  for (let i = 0; i < hooks.length; i++) {
    const callback = hooks[i][key];
    if (callback === undefined) continue;
    try {
      Reflect.apply(callback, hooks[i], args);
    } catch (error) {
      failFromHook(error);
    }
  }
}

function emitInit(asyncId, type, triggerId, resource) {
  if (state.init > 0) callHooks('init', [asyncId, type, triggerId, resource]);
}

// Makes `resource` the running context; returns what leaveResource needs.
function enterResource(asyncId, triggerId, resource) {
  interrupted.push(current);
  current = { asyncId, triggerAsyncId: triggerId, resource };
  if (state.before > 0) callHooks('before', [asyncId]);
}

function leaveResource(asyncId) {
  if (state.after > 0) callHooks('after', [asyncId]);
  current = interrupted.pop() ?? current;
}

// After an uncaught exception was handled: every context the throw unwound gets its 'after'
// (innermost first), and the top level is running again.
function unwindAfterUncaught() {
  while (interrupted.length > 0) {
    if (state.after > 0 && current.asyncId !== 0) callHooks('after', [current.asyncId]);
    current = interrupted.pop();
  }
}

// Destroy hooks run later, in one batch, as node's do (never inside the code that destroyed).
let pendingDestroys = [];
let destroyFlushScheduled = false;

// Run by the check phase ahead of the JS immediates (node runs them as a native immediate).
function flushDestroys() {
  if (pendingDestroys.length === 0) return;
  destroyFlushScheduled = false;
  const ids = pendingDestroys;
  pendingDestroys = [];
  for (let i = 0; i < ids.length; i++) {
    if (state.destroy > 0) callHooks('destroy', [ids[i]]);
  }
}

function emitDestroy(asyncId) {
  if (state.destroy === 0 || asyncId <= 0) return;
  pendingDestroys.push(asyncId);
  if (destroyFlushScheduled) return;
  destroyFlushScheduled = true;
  // Keeps the loop turning until the check phase runs flushDestroys.
  require('internal/timers').scheduleInternalImmediate(flushDestroys);
}

// Destroy on garbage collection for resources that are not destroyed explicitly. V8 runs the
// registry's callback from a platform task the loop runs ahead of the immediates, which is
// already "later": the hooks run at once.
function onCollected(asyncId) {
  if (state.destroy > 0) callHooks('destroy', [asyncId]);
}

let collectedResources = null;
function destroyWhenCollected(resource, asyncId, token) {
  collectedResources ??= new FinalizationRegistry(onCollected);
  collectedResources.register(resource, asyncId, token);
}
function forgetCollected(token) {
  collectedResources?.unregister(token);
}

// PROMISE resources exist only while some enabled hook is interested, as in node.
const kPromiseAsyncId = Symbol('asyncId');
const kPromiseTriggerId = Symbol('triggerAsyncId');
let removePromiseHooks = null;

function onPromiseInit(promise, parent) {
  const asyncId = require('internal/timers').newAsyncId();
  const triggerId = parent?.[kPromiseAsyncId] ?? current.asyncId;
  promise[kPromiseAsyncId] = asyncId;
  promise[kPromiseTriggerId] = triggerId;
  emitInit(asyncId, 'PROMISE', triggerId, promise);
  if (state.destroy > 0) destroyWhenCollected(promise, asyncId);
}

function onPromiseBefore(promise) {
  // A promise made before any hook was enabled gets its identity when its reaction first runs.
  if (promise[kPromiseAsyncId] === undefined) {
    promise[kPromiseAsyncId] = require('internal/timers').newAsyncId();
    promise[kPromiseTriggerId] = current.asyncId;
  }
  enterResource(promise[kPromiseAsyncId], promise[kPromiseTriggerId], promise);
}

function onPromiseAfter(promise) {
  leaveResource(promise[kPromiseAsyncId] ?? 0);
}

function onPromiseSettled(promise) {
  const asyncId = promise[kPromiseAsyncId];
  if (asyncId !== undefined && state.promiseResolve > 0) {
    callHooks('promiseResolve', [asyncId]);
  }
}

function updatePromiseTracking() {
  const wanted = enabledHooks.length > 0;
  if (wanted && removePromiseHooks === null) {
    const removers = [
      addPromiseHook('init', onPromiseInit, true),
      addPromiseHook('before', onPromiseBefore, true),
      addPromiseHook('after', onPromiseAfter, true),
      addPromiseHook('settled', onPromiseSettled, true),
    ];
    removePromiseHooks = () => { for (const remove of removers) remove(); };
  } else if (!wanted && removePromiseHooks !== null) {
    removePromiseHooks();
    removePromiseHooks = null;
  }
}

const kinds = ['init', 'before', 'after', 'destroy', 'promiseResolve'];

function setEnabledHooks(hooks) {
  enabledHooks = hooks;
  for (const kind of kinds) {
    state[kind] = hooks.filter((hook) => hook[callbackKeys[kind]] !== undefined).length;
  }
  updatePromiseTracking();
}

function enableHook(hook) {
  if (enabledHooks.includes(hook)) return;
  startTracking();
  setEnabledHooks([...enabledHooks, hook]);
}

function disableHook(hook) {
  if (!enabledHooks.includes(hook)) return;
  setEnabledHooks(enabledHooks.filter((other) => other !== hook));
}

function setCallbackKeys(keys) {
  callbackKeys = keys;
}

// A native handle's JS owner (net.Socket, net.Server), as process._getActiveHandles() lists it.
const ownerSymbol = Symbol('owner');

module.exports = {
  ownerSymbol,
  state, topLevelResource, startTracking, leaveTopLevel, executionAsyncId, triggerAsyncId,
  executionAsyncResource, emitInit, enterResource, leaveResource, emitDestroy,
  unwindAfterUncaught, flushDestroys, destroyWhenCollected, forgetCollected, enableHook, disableHook,
  setCallbackKeys,
};
