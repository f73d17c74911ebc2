'use strict';
// Node's ES module resolver (ESM_RESOLVE of node's spec) on URL strings: relative and absolute
// URLs and file: URLs resolved exactly (no extension search, no directory index), bare
// specifiers through node_modules with "exports" (conditions import/node/default plus
// --conditions), "imports" (#x), self-reference by package name, node: builtins, data: URLs.
// The package rules themselves are shared with require() (internal/modules/package_resolve).

const path = require('path');
const { realpath: realpathBinding, internalModuleStat } = internalBinding('fs');
const { BuiltinModule } = require('internal/bootstrap/realm');
const packageJsonReader = require('internal/modules/package_json_reader');
const { packageResolve, packageImportsResolve } = require('internal/modules/package_resolve');
const {
  pathToFileURL, fileURLToPath, resolveURL, getScheme, urlPathname,
} = require('internal/modules/esm/file_url');

function errors() { return require('internal/errors').codes; }

const execArgv = require('internal/options').runtimeOptions();
const preserveSymlinks = require('internal/options').preserveSymlinks();
const preserveSymlinksMain = execArgv.includes('--preserve-symlinks-main');

// Conditions import matches in "exports"/"imports": node's, plus --conditions / -C.
let conditionsSet;
function getConditionsSet() {
  if (conditionsSet === undefined) {
    const conditions = ['node', 'import'];
    if (!execArgv.includes('--no-addons')) conditions.push('node-addons');
    for (let i = 0; i < execArgv.length; i++) {
      if (execArgv[i] === '-C' || execArgv[i] === '--conditions') {
        conditions.push(execArgv[++i]);
      } else if (execArgv[i].startsWith('--conditions=')) {
        conditions.push(execArgv[i].slice(execArgv[i].indexOf('=') + 1));
      }
    }
    conditionsSet = new Set(conditions);
  }
  return conditionsSet;
}

let inputTypeFlag;
function hasInputTypeFlag() {
  inputTypeFlag ??= execArgv.some((arg) => arg === '--input-type' ||
                                           arg.startsWith('--input-type='));
  return inputTypeFlag;
}

const realpathCache = new Map();
function realpath(file) {
  let result = realpathCache.get(file);
  if (result === undefined) {
    const ctx = {};
    result = realpathBinding(file, ctx);
    if (ctx.errno !== undefined) {
      if (ctx.syscall === 'realpath') ctx.syscall = 'lstat';
      throw require('internal/errors').UVException(ctx);
    }
    realpathCache.set(file, result);
  }
  return result;
}

function isRelativeSpecifier(specifier) {
  if (specifier[0] === '.') {
    if (specifier.length === 1 || specifier[1] === '/') return true;
    if (specifier[1] === '.') {
      if (specifier.length === 2 || specifier[2] === '/') return true;
    }
  }
  return false;
}

function shouldBeTreatedAsRelativeOrAbsolutePath(specifier) {
  if (specifier === '') return false;
  if (specifier[0] === '/') return true;
  return isRelativeSpecifier(specifier);
}

function isBareSpecifier(specifier) {
  return specifier[0] && specifier[0] !== '/' && specifier[0] !== '.';
}

// The file a resolved file: URL names must exist and not be a directory; symlinks resolve to
// the real path unless --preserve-symlinks(-main).
function finalizeResolution(resolved, basePath, keepSymlinks) {
  const pathname = urlPathname(resolved);
  if (/%2f|%5c/i.test(pathname)) {
    const { ERR_INVALID_MODULE_SPECIFIER } = errors();
    throw new ERR_INVALID_MODULE_SPECIFIER(
      pathname, 'must not include encoded "/" or "\\" characters', basePath);
  }
  let file;
  try {
    file = fileURLToPath(resolved);
  } catch (err) {
    err.input = resolved;
    err.module = basePath;
    throw err;
  }
  const stat = internalModuleStat(file.endsWith('/') ? file.slice(0, -1) : file);
  if (stat === 1) {
    const { ERR_UNSUPPORTED_DIR_IMPORT } = errors();
    throw new ERR_UNSUPPORTED_DIR_IMPORT(file, basePath, resolved);
  } else if (stat !== 0) {
    const { ERR_MODULE_NOT_FOUND } = errors();
    throw new ERR_MODULE_NOT_FOUND(file, basePath, resolved);
  }
  if (keepSymlinks) return resolved;
  const real = realpath(file);
  if (real === file) return resolved;
  const suffixStart = resolved.search(/[?#]/);
  return pathToFileURL(real + (file.endsWith('/') ? '/' : '')) +
    (suffixStart === -1 ? '' : resolved.slice(suffixStart));
}

// A path or 'node:x' from the package resolver as a URL.
function packagePathToURL(resolved) {
  if (resolved.startsWith('node:')) return resolved;
  return pathToFileURL(resolved);
}

function moduleResolve(specifier, parentURL, basePath, keepSymlinks) {
  let resolved;
  if (shouldBeTreatedAsRelativeOrAbsolutePath(specifier)) {
    resolved = resolveURL(specifier, parentURL);
  } else if (specifier[0] === '#') {
    const pjson = packageJsonReader.getPackageScopeConfig(basePath,
                                                          { isESM: true, base: basePath });
    resolved = packagePathToURL(
      packageImportsResolve(specifier, pjson, basePath, getConditionsSet()));
  } else if (getScheme(specifier) !== undefined) {
    resolved = resolveURL(specifier);
  } else {
    resolved = packagePathToURL(packageResolve(specifier, basePath, getConditionsSet()));
  }
  if (!resolved.startsWith('file:')) return resolved;
  return finalizeResolution(resolved, basePath, keepSymlinks);
}

// What require() would have found, for the "Did you mean to import ...?" hint.
function resolveAsCommonJS(specifier, parentURL) {
  try {
    const { Module } = require('internal/modules/cjs/loader');
    const parent = fileURLToPath(parentURL);
    const tmpModule = new Module(parent, null);
    tmpModule.paths = Module._nodeModulePaths(parent);
    let found = Module._resolveFilename(specifier, tmpModule, false);
    if (isRelativeSpecifier(specifier)) {
      const parentDir = parentURL.slice(7, parentURL.lastIndexOf('/'));
      found = path.posix.relative(parentDir, urlPathname(pathToFileURL(found)));
      if (!found.startsWith('../')) found = `./${found}`;
    } else if (isBareSpecifier(specifier)) {
      const slash = specifier.indexOf('/');
      const pkg = slash === -1 ? specifier : specifier.slice(0, slash);
      const needle = `/node_modules/${pkg}/`;
      const index = found.lastIndexOf(needle);
      if (index !== -1) {
        found = pkg + '/' +
          found.slice(index + needle.length).split('/').map(encodeURIComponent).join('/');
      } else {
        found = pathToFileURL(found);
      }
    }
    return found;
  } catch {
    return false;
  }
}

function decorateErrorWithCommonJSHints(error, specifier, parentURL) {
  const found = resolveAsCommonJS(specifier, parentURL);
  if (!found) return;
  const hint = `Did you mean to import ${JSON.stringify(found)}?`;
  const lines = `${error.stack}`.split('\n');
  error.stack = lines.shift() + '\n' + hint + '\n' + lines.join('\n');
  error.message += `\n${hint}`;
}

let cwdURL;
function getCWDURL() {
  const cwd = process.cwd();
  if (cwdURL === undefined || cwdURL.cwd !== cwd) {
    cwdURL = { cwd, href: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`) };
  }
  return cwdURL.href;
}

// resolve(specifier, parentURL) -> the module's URL. parentURL is undefined for the entry.
function defaultResolve(specifier, parentURL) {
  const scheme = getScheme(specifier);
  if (scheme === 'node:' || scheme === 'data:') return specifier;
  if (scheme !== undefined && scheme !== 'file:') return resolveURL(specifier);
  const isMain = parentURL === undefined;
  if (isMain) {
    parentURL = getCWDURL();
    if (hasInputTypeFlag()) {
      const { ERR_INPUT_TYPE_NOT_ALLOWED } = errors();
      throw new ERR_INPUT_TYPE_NOT_ALLOWED();
    }
  }
  const parentIsFile = parentURL.startsWith('file:');
  let basePath = parentURL;
  if (parentIsFile) {
    basePath = fileURLToPath(parentURL);
  } else if (!shouldBeTreatedAsRelativeOrAbsolutePath(specifier) && scheme === undefined &&
             BuiltinModule.canBeRequiredWithoutScheme(specifier)) {
    return `node:${specifier}`;
  }
  try {
    return moduleResolve(specifier, parentURL, basePath,
                         isMain ? preserveSymlinksMain : preserveSymlinks);
  } catch (error) {
    if (parentIsFile &&
        (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'ERR_UNSUPPORTED_DIR_IMPORT')) {
      decorateErrorWithCommonJSHints(
        error, specifier.startsWith('file://') ? fileURLToPath(specifier) : specifier, parentURL);
    }
    throw error;
  }
}

// The module format of a resolved URL: 'module', 'commonjs', 'json', 'builtin', or, for an
// extension node does not load, an ERR_UNKNOWN_FILE_EXTENSION / ERR_UNKNOWN_MODULE_FORMAT.
const extensionFormats = {
  __proto__: null, '.mjs': 'module', '.cjs': 'commonjs', '.json': 'json',
};

function getPackageType(file) {
  return packageJsonReader.getPackageScopeConfig(file, { isESM: true, base: file })?.type ??
    'none';
}

function getFileFormat(url) {
  const file = fileURLToPath(url);
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot <= 0 ? '' : base.slice(dot);
  const format = extensionFormats[ext];
  if (format !== undefined) return format;
  if (ext === '.js') return getPackageType(file) === 'module' ? 'module' : 'commonjs';
  if (ext === '') return getPackageType(file) === 'module' ? 'module' : 'commonjs';
  const { ERR_UNKNOWN_FILE_EXTENSION } = errors();
  throw new ERR_UNKNOWN_FILE_EXTENSION(ext, file);
}

const dataURLRegEx = /^data:([^/]+\/[^;,]+)(?:[^,]*?)(;base64)?,/;
function getDataFormat(url) {
  const match = dataURLRegEx.exec(url);
  const mime = match?.[1];
  if (mime === 'text/javascript') return 'module';
  if (mime === 'application/json') return 'json';
  const { ERR_UNKNOWN_MODULE_FORMAT } = errors();
  throw new ERR_UNKNOWN_MODULE_FORMAT(mime ?? 'null', url);
}

function getFormat(url) {
  if (url.startsWith('file:')) return getFileFormat(url);
  if (url.startsWith('node:')) return 'builtin';
  if (url.startsWith('data:')) return getDataFormat(url);
  const { ERR_UNSUPPORTED_ESM_URL_SCHEME } = errors();
  throw new ERR_UNSUPPORTED_ESM_URL_SCHEME({ protocol: getScheme(url) },
                                           ['file', 'data', 'node']);
}

module.exports = {
  defaultResolve, getFormat, getCWDURL, getPackageType, decorateErrorWithCommonJSHints,
  getConditionsSet,
};
