'use strict';
// CommonJS modules as node loads them. Split into resolve (Module._resolveFilename: a request
// and a parent give an absolute path or a builtin id) and load (Module._load: cache, compile,
// run), so the ES module loader can reuse the resolve half.

const path = require('path');
const { compileFunction } = internalBinding('contextify');
const { readFileUtf8, realpath: realpathBinding, internalModuleStat } = internalBinding('fs');
const { BuiltinModule } = require('internal/bootstrap/realm');
const { isProxy } = internalBinding('types');
const packageJsonReader = require('internal/modules/package_json_reader');
const { packageExportsResolve, packageImportsResolve } =
  require('internal/modules/package_resolve');

const kIsMainSymbol = Symbol('kIsMainSymbol');
// Conditions require() matches in "exports"/"imports": node's, plus --conditions / -C.
let cjsConditionsSet;
function getCjsConditions() {
  if (cjsConditionsSet === undefined) {
    const conditions = ['require', 'node'];
    const argv = require('internal/options').runtimeOptions();
    if (!argv.includes('--no-addons')) conditions.push('node-addons');
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '-C' || argv[i] === '--conditions') {
        conditions.push(argv[++i]);
      } else if (argv[i].startsWith('--conditions=')) {
        conditions.push(argv[i].slice(argv[i].indexOf('=') + 1));
      }
    }
    cjsConditionsSet = new Set(conditions);
  }
  return cjsConditionsSet;
}
const wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

function errorCodes() { return require('internal/errors').codes; }

function stat(filename) {
  const cached = statCache?.get(filename);
  if (cached !== undefined) return cached;
  const result = internalModuleStat(filename);
  if (result >= 0) statCache?.set(filename, result);
  return result;
}
// Filled only while a top-level require runs (as node), so later file changes are seen.
let statCache = null;

const realpathCache = new Map();
// Callers decide whether --preserve-symlinks(-main) applies (toRealPathUnlessPreserved).
function toRealPath(requestPath) {
  let result = realpathCache.get(requestPath);
  if (result === undefined) {
    const ctx = {};
    result = realpathBinding(requestPath, ctx);
    if (ctx.errno !== undefined) {
      // node's fs.realpathSync walks the path with lstat, and its errors say so.
      if (ctx.syscall === 'realpath') ctx.syscall = 'lstat';
      throw require('internal/errors').UVException(ctx);
    }
    realpathCache.set(requestPath, result);
  }
  return result;
}

const moduleParentCache = new WeakMap();

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  setOwnProperty(this, 'exports', {});
  moduleParentCache.set(this, parent);
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

// module.parent: deprecated (DEP0144, pending) but still what node returns.
function getModuleParent() { return moduleParentCache.get(this); }
function setModuleParent(value) { moduleParentCache.set(this, value); }
Object.defineProperty(Module.prototype, 'parent', {
  __proto__: null,
  get: require('internal/util').pendingDeprecate(getModuleParent,
    'module.parent is deprecated due to accuracy issues. Please use ' +
    'require.main to find program entry point instead.', 'DEP0144'),
  set: require('internal/util').pendingDeprecate(setModuleParent,
    'module.parent is deprecated due to accuracy issues. Please use ' +
    'require.main to find program entry point instead.', 'DEP0144'),
  configurable: true,
  enumerable: false,
});

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
// Module.wrap / Module.wrapper: patching either (as some instrumenters do) makes wrapSafe
// compile the patched wrapper text as a script, as node does.
let patched = false;
let wrap = function(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
let wrapperProxy = new Proxy(wrapper, {
  __proto__: null,
  set(target, property, value, receiver) {
    patched = true;
    return Reflect.set(target, property, value, receiver);
  },
  defineProperty(target, property, descriptor) {
    patched = true;
    return Reflect.defineProperty(target, property, descriptor);
  },
});
Object.defineProperty(Module, 'wrap', {
  __proto__: null,
  get() { return wrap; },
  set(value) {
    patched = true;
    wrap = value;
  },
  configurable: true,
  enumerable: true,
});
Object.defineProperty(Module, 'wrapper', {
  __proto__: null,
  get() { return wrapperProxy; },
  set(value) {
    patched = true;
    wrapperProxy = value;
  },
  configurable: true,
  enumerable: true,
});

// Module._stat: replaceable (experimental in node); Module._readPackage; Module._debug.
let statHook = stat;
let statWarned = false;
Object.defineProperty(Module, '_stat', {
  __proto__: null,
  get() { return statHook; },
  set(value) {
    if (!statWarned) {
      statWarned = true;
      process.emitWarning(
        'Module._stat is an experimental feature and might change at any time',
        'ExperimentalWarning');
    }
    statHook = value;
    return true;
  },
  configurable: true,
  enumerable: true,
});
Module._readPackage = function(requestPath) {
  return packageJsonReader.read(path.resolve(requestPath, 'package.json')) ?? {
    __proto__: null, exists: false, pjsonPath: path.resolve(requestPath, 'package.json'),
    main: undefined, name: undefined, type: 'none', exports: undefined, imports: undefined,
  };
};
Module._debug = require('internal/util').pendingDeprecate(
  function(...args) { require('internal/util/debuglog').debuglog('module')(...args); },
  'Module._debug is deprecated.', 'DEP0077');

// module.isPreloading: true while -r/--require modules load.
let isPreloading = false;
Object.defineProperty(Module.prototype, 'isPreloading', {
  __proto__: null,
  get() { return isPreloading; },
  configurable: true,
  enumerable: false,
});
Module.builtinModules = BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList();
Module.isBuiltin = (id) => BuiltinModule.normalizeRequirableId(id) !== undefined ||
  (typeof id === 'string' && BuiltinModule.canBeRequiredWithoutScheme(id));
Module.Module = Module;

// node_modules directories from `from` up to the root.
Module._nodeModulePaths = function(from) {
  const paths = [];
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') paths.push(path.join(dir, 'node_modules'));
    if (dir === '/') break;
  }
  return paths;
};

Module._initPaths = function() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (homeDir) {
    paths.unshift(path.resolve(homeDir, '.node_libraries'));
    paths.unshift(path.resolve(homeDir, '.node_modules'));
  }
  if (nodePath) {
    paths = nodePath.split(path.delimiter).filter(Boolean).concat(paths);
  }
  Module.globalPaths = paths;
};
Module._initPaths();

Module._resolveLookupPaths = function(request, parent) {
  if (BuiltinModule.normalizeRequirableId(request) !== undefined) return null;
  if (request[0] !== '.' ||
      (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    let paths = parent?.paths?.length ? parent.paths.concat(Module.globalPaths) :
      Module.globalPaths;
    if (parent?.filename === null && parent?.paths === undefined) paths = Module.globalPaths;
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function tryFile(requestPath, isMain) {
  if (statHook(requestPath) !== 0) return false;
  return toRealPathUnlessPreserved(requestPath, isMain);
}

function tryExtensions(basePath, exts, isMain) {
  for (const ext of exts) {
    const filename = tryFile(basePath + ext, isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = packageJsonReader.read(path.resolve(requestPath, 'package.json'));
  const pkgMain = pkg?.main;
  if (!pkgMain) return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  const filename = path.resolve(requestPath, pkgMain);
  const actual = tryFile(filename, isMain) ||
    tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    const fallback = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!fallback) {
      const err = new Error(`Cannot find module '${filename}'. ` +
        'Please verify that the package.json has a valid "main" entry');
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
    const jsonPath = path.resolve(requestPath, 'package.json');
    process.emitWarning(`Invalid 'main' field in '${jsonPath}' of '${pkgMain}'. ` +
                        'Please either fix that or report it to the module author',
                        'DeprecationWarning', 'DEP0128');
    return fallback;
  }
  return actual;
}

// 'pkg/sub' -> ['pkg', './sub']; '@scope/pkg' -> ['@scope/pkg', '.'].
const packageNameRegex = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;

function resolveExports(nmPath, request) {
  const match = request.match(packageNameRegex);
  if (!match) return undefined;
  const pkgPath = path.resolve(nmPath, match[1]);
  const pkg = packageJsonReader.read(path.resolve(pkgPath, 'package.json'));
  if (pkg?.exports === undefined || pkg.exports === null) return undefined;
  return finalizeEsmResolution(
    packageExportsResolve(pkg.pjsonPath, `.${match[2] || ''}`, pkg.exports, undefined,
                          getCjsConditions()),
    pkg.pjsonPath);
}

// node's createEsmNotFoundErr: MODULE_NOT_FOUND without a require stack.
function createEsmNotFoundErr(request, path) {
  const err = new Error(`Cannot find module '${request}'`);
  err.code = 'MODULE_NOT_FOUND';
  if (path) err.path = path;
  return err;
}

function finalizeEsmResolution(resolved, pjsonPath) {
  if (resolved.startsWith('node:')) {
    // node turns the resolved URL into a path, which a node: URL is not.
    const { ERR_INVALID_URL_SCHEME } = errorCodes();
    throw new ERR_INVALID_URL_SCHEME('file');
  }
  if (/%2f|%5c/i.test(resolved)) {
    const { ERR_INVALID_MODULE_SPECIFIER } = errorCodes();
    throw new ERR_INVALID_MODULE_SPECIFIER(resolved, 'must not include encoded "/" or "\\" characters', pjsonPath);
  }
  const actual = tryFile(resolved, false);
  if (actual) return actual;
  throw createEsmNotFoundErr(resolved, pjsonPath);
}

function trySelf(parentPath, request) {
  if (!parentPath) return false;
  const pkg = packageJsonReader.getNearestParentPackageJSON(parentPath);
  if (!pkg || pkg.exports === undefined || pkg.exports === null || pkg.name === undefined) {
    return false;
  }
  let expansion;
  if (request === pkg.name) {
    expansion = '.';
  } else if (request.startsWith(`${pkg.name}/`)) {
    expansion = `.${request.slice(pkg.name.length)}`;
  } else {
    return false;
  }
  return finalizeEsmResolution(
    packageExportsResolve(pkg.pjsonPath, expansion, pkg.exports, parentPath, getCjsConditions()),
    pkg.pjsonPath);
}

Module._findPath = function(request, paths, isMain) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }
  const cacheKey = request + '\x00' + paths.join('\x00');
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;

  let exts;
  const trailingSlash = request.length > 0 &&
    (request.endsWith('/') || request.endsWith('/.') || request.endsWith('/..') ||
     request === '.' || request === '..');
  // A request that climbs out of its directory ('../x') is looked up even when that directory
  // is gone (node's insidePath rule).
  const insidePath = !(request.startsWith('.') && path.normalize(request).startsWith('..'));
  for (const curPath of paths) {
    if (insidePath && curPath && statHook(curPath) < 1) continue;
    if (!absoluteRequest) {
      const exportsResolved = resolveExports(curPath, request);
      if (exportsResolved) return exportsResolved;
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = statHook(basePath);
    if (!trailingSlash) {
      if (rc === 0) {
        filename = toRealPathUnlessPreserved(basePath, isMain);
      }
      if (!filename) {
        exts ??= Object.keys(Module._extensions);
        filename = tryExtensions(basePath, exts, isMain);
      }
    }
    if (!filename && rc === 1) {
      exts ??= Object.keys(Module._extensions);
      filename = tryPackage(basePath, exts, isMain, request);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

function toRealPathUnlessPreserved(basePath, isMain) {
  const preserve = isMain ? require('internal/options').hasRuntimeOption('--preserve-symlinks-main') :
    require('internal/options').preserveSymlinks();
  return preserve ? path.resolve(basePath) : toRealPath(basePath);
}

function getRequireStack(parent) {
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    requireStack.push(cursor.filename || cursor.id);
  }
  return requireStack;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  if (BuiltinModule.normalizeRequirableId(request) !== undefined) return request;

  let paths;
  if (typeof options === 'object' && options !== null) {
    if (Array.isArray(options.paths)) {
      const isRelative = request.startsWith('./') || request.startsWith('../');
      if (isRelative) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (const p of options.paths) {
          fakeParent.paths = Module._nodeModulePaths(p);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (const lookupPath of lookupPaths) {
            if (!paths.includes(lookupPath)) paths.push(lookupPath);
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      const { ERR_INVALID_ARG_VALUE } = errorCodes();
      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  if (request[0] === '#' && (parent?.filename || parent?.id === '<repl>')) {
    const parentPath = parent?.filename ?? process.cwd() + path.sep;
    const pkg = packageJsonReader.getNearestParentPackageJSON(parentPath);
    if (pkg?.imports !== undefined) {
      let resolved;
      try {
        resolved = packageImportsResolve(request, pkg, parentPath, getCjsConditions());
      } catch (e) {
        if (e.code === 'ERR_MODULE_NOT_FOUND') throw createEsmNotFoundErr(request);
        throw e;
      }
      return finalizeEsmResolution(resolved, pkg.pjsonPath);
    }
  }

  // A REPL's module has no file: its package scope is the current directory's, as node.
  const selfBase = parent?.filename ??
    (parent?.id === '<repl>' ? path.join(process.cwd(), 'repl') : undefined);
  const parentPath = trySelf(selfBase, request);
  if (parentPath) return parentPath;

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = getRequireStack(parent);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
  }
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

Module._load = function(request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }

  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!BuiltinModule.canBeRequiredByUsers(id)) {
      const { ERR_UNKNOWN_BUILTIN_MODULE } = errorCodes();
      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return loadBuiltinModule(id, request);
  }

  const filename = Module._resolveFilename(request, parent, isMain);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
    return cachedModule.exports;
  }

  if (BuiltinModule.canBeRequiredWithoutScheme(filename)) {
    return loadBuiltinModule(filename, request);
  }

  const module = new Module(filename, parent);
  if (isMain) {
    module.id = '.';
    module[kIsMainSymbol] = true;
    process.mainModule = module;
  }
  Module._cache[filename] = module;
  if (parent) relativeResolveCache[relResolveCacheIdentifier] = filename;

  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent) {
        delete relativeResolveCache[relResolveCacheIdentifier];
        const children = parent?.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};

const relativeResolveCache = { __proto__: null };

function loadBuiltinModule(id, request) {
  if (!BuiltinModule.canBeRequiredByUsers(id)) return undefined;
  return require(id);
}

// During a cycle, a plain exports object gets a prototype that warns about reading
// properties it does not have yet (node's CircularRequirePrototypeWarningProxy); the prototype
// is reset once the module finished loading.
function emitCircularRequireWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports ` +
                      'inside circular dependency');
}

const CircularRequirePrototypeWarningProxy = new Proxy({}, {
  __proto__: null,
  get(target, prop) {
    // __esModule is probed by transpiled-module interop code.
    if (prop in target || prop === '__esModule') return Reflect.get(target, prop);
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (Object.prototype.hasOwnProperty.call(target, prop) || prop === '__esModule') {
      return Object.getOwnPropertyDescriptor(target, prop);
    }
    emitCircularRequireWarning(prop);
    return undefined;
  },
});

function getExportsForCircularRequire(module) {
  if (module.exports && !isProxy(module.exports) &&
      Object.getPrototypeOf(module.exports) === Object.prototype &&
      !module.exports.__esModule) {
    Object.setPrototypeOf(module.exports, CircularRequirePrototypeWarningProxy);
  }
  return module.exports;
}

function setOwnProperty(obj, key, value) {
  Object.defineProperty(obj, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  // .mjs is always an ES module, unless something registered a handler for it.
  if (filename.endsWith('.mjs') && !Module._extensions['.mjs']) {
    const { ERR_REQUIRE_ESM } = errorCodes();
    throw new ERR_REQUIRE_ESM(filename, true, moduleParentCache.get(this)?.filename);
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
  // The module is complete: drop the warning prototype a cycle may have given its exports.
  const exports = this.exports;
  if (exports && !isProxy(exports) &&
      Object.getPrototypeOf(exports) === CircularRequirePrototypeWarningProxy) {
    Object.setPrototypeOf(exports, Object.prototype);
  }
};

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.require = function(id) {
  const { validateString } = require('internal/validators');
  validateString(id, 'id');
  if (id === '') {
    const { ERR_INVALID_ARG_VALUE } = errorCodes();
    throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  requireDepth++;
  try {
    if (requireDepth === 1) statCache = new Map();
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
    if (requireDepth === 0) statCache = null;
  }
};
let requireDepth = 0;

function stripShebangOrBOM(content) {
  if (content.charCodeAt(0) === 0xFEFF) content = content.slice(1);
  return content;
}

Module.prototype._compile = function(content, filename) {
  const compiled = wrapSafe(filename, content);
  const dirname = path.dirname(filename);
  const require_ = makeRequireFunction(this);
  const exports = this.exports;
  const thisValue = exports;
  const module = this;
  if (requireDepth === 0) statCache = new Map();
  try {
    return compiled.call(thisValue, exports, require_, module, filename, dirname);
  } finally {
    if (requireDepth === 0) statCache = null;
  }
};

// Whether `content` fails to compile as CommonJS only because it uses import/export syntax
// (node's containsModuleSyntax, by the same V8 messages).
const esmSyntaxErrorMessages = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];
function containsModuleSyntax(content, filename) {
  try {
    compileFunction(content, filename, wrapperParams);
    return false;
  } catch (e) {
    return e instanceof SyntaxError && esmSyntaxErrorMessages.includes(e.message);
  }
}

function wrapSafe(filename, content) {
  if (patched) {
    const { runScript } = internalBinding('contextify');
    return runScript(Module.wrap(content), filename);
  }
  // V8 skips a leading shebang line itself when compiling a function body? It does not, so
  // blank it out keeping line numbers.
  if (content.startsWith('#!')) {
    const end = content.indexOf('\n');
    content = end === -1 ? '' : content.slice(end);
  }
  return compileFunction(content, filename, wrapperParams);
}

Module._extensions['.js'] = function(module, filename) {
  const ctx = {};
  const content = readFileUtf8(filename, ctx);
  if (ctx.errno !== undefined) throw require('internal/errors').UVException(ctx);
  if (filename.endsWith('.js')) {
    const pkg = packageJsonReader.getPackageScopeConfig(filename);
    if (pkg?.type === 'module') {
      // node 20.19+ loads such a file through its ES module loader (require(esm)); ringjs has
      // none yet and answers as node --no-experimental-require-module does.
      const { ERR_REQUIRE_ESM } = errorCodes();
      const parent = moduleParentCache.get(module);
      throw new ERR_REQUIRE_ESM(filename, containsModuleSyntax(content, filename),
                                parent?.filename, pkg.pjsonPath);
    }
  }
  module._compile(stripShebangOrBOM(content), filename);
};

Module._extensions['.json'] = function(module, filename) {
  const ctx = {};
  const content = readFileUtf8(filename, ctx);
  if (ctx.errno !== undefined) throw require('internal/errors').UVException(ctx);
  try {
    setOwnProperty(module, 'exports', JSON.parse(stripShebangOrBOM(content)));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

// Native addons need N-API, which ringjs does not have yet: a real shared object fails with
// ERR_NOT_IMPLEMENTED, a file that is not one with dlopen's error, as node reports it.
Module._extensions['.node'] = function(module, filename) {
  const problem = internalBinding('process_methods').dlopenCheck(filename);
  if (problem !== '') {
    const err = new Error(problem);
    err.code = 'ERR_DLOPEN_FAILED';
    throw err;
  }
  const { ERR_NOT_IMPLEMENTED } = errorCodes();
  throw new ERR_NOT_IMPLEMENTED(`loading native addons (${filename})`);
};

function makeRequireFunction(mod) {
  const require_ = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    require('internal/validators').validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  require_.resolve = resolve;
  function paths(request) {
    require('internal/validators').validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  setOwnProperty(require_, 'main', process.mainModule);
  require_.extensions = Module._extensions;
  require_.cache = Module._cache;
  return require_;
}


// A file: URL (string or URL object) to a path: internal/url's fileURLToPath once that module
// exists, else the same rules for the common cases (host '' or localhost, no encoded '/').
function fileURLToPath(url) {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (BuiltinModule.exists('internal/url')) return require('internal/url').fileURLToPath(url);
  const href = typeof url === 'string' ? url : url.href;
  const match = /^file:(?:\/\/([^/?#]*))?([^?#]*)/i.exec(href);
  if (match === null) throw new (errorCodes().ERR_INVALID_URL_SCHEME)('file');
  const host = match[1] ?? '';
  if (host !== '' && host !== 'localhost') {
    throw new (errorCodes().ERR_INVALID_FILE_URL_HOST)(process.platform);
  }
  if (/%2f/i.test(match[2])) {
    throw new (errorCodes().ERR_INVALID_FILE_URL_PATH)('must not include encoded / characters');
  }
  return path.posix.normalize(decodeURIComponent(`/${match[2]}`));
}

function isURL(value) {
  return value != null && typeof value === 'object' && value.href !== undefined &&
    value.protocol !== undefined && value.auth === undefined && value.path === undefined;
}

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (isURL(filename) || (typeof filename === 'string' && !path.isAbsolute(filename))) {
    try {
      filepath = fileURLToPath(filename);
    } catch {
      const { ERR_INVALID_ARG_VALUE } = errorCodes();
      throw new ERR_INVALID_ARG_VALUE('filename', filename,
                                      'must be a file URL object, file URL string, or absolute path string');
    }
  } else if (typeof filename !== 'string') {
    const { ERR_INVALID_ARG_VALUE } = errorCodes();
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
                                    'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.runMain = function(main = process.argv[1]) {
  Module._load(main, null, true);
};

Module._preloadModules = function(requests) {
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  isPreloading = true;
  try {
    for (const request of requests) parent.require(request);
  } finally {
    isPreloading = false;
  }
};

Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  // Only builtins already imported have ES module facades to update.
  if (BuiltinModule.map.has('internal/modules/esm/translators')) {
    require('internal/modules/esm/translators').syncBuiltinESMExports();
  }
};
Module.findSourceMap = function findSourceMap() { return undefined; };
Module.register = function register() {
  const { ERR_NOT_IMPLEMENTED } = errorCodes();
  throw new ERR_NOT_IMPLEMENTED('module.register');
};

module.exports = { Module, wrapSafe, kIsMainSymbol, makeRequireFunction };
