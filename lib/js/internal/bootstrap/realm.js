'use strict';
// First bootstrap step: internalBinding() with its cache and the loader for builtin modules
// (lib/js, embedded by tools/js2c). Runs as function (process, getInternalBinding, primordials)
// and returns { internalBinding, require, BuiltinModule } to C++.

const bindingCache = { __proto__: null };
const moduleLoadList = [];

function internalBinding(name) {
  let binding = bindingCache[name];
  if (binding === undefined) {
    binding = getInternalBinding(name);
    bindingCache[name] = binding;
    moduleLoadList.push(`Internal Binding ${name}`);
  }
  return binding;
}

const { builtinIds, compileFunction } = internalBinding('builtins');

// Builtins only reachable with the node: scheme, as in node 20.
const schemelessBlockList = new Set(['test', 'test/reporters']);
// Ids that are files in lib/js but not public modules.
const internalOnlyPrefixes = ['internal/'];

function canBeRequiredByUsers(id) {
  if (!builtinIdSet.has(id)) return false;
  for (const prefix of internalOnlyPrefixes) {
    if (id.startsWith(prefix)) return false;
  }
  return true;
}

const builtinIdSet = new Set(builtinIds);

class BuiltinModule {
  static map = new Map();

  // Fields are defined, not assigned: a setter on Object.prototype (say for 'exports') must not
  // see them.
  id;
  filename;
  exports = {};
  loaded = false;
  loading = false;

  constructor(id) {
    this.id = id;
    this.filename = `${id}.js`;
  }

  static exists(id) {
    return builtinIdSet.has(id);
  }

  static canBeRequiredByUsers(id) {
    return canBeRequiredByUsers(id);
  }

  static canBeRequiredWithoutScheme(id) {
    return canBeRequiredByUsers(id) && !schemelessBlockList.has(id);
  }

  // Public module names, as module.builtinModules lists them.
  static getCanBeRequiredByUsersWithoutSchemeList() {
    return builtinIds.filter((id) => BuiltinModule.canBeRequiredWithoutScheme(id));
  }

  static getSchemeOnlyModuleNames() {
    return [...schemelessBlockList];
  }

  static normalizeRequirableId(id) {
    if (typeof id === 'string' && id.startsWith('node:')) {
      const normalized = id.slice(5);
      if (canBeRequiredByUsers(normalized)) return normalized;
    } else if (BuiltinModule.canBeRequiredWithoutScheme(id)) {
      return id;
    }
    return undefined;
  }

  compileForInternalLoader() {
    if (this.loaded || this.loading) return this.exports;
    this.loading = true;
    try {
      const fn = compileFunction(this.id);
      fn(this.exports, requireBuiltin, this, process, internalBinding, primordials);
      this.loaded = true;
    } finally {
      this.loading = false;
    }
    moduleLoadList.push(`NativeModule ${this.id}`);
    return this.exports;
  }

  // For user-facing require(): the same instance internal code uses.
  compileForPublicLoader() {
    return this.compileForInternalLoader();
  }
}

const loaderExports = { internalBinding, require: requireBuiltin, BuiltinModule };

function requireBuiltin(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  if (id === 'internal/bootstrap/realm') return loaderExports;
  let mod = BuiltinModule.map.get(id);
  if (mod === undefined) {
    if (!builtinIdSet.has(id)) {
      throw new Error(`No such built-in module: ${id}`);
    }
    mod = new BuiltinModule(id);
    BuiltinModule.map.set(id, mod);
  }
  return mod.compileForInternalLoader();
}

Object.defineProperty(process, 'moduleLoadList', {
  __proto__: null,
  value: moduleLoadList,
  configurable: true,
  enumerable: true,
  writable: false,
});

return loaderExports;
