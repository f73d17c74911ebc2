'use strict';
// Stand-ins for node modules that are not built yet: requiring one works (so static imports
// load), and each exported function or class throws ERR_NOT_IMPLEMENTED naming the API when
// called or constructed. Non-function exports throw when read.

const stubExports = require('internal/stub_exports');

function notImplemented(name) {
  const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
  return new ERR_NOT_IMPLEMENTED(name);
}

function stubFunction(qualifiedName) {
  // A regular function so that `new` also throws our error rather than a TypeError.
  const fn = function() { throw notImplemented(qualifiedName); };
  Object.defineProperty(fn, 'name', { __proto__: null, value: qualifiedName.split('.').pop() });
  return fn;
}

function stubModule(id) {
  const spec = stubExports[id];
  const exports = spec.callable ? stubFunction(id) : {};
  for (const name of spec.functions) {
    exports[name] = stubFunction(`${id}.${name}`);
  }
  for (const name of spec.values) {
    Object.defineProperty(exports, name, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() { throw notImplemented(`${id}.${name}`); },
      set(value) {
        Object.defineProperty(exports, name, {
          __proto__: null, value, writable: true, enumerable: true, configurable: true,
        });
      },
    });
  }
  return exports;
}

module.exports = { stubModule, notImplemented };
