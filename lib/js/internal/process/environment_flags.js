'use strict';
// process.allowedNodeEnvironmentFlags: the options NODE_OPTIONS may carry. A read-only set whose
// has() accepts a flag however it is spelled: with or without leading dashes, `_` for `-`, with
// a `=value` after it.

const kFlags = Symbol('kFlags');

function normalized(flag) {
  return flag.replace(/_/g, '-');
}

class NodeEnvironmentFlagsSet extends Set {
  constructor(flags) {
    super();
    this[kFlags] = new Set(flags);
  }

  // Read-only: adding or deleting changes nothing.
  add() {
    return this;
  }

  delete() {
    return false;
  }

  clear() {}

  has(key) {
    if (typeof key !== 'string') return false;
    const name = normalized(key).replace(/=.*$/s, '');
    if (name.startsWith('-')) return this[kFlags].has(name);
    // No dashes given: either spelling counts (`r` for -r, `max-old-space-size`).
    return name !== '' && (this[kFlags].has(`--${name}`) || this[kFlags].has(`-${name}`));
  }

  entries() {
    return this[kFlags].entries();
  }

  forEach(callback, thisArg = undefined) {
    for (const flag of this[kFlags]) Reflect.apply(callback, thisArg, [flag, flag, this]);
  }

  get size() {
    return this[kFlags].size;
  }

  values() {
    return this[kFlags].values();
  }

  keys() {
    return this[kFlags].keys();
  }
}
NodeEnvironmentFlagsSet.prototype[Symbol.iterator] = NodeEnvironmentFlagsSet.prototype.values;
Object.defineProperty(NodeEnvironmentFlagsSet.prototype, kFlags, {
  __proto__: null, writable: true, enumerable: false, configurable: true, value: undefined,
});

function environmentFlagsSet(flags) {
  const set = new NodeEnvironmentFlagsSet(flags);
  // The flags are not an own enumerable property (util.inspect shows the set only).
  Object.defineProperty(set, kFlags, { __proto__: null, enumerable: false });
  return Object.freeze(set);
}

module.exports = { environmentFlagsSet };
