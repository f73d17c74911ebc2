// Cycles between ES modules: evaluation order (post-order from the entry), hoisted functions
// usable before the module body ran, TDZ for let bindings, live values afterwards, a module
// importing itself, a three-module ring entered from different places.
import { a, aFunction } from './fixtures/esm/cycle/a.mjs';
import { value, keys } from './fixtures/esm/cycle/self.mjs';

console.log('entry:', a, aFunction());
console.log('self:', value, keys());
console.log('ring from x:');
await import('./fixtures/esm/cycle/x.mjs');
console.log('ring again from z (already evaluated, nothing runs):');
await import('./fixtures/esm/cycle/z.mjs');
