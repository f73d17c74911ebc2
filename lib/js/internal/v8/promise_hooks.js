'use strict';
// The one set of V8 promise hooks a context has, shared by v8.promiseHooks and the async
// context frame (AsyncLocalStorage). Each kind of hook keeps a list; V8 gets the lone function
// when a list has one entry (no extra call on the hot path) and a function calling all of them
// otherwise. User hooks run before the internal ones, as in node: a user `before` hook still
// sees the caller's AsyncLocalStorage store, a user `after` hook the promise's.

const { setPromiseHooks } = internalBinding('async_wrap');

const internalHooks = { init: [], before: [], after: [], settled: [] };
const userHooks = { init: [], before: [], after: [], settled: [] };

function callAll(list) {
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return function composedPromiseHook(promise, parent) {
    for (let i = 0; i < list.length; i++) list[i](promise, parent);
  };
}

function ordered(kind) {
  return [...userHooks[kind], ...internalHooks[kind]];
}

function install() {
  setPromiseHooks(callAll(ordered('init')), callAll(ordered('before')),
                  callAll(ordered('after')), callAll(ordered('settled')));
}

// Adds `hook` for `kind` ('init' | 'before' | 'after' | 'settled'); returns a function removing
// it (a no-op after the first call). Lists are replaced, never mutated, so a composed hook that
// is running keeps the list it started with.
function addPromiseHook(kind, hook, internal = false) {
  const table = internal ? internalHooks : userHooks;
  table[kind] = [...table[kind], hook];
  install();
  let removed = false;
  return function stop() {
    if (removed) return;
    removed = true;
    const index = table[kind].indexOf(hook);
    if (index === -1) return;
    const next = [...table[kind]];
    next.splice(index, 1);
    table[kind] = next;
    install();
  };
}

module.exports = { addPromiseHook };
