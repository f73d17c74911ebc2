'use strict';
// Helpers to install globals with the property attributes node uses.

function defineOperation(target, name, method) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: true, configurable: true, value: method,
  });
}

function exposeInterface(target, name, value) {
  Object.defineProperty(target, name, {
    __proto__: null, writable: true, enumerable: false, configurable: true, value,
  });
}

// A global computed on first access (so bootstrap does not load every module), replaceable by
// assignment as a normal global.
function defineLazyGlobal(name, load, { enumerable = false } = {}) {
  let value;
  let loaded = false;
  Object.defineProperty(globalThis, name, {
    __proto__: null,
    enumerable,
    configurable: true,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(newValue) {
      Object.defineProperty(globalThis, name, {
        __proto__: null, value: newValue, writable: true, enumerable, configurable: true,
      });
    },
  });
}

module.exports = { defineOperation, exposeInterface, defineLazyGlobal };
