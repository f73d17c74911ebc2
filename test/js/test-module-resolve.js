'use strict';
// Prints one line per check; absolute paths are shown relative to <fixtures> (test/js/fixtures/
// modules) or <testdir> (test/js) so node's recorded output matches on any machine.
const path = require('path');
const probe = require('./fixtures/modules/probe.js');
const { fixtures, clean, check } = require('./common/module-check');

// Relative and absolute files, extensions, directories.
check('./plain/a', () => probe.resolve('./plain/a'));
check('./plain/a.js', () => probe.resolve('./plain/a.js'));
check('absolute plain/a', () => probe.resolve(path.join(fixtures, 'plain', 'a')));
check('require plain/a', () => probe.require('./plain/a'));
check('./plain/data.json', () => probe.require('./plain/data.json'));
check('./plain/data (json by extension)', () => probe.resolve('./plain/data'));
check('./plain/bom.json', () => probe.require('./plain/bom.json'));
check('./plain/common.cjs', () => probe.require('./plain/common.cjs'));
check('./plain/common (no .cjs search)', () => probe.resolve('./plain/common'));
check('./plain/noext', () => probe.require('./plain/noext'));
check('./plain/both', () => probe.require('./plain/both'));
check('./plain/file-and-dir', () => probe.require('./plain/file-and-dir'));
check('./plain/file-and-dir/', () => probe.require('./plain/file-and-dir/'));
check('./plain/dir-index', () => probe.require('./plain/dir-index'));
check('./plain/dir-index/', () => probe.resolve('./plain/dir-index/'));
check('./plain/dir-index/.', () => probe.resolve('./plain/dir-index/.'));
check('./plain/dir-index-json', () => probe.require('./plain/dir-index-json'));
check('./plain/dir-main', () => probe.require('./plain/dir-main'));
check('./plain/dir-main-noext', () => probe.require('./plain/dir-main-noext'));
check('./plain/dir-main-dir', () => probe.require('./plain/dir-main-dir'));
check('./plain/dir-main-missing', () => probe.require('./plain/dir-main-missing'));
check('./plain/dir-main-empty', () => probe.require('./plain/dir-main-empty'));
check('./plain/dir-no-main', () => probe.require('./plain/dir-no-main'));
check('./plain/dir-main-missing-noindex', () => probe.resolve('./plain/dir-main-missing-noindex'));
check('./plain/dir-main-badjson', () => probe.resolve('./plain/dir-main-badjson'));
check('./plain/shebang.js', () => probe.require('./plain/shebang.js'));
check('./plain/sub/../a.js', () => probe.resolve('./plain/sub/../a.js'));
check('.', () => probe.resolve('.'));
check('..', () => probe.resolve('..'));

// Packages in node_modules.
check('main-pkg', () => probe.require('main-pkg'));
check('main-pkg/lib/other', () => probe.require('main-pkg/lib/other'));
check('main-pkg/package.json', () => probe.resolve('main-pkg/package.json'));
check('index-pkg', () => probe.require('index-pkg'));
check('index-pkg/sub', () => probe.require('index-pkg/sub'));
check('file-pkg (a file in node_modules)', () => probe.require('file-pkg'));
check('json-pkg', () => probe.require('json-pkg'));
check('@scope/pkg', () => probe.require('@scope/pkg'));
check('@scope/pkg/sub', () => probe.require('@scope/pkg/sub'));
check('@scope/pkg/feature', () => probe.require('@scope/pkg/feature'));
check('@scope/exp', () => probe.require('@scope/exp'));
check('@scope/exp/feature', () => probe.require('@scope/exp/feature'));
check('main-missing-pkg', () => probe.require('main-missing-pkg'));
check('shadow from fixtures', () => probe.require('shadow'));
const app = require('./fixtures/modules/app/probe.js');
check('shadow from app', () => app.require('shadow'));
check('only-in-app from app', () => app.resolve('only-in-app'));
check('only-in-app from fixtures', () => probe.resolve('only-in-app'));
check('main-pkg from app (walks up)', () => app.resolve('main-pkg'));

// require.resolve with { paths }.
check('paths: relative request', () =>
  probe.resolve('./a.js', { paths: [path.join(fixtures, 'plain')] }));
check('paths: relative request, second path', () =>
  probe.resolve('./index.js', { paths: [path.join(fixtures, 'plain'), path.join(fixtures, 'plain', 'dir-index')] }));
check('paths: package from app', () =>
  probe.resolve('only-in-app', { paths: [path.join(fixtures, 'app')] }));
check('paths: package from a subdirectory', () =>
  probe.resolve('shadow', { paths: [path.join(fixtures, 'app', 'lib', 'pat')] }));
check('paths: package from fixtures', () => probe.resolve('shadow', { paths: [fixtures] }));
check('paths: empty list', () => probe.resolve('shadow', { paths: [] }));
check('paths: builtin', () => probe.resolve('fs', { paths: [fixtures] }));
check('paths: not an array', () => probe.resolve('shadow', { paths: 'x' }));
check('paths: undefined', () => probe.resolve('shadow', { paths: undefined }));
check('paths: absolute request', () =>
  probe.resolve(path.join(fixtures, 'plain', 'a.js'), { paths: ['/nonexistent'] }));

// Lookup paths.
function chain(paths) {
  // The node_modules chain inside the fixtures; the rest depends on where the checkout and
  // HOME are, so only its shape is printed.
  if (paths === null) return null;
  const inside = paths.filter((p) => p.startsWith(fixtures));
  const rest = paths.slice(inside.length);
  const expected = [];
  for (let dir = path.dirname(fixtures); ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') expected.push(path.join(dir, 'node_modules'));
    if (dir === '/') break;
  }
  // Global folders: $NODE_PATH entries, ~/.node_modules, ~/.node_libraries, <prefix>/lib/node.
  const globals = [];
  if (process.env.NODE_PATH) globals.push(...process.env.NODE_PATH.split(':').filter(Boolean));
  if (process.env.HOME) {
    globals.push(path.resolve(process.env.HOME, '.node_modules'),
                 path.resolve(process.env.HOME, '.node_libraries'));
  }
  globals.push(path.resolve(process.execPath, '..', '..', 'lib', 'node'));
  const restGlobals = rest.slice(expected.length);
  return {
    inside,
    thenEveryParent: JSON.stringify(rest.slice(0, expected.length)) === JSON.stringify(expected),
    globals: restGlobals.length === 0 ? 'none' :
      JSON.stringify(restGlobals) === JSON.stringify(globals) ? 'as expected' : restGlobals,
  };
}
check('require.resolve.paths(pkg)', () => chain(probe.resolvePaths('main-pkg')));
check('require.resolve.paths(./x)', () => probe.resolvePaths('./x'));
check('require.resolve.paths(../x)', () => probe.resolvePaths('../x'));
check('require.resolve.paths(/abs)', () => chain(probe.resolvePaths('/abs')));
check('require.resolve.paths(fs)', () => probe.resolvePaths('fs'));
check('require.resolve.paths(node:fs)', () => probe.resolvePaths('node:fs'));
check('require.resolve.paths from app', () => chain(app.resolvePaths('x')));
check('module.paths of probe', () => chain(probe.module.paths));
check('module.paths of app probe', () => chain(app.module.paths));
check('module.paths inside node_modules', () =>
  chain(probe.require('./node_modules/exports-subpaths/node_modules/dep/index.js') &&
        probe.cache[path.join(fixtures, 'node_modules/exports-subpaths/node_modules/dep/index.js')].paths));
check('this test module.paths', () => module.paths[0]);
check('require.resolve type errors', () => probe.resolve(42));

// Symbolic links resolve to the real path (the cache key, __filename, module.paths).
check('symlinked package', () => probe.require('linked-pkg'));
check('symlinked package resolve', () => probe.resolve('linked-pkg'));
check('symlinked file', () => probe.resolve('./plain/link-to-a.js'));
check('symlinked file exports', () => probe.require('./plain/link-to-a') === probe.require('./plain/a'));
