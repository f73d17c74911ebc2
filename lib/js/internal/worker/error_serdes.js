'use strict';
// An exception a worker did not catch, carried to the parent's 'error' event: an Error keeps its
// built-in class, message, stack and cloneable own properties; another thrown value is cloned,
// or sent as its util.inspect() text when it cannot be.

const errorConstructors = {
  __proto__: null,
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError,
};

function isError(value) {
  return value !== null && typeof value === 'object' &&
    (value instanceof Error || Object.prototype.toString.call(value) === '[object Error]');
}

function isCloneable(value) {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

// The nearest built-in error class on the prototype chain.
function builtinConstructorName(error) {
  for (let proto = Object.getPrototypeOf(error); proto !== null;
    proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.keys(errorConstructors)) {
      if (errorConstructors[name].prototype === proto) return name;
    }
  }
  return 'Error';
}

function serializeError(error) {
  if (isError(error)) {
    const constructorName = builtinConstructorName(error);
    const properties = [];
    for (const key of Object.getOwnPropertyNames(error)) {
      // Reading may throw (a stack formatted by a throwing Error.prepareStackTrace): such a
      // property is left out.
      let descriptor;
      let value;
      try {
        descriptor = Object.getOwnPropertyDescriptor(error, key);
        value = 'value' in descriptor ? descriptor.value : error[key];
      } catch {
        continue;
      }
      if (isCloneable(value)) properties.push([key, value, Boolean(descriptor.enumerable)]);
    }
    // A subclass's name set on its prototype (class X extends Error { name = ... } is own).
    if (!Object.hasOwn(error, 'name') && typeof error.name === 'string' &&
        error.name !== errorConstructors[constructorName].prototype.name) {
      properties.push(['name', error.name, false]);
    }
    return { kind: 'error', constructorName, properties };
  }
  if (isCloneable(error)) return { kind: 'value', value: error };
  const { inspect } = require('internal/util/inspect');
  return { kind: 'inspected', value: inspect(error) };
}

function deserializeError(serialized) {
  if (serialized.kind !== 'error') return serialized.value;
  const ctor = errorConstructors[serialized.constructorName] ?? Error;
  const error = Object.create(ctor.prototype);
  for (const [key, value, enumerable] of serialized.properties) {
    Object.defineProperty(error, key, {
      __proto__: null, value, enumerable, writable: true, configurable: true,
    });
  }
  return error;
}

module.exports = { serializeError, deserializeError };
