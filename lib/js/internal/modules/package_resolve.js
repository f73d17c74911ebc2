'use strict';
// Node's package "exports" / "imports" resolution (PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE
// and PACKAGE_TARGET_RESOLVE of the ESM spec), shared by require() and import. Works on paths:
// returns an absolute file path, or throws node's ERR_* errors.

const path = require('path');
const { internalModuleStat } = internalBinding('fs');

function errors() { return require('internal/errors').codes; }

function isConditionalExportsMainSugar(exports, pjsonPath) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = Object.keys(exports);
  let isConditional = false;
  for (let i = 0; i < keys.length; i++) {
    const curIsConditional = keys[i] === '' || keys[i][0] !== '.';
    if (i === 0) {
      isConditional = curIsConditional;
    } else if (isConditional !== curIsConditional) {
      throw new (errors().ERR_INVALID_PACKAGE_CONFIG)(pjsonPath, undefined,
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
        ' The exports object must either be an object of package subpath keys' +
        ' or an object of main entry condition name keys only.');
    }
  }
  return isConditional;
}

const invalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
const deprecatedInvalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;

// Node's package errors take the package directory with a trailing slash.
function packageDirArg(packageDir) {
  return packageDir.endsWith('/') ? packageDir : `${packageDir}/`;
}

function invalidTarget(packageDir, key, target, isImports, base) {
  // As node's invalidPackageTarget: the message shows the target as a string.
  if (typeof target === 'object' && target !== null) {
    target = JSON.stringify(target, null, '');
  } else {
    target = `${target}`;
  }
  return new (errors().ERR_INVALID_PACKAGE_TARGET)(packageDirArg(packageDir), key, target,
                                                   isImports, base);
}

function resolveTargetString(target, subpath, match, packageDir, base, pattern, internal,
                             isPathMap) {
  if (subpath !== '' && !pattern && target[target.length - 1] !== '/') {
    throw invalidTarget(packageDir, match, target, internal, base);
  }
  if (!target.startsWith('./')) {
    // A target that parses as a URL ('node:fs', 'https://x') is never a package name.
    const isURL = /^[a-zA-Z][a-zA-Z\d+\-.]*:/.test(target);
    if (internal && !target.startsWith('../') && !target.startsWith('/') && !isURL) {
      // A bare specifier target in "imports" resolves as a package.
      const exportTarget = pattern ? target.replaceAll('*', () => subpath) : target + subpath;
      return { bare: exportTarget };
    }
    throw invalidTarget(packageDir, match, target, internal, base);
  }
  if (invalidSegmentRegEx.test(target.slice(2))) {
    if (!deprecatedInvalidSegmentRegEx.test(target.slice(2))) {
      // Deprecated but allowed segments ('.' alone): accepted as node 20 does, with no warning.
    } else {
      throw invalidTarget(packageDir, match, target, internal, base);
    }
  }
  const resolvedPath = path.resolve(packageDir, target);
  if (!resolvedPath.startsWith(packageDir + path.sep) && resolvedPath !== packageDir) {
    throw invalidTarget(packageDir, match, target, internal, base);
  }
  // A target naming a directory keeps its '/', as the URL node resolves does.
  if (subpath === '') return target.endsWith('/') ? `${resolvedPath}/` : resolvedPath;
  if (invalidSegmentRegEx.test(subpath)) {
    const request = pattern ? match.replace('*', () => subpath) : match + subpath;
    if (deprecatedInvalidSegmentRegEx.test(subpath)) {
      const { ERR_INVALID_MODULE_SPECIFIER } = errors();
      throw new ERR_INVALID_MODULE_SPECIFIER(request,
        `request is not a valid match in pattern "${match}" for the "${internal ? 'imports' : 'exports'}" resolution of ${path.join(packageDir, 'package.json')}`, base);
    }
  }
  if (pattern) return resolvedPath.replaceAll('*', () => subpath);
  return resolvedPath + subpath;
}

function isArrayIndex(key) {
  const keyNum = +key;
  if (`${keyNum}` !== key) return false;
  return keyNum >= 0 && keyNum < 0xFFFFFFFF;
}

function resolveTarget(packageDir, target, subpath, packageSubpath, base, pattern, internal,
                       conditions) {
  if (typeof target === 'string') {
    return resolveTargetString(target, subpath, packageSubpath, packageDir, base, pattern,
                               internal);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastException;
    for (const targetItem of target) {
      let resolved;
      try {
        resolved = resolveTarget(packageDir, targetItem, subpath, packageSubpath, base, pattern,
                                 internal, conditions);
      } catch (e) {
        lastException = e;
        if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastException = null;
        continue;
      }
      return resolved;
    }
    if (lastException === undefined || lastException === null) return lastException;
    throw lastException;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    for (const key of keys) {
      if (isArrayIndex(key)) {
        throw new (errors().ERR_INVALID_PACKAGE_CONFIG)(path.join(packageDir, 'package.json'),
          base, '"exports" cannot contain numeric property keys.');
      }
    }
    for (const key of keys) {
      if (key === 'default' || conditions.has(key)) {
        const resolved = resolveTarget(packageDir, target[key], subpath, packageSubpath, base,
                                       pattern, internal, conditions);
        if (resolved === undefined) continue;
        return resolved;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(packageDir, packageSubpath, target, internal, base);
}

function patternKeyCompare(a, b) {
  const aPatternIndex = a.indexOf('*');
  const bPatternIndex = b.indexOf('*');
  const baseLenA = aPatternIndex === -1 ? a.length : aPatternIndex + 1;
  const baseLenB = bPatternIndex === -1 ? b.length : bPatternIndex + 1;
  if (baseLenA > baseLenB) return -1;
  if (baseLenB > baseLenA) return 1;
  if (aPatternIndex === -1) return 1;
  if (bPatternIndex === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

function exportsNotFound(subpath, pjsonPath, base) {
  return new (errors().ERR_PACKAGE_PATH_NOT_EXPORTED)(packageDirArg(path.dirname(pjsonPath)),
                                                      subpath, base);
}

// Resolves `packageSubpath` ('.' or './x') through `exports`. Returns an absolute path.
function packageExportsResolve(pjsonPath, packageSubpath, exports, base, conditions) {
  const packageDir = path.dirname(pjsonPath);
  if (isConditionalExportsMainSugar(exports, pjsonPath)) exports = { '.': exports };
  if (Object.prototype.hasOwnProperty.call(exports, packageSubpath) &&
      !packageSubpath.includes('*') && !packageSubpath.endsWith('/')) {
    const resolved = resolveTarget(packageDir, exports[packageSubpath], '', packageSubpath, base,
                                   false, false, conditions);
    if (resolved === null || resolved === undefined) {
      throw exportsNotFound(packageSubpath, pjsonPath, base);
    }
    return resolved;
  }
  let bestMatch = '';
  let bestMatchSubpath;
  for (const key of Object.getOwnPropertyNames(exports)) {
    const patternIndex = key.indexOf('*');
    if (patternIndex !== -1 && packageSubpath.startsWith(key.slice(0, patternIndex))) {
      const patternTrailer = key.slice(patternIndex + 1);
      if (packageSubpath.length >= key.length && packageSubpath.endsWith(patternTrailer) &&
          patternKeyCompare(bestMatch, key) === 1 && key.lastIndexOf('*') === patternIndex) {
        bestMatch = key;
        bestMatchSubpath = packageSubpath.slice(patternIndex,
                                                packageSubpath.length - patternTrailer.length);
      }
    }
  }
  if (bestMatch) {
    const resolved = resolveTarget(packageDir, exports[bestMatch], bestMatchSubpath, bestMatch,
                                   base, true, false, conditions);
    if (resolved === null || resolved === undefined) {
      throw exportsNotFound(packageSubpath, pjsonPath, base);
    }
    return resolved;
  }
  throw exportsNotFound(packageSubpath, pjsonPath, base);
}

// Splits 'pkg/sub' into 'pkg' and './sub' ('@scope/pkg' keeps its scope), as node's
// parsePackageName; an invalid name throws ERR_INVALID_MODULE_SPECIFIER.
function parsePackageName(specifier, base) {
  let separatorIndex = specifier.indexOf('/');
  let validPackageName = true;
  let isScoped = false;
  if (specifier[0] === '@') {
    isScoped = true;
    if (separatorIndex === -1 || specifier.length === 0) {
      validPackageName = false;
    } else {
      separatorIndex = specifier.indexOf('/', separatorIndex + 1);
    }
  }
  const packageName = separatorIndex === -1 ? specifier : specifier.slice(0, separatorIndex);
  if (/^\.|%|\\/.test(packageName)) validPackageName = false;
  if (!validPackageName) {
    const { ERR_INVALID_MODULE_SPECIFIER } = errors();
    throw new ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name', base);
  }
  const packageSubpath = `.${separatorIndex === -1 ? '' : specifier.slice(separatorIndex)}`;
  return { packageName, packageSubpath, isScoped };
}

// The ES module spec's LEGACY_MAIN_RESOLVE: "main" with the few extensions node tries, then
// index files. `pjson` is what package_json_reader.read returned.
function legacyMainResolve(pjson, base) {
  const packageDir = path.dirname(pjson.pjsonPath);
  const isFile = (file) => internalModuleStat(file) === 0;
  if (pjson.main) {
    const main = path.resolve(packageDir, pjson.main);
    for (const suffix of ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node']) {
      if (isFile(main + suffix)) return main + suffix;
    }
  }
  for (const index of ['index.js', 'index.json', 'index.node']) {
    const file = path.join(packageDir, index);
    if (isFile(file)) return file;
  }
  // As node 20: the message names the file "main" (or index.js) would have been.
  const { ERR_MODULE_NOT_FOUND } = errors();
  throw new ERR_MODULE_NOT_FOUND(
    pjson.main ? path.resolve(packageDir, pjson.main) : path.join(packageDir, 'index.js'), base,
    null);
}

// The ES module spec's PACKAGE_RESOLVE for a bare specifier seen from `base` (an absolute
// file path; the lookup starts in its directory): the package's own name, then node_modules
// up to the root. Returns an absolute path, or 'node:<id>' for a builtin module. No extension
// search for subpaths (unlike require()); throws ERR_MODULE_NOT_FOUND.
function packageResolve(specifier, base, conditions) {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) return `node:${specifier}`;
  const { packageName, packageSubpath } = parsePackageName(specifier, base);
  const packageJsonReader = require('internal/modules/package_json_reader');

  const scope = packageJsonReader.getPackageScopeConfig(base, { isESM: true, base });
  if (scope?.exports !== undefined && scope.exports !== null && scope.name === packageName) {
    return packageExportsResolve(scope.pjsonPath, packageSubpath, scope.exports, base,
                                 conditions);
  }
  for (let dir = path.dirname(base); ; dir = path.dirname(dir)) {
    const packageDir = path.join(dir, 'node_modules', packageName);
    if (internalModuleStat(packageDir) === 1) {
      const pjsonPath = path.join(packageDir, 'package.json');
      const pjson = packageJsonReader.read(pjsonPath,
                                           { isESM: true, base: `"${specifier}" from ${base}` }) ??
        { pjsonPath, main: undefined, exports: undefined };
      if (pjson.exports !== undefined && pjson.exports !== null) {
        return packageExportsResolve(pjsonPath, packageSubpath, pjson.exports, base,
                                     conditions);
      }
      if (packageSubpath === '.') return legacyMainResolve(pjson, base);
      return path.resolve(packageDir, packageSubpath) +
        (packageSubpath.endsWith('/') ? '/' : '');
    }
    if (dir === path.dirname(dir)) break;
  }
  const { ERR_MODULE_NOT_FOUND } = errors();
  throw new ERR_MODULE_NOT_FOUND(packageName, base, null);
}

// Resolves '#name' through the "imports" of the package scope `pjson`. Returns an absolute
// path, or 'node:<id>' when a target names a builtin module. A target that names another
// package ("#x": "pkg/sub") resolves as import would, from the package's own directory.
function packageImportsResolve(name, pjson, base, conditions) {
  const resolved = packageImportsResolveTarget(name, pjson, base, conditions);
  if (typeof resolved === 'object' && resolved !== null) {
    return packageResolve(resolved.bare, pjson.pjsonPath, conditions);
  }
  return resolved;
}

function packageImportsResolveTarget(name, pjson, base, conditions) {
  const { ERR_INVALID_MODULE_SPECIFIER, ERR_PACKAGE_IMPORT_NOT_DEFINED } = errors();
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    throw new ERR_INVALID_MODULE_SPECIFIER(name, 'is not a valid internal imports specifier name',
                                           base);
  }
  let packageJSONPath;
  if (pjson !== undefined) {
    packageJSONPath = pjson.pjsonPath;
    const imports = pjson.imports;
    const packageDir = path.dirname(packageJSONPath);
    if (imports) {
      if (Object.prototype.hasOwnProperty.call(imports, name) && !name.includes('*')) {
        const resolved = resolveTarget(packageDir, imports[name], '', name, base, false, true,
                                       conditions);
        if (resolved !== null && resolved !== undefined) return resolved;
      } else {
        let bestMatch = '';
        let bestMatchSubpath;
        for (const key of Object.getOwnPropertyNames(imports)) {
          const patternIndex = key.indexOf('*');
          if (patternIndex !== -1 && name.startsWith(key.slice(0, patternIndex))) {
            const patternTrailer = key.slice(patternIndex + 1);
            if (name.length >= key.length && name.endsWith(patternTrailer) &&
                patternKeyCompare(bestMatch, key) === 1 && key.lastIndexOf('*') === patternIndex) {
              bestMatch = key;
              bestMatchSubpath = name.slice(patternIndex, name.length - patternTrailer.length);
            }
          }
        }
        if (bestMatch) {
          const resolved = resolveTarget(packageDir, imports[bestMatch], bestMatchSubpath,
                                         bestMatch, base, true, true, conditions);
          if (resolved !== null && resolved !== undefined) return resolved;
        }
      }
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(
    name, packageJSONPath && packageDirArg(path.dirname(packageJSONPath)), base);
}

module.exports = {
  packageExportsResolve, packageImportsResolve, packageResolve, parsePackageName,
  legacyMainResolve,
};
