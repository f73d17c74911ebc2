'use strict';
// node:vm — scripts compiled once and run in the main context or in contexts whose global
// object mirrors a "sandbox" object (internalBinding('contextify') does the V8 side).

const {
  CompiledScript,
  makeContext,
  isContext: isContextifiedObject,
  compileFunction: compileFunctionInContext,
  measureMemory: measureMemoryOfContexts,
} = internalBinding('contextify');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { notImplemented } = require('internal/not_implemented');
const { watchdogError } = require('internal/vm/watchdog_error');
const {
  kValidateObjectAllowNullable,
  kValidateObjectAllowObjects,
  validateArray,
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowObjects);
  return isContextifiedObject(object);
}

function validateContext(contextifiedObject, name) {
  validateObject(contextifiedObject, name, kValidateObjectAllowObjects);
  if (!isContextifiedObject(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'vm.Context', contextifiedObject);
  }
}

// import() inside vm code: the default loader only when asked for; a callback needs
// --experimental-vm-modules (without it import() rejects with node's error for that case),
// and gets an id the code carries. Numbers as VmImportMode in src/bindings/contextify_context.h.
const kImportDefaultLoader = 0;
const kImportCallbackMissing = 1;
const kImportNeedsVmModulesFlag = 2;
const vmModulesEnabled =
  require('internal/options').hasRuntimeOption('--experimental-vm-modules');

function importModeOf(importModuleDynamically, name) {
  if (importModuleDynamically === undefined) return kImportCallbackMissing;
  if (importModuleDynamically === constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) {
    require('internal/util').emitExperimentalWarning('vm.USE_MAIN_CONTEXT_DEFAULT_LOADER');
    return kImportDefaultLoader;
  }
  validateFunction(importModuleDynamically, name);
  if (!vmModulesEnabled) return kImportNeedsVmModulesFlag;
  return require('internal/vm/import_callbacks').reserveId();
}

// The code compiled with importMode is `referrer`'s: its import() calls the callback.
function bindImportCallback(importMode, referrer, importModuleDynamically) {
  if (importMode >= 3) {
    require('internal/vm/import_callbacks').bind(importMode, referrer, importModuleDynamically);
  }
}

// The options every run* takes: timeout, displayErrors, breakOnSigint.
function runOptions(options = {}) {
  validateObject(options, 'options');
  const { timeout, displayErrors = true, breakOnSigint = false } = options;
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout: timeout === undefined ? -1 : timeout, displayErrors, breakOnSigint };
}

// The binding hands out Uint8Arrays; node's API gives Buffers over the same memory.
function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function runCompiled(script, sandbox, options) {
  const { timeout, displayErrors, breakOnSigint } = runOptions(options);
  const outcome = [undefined];
  const result = script.run(sandbox, timeout, displayErrors, outcome, breakOnSigint);
  if (outcome[0] !== undefined) throw watchdogError(outcome[0], timeout);
  return result;
}

class Script extends CompiledScript {
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    const importMode = importModeOf(importModuleDynamically, 'options.importModuleDynamically');
    super(code, filename, lineOffset, columnOffset, cachedData, produceCachedData, importMode);
    bindImportCallback(importMode, this, importModuleDynamically);
    if (this.cachedData !== undefined) this.cachedData = asBuffer(this.cachedData);
  }

  createCachedData() {
    return asBuffer(super.createCachedData());
  }

  runInThisContext(options) {
    return runCompiled(this, null, options);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject, 'contextifiedObject');
    return runCompiled(this, contextifiedObject, options);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, newContextOptions(options));
    return this.runInContext(context, options);
  }
}

function validateCodeGeneration(codeGeneration, name) {
  if (codeGeneration === undefined) return { strings: true, wasm: true };
  validateObject(codeGeneration, name);
  const { strings = true, wasm = true } = codeGeneration;
  validateBoolean(strings, `${name}.strings`);
  validateBoolean(wasm, `${name}.wasm`);
  return { strings, wasm };
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject === constants.DONT_CONTEXTIFY) {
    throw notImplemented('vm.createContext(vm.constants.DONT_CONTEXTIFY)');
  }
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const { name, origin, codeGeneration, microtaskMode, importModuleDynamically } = options;
  if (name !== undefined) validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  const { strings, wasm } = validateCodeGeneration(codeGeneration, 'options.codeGeneration');
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  if (importModuleDynamically !== undefined) {
    importModeOf(importModuleDynamically, 'options.importModuleDynamically');
  }
  return makeContext(contextObject, strings, microtaskMode === 'afterEvaluate', wasm);
}

// runInNewContext's options name the context's settings contextName, contextOrigin, ...
function newContextOptions(options) {
  if (options === undefined || typeof options === 'string') return {};
  validateObject(options, 'options');
  const { contextName, contextOrigin, contextCodeGeneration, microtaskMode } = options;
  if (contextName !== undefined) validateString(contextName, 'options.contextName');
  if (contextOrigin !== undefined) validateString(contextOrigin, 'options.contextOrigin');
  const codeGeneration = validateCodeGeneration(contextCodeGeneration,
                                                'options.contextCodeGeneration');
  return { name: contextName, origin: contextOrigin, codeGeneration, microtaskMode };
}

function createScript(code, options) {
  return new Script(code, options);
}

function filenameOptions(options) {
  return typeof options === 'string' ? { filename: options } : options;
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject, 'contextifiedObject');
  options = filenameOptions(options);
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  options = filenameOptions(options);
  const context = createContext(contextObject, newContextOptions(options));
  return createScript(code, options).runInContext(context, options);
}

function runInThisContext(code, options) {
  options = filenameOptions(options);
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  for (let i = 0; i < params.length; i++) validateString(params[i], `params[${i}]`);
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData,
    produceCachedData = false,
    parsingContext,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined &&
      (parsingContext === null || typeof parsingContext !== 'object' ||
       !isContextifiedObject(parsingContext))) {
    throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  for (let i = 0; i < contextExtensions.length; i++) {
    validateObject(contextExtensions[i], `options.contextExtensions[${i}]`,
                   kValidateObjectAllowNullable);
  }
  const importMode = importModeOf(importModuleDynamically, 'options.importModuleDynamically');
  const fn = compileFunctionInContext(code, filename, params, lineOffset, columnOffset,
                                      parsingContext, contextExtensions, importMode, cachedData,
                                      produceCachedData);
  if (fn.cachedData !== undefined) fn.cachedData = asBuffer(fn.cachedData);
  bindImportCallback(importMode, fn, importModuleDynamically);
  return fn;
}

// Resolves once V8 has measured the heap: at once with execution 'eager' (a forced collection),
// otherwise with whatever collection comes next (it may never come before the process exits).
let measureMemoryWarned = false;
function measureMemory(options = {}) {
  if (!measureMemoryWarned) {
    measureMemoryWarned = true;
    require('internal/util').emitExperimentalWarning('vm.measureMemory');
  }
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  return measureMemoryOfContexts(mode === 'detailed', execution === 'eager');
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};

if (vmModulesEnabled) {
  const { Module, SourceTextModule, SyntheticModule } = require('internal/vm/module');
  module.exports.Module = Module;
  module.exports.SourceTextModule = SourceTextModule;
  module.exports.SyntheticModule = SyntheticModule;
}
