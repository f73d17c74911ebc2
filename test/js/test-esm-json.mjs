// JSON modules: `assert { type: 'json' }` (the import attributes syntax V8 10.2 parses) gives
// the parsed file as the default export, one object shared with require(); node's errors for a
// missing, wrong or unsupported type, an unknown attribute, and invalid JSON.
import * as statics from './fixtures/esm/json/static.mjs';
import { importer } from './fixtures/esm/json/importer.mjs';
import { createRequire } from 'node:module';
import report from './fixtures/esm/report.cjs';

const require = createRequire(import.meta.url);
report.log('static:', statics.data, statics.array, statics.str, statics.bom);
report.log('one object:', statics.data === statics.again,
           statics.data === require('./fixtures/esm/json/data.json'));

await report.tryImports(importer, [
  ['./data.json', { assert: { type: 'json' } }],
  './data.json',
  ['./data.json', { assert: {} }],
  ['./data.json', { assert: { type: 'css' } }],
  ['./static.mjs', { assert: { type: 'json' } }],
  ['./static.mjs', { assert: { type: 'css' } }],
  ['./static.mjs', { assert: { other: 'value' } }],
  ['node:fs', { assert: { type: 'json' } }],
  ['./broken.json', { assert: { type: 'json' } }],
  ['./missing.json', { assert: { type: 'json' } }],
  ['./data.json?fresh', { assert: { type: 'json' } }],
]);
const fresh = await importer('./data.json?fresh', { assert: { type: 'json' } });
report.log('a query string gives another object:', fresh.default !== statics.data);
try {
  await importer('./data.json', { assert: { type: 1 } });
} catch (error) {
  report.log('non-string attribute value:', error.constructor.name);
}
