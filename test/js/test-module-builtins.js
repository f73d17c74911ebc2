'use strict';
// Prints one line per check; absolute paths are shown relative to <fixtures> (test/js/fixtures/
// modules) or <testdir> (test/js) so node's recorded output matches on any machine.
const path = require('path');
const probe = require('./fixtures/modules/probe.js');
const { fixtures, clean, check } = require('./common/module-check');

// Builtin modules through require(), node:module's helpers, createRequire.
const Module = require('module');

check('require("module") is Module', () => Module === require('node:module') && Module === Module.Module);
check('builtinModules', () => Module.builtinModules);
check('builtinModules has no internals or node:-only ids', () =>
  Module.builtinModules.filter((id) => id.startsWith('internal/') || id === 'test' || id.startsWith('node:')));
for (const id of ['fs', 'node:fs', 'path/posix', 'node:path/posix', 'test', 'node:test',
                  'test/reporters', 'internal/errors', 'node:internal/errors', 'node:nope', 'nope', 'FS',
                  'fs/', '', 'node:', 'sys', 'node:sys', 'punycode']) {
  check(`isBuiltin(${JSON.stringify(id)})`, () => Module.isBuiltin(id));
}
check('isBuiltin(non-string)', () => [Module.isBuiltin(1), Module.isBuiltin(undefined), Module.isBuiltin({})]);

check('require("fs") === require("node:fs")', () => require('fs') === require('node:fs'));
check('require("path/posix") === require("path").posix', () => require('path/posix') === require('path').posix);
check('require("node:test") works', () => typeof require('node:test'));
check('require("test") fails', () => require('test'));
check('require("node:nope")', () => require('node:nope'));
check('require("node:internal/errors")', () => require('node:internal/errors'));
check('require("internal/errors")', () => require('internal/errors'));
check('require.resolve("fs")', () => require.resolve('fs'));
check('require.resolve("node:fs")', () => require.resolve('node:fs'));
check('require.resolve("node:test")', () => require.resolve('node:test'));
check('require.resolve("test")', () => require.resolve('test'));
check('require.resolve("node:nope")', () => require.resolve('node:nope'));
check('builtin is not in require.cache', () => ['fs', 'node:fs'].map((id) => id in require.cache));
check('a package named like a builtin loses', () => probe.resolve('fs'));

// createRequire.
check('createRequire(absolute path)', () => {
  const r = Module.createRequire(path.join(fixtures, 'app', 'probe.js'));
  return [r('shadow'), r.resolve('#dep'), typeof r.cache, r.main === require.main];
});
check('createRequire(directory with trailing slash)', () => {
  const r = Module.createRequire(path.join(fixtures, 'app') + '/');
  return [r.resolve('./index.js'), r('only-in-app')];
});
check('createRequire(file: URL string)', () => {
  const r = Module.createRequire('file://' + path.join(fixtures, 'probe.js'));
  return r.resolve('./plain/a');
});
check('createRequire(file URL with escapes)', () => {
  const r = Module.createRequire('file://' + path.join(fixtures, 'pl%61in', 'x.js'));
  return r.resolve('./a');
});
check('createRequire(relative path)', () => Module.createRequire('./x.js'));
check('createRequire(number)', () => Module.createRequire(42));
check('createRequire(http URL string)', () => Module.createRequire('http://example.com/x.js'));
check('createRequire paths', () => {
  const r = Module.createRequire(path.join(fixtures, 'app', 'probe.js'));
  return r.resolve.paths('x').filter((p) => p.startsWith(fixtures));
});

// Other helpers.
check('Module._nodeModulePaths', () =>
  Module._nodeModulePaths(path.join(fixtures, 'node_modules', 'a', 'node_modules', 'b', 'lib'))
    .filter((p) => p.startsWith(fixtures)));
check('Module._resolveFilename', () => Module._resolveFilename('./plain/a', probe.module));
check('Module._findPath', () => Module._findPath('main-pkg', [path.join(fixtures, 'node_modules')]));
check('Module._findPath not found', () => Module._findPath('nope', [path.join(fixtures, 'node_modules')]));
check('Module._extensions', () => Object.keys(Module._extensions));
check('typeof Module._load / _cache / prototype.require / runMain', () =>
  [typeof Module._load, Module._cache === require.cache, typeof Module.prototype.require,
   typeof Module.runMain, typeof Module.prototype._compile]);
check('module.require', () => module.require('./fixtures/modules/plain/a.js'));
check('require with non-string', () => require(42));
check('require with empty string', () => require(''));
check('require.resolve with empty string', () => require.resolve(''));
