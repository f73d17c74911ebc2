'use strict';
// Which argument of a callback-style fs call is its callback: a function in the place of a
// required argument is that argument (and its error), one in the place of an optional argument
// is the callback, as node decides per function.
const fs = require('fs');
const fn = function named() {};
const calls = {
  'stat(fn, fn)': () => fs.stat(fn, fn),
  'stat(fn)': () => fs.stat(fn),
  'lstat(fn, fn)': () => fs.lstat(fn, fn),
  'readFile(fn, fn)': () => fs.readFile(fn, fn),
  'readFile(fn)': () => fs.readFile(fn),
  'open(fn, fn)': () => fs.open(fn, fn),
  'access(fn)': () => fs.access(fn),
  'readdir(fn, fn)': () => fs.readdir(fn, fn),
  'mkdir(fn, fn)': () => fs.mkdir(fn, fn),
  'unlink(fn, fn)': () => fs.unlink(fn, fn),
  'rename(fn, fn)': () => fs.rename(fn, fn),
  "rename('a', fn)": () => fs.rename('a', fn),
  'link(fn, fn)': () => fs.link(fn, fn),
  'symlink(fn, fn)': () => fs.symlink(fn, fn),
  'copyFile(fn, fn)': () => fs.copyFile(fn, fn),
  'writeFile(fn, fn)': () => fs.writeFile(fn, fn),
  "writeFile('a', fn)": () => fs.writeFile('a', fn),
  'appendFile(fn, fn)': () => fs.appendFile(fn, fn),
  'exists(fn)': () => fs.exists(fn),
  'chmod(fn, fn)': () => fs.chmod(fn, fn),
  'truncate(fn, fn)': () => fs.truncate(fn, fn),
  'write(fn, fn)': () => fs.write(fn, fn),
  'read(fn, fn)': () => fs.read(fn, fn),
};
for (const [label, call] of Object.entries(calls)) {
  try {
    call();
    console.log(label, 'did not throw');
  } catch (error) {
    console.log(label, error.name, error.code, error.message);
  }
}
