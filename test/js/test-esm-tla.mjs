// Top-level await as node runs it: a module waits for the async dependencies before it (in
// order), siblings interleave at their awaits, a module imported twice runs once, nextTicks and
// microtasks around awaits, for await, import() inside TLA, and rejections reaching importers.
import { sync } from './fixtures/esm/tla/sync.mjs';
import { afterSlow } from './fixtures/esm/tla/after-slow.mjs';
import { fast } from './fixtures/esm/tla/fast.mjs';
import { runs } from './fixtures/esm/tla/shared.mjs';
import { sum } from './fixtures/esm/tla/for-await.mjs';
import { runs as runsAgain } from './fixtures/esm/tla/shared.mjs';

console.log('entry: body', sync, afterSlow, fast, runs, runsAgain, sum);
await import('./fixtures/esm/tla/tick-order.mjs');
const { viaDynamic } = await import('./fixtures/esm/tla/dynamic-tla.mjs');
console.log('entry: import() with TLA inside ->', viaDynamic);

for (const specifier of ['./fixtures/esm/tla/rejects-importer.mjs',
  './fixtures/esm/tla/rejects.mjs']) {
  try {
    await import(specifier);
  } catch (error) {
    console.log(`entry: import(${specifier}) rejected:`, error.message);
  }
}
const results = await Promise.allSettled([
  import('./fixtures/esm/tla/slow.mjs'),
  import('./fixtures/esm/tla/rejects.mjs'),
]);
console.log('entry: allSettled', results.map((r) => r.status));
console.log('entry: end');
