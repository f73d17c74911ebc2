'use strict';
// Loads lib/js modules inside node (run with: node --expose-internals), for developing and
// differential-testing the JS core before ringjs can run it. Missing ids fall back to node's own.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { internalBinding } = require('internal/test/binding');

const libRoot = path.resolve(__dirname, '../../../lib/js');
const cache = new Map();

function requireBuiltin(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  if (cache.has(id)) return cache.get(id).exports;
  const file = path.join(libRoot, id + '.js');
  if (!fs.existsSync(file)) return require(id);
  const module = { exports: {}, id };
  cache.set(id, module);
  const fn = vm.compileFunction(fs.readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', 'process', 'internalBinding', 'primordials'],
    { filename: file });
  fn(module.exports, requireBuiltin, module, process, internalBinding, {});
  return module.exports;
}

module.exports = { requireBuiltin };
