'use strict';
// The WebIDL pieces Headers, FormData, Request and Response share: node's brand-check and
// argument-count errors, pair iterators, and the prototype shape (enumerable members, tag).

const { defineWebIDLClass } = require('internal/webstreams/util');

// node's WebIDL brand check error.
function illegalInvocation() {
  const error = new TypeError('Illegal invocation');
  error.code = 'ERR_INVALID_THIS';
  return error;
}

function requireArgs(given, needed, prefix) {
  if (given >= needed) return;
  const noun = needed === 1 ? 'argument' : 'arguments';
  const found = given === 0 ? `${given} found` : `only ${given} found`;
  throw new TypeError(`${prefix}: ${needed} ${noun} required, but ${found}.`);
}

// forEach's callback check.
function requireFunction(callback, iface) {
  if (typeof callback === 'function') return;
  throw new TypeError(
    `Failed to execute 'forEach' on '${iface}': parameter 1 is not of type 'Function'.`);
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

// Returns make(pairs, kind): an iterator tagged "<tag>" over the [key, value] array that
// pairs() gives at each step (so a live list shows later changes, a snapshot does not).
function pairIteratorFactory(tag) {
  const kIterator = Symbol(tag);
  const prototype = Object.create(IteratorPrototype, {
    next: {
      __proto__: null, writable: true, enumerable: true, configurable: true,
      value: function next() {
        const state = this?.[kIterator];
        if (state === undefined) throw illegalInvocation();
        const pairs = state.pairs();
        if (state.index >= pairs.length) return { value: undefined, done: true };
        const [key, value] = pairs[state.index++];
        const result = state.kind === 'key' ? key : state.kind === 'value' ? value : [key, value];
        return { value: result, done: false };
      },
    },
    [Symbol.toStringTag]: { __proto__: null, configurable: true, value: tag },
  });
  return (pairs, kind) => {
    const iterator = Object.create(prototype);
    Object.defineProperty(iterator, kIterator, {
      __proto__: null, writable: true, value: { pairs, index: 0, kind },
    });
    return iterator;
  };
}

// Enumerable members and the toStringTag as WebIDL gives them; an iterable interface's
// @@iterator is its entries().
function defineInterface(klass, name, members) {
  if (members.includes('entries')) {
    Object.defineProperty(klass.prototype, Symbol.iterator, {
      __proto__: null, writable: true, configurable: true, value: klass.prototype.entries,
    });
  }
  defineWebIDLClass(klass, name, members);
}

let inspectFn;
// util.inspect as node prints these objects: the interface name and an object of fields,
// formatted with the caller's options as given (undici ignores how deep the object sits).
function inspectAs(name, fields, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return `${name} ${inspectFn(fields, options)}`;
}

module.exports = {
  illegalInvocation,
  requireArgs,
  requireFunction,
  pairIteratorFactory,
  defineInterface,
  inspectAs,
};
