'use strict';
// Reads and caches package.json files for both module systems.

const { readFileUtf8, internalModuleStat } = internalBinding('fs');
const path = require('path');

const cache = new Map();

// Returns undefined when there is no package.json at `jsonPath`, else its relevant fields.
// A malformed file throws ERR_INVALID_PACKAGE_CONFIG for the ES module loader (isESM; `base`
// says what was being imported, as node's "while importing ...") and, as node 20 does for
// require(), the SyntaxError of JSON.parse with the path prefixed otherwise.
function read(jsonPath, { isESM = false, base } = {}) {
  if (cache.has(jsonPath)) return cache.get(jsonPath);
  const ctx = {};
  const source = readFileUtf8(jsonPath, ctx);
  let result;
  if (ctx.errno === undefined) {
    let parsed;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      if (!isESM) {
        error.message = 'Error parsing ' + jsonPath + ': ' + error.message;
        error.path = jsonPath;
        throw error;
      }
      const { ERR_INVALID_PACKAGE_CONFIG } = require('internal/errors').codes;
      const err = new ERR_INVALID_PACKAGE_CONFIG(jsonPath, base, error.message);
      err.cause = error;
      throw err;
    }
    const pick = (value) => (value === null || typeof value !== 'object' ? undefined : value);
    // Own fields only: a getter on Object.prototype must not answer for a missing one.
    const field = (key) => (parsed !== null && typeof parsed === 'object' &&
      Object.prototype.hasOwnProperty.call(parsed, key) ? parsed[key] : undefined);
    const name = field('name');
    const main = field('main');
    const type = field('type');
    result = {
      pjsonPath: jsonPath,
      exists: true,
      name: typeof name === 'string' ? name : undefined,
      main: typeof main === 'string' ? main : undefined,
      type: type === 'module' || type === 'commonjs' ? type : 'none',
      exports: field('exports'),
      imports: pick(field('imports')),
    };
  }
  cache.set(jsonPath, result);
  return result;
}

// The nearest package.json at or above `checkPath`'s directory (stops at node_modules).
// `options` as read()'s (the ES module loader passes isESM and the file it looks up for).
function getNearestParentPackageJSON(checkPath, options) {
  let dir = path.dirname(checkPath);
  for (;;) {
    if (path.basename(dir) === 'node_modules') return undefined;
    const data = read(path.join(dir, 'package.json'), options);
    if (data !== undefined) return data;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function getPackageScopeConfig(checkPath, options) {
  return getNearestParentPackageJSON(checkPath, options);
}

module.exports = { read, getNearestParentPackageJSON, getPackageScopeConfig, internalModuleStat };
