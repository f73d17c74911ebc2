'use strict';
// import() from CommonJS: the promise, module code running only after the caller continued,
// relative specifiers resolved against the file containing the import() (eval'd code too),
// one instance shared with ES imports, CommonJS/JSON/builtins through import(), and the errors
// node gives (rejections, never synchronous throws).
const { log, tryImports } = require('./fixtures/esm/report.cjs');

log('before import()');
const promise = import('./fixtures/esm/dynamic/target.mjs');
log('import() returned a', Object.prototype.toString.call(promise));
log('after import(): the module has not run yet');

(async () => {
  const ns = await promise;
  log('namespace:', ns, Object.keys(ns));
  log('same instance:', ns === await import('./fixtures/esm/dynamic/target.mjs'));

  const importer = require('./fixtures/esm/dynamic/sub/importer.cjs');
  log('from sub/importer.cjs:', (await importer.load()).where, (await importer.loadParent()).where,
      (await importer.loadEval()).where);

  const cjs = await import('./fixtures/esm/cjs/exports-dot.cjs');
  log('CommonJS through import():', cjs.default === require('./fixtures/esm/cjs/exports-dot.cjs'),
      cjs.alpha);
  const fs = await import('fs');
  log('builtin through import():', fs.default === require('fs'), fs.readFileSync === require('fs').readFileSync);
  const json = await import('./fixtures/esm/json/data.json', { assert: { type: 'json' } });
  log('JSON through import():', json.default, json.default === require('./fixtures/esm/json/data.json'));

  // import() takes any value as the specifier and stringifies it.
  const stringified = await import({ toString: () => './fixtures/esm/dynamic/target.mjs' });
  log('stringified specifier:', stringified === ns);

  await tryImports((specifier, options) => import(specifier, options), [
    './fixtures/esm/dynamic/type-module/esm.js',
    './fixtures/esm/dynamic/type-module/cjs.cjs',
    './fixtures/esm/dynamic/type-module/noext',
    './fixtures/esm/dynamic/plain-noext',
    './fixtures/esm/dynamic/plain.js',
    './fixtures/esm/dynamic/throws.mjs',
    './fixtures/esm/dynamic/throws.mjs',
    './fixtures/esm/dynamic/tla-reject.mjs',
    './fixtures/esm/dynamic/uses-require.mjs',
    './fixtures/esm/dynamic/type-module/uses-exports.js',
    './fixtures/esm/dynamic/missing.mjs',
    './fixtures/esm/dynamic/missing',
    './fixtures/esm/dynamic',
    'no-such-package',
    'node:no-such-builtin',
    '',
  ]);

  try {
    import(Symbol('no')).catch((error) => log('symbol specifier rejects:', error.constructor.name));
    log('import() of a symbol does not throw synchronously');
  } catch (error) {
    log('unexpected synchronous throw', error);
  }
})();
