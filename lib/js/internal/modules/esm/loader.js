'use strict';
// The ES module loader: the module map (one job per URL and import attribute type), loading
// and linking a graph, instantiating and evaluating it (top-level await included), import()
// from every kind of code, import.meta, the ESM entry point and --input-type=module code.
//
// Loading is synchronous (files are read with the same calls require() uses): a graph is
// resolved, compiled and linked in one pass, then V8 instantiates and evaluates it. import()
// still answers with a promise and never runs module code before the caller continues.

const path = require('path');
const {
  ModuleWrap, kInstantiated, kErrored,
  setImportModuleDynamicallyCallback, setInitializeImportMetaObjectCallback,
} = internalBinding('module_wrap');
const { triggerUncaughtException, getArrowMessage } = internalBinding('errors');
const { access, FSReqCallback } = internalBinding('fs');
const {
  defaultResolve, getFormat, getCWDURL, getPackageType,
} = require('internal/modules/esm/resolve');
const { translate } = require('internal/modules/esm/translators');
const { pathToFileURL, fileURLToPath, resolveURL } = require('internal/modules/esm/file_url');

function errors() { return require('internal/errors').codes; }

// Import attributes node accepts per format (node's esm/assert.js): 'json' must be asked for
// with { type: 'json' }; every other format takes no type.
const kImplicitType = Symbol('implicit type');
const formatTypeMap = {
  __proto__: null,
  builtin: kImplicitType,
  commonjs: kImplicitType,
  json: 'json',
  module: kImplicitType,
};

function handleInvalidType(url, type) {
  require('internal/validators').validateString(type, 'type');
  if (type !== 'json') {
    const { ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED } = errors();
    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  }
  const { ERR_IMPORT_ASSERTION_TYPE_FAILED } = errors();
  throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, type);
}

function validateAttributes(url, format, attributes) {
  for (const key of Object.keys(attributes)) {
    if (key !== 'type') {
      const { ERR_IMPORT_ATTRIBUTE_UNSUPPORTED } = errors();
      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(key, attributes[key]);
    }
  }
  const validType = formatTypeMap[format];
  if (validType === undefined) return;
  if (validType === kImplicitType) {
    if (attributes.type !== undefined) handleInvalidType(url, attributes.type);
    return;
  }
  if (attributes.type === validType) return;
  if (!Object.prototype.hasOwnProperty.call(attributes, 'type')) {
    const { ERR_IMPORT_ASSERTION_TYPE_MISSING } = errors();
    throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, validType);
  }
  handleInvalidType(url, attributes.type);
}

// A module in the map. `linked`: its requests are resolved and handed to the wrap;
// `error`: loading or linking it failed (the same error is thrown for every later import).
class ModuleJob {
  constructor(url, format, wrap) {
    this.url = url;
    this.format = format;
    this.wrap = wrap;
    this.linked = format !== 'module';
    this.error = undefined;
    this.dependencies = undefined;
  }
}

const moduleMap = new Map();
const kEmptyAttributes = Object.freeze({ __proto__: null });

function getModuleJob(url, attributes, isMain) {
  const type = attributes.type;
  const key = type === undefined ? url : `${url}\0${type}`;
  let job = moduleMap.get(key);
  if (job !== undefined) {
    if (job.error !== undefined && job.wrap === undefined) throw job.error;
    return job;
  }
  try {
    const format = getFormat(url);
    validateAttributes(url, format, attributes);
    job = new ModuleJob(url, format, translate(url, format, isMain));
  } catch (error) {
    job = new ModuleJob(url, undefined, undefined);
    job.error = error;
    moduleMap.set(key, job);
    throw error;
  }
  moduleMap.set(key, job);
  return job;
}

// Resolves and loads every module the graph of `root` needs and links each to its
// dependencies. Throws the first resolution or load error, as node reports it.
function linkGraph(root) {
  if (root.wrap.getStatus() >= kInstantiated) return;
  const visited = new Set();
  const stack = [root];
  while (stack.length > 0) {
    const job = stack.pop();
    if (visited.has(job)) continue;
    visited.add(job);
    if (job.error !== undefined) throw job.error;
    if (!job.linked) {
      const requests = job.wrap.getModuleRequests();
      const dependencies = new Array(requests.length);
      const wraps = new Array(requests.length);
      try {
        for (let i = 0; i < requests.length; i++) {
          const { specifier, attributes } = requests[i];
          const dependency = getModuleJob(defaultResolve(specifier, job.url), attributes, false);
          dependencies[i] = dependency;
          wraps[i] = dependency.wrap;
        }
      } catch (error) {
        job.error = error;
        throw error;
      }
      job.wrap.link(wraps);
      job.dependencies = dependencies;
      job.linked = true;
    }
    const dependencies = job.dependencies;
    if (dependencies === undefined) continue;
    for (let i = dependencies.length - 1; i >= 0; i--) {
      if (!visited.has(dependencies[i])) stack.push(dependencies[i]);
    }
  }
}

// The SyntaxError V8 throws for `import { x } from './cjs.cjs'` names what CommonJS modules
// cannot provide; node rewrites it into a hint.
const missingExportRegEx = /module '(.*)' does not provide an export named '(.+)'/;

function decorateMissingExport(error) {
  const match = missingExportRegEx.exec(error?.message);
  if (match === null) return;
  const arrow = getArrowMessage(error);
  const lines = arrow.split('\n');
  const parentURL = lines[0].replace(/:\d+$/, '');
  const [, childSpecifier, name] = match;
  let format;
  try {
    format = getFormat(defaultResolve(childSpecifier, parentURL));
  } catch {
    return;
  }
  if (format !== 'commonjs') return;
  const oneLineNamedImports = /{.*}/.exec(lines[1] ?? '');
  const destructuringAssignment = oneLineNamedImports &&
    oneLineNamedImports[0].replace(/\s+as\s+/g, ': ');
  error.message = `Named export '${name}' not found. The requested module` +
    ` '${childSpecifier}' is a CommonJS module, which may not support` +
    ' all module.exports as named exports.\nCommonJS modules can ' +
    'always be imported via the default export, for example using:' +
    `\n\nimport pkg from '${childSpecifier}';\n${
      destructuringAssignment ? `const ${destructuringAssignment} = pkg;\n` : ''}`;
  const frames = `${error.stack}`.split('\n').filter((line) => line.startsWith('    at '));
  error.stack = [`SyntaxError: ${error.message}`, ...frames].join('\n');
}

function instantiate(job) {
  linkGraph(job);
  try {
    job.wrap.instantiate();
  } catch (error) {
    decorateMissingExport(error);
    decorateErrorStack(error);
    throw error;
  }
}

// As node's decorateErrorStack: a link-time SyntaxError carries the source arrow inside its
// stack (the fatal report then prints it without a blank line after the caret).
function decorateErrorStack(error) {
  if (!(error instanceof SyntaxError)) return;
  const arrow = internalBinding('errors').getArrowMessage(error);
  if (arrow) error.stack = arrow + error.stack;
}

// ReferenceErrors for CommonJS globals get node's explanation.
const cjsGlobalNames = ['require', 'module', 'exports', '__filename', '__dirname'];
function decorateEvaluationError(error, url) {
  if (error?.name !== 'ReferenceError' || typeof error.message !== 'string') return;
  const name = cjsGlobalNames.find((n) => error.message === `${n} is not defined`);
  if (name === undefined) return;
  error.message += ' in ES module scope';
  if (name === 'require') error.message += ', you can use import instead';
  if (url.startsWith('file:') && /\.js(\?[^#]*)?(#.*)?$/.test(url)) {
    const pjson = require('internal/modules/package_json_reader')
      .getPackageScopeConfig(fileURLToPath(url));
    if (pjson?.type === 'module') {
      error.message +=
        '\nThis file is being treated as an ES module because it has a ' +
        `'.js' file extension and '${pjson.pjsonPath}' contains ` +
        '"type": "module". To treat it as a CommonJS script, rename it ' +
        'to use the \'.cjs\' file extension.';
    }
  }
}

function noop() {}

// Runs the graph of `job`. Returns undefined when it finished synchronously (throwing its
// error if it failed), else the promise of its evaluation.
function evaluate(job) {
  const { wrap } = job;
  const promise = wrap.evaluate();
  if (!wrap.isGraphAsync()) {
    if (wrap.getStatus() === kErrored) {
      promise.then(undefined, noop);
      const error = wrap.getError();
      decorateEvaluationError(error, job.url);
      throw error;
    }
    return undefined;
  }
  return promise.then(undefined, (error) => {
    decorateEvaluationError(error, job.url);
    throw error;
  });
}

// Node reads module files asynchronously, so an entry module runs from an I/O completion (a
// microtask after the poll phase: immediates before timers, microtasks before nextTicks), and
// an import() that loads files answers a loop turn later. Loading here is synchronous; these
// waits keep node's order of events.
function waitForIO(file) {
  return new Promise((resolve) => {
    const req = new FSReqCallback();
    req.oncomplete = () => resolve();
    access(file, 0, req);
  });
}

function waitForLoad(url) {
  return waitForIO(fileURLToPath(url))
    .then(() => new Promise((resolve) => require('timers').setImmediate(resolve)));
}

// import(specifier) from code whose URL is parentURL.
async function importModule(specifier, parentURL, attributes) {
  // Never run module code before the caller of import() continues.
  await undefined;
  const url = defaultResolve(`${specifier}`, parentURL);
  if (url.startsWith('file:') && !moduleMap.has(url) && !moduleMap.has(`${url}\0${attributes.type}`)) {
    await waitForLoad(url);
  }
  const job = getModuleJob(url, attributes, false);
  instantiate(job);
  const pending = evaluate(job);
  if (pending !== undefined) await pending;
  return job.wrap.getNamespace();
}

// V8's referrer for import(): a module's URL, a CommonJS file's path, or a script name such
// as [eval] (resolved against the current directory, as node does).
function referrerToURL(referrer) {
  if (typeof referrer !== 'string' || referrer === '') return getCWDURL();
  if (referrer.startsWith('file:') || referrer.startsWith('data:') ||
      referrer.startsWith('node:')) {
    return referrer;
  }
  if (referrer[0] === '/') return pathToFileURL(referrer);
  return pathToFileURL(`${process.cwd()}/${referrer}`);
}

// vmImportMode: set for code vm compiled (src/bindings/contextify_context.h, VmImportMode);
// from 3 on it names an importModuleDynamically callback (internal/vm/import_callbacks.js).
function importModuleDynamically(specifier, referrer, attributes, vmImportMode) {
  if (vmImportMode >= 3) {
    return require('internal/vm/import_callbacks')
      .importWithCallback(vmImportMode, specifier, attributes);
  }
  if (vmImportMode === 1 || vmImportMode === 2) {
    const {
      ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG,
    } = require('internal/errors').codes;
    return Promise.reject(vmImportMode === 1 ? new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING() :
      new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG());
  }
  return importModule(specifier, referrerToURL(referrer), attributes);
}

function initializeImportMeta(meta, wrap) {
  // vm.SourceTextModule: its own initializeImportMeta option, if any.
  if (wrap.isVmModule === true) {
    if (wrap.initializeImportMeta !== undefined) wrap.initializeImportMeta(meta);
    return;
  }
  const url = wrap.url;
  if (url.startsWith('file:')) {
    const filename = fileURLToPath(url);
    meta.dirname = path.dirname(filename);
    meta.filename = filename;
  }
  meta.resolve = function resolve(specifier) {
    try {
      return defaultResolve(`${specifier}`, url);
    } catch (error) {
      if ((error?.code === 'ERR_UNSUPPORTED_DIR_IMPORT' ||
           error?.code === 'ERR_MODULE_NOT_FOUND') && error.url) {
        return error.url;
      }
      throw error;
    }
  };
  meta.url = url;
}

setImportModuleDynamicallyCallback(importModuleDynamically);
setInitializeImportMetaObjectCallback(initializeImportMeta);

// A pending top-level await at exit is node's exit code 13.
function handleProcessExit() {
  process.exitCode ??= 13;
}

// Runs an entry module: errors are reported as uncaught (from a promise, as node does).
function runEntry(makeJob) {
  let pending;
  // Registered before any module code runs, so it comes before the program's own listeners.
  process.on('exit', handleProcessExit);
  try {
    const job = makeJob();
    instantiate(job);
    pending = evaluate(job);
  } catch (error) {
    process.off('exit', handleProcessExit);
    triggerUncaughtException(error, true);
    return;
  }
  if (pending === undefined) {
    process.off('exit', handleProcessExit);
    return;
  }
  pending.then(() => {
    process.off('exit', handleProcessExit);
  }, (error) => {
    process.off('exit', handleProcessExit);
    triggerUncaughtException(error, true);
  });
}

// `ringjs file.mjs`, or a .js file in a "type": "module" package.
function runMain(mainPath) {
  process.on('exit', handleProcessExit);
  waitForIO(mainPath).then(() => {
    process.off('exit', handleProcessExit);
    runEntry(() => getModuleJob(defaultResolve(pathToFileURL(mainPath), undefined),
                                kEmptyAttributes, true));
  });
}

// A worker started from a data: URL (new Worker(new URL('data:...'))).
function runMainURL(url) {
  process.on('exit', handleProcessExit);
  Promise.resolve().then(() => {
    process.off('exit', handleProcessExit);
    runEntry(() => getModuleJob(url, kEmptyAttributes, true));
  });
}

// -e / stdin code with --input-type=module, as file:///<cwd>/[eval1].
let evalIndex = 0;
function evalModule(source, print) {
  if (print) {
    const { ERR_EVAL_ESM_CANNOT_PRINT } = errors();
    throw new ERR_EVAL_ESM_CANNOT_PRINT();
  }
  process.on('exit', handleProcessExit);
  Promise.resolve().then(() => {
    process.off('exit', handleProcessExit);
    runEntry(makeEvalJob);
  });
  function makeEvalJob() {
    const url = resolveURL(`./[eval${++evalIndex}]`, getCWDURL());
    const job = new ModuleJob(url, 'module', new ModuleWrap(url, source, 0, 0));
    moduleMap.set(url, job);
    return job;
  }
}

// Whether the entry file runs as an ES module (node's shouldUseESMLoader, less loaders).
function shouldUseESMLoader(mainPath) {
  if (mainPath.endsWith('.mjs')) return true;
  if (mainPath.endsWith('.cjs')) return false;
  return getPackageType(mainPath) === 'module';
}

module.exports = {
  runMain, runMainURL, evalModule, shouldUseESMLoader, importModule, kEmptyAttributes,
};
