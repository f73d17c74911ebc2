// Node's ES module resolution: exact URLs (no extension search, no directory index, with
// node's "Did you mean" hints), file: URLs and absolute paths, percent-encoding, packages
// through node_modules with "exports" (sugar, conditions import/node/default, patterns, null
// targets, invalid targets), legacy "main", scoped packages, self-reference, "imports" (#x),
// builtins with and without node:, data: URLs, and the errors for everything else.
import { self, importer as selfImporter } from './fixtures/esm/resolve/self/index.mjs';
import { importer, resolver } from './fixtures/esm/resolve/importer.mjs';
import report from './fixtures/esm/report.cjs';

const { log, tryImports } = report;

log('self package:', self);

log('-- relative and absolute');
await tryImports(importer, [
  './file.mjs',
  './file',
  './cjs-file',
  './dir',
  './dir/',
  './dir/index.mjs',
  './missing.mjs',
  './a%2fb.mjs',
  './a%252fb.mjs',
  './notes.txt',
  `${import.meta.dirname}/fixtures/esm/resolve/file.mjs`,
  `${import.meta.dirname}/fixtures/esm/resolve/missing`,
  import.meta.resolve('./fixtures/esm/resolve/file.mjs'),
  import.meta.resolve('./fixtures/esm/resolve/file.mjs').replace('file://', 'file://elsewhere'),
  '../resolve/./file.mjs?query#hash',
]);

log('-- packages');
await tryImports(importer, [
  'sugar',
  'sugar/other.mjs',
  'sugar/package.json',
  'cond',
  'cond/node-first',
  'cond/custom',
  'cond/require-only',
  'cond/pattern/a',
  'cond/pattern/a.txt',
  'cond/pattern/private/secret',
  'cond/pattern/missing',
  'cond/array',
  'cond/bad-target',
  'cond/escape',
  'cond/dir-target',
  'cond/missing-file',
  ['cond/json', { assert: { type: 'json' } }],
  'cond/cjs',
  'cond/nope',
  'legacy',
  'legacy/lib/other.js',
  'legacy/lib/other',
  'legacy-index',
  'legacy-missing',
  'main-ext',
  '@scope/pkg/sub',
  '@scope/pkg',
  '@scope',
  'esm-only',
  'subpath/file.mjs',
  'subpath/deep',
  'subpath/deep.js',
  'no-such-package/sub',
  '.hidden-name',
  '%invalid',
]);

log('-- self-reference and imports');
await tryImports(selfImporter, [
  'self-ref',
  'self-ref/sub',
  'self-ref/missing',
  '#internal',
  '#pattern/internal',
  '#pattern/nope',
  '#missing-target',
  '#bad',
  '#null',
  '#builtin-scheme',
  '#undefined',
  '#',
  '#/slash',
]);

log('-- builtins and URL schemes');
await tryImports(importer, ['node:path', 'path', 'node:path/posix', 'node:test', 'node:events'],
                 { keysOnly: true });
await tryImports(importer, [
  'test',
  'node:no-such',
  'node:internal/errors',
  'data:text/javascript,export const from = "data URL";',
  'data:text/javascript;base64,ZXhwb3J0IGNvbnN0IGZyb20gPSAiYmFzZTY0Ijs=',
  ['data:application/json,{"from":"json data URL"}', { assert: { type: 'json' } }],
  'data:application/json,{}',
  'data:text/plain,hello',
  'http://example.invalid/x.mjs',
  'custom-scheme:thing',
]);

log('-- import.meta.resolve from the same place');
for (const specifier of ['sugar', 'cond', 'cond/pattern/a', 'legacy', 'node:fs', 'fs', './dir',
  './missing.mjs', 'esm-only']) {
  try {
    log(`${specifier} ->`, resolver(specifier));
  } catch (error) {
    report.showError(specifier, error);
  }
}
