// Cycles across the two module systems: an ES module imports CommonJS that requires a cycle
// of CommonJS (partial exports), and CommonJS that import()s the ES module importing it, both
// while it evaluates and from a top-level await.
import { fromMain, mainPromise } from './fixtures/esm/interop-cycle/main.mjs';
console.log('entry sees', fromMain);
console.log('b.cjs:', await mainPromise);
const { a, fromBridge } = await import('./fixtures/esm/interop-cycle/esm-a.mjs');
console.log('esm-a:', a, '|', fromBridge);
