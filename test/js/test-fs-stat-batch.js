'use strict';
// Many fs.stat/lstat/fstat callbacks due in the same loop turn (ringjs answers cached stats on
// the JS thread and delivers them in one batch): each callback still runs as if in its own
// callback scope, with the ticks and microtasks it scheduled drained before the next one; errors,
// bigint stats, symlinks, fds, AsyncLocalStorage and fs.promises behave as in node. Only facts that do not
// depend on the order node's thread pool answers in are printed.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { AsyncLocalStorage } = require('async_hooks');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-stat-batch-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'file');
fs.writeFileSync(file, 'twelve bytes');
const link = path.join(dir, 'link');
fs.symlinkSync(file, link);
fs.mkdirSync(path.join(dir, 'sub'));
const results = [];
const report = () => {
  for (const line of results.sort((a, b) => a[0] - b[0])) console.log(line[1]);
};

// 1. Drains between callbacks: work scheduled by one callback never waits for the next.
let outstanding = 0;
let undrained = 0;
let calls = 0;
const kCalls = 200;
function drainCheck(err, st) {
  if (outstanding !== 0) undrained++;
  outstanding += 4;
  process.nextTick(() => {
    outstanding--;
    Promise.resolve().then(() => outstanding--);
  });
  Promise.resolve().then(() => {
    outstanding--;
    process.nextTick(() => outstanding--);
  });
  if (++calls === kCalls) {
    setImmediate(() => {
      console.log(`${calls} callbacks, ${undrained} saw undrained work, ${outstanding} left`);
      part2();
    });
  }
}
for (let i = 0; i < kCalls; i++) {
  if (i % 3 === 0) fs.stat(file, drainCheck);
  else if (i % 3 === 1) fs.lstat(link, drainCheck);
  else fs.stat(dir, { bigint: true }, drainCheck);
}

// 2. Successes, errors, bigint, symlinks, fds: each call's answer.
function part2() {
  let left = 0;
  const expect = (index, describe) => {
    left++;
    return (err, st) => {
      results.push([index, `${index}: ${describe(err, st)}`]);
      if (--left === 0) {
        report();
        part3();
      }
    };
  };
  const errorText = (err) => `${err.code} ${err.syscall} ${path.relative(dir, err.path)} ` +
                             `errno=${err.errno} ${Object.keys(err)} ${err.message.replace(dir, 'DIR')}`;
  fs.stat(file, expect(0, (err, st) => `${err} file=${st.isFile()} size=${st.size}`));
  fs.stat(path.join(dir, 'missing'), expect(1, errorText));
  fs.stat(path.join(file, 'below-a-file'), expect(2, errorText));
  fs.lstat(link, expect(3, (err, st) => `${err} symlink=${st.isSymbolicLink()} file=${st.isFile()}`));
  fs.stat(link, expect(4, (err, st) => `${err} symlink=${st.isSymbolicLink()} size=${st.size}`));
  fs.stat(file, { bigint: true }, expect(5, (err, st) =>
    `${err} ${st.constructor.name} size=${typeof st.size} ${st.size} ns=${typeof st.mtimeNs} ` +
    `ms=${st.mtimeMs === st.mtimeNs / 1000000n} date=${st.mtime instanceof Date}`));
  fs.lstat(path.join(dir, 'missing'), { bigint: true }, expect(6, errorText));
  fs.stat(path.join(dir, 'sub'), expect(7, (err, st) => `${err} dir=${st.isDirectory()}`));
  const fd = fs.openSync(file, 'r');
  // Closed once both answers are in: nothing orders one call's callback before the other runs.
  let fstats = 2;
  const closeAfterBoth = () => --fstats === 0 && fs.closeSync(fd);
  fs.fstat(fd, expect(8, (err, st) => {
    closeAfterBoth();
    return `${err} file=${st.isFile()} size=${st.size}`;
  }));
  fs.fstat(fd, { bigint: true }, expect(9, (err, st) => {
    closeAfterBoth();
    return `${err} size=${st.size}`;
  }));
  fs.stat(file, expect(10, (err, st) => {
    const same = fs.statSync(file);
    return `shape ${Object.keys(st)} proto=${Object.getPrototypeOf(st) === Object.getPrototypeOf(same)} ` +
           `atime=${JSON.stringify(Object.getOwnPropertyDescriptor(st, 'atime'), (k, v) => (k === 'value' ? 'Date' : v))} ` +
           `mtime=${st.mtime.getTime() === same.mtime.getTime()} mtimeMs=${st.mtimeMs === same.mtimeMs}`;
  }));
  fs.stat(file, expect(11, function() { return `this=${this === undefined || this === globalThis}`; }));
}

// 3. AsyncLocalStorage: each callback sees the store of its call.
function part3() {
  const als = new AsyncLocalStorage();
  let left = 3;
  const seen = [];
  for (const id of ['a', 'b', 'c']) {
    als.run(id, () => {
      fs.stat(file, () => {
        seen.push(`${id}=${als.getStore()}`);
        if (--left === 0) {
          console.log(`stores ${seen.sort()}`);
          part4();
        }
      });
    });
  }
}

// 4. fs.promises.stat/lstat: the same answers as promises.
function part4() {
  const { stat, lstat } = fs.promises;
  const describe = (p) => p.then((st) => `${st.constructor.name} file=${st.isFile()} ` +
                                         `symlink=${st.isSymbolicLink()} size=${st.isSymbolicLink() ? 'n' : st.size}`,
                                 (err) => `${err.code} ${err.syscall} ${Object.keys(err)} ` +
                                          err.message.replace(dir, 'DIR'));
  const calls = [
    stat(file), stat(file, { bigint: true }), lstat(link), stat(link), lstat(file, {}),
    stat(path.join(dir, 'missing')), lstat(path.join(file, 'x'), { bigint: true }),
    stat(file, null), stat(Buffer.from(file)), stat(new URL(`file://${file}`)),
  ];
  Promise.all(calls.map(describe)).then((lines) => {
    lines.forEach((line, i) => console.log(`promise ${i}: ${line}`));
  });
}
