'use strict';
// Prints one line per check; absolute paths are shown relative to <fixtures> (test/js/fixtures/
// modules) or <testdir> (test/js) so node's recorded output matches on any machine.
const path = require('path');
const probe = require('./fixtures/modules/probe.js');
const { fixtures, clean, check } = require('./common/module-check');

// Errors require() throws: MODULE_NOT_FOUND with its require stack, loading failures.
check('missing relative file', () => probe.require('./plain/nope'));
check('missing package', () => probe.require('no-such-package-anywhere'));
check('missing package subpath', () => probe.require('main-pkg/nope'));
check('missing scoped package', () => probe.require('@scope/nope'));
check('missing absolute path', () => probe.require(path.join(fixtures, 'plain', 'nope.js')));
check('missing dependency of a fixture', () => probe.require('./plain/requires-missing.js'));
check('missing deep in a chain', () => probe.require('./plain/chain/outer.js'));
check('require.resolve missing', () => probe.resolve('./plain/nope'));
check('error properties', () => {
  try {
    probe.require('./plain/chain/outer.js');
  } catch (e) {
    return {
      isError: e instanceof Error,
      name: e.name,
      code: e.code,
      ownKeys: Object.keys(e),
      stackStartsWithMessage: e.stack.startsWith(`Error: ${e.message}`),
    };
  }
});
check('failed modules are not cached', () =>
  ['plain/chain/outer.js', 'plain/chain/inner.js', 'plain/requires-missing.js']
    .map((f) => path.join(fixtures, f) in probe.cache));

check('throwing module', () => probe.require('./plain/throws.js'));
check('throwing module is not cached', () => path.join(fixtures, 'plain/throws.js') in probe.cache);
check('throwing module is not a child', () =>
  probe.module.children.some((m) => m.id.endsWith('throws.js')));
check('bad json', () => probe.require('./plain/bad.json'));
check('bad json is not cached', () => path.join(fixtures, 'plain/bad.json') in probe.cache);

check('native addon', () => {
  const file = path.join(fixtures, 'plain', 'addon.node');
  try {
    probe.require('./plain/addon.node');
    return 'loaded?';
  } catch (e) {
    // node fails in dlopen (ERR_DLOPEN_FAILED), ringjs refuses addons; both name the file.
    return [e instanceof Error, e.message.includes(file), typeof e.code, file in probe.cache];
  }
});
check('addon resolves by extension', () => probe.resolve('./plain/addon'));
