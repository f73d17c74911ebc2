'use strict';
// Turns a loaded URL into a ModuleWrap, per format, as node's translators:
//   module    source text compiled by V8 (a SyntaxError carries its file:line)
//   commonjs  a synthetic module: default = module.exports, named exports found by lexing the
//             source with cjs-module-lexer (node's own choice), re-exports followed through
//             require() resolution; the CommonJS code runs when V8 evaluates the module
//   json      a synthetic module whose default is the parsed file (shared with require's cache)
//   builtin   node:<id> as a synthetic module: every key of module.exports plus default

const path = require('path');
const { ModuleWrap } = internalBinding('module_wrap');
const { readFileUtf8 } = internalBinding('fs');
const { BuiltinModule } = require('internal/bootstrap/realm');
const { fileURLToPath } = require('internal/modules/esm/file_url');

function errors() { return require('internal/errors').codes; }

function readSource(file) {
  const ctx = {};
  const source = readFileUtf8(file, ctx);
  if (ctx.errno !== undefined) throw require('internal/errors').UVException(ctx);
  return source.charCodeAt(0) === 0xFEFF ? source.slice(1) : source;
}

// The body of a data: URL as text (percent-decoded, or base64).
function dataURLSource(url) {
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  if (meta.endsWith(';base64')) {
    const { Buffer } = require('buffer');
    return Buffer.from(body, 'base64').toString('utf8');
  }
  try {
    return decodeURIComponent(body);
  } catch {
    return body;
  }
}

function loadSource(url) {
  if (url.startsWith('data:')) return dataURLSource(url);
  return readSource(fileURLToPath(url));
}

function translateModule(url) {
  return new ModuleWrap(url, loadSource(url), 0, 0);
}

// CommonJS named exports: lexed once per file, re-exports followed (cycles stop at the first
// visit, whose names are shared).
let cjsParse;
const cjsParseCache = new Map();

function cjsPreparseModuleExports(filename) {
  const cached = cjsParseCache.get(filename);
  if (cached !== undefined) return cached;
  let source;
  try {
    source = readSource(filename);
  } catch {
    // The load reports the error.
  }
  let exports;
  let reexports;
  try {
    cjsParse ??= require('internal/deps/cjs-module-lexer/lexer').parse;
    ({ exports, reexports } = cjsParse(source || ''));
  } catch {
    exports = [];
    reexports = [];
  }
  const exportNames = new Set(exports);
  cjsParseCache.set(filename, exportNames);
  if (reexports.length > 0) {
    const { Module } = require('internal/modules/cjs/loader');
    const module = new Module(filename);
    module.filename = filename;
    module.paths = Module._nodeModulePaths(module.path);
    for (const reexport of reexports) {
      let resolved;
      try {
        resolved = Module._resolveFilename(reexport, module);
      } catch {
        continue;
      }
      const ext = path.extname(resolved);
      if ((ext === '.js' || ext === '.cjs' || !Module._extensions[ext]) &&
          path.isAbsolute(resolved)) {
        for (const name of cjsPreparseModuleExports(resolved)) exportNames.add(name);
      }
    }
  }
  return exportNames;
}

function translateCommonJS(url, isMain) {
  const filename = fileURLToPath(url);
  const exportNames = cjsPreparseModuleExports(filename);
  const names = exportNames.has('default') ? [...exportNames] : ['default', ...exportNames];
  return new ModuleWrap(url, names, function evaluateCommonJS() {
    const { Module } = require('internal/modules/cjs/loader');
    const exports = Module._load(filename, undefined, isMain);
    for (const name of exportNames) {
      if (name === 'default' || exports == null ||
          !Object.prototype.hasOwnProperty.call(exports, name)) {
        continue;
      }
      // A getter may throw: the export is then undefined.
      let value;
      try {
        value = exports[name];
      } catch {
        // Continue regardless of the error.
      }
      this.setExport(name, value);
    }
    this.setExport('default', exports);
  });
}

function translateJSON(url) {
  const isFile = url.startsWith('file:');
  const filename = isFile ? fileURLToPath(url) : null;
  // require() and import share one object for a plain file: URL.
  const shareCache = isFile && !url.includes('?') && !url.includes('#');
  const { Module } = require('internal/modules/cjs/loader');
  let module = shareCache ? Module._cache[filename] : undefined;
  if (module === undefined || !module.loaded) {
    const source = loadSource(url);
    module = shareCache ? Module._cache[filename] : undefined;
    if (module === undefined || !module.loaded) {
      let exports;
      try {
        exports = JSON.parse(source);
      } catch (err) {
        err.message = `${filename ?? url}: ${err.message}`;
        throw err;
      }
      module = { exports, loaded: true };
      if (shareCache) Module._cache[filename] = module;
    }
  }
  const exports = module.exports;
  return new ModuleWrap(url, ['default'], function evaluateJSON() {
    this.setExport('default', exports);
  });
}

// node:<id> facades, kept for module.syncBuiltinESMExports().
const builtinFacades = new Map();

function readExport(exports, name) {
  try {
    return exports[name];
  } catch {
    // Exports of a module not implemented yet throw when read.
    return undefined;
  }
}

function syncFacade(facade) {
  const { wrap, exports, names } = facade;
  for (const name of names) {
    if (name !== 'default') wrap.setExport(name, readExport(exports, name));
  }
}

function translateBuiltin(url) {
  const id = url.slice(5);
  let facade = builtinFacades.get(id);
  if (facade !== undefined) return facade.wrap;
  if (!BuiltinModule.canBeRequiredByUsers(id)) {
    const { ERR_UNKNOWN_BUILTIN_MODULE } = errors();
    throw new ERR_UNKNOWN_BUILTIN_MODULE(url);
  }
  const exports = require(id);
  const names = Object.keys(exports);
  if (!names.includes('default')) names.push('default');
  facade = { wrap: null, exports, names };
  facade.wrap = new ModuleWrap(url, names, function evaluateBuiltin() {
    syncFacade(facade);
    this.setExport('default', exports);
  });
  builtinFacades.set(id, facade);
  // Evaluated at once, so the exports are those of now (as node's getESMFacade).
  facade.wrap.instantiate();
  facade.wrap.evaluate();
  return facade.wrap;
}

function syncBuiltinESMExports() {
  for (const facade of builtinFacades.values()) syncFacade(facade);
}

function translate(url, format, isMain) {
  switch (format) {
    case 'module': return translateModule(url);
    case 'commonjs': return translateCommonJS(url, isMain);
    case 'json': return translateJSON(url);
    case 'builtin': return translateBuiltin(url);
    default: {
      const { ERR_UNKNOWN_MODULE_FORMAT } = errors();
      throw new ERR_UNKNOWN_MODULE_FORMAT(format, url);
    }
  }
}

module.exports = { translate, syncBuiltinESMExports };
