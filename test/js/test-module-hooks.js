'use strict';
// Prints one line per check; absolute paths are shown relative to <fixtures> (test/js/fixtures/
// modules) or <testdir> (test/js) so node's recorded output matches on any machine.
const path = require('path');
const probe = require('./fixtures/modules/probe.js');
const { fixtures, clean, check } = require('./common/module-check');

// Loader hooks people patch: require.extensions, Module._load, Module._resolveFilename,
// Module.wrap / Module.wrapper, Module._stat, plus Module._readPackage and isPreloading.
const Module = require('module');

check('isPreloading outside preload', () => [module.isPreloading, probe.module.isPreloading]);
check('_readPackage', () => {
  const pkg = Module._readPackage(path.join(fixtures, 'node_modules', 'main-pkg'));
  return [pkg.exists, pkg.name, pkg.main, pkg.type, pkg.pjsonPath];
});
check('_readPackage of a directory without one', () => Module._readPackage(path.join(fixtures, 'plain')).exists);

// A custom extension is searched and used.
require.extensions['.txt'] = function(m, filename) {
  m.exports = `txt handler: ${require('path').basename(filename)}`;
};
check('custom extension by name', () => probe.require('./plain/note.txt'));
check('custom extension searched', () => probe.resolve('./plain/note'));
check('extension list', () => Object.keys(Module._extensions));
Module._extensions['.min.js'] = function(m, filename) {
  m.exports = 'handled by .min.js';
};
check('longest registered extension wins', () => probe.require('./plain/file.min.js'));
delete Module._extensions['.min.js'];
delete require.extensions['.txt'];
check('extension removed', () => probe.resolve('./plain/note'));

// Module._resolveFilename and Module._load replaced.
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function(request, parent, isMain, options) {
  if (request === 'virtual-alias') request = './plain/hooked.js';
  return originalResolve.call(this, request, parent, isMain, options);
};
check('_resolveFilename hook (require)', () => probe.require('virtual-alias'));
check('_resolveFilename hook (require.resolve)', () => probe.resolve('virtual-alias'));
Module._resolveFilename = originalResolve;
const originalLoad = Module._load;
const seen = [];
Module._load = function(request, parent, isMain) {
  seen.push([request, clean(parent && parent.filename), isMain]);
  if (request === 'virtual-module') return { virtual: true };
  return originalLoad.apply(this, arguments);
};
check('_load hook', () => [probe.require('virtual-module'), probe.require('./plain/a.js')]);
Module._load = originalLoad;
check('_load saw', () => seen);

// Module._stat replaced (node warns that it is experimental).
const originalStat = Module._stat;
Module._stat = function(filename) {
  if (filename.endsWith('/plain/ghost.js')) return 0;
  return originalStat(filename);
};
check('_stat hook makes a file exist', () => probe.resolve('./plain/ghost.js'));
Module._stat = originalStat;

// Module.wrapper patched: later modules are compiled with the new wrapper.
check('before patching', () => probe.require('./plain/wrapped.js'));
const originalWrapper0 = Module.wrapper[0];
Module.wrapper[0] = originalWrapper0 + 'var injected = "injected by Module.wrapper";';
delete probe.cache[path.join(fixtures, 'plain', 'wrapped.js')];
check('after patching Module.wrapper', () => probe.require('./plain/wrapped.js'));
Module.wrapper[0] = originalWrapper0;
const originalWrap = Module.wrap;
Module.wrap = (script) => originalWrap('var injected = "injected by Module.wrap";' + script);
delete probe.cache[path.join(fixtures, 'plain', 'wrapped.js')];
check('after patching Module.wrap', () => probe.require('./plain/wrapped.js'));
check('patched wrapper keeps __filename and this', () => {
  delete probe.cache[path.join(fixtures, 'plain', 'this-and-args.js')];
  return probe.require('./plain/this-and-args.js');
});
Module.wrap = originalWrap;
check('Module.wrap restored', () => Module.wrap('x'));
