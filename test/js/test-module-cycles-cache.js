'use strict';
// Prints one line per check; absolute paths are shown relative to <fixtures> (test/js/fixtures/
// modules) or <testdir> (test/js) so node's recorded output matches on any machine.
const path = require('path');
const probe = require('./fixtures/modules/probe.js');
const { fixtures, clean, check } = require('./common/module-check');

// Cycles, module.exports identity, require.cache, module objects.
const fixturePath = (p) => path.join(fixtures, p);

// a.js requires b.js, which requires a.js back and sees a's partial exports.
check('cycle a <-> b', () => probe.require('./cycle/a.js'));
check('cycle entered from b', () => {
  delete probe.cache[fixturePath('cycle/a.js')];
  delete probe.cache[fixturePath('cycle/b.js')];
  return probe.require('./cycle/b.js');
});
check('module requiring itself', () => probe.require('./cycle/self.js'));
check('cycle after module.exports was replaced', () => probe.require('./cycle/x.js'));

// Identity and caching.
check('same exports object twice', () => probe.require('./plain/a.js') === probe.require('./plain/a'));
check('json cached', () => probe.require('./plain/data.json') === probe.require('./plain/data.json'));
check('replaced module.exports', () => {
  const fn = probe.require('./plain/replace-exports.js');
  return [typeof fn, fn(), fn.extra];
});
check('counter first load', () => probe.require('./cache/counter.js'));
check('counter cached', () => probe.require('./cache/counter.js'));
check('cache key is the resolved filename', () =>
  Object.keys(probe.cache).includes(fixturePath('cache/counter.js')));
check('cache entry', () => {
  const m = probe.cache[fixturePath('cache/counter.js')];
  return { id: m.id, filename: m.filename, loaded: m.loaded, exportsMatch: m.exports === probe.require('./cache/counter.js') };
});
check('reload after deleting from require.cache', () => {
  const before = probe.require('./cache/counter.js');
  delete probe.cache[fixturePath('cache/counter.js')];
  const after = probe.require('./cache/counter.js');
  return [before.count, after.count, before === after];
});
check('reload seen by another requirer', () => {
  const viaRequirer = probe.require('./cache/requirer.js')();
  return [viaRequirer.count, viaRequirer === probe.require('./cache/counter.js')];
});
check('require.cache is shared', () => require.cache === probe.cache);
check('a cache entry planted by hand', () => {
  const fake = fixturePath('cache/planted-target.js');
  const Module = require('module');
  const m = new Module(fake, module);
  m.filename = fake;
  m.loaded = true;
  m.exports = { planted: true };
  probe.cache[fake] = m;
  try {
    return probe.require('./cache/planted-target');
  } finally {
    delete probe.cache[fake];
  }
});
check('a failing module is not cached', () => {
  let first;
  try { probe.require('./plain/throws.js'); } catch (e) { first = e.message; }
  return [first, fixturePath('plain/throws.js') in probe.cache];
});
check('failing module throws again', () => probe.require('./plain/throws.js'));

// What a module sees.
check('this, arguments, __filename, __dirname', () => probe.require('./plain/this-and-args.js'));
check('module.children', () => probe.require('./plain/children.js'));
check('module.id and loaded of this test', () => [module.id, module.loaded, module.filename === __filename]);
check('require.main === module', () => require.main === module);
check('require.main in a fixture', () => probe.main === module);
check('module.parent of the main module', () => module.parent);
check('module.parent of a new Module', () => new (require('module'))('x').parent);
check('cycle: exports prototype while loading and after', () =>
  probe.require('./cycle/proto-a.js'));
check('probe module fields', () => ({
  id: probe.module.id,
  filename: probe.module.filename,
  path: probe.module.path,
  loaded: probe.module.loaded,
  parentIsThis: probe.module.parent === module,
  isChild: module.children.includes(probe.module),
}));
check('require.extensions', () => Object.keys(require.extensions));
check('module.constructor is Module', () => module.constructor === require('module'));
check('Module.wrap', () => require('module').wrap('x'));
check('Module.wrapper', () => require('module').wrapper);
