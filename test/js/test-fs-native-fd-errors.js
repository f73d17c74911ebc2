'use strict';
// The fd argument of close, fstat, fsync, fdatasync, fchmod, fchown, futimes and ftruncate
// (node 20 checks it in C++) is described as node does: a function without its name, a BigInt
// without `n`, an object without prototype as an instance of Object, numbers without `_`;
// read/write keep the JS wording. fchmod/fchown/futimes take their callback by position.
const fs = require('fs');

class Foo {}
const values = [
  function named() {}, () => {}, class A {}, 10n, 2n ** 70n, Object.create(null), new Foo(), [1],
  'x', null, undefined, 1.5, -1, 2 ** 40, 1e21, NaN, true,
];
const noop = () => {};
const calls = {
  close: (fd) => fs.close(fd, noop),
  closeSync: (fd) => fs.closeSync(fd),
  fstat: (fd) => fs.fstat(fd, noop),
  fstatSync: (fd) => fs.fstatSync(fd),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fdatasync: (fd) => fs.fdatasync(fd, noop),
  fchmod: (fd) => fs.fchmod(fd, 0o644, noop),
  fchownSync: (fd) => fs.fchownSync(fd, 0, 0),
  futimes: (fd) => fs.futimes(fd, 0, 0, noop),
  ftruncate: (fd) => fs.ftruncate(fd, noop),
  ftruncateSync: (fd) => fs.ftruncateSync(fd),
  read: (fd) => fs.read(fd, Buffer.alloc(1), 0, 1, 0, noop),
  writeSync: (fd) => fs.writeSync(fd, Buffer.alloc(1)),
};
for (const [name, call] of Object.entries(calls)) {
  for (const value of values) {
    try {
      call(value);
      console.log(name, 'no throw');
    } catch (err) {
      console.log(name, err.code, err.constructor.name, err.message);
    }
  }
}

const fd = fs.openSync(__filename, 'r');
for (const call of [
  () => fs.fchmod(fd, function mode() {}, noop), () => fs.fchmod(fd, () => {}),
  () => fs.fchmod(fd, 0o644), () => fs.fchmod(fd, 0o644, 5),
  () => fs.fchown(fd, 1, noop), () => fs.fchown(fd, () => {}),
  () => fs.futimes(fd, 1, noop), () => fs.futimes(fd, noop, noop),
]) {
  try {
    call();
    console.log('no throw');
  } catch (err) {
    console.log(err.code, err.message);
  }
}
fs.closeSync(fd);
