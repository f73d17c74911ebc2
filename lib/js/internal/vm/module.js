'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule (--experimental-vm-modules): ES
// modules the program links by hand. Each owns a ModuleWrap (internalBinding('module_wrap'),
// shared with the ES module loader); a module of a vm context is compiled for that context.

const {
  ModuleWrap, kUninstantiated, kInstantiating, kInstantiated, kEvaluating, kEvaluated, kErrored,
} = internalBinding('module_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_VM_MODULE_ALREADY_LINKED,
    ERR_VM_MODULE_CACHED_DATA_REJECTED, ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA,
    ERR_VM_MODULE_DIFFERENT_CONTEXT, ERR_VM_MODULE_LINK_FAILURE, ERR_VM_MODULE_NOT_MODULE,
    ERR_VM_MODULE_STATUS,
  },
} = require('internal/errors');
const { customInspectSymbol, emitExperimentalWarning } = require('internal/util');
const { watchdogError } = require('internal/vm/watchdog_error');
const {
  validateBoolean, validateBuffer, validateFunction, validateInt32, validateObject,
  validateString, validateUint32,
} = require('internal/validators');
const importCallbacks = require('internal/vm/import_callbacks');

const kWrap = Symbol('kWrap');
const kLink = Symbol('kLink');
const kCallbackMissing = 1;  // VmImportMode::kCallbackMissing

const statusNames = {
  __proto__: null,
  [kUninstantiated]: 'unlinked',
  [kInstantiating]: 'linking',
  [kInstantiated]: 'linked',
  [kEvaluating]: 'evaluating',
  [kEvaluated]: 'evaluated',
  [kErrored]: 'errored',
};

// Default identifiers count per context: vm:module(0), vm:module(1), ...
let mainContextModuleCount = 0;
const contextModuleCounts = new WeakMap();
function nextIdentifier(context) {
  let count;
  if (context === undefined) {
    count = mainContextModuleCount++;
  } else {
    count = contextModuleCounts.get(context) ?? 0;
    contextModuleCounts.set(context, count + 1);
  }
  return `vm:module(${count})`;
}

function isVmModule(value) {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, kWrap);
}

// The vm context's global object, for the binding (it finds the context from it).
function globalOf(context) {
  if (context === undefined) return undefined;
  const { runInContext } = require('vm');
  return runInContext('globalThis', context);
}

function validateModuleOptions(options) {
  validateObject(options, 'options');
  const { context, identifier } = options;
  if (context !== undefined) {
    validateObject(context, 'options.context');
    if (!require('vm').isContext(context)) {
      throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
    }
  }
  if (identifier !== undefined) validateString(identifier, 'options.identifier');
  return { context, identifier };
}

// Methods and getters called on something else throw node's TypeError.
function checkReceiver(receiver, Class) {
  if (!(receiver instanceof Class) || !isVmModule(receiver)) {
    throw new ERR_INVALID_ARG_TYPE('this', Class.name, receiver);
  }
}

class Module {
  #identifier;
  #context;

  constructor(wrap, identifier, context) {
    if (new.target === Module) throw new TypeError('Module is not a constructor');
    emitExperimentalWarning('VM Modules');
    this.#identifier = identifier;
    this.#context = context;
    Object.defineProperty(this, kWrap, { __proto__: null, value: wrap });
  }

  get identifier() {
    checkReceiver(this, Module);
    return this.#identifier;
  }

  get context() {
    checkReceiver(this, Module);
    return this.#context;
  }

  get namespace() {
    checkReceiver(this, Module);
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return this[kWrap].getNamespace();
  }

  get status() {
    checkReceiver(this, Module);
    return statusNames[this[kWrap].getStatus()];
  }

  get error() {
    checkReceiver(this, Module);
    if (this[kWrap].getStatus() !== kErrored) throw new ERR_VM_MODULE_STATUS('must be errored');
    return this[kWrap].getError();
  }

  async link(linker) {
    checkReceiver(this, Module);
    validateFunction(linker, 'linker');
    const status = this.status;
    if (status === 'linked') throw new ERR_VM_MODULE_ALREADY_LINKED();
    if (status !== 'unlinked') throw new ERR_VM_MODULE_STATUS('must be unlinked');
    await this[kLink](linker);
    this[kWrap].instantiate();
  }

  async evaluate(options = {}) {
    checkReceiver(this, Module);
    validateObject(options, 'options');
    const { timeout, breakOnSigint = false } = options;
    if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const wrap = this[kWrap];
    const status = wrap.getStatus();
    if (status < kInstantiated || this.status === 'linking') {
      throw new ERR_VM_MODULE_STATUS('must be one of linked, evaluated, or errored');
    }
    const outcome = [undefined];
    const promise = wrap.evaluate(timeout ?? -1, outcome, breakOnSigint);
    if (outcome[0] !== undefined) throw watchdogError(outcome[0], timeout);
    await promise;
  }

  [customInspectSymbol](depth, options, inspect) {
    checkReceiver(this, Module);
    if (typeof depth === 'number' && depth < 0) {
      return options.stylize(`[${this.constructor.name}]`, 'special');
    }
    // Shown as "SourceTextModule { status, identifier, context }".
    const shown = Object.create(Object.getPrototypeOf(this), {
      status: { __proto__: null, value: this.status, enumerable: true },
      identifier: { __proto__: null, value: this.identifier, enumerable: true },
      context: { __proto__: null, value: this.context, enumerable: true },
    });
    return inspect(shown, { ...options, customInspect: false });
  }
}

class SourceTextModule extends Module {
  #error;
  #errored = false;
  #linking = false;
  #dependencySpecifiers;

  constructor(sourceText, options = {}) {
    validateString(sourceText, 'sourceText');
    const { context } = validateModuleOptions(options);
    let { identifier } = options;
    const {
      lineOffset = 0, columnOffset = 0, cachedData, initializeImportMeta,
      importModuleDynamically,
    } = options;
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    let importMode = kCallbackMissing;
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
      importMode = importCallbacks.reserveId();
    }
    identifier ??= nextIdentifier(context);
    const wrap = new ModuleWrap(identifier, sourceText, lineOffset, columnOffset, cachedData,
                                importMode, globalOf(context));
    if (wrap.cachedDataRejected === true) throw new ERR_VM_MODULE_CACHED_DATA_REJECTED();
    super(wrap, identifier, context);
    // The module loader asks the wrap for its import.meta (lib/js/internal/modules/esm/loader.js).
    wrap.initializeImportMeta = initializeImportMeta === undefined ? undefined :
      (meta) => { initializeImportMeta(meta, this); };
    wrap.isVmModule = true;
    if (importMode !== kCallbackMissing) {
      importCallbacks.bind(importMode, this, importModuleDynamically);
    }
  }

  async [kLink](linker) {
    this.#linking = true;
    const requests = this[kWrap].getModuleRequests();
    const linking = requests.map(async ({ specifier, attributes }) => {
      const module = await linker(specifier, this, { attributes, assert: attributes });
      if (!isVmModule(module)) throw new ERR_VM_MODULE_NOT_MODULE();
      if (module.context !== this.context) throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
      if (module.status === 'errored') {
        throw new ERR_VM_MODULE_LINK_FAILURE(
          `request for '${specifier}' resolved to an errored module`, module.error);
      }
      if (module.status === 'unlinked') await module[kLink](linker);
      return module[kWrap];
    });
    try {
      this[kWrap].link(await Promise.all(linking));
    } catch (error) {
      this.#error = error;
      this.#errored = true;
      throw error;
    } finally {
      this.#linking = false;
    }
  }

  get dependencySpecifiers() {
    checkReceiver(this, SourceTextModule);
    this.#dependencySpecifiers ??=
      this[kWrap].getModuleRequests().map((request) => request.specifier);
    return this.#dependencySpecifiers;
  }

  get status() {
    checkReceiver(this, SourceTextModule);
    if (this.#errored) return 'errored';
    if (this.#linking) return 'linking';
    return super.status;
  }

  get error() {
    checkReceiver(this, SourceTextModule);
    if (this.#errored) return this.#error;
    return super.error;
  }

  createCachedData() {
    const status = this[kWrap].getStatus();
    if (status === kEvaluating || status === kEvaluated || status === kErrored) {
      throw new ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    const bytes = this[kWrap].createCachedData();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = {}) {
    if (!Array.isArray(exportNames) || exportNames.some((name) => typeof name !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
    }
    const seen = new Set();
    for (const name of exportNames) {
      if (seen.has(name)) {
        throw new ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name, 'is duplicated');
      }
      seen.add(name);
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    const { context } = validateModuleOptions(options);
    const identifier = options.identifier ?? nextIdentifier(context);
    // As node, the callback runs with `this` = the wrap, which has setExport().
    const wrap = new ModuleWrap(identifier, exportNames, evaluateCallback, globalOf(context));
    super(wrap, identifier, context);
    wrap.isVmModule = true;
  }

  async [kLink]() {
    this[kWrap].link([]);
  }

  setExport(name, value) {
    checkReceiver(this, SyntheticModule);
    validateString(name, 'name');
    if (this[kWrap].getStatus() < kInstantiated) throw new ERR_VM_MODULE_STATUS('must be linked');
    this[kWrap].setExport(name, value);
  }
}

module.exports = { Module, SourceTextModule, SyntheticModule, isVmModule };
