// node: builtins as ES modules: named exports for every key of module.exports plus default
// (the same object require() returns), with or without the node: scheme, scheme-only modules,
// live updates through module.syncBuiltinESMExports(), createRequire(import.meta.url).
import fs, { readFileSync, promises } from 'node:fs';
import fsAgain from 'fs';
import path, { join, posix } from 'path';
import EventEmitter, { once, EventEmitter as Named } from 'node:events';
import * as osNS from 'node:os';
import test from 'node:test';
import module, { createRequire, builtinModules, syncBuiltinESMExports } from 'node:module';
import process, { argv } from 'node:process';

const require = createRequire(import.meta.url);
console.log('fs:', fs === require('fs'), fs === fsAgain, readFileSync === fs.readFileSync,
            promises === require('fs/promises'));
console.log('path:', join('a', 'b'), posix === path.posix);
console.log('events:', EventEmitter === Named, typeof once, EventEmitter === require('events'));
console.log('os namespace default:', osNS.default === require('os'),
            Object.keys(osNS).includes('default'), typeof osNS.platform);
console.log('node:test default is test:', test === require('node:test'), typeof test);
console.log('module:', typeof module, typeof builtinModules.length, module.createRequire === createRequire);
console.log('process:', process === globalThis.process, argv === process.argv);

// A builtin's named exports follow module.exports after syncBuiltinESMExports().
const original = fs.readFileSync;
fs.readFileSync = function patched() { return 'patched'; };
console.log('before sync:', readFileSync === original);
syncBuiltinESMExports();
console.log('after sync:', readFileSync === fs.readFileSync, readFileSync());
fs.readFileSync = original;
syncBuiltinESMExports();
console.log('restored:', readFileSync === original);

// require() from an ES module through createRequire, with relative resolution from this file.
console.log('createRequire:', require('./fixtures/esm/cjs/exports-dot.cjs').alpha,
            require.resolve('./fixtures/esm/cjs/exports-dot.cjs') === `${import.meta.dirname}/fixtures/esm/cjs/exports-dot.cjs`);
