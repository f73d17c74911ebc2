'use strict';
// AsyncLocalStorage stores reach callback-style fs calls and fs.promises continuations.
// Sorted output: which completion comes first is not what this test is about.
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
const lines = [];
const log = (...args) => lines.push(args.join(' '));
process.on('exit', () => console.log(lines.sort().join('\n')));
als.run('A', () => {
  fs.readFile(__filename, () => log('readFile cb', als.getStore()));
  fs.stat(__filename, () => log('stat cb', als.getStore()));
  fs.promises.readFile(__filename).then(() => log('promise', als.getStore()));
});
als.run('B', () => fs.access(__filename, () => log('access cb', als.getStore())));
