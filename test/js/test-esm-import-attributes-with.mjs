// Import attributes in node 20's `with` form: static `import ... with { type: 'json' }` and
// `import(x, { with: { type } })`, with node's errors for a missing or unsupported type.
import data from './fixtures/esm/json/data.json' with { type: 'json' };
import same from './fixtures/esm/json/data.json' assert { type: 'json' };
import { importer } from './fixtures/esm/json/importer.mjs';
import report from './fixtures/esm/report.cjs';

report.log('static with:', data, data === same);
await report.tryImports(importer, [
  ['./data.json', { with: { type: 'json' } }],
  ['./data.json', { with: {} }],
  ['./data.json', { with: { type: 'css' } }],
  ['./static.mjs', { with: { other: 'value' } }],
]);
const dynamic = await import('./fixtures/esm/json/data.json', { with: { type: 'json' } });
report.log('dynamic with is the same object:', dynamic.default === data);
