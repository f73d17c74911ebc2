'use strict';
// The global scope REPL input runs in: a new vm context holding the node globals (or the main
// context itself with useGlobal), plus module/require for '<repl>', the builtin modules as lazy
// globals and a console that writes to the REPL's output.

const path = require('path');
const vm = require('vm');
const { BuiltinModule } = require('internal/bootstrap/realm');

// Public modules the REPL makes available as globals (`fs`, `http`, ...).
function builtinLibNames() {
  return BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList()
    .filter((name) => !name.startsWith('_') && !name.includes('/'));
}

// Defines the builtin modules missing from `target` as globals that load on first read and
// can be replaced by assignment (`fs = 1`), as node's REPL does.
function addBuiltinLibs(target, requireFn) {
  for (const name of builtinLibNames()) {
    if (name in target) continue;
    Object.defineProperty(target, name, {
      __proto__: null,
      enumerable: false,
      configurable: true,
      get() {
        const lib = requireFn(name);
        // Reading it again should not load again; a redefinition by the program wins.
        Object.defineProperty(target, name, {
          __proto__: null, value: lib, writable: true, enumerable: false, configurable: true,
        });
        return lib;
      },
      set(value) {
        Object.defineProperty(target, name, {
          __proto__: null, value, writable: true, enumerable: true, configurable: true,
        });
      },
    });
  }
}

// A new context whose global has every property of the main global it does not have itself
// (process, Buffer, timers, web APIs...), with the same descriptors.
function newGlobalContext() {
  const context = vm.createContext();
  // The language's own globals (Object, globalThis, ...) stay the new context's.
  const own = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context));
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (name === 'console' || name === 'global' || own.has(name)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    Object.defineProperty(context, name, { __proto__: null, ...descriptor });
  }
  return context;
}

// module/require for input typed at the REPL: resolved from the current directory, as a
// module named '<repl>'.
function makeReplModule() {
  const { Module, makeRequireFunction } = require('internal/modules/cjs/loader');
  const module = new Module('<repl>');
  module.paths = Module._nodeModulePaths(path.join(process.cwd(), 'repl'));
  return { module, require: makeRequireFunction(module) };
}

function createReplContext(server) {
  let context;
  if (server.useGlobal) {
    context = globalThis;
  } else {
    context = newGlobalContext();
    Object.defineProperty(context, 'global', {
      __proto__: null, value: context, writable: true, enumerable: true, configurable: true,
    });
    const { Console } = require('console');
    Object.defineProperty(context, 'console', {
      __proto__: null,
      value: new Console(server.output),
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  const requireFn = defineReplModule(context);
  addBuiltinLibs(context, requireFn);
  return context;
}

// module and require of '<repl>' on the REPL's global; on the main global they are not
// enumerable (they are the REPL's, not the program's own globals). Returns require.
function defineReplModule(context) {
  const { module, require: requireFn } = makeReplModule();
  const enumerable = context !== globalThis;
  const define = (name, value) => Object.defineProperty(context, name, {
    __proto__: null, value, writable: true, enumerable, configurable: true,
  });
  define('module', module);
  define('require', requireFn);
  return requireFn;
}

module.exports = { createReplContext, defineReplModule, addBuiltinLibs, builtinLibNames };
