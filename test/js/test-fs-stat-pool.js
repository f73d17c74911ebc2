'use strict';
// A burst of callback and promise stats whose answers (successes and every kind of error) all
// come back later from the thread pool (ringjs queues them through one drain task and delivers
// them in chunks): each callback runs once with its own call's answer, errors have node's
// shape, and bigint/lstat/fstat answers are told apart. Only order-independent facts are
// printed.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-stat-pool-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const kFiles = 50;
for (let i = 0; i < kFiles; i++) fs.writeFileSync(path.join(dir, `f${i}`), 'x'.repeat(i));
fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
fs.symlinkSync('f7', path.join(dir, 'link7'));
// Names whose strings V8 may keep as Latin-1 (é, ÿ) or two-byte (日本): passed on as UTF-8.
const unicodeNames = ['caf\u00e9', '\u00ff\u00e9-long-enough-for-word-checks', '\u65e5\u672c', 'x\u00e9'];
unicodeNames.forEach((name, i) => fs.writeFileSync(path.join(dir, name), 'y'.repeat(100 + i)));
const fd = fs.openSync(path.join(dir, 'f9'), 'r');
const closedFd = fs.openSync(path.join(dir, 'f1'), 'r');
fs.closeSync(closedFd);

const outcomes = new Map();
const note = (what) => outcomes.set(what, (outcomes.get(what) || 0) + 1);
const long = 'a'.repeat(300);
const describePath = (p) => (p === undefined ? '-' : p === '' ? '""' : path.relative(dir, p));
// A callback's error has no stack frames in node (a promise's gets node's async frames, which
// are left out here).
const shape = (err, frames = true) => `${err.code} ${err.syscall} errno=${err.errno} ` +
  `keys=${Object.keys(err)} path=${describePath(err.path).replace(long, 'a*300')} ` +
  `${frames ? `stack-lines=${err.stack.split('\n').length} ` : ''}` +
  `${err.message.replace(dir, 'DIR').replace(long, 'a*300')}`;
let wrong = 0;
let pending = 0;
const done = () => {
  if (--pending !== 0) return;
  for (const [what, n] of [...outcomes].sort()) console.log(`${n} x ${what}`);
  console.log(`wrong answers: ${wrong}`);
  fs.closeSync(fd);
};
const expectSize = (i, bigint) => {
  pending++;
  let calls = 0;
  return (err, st) => {
    if (++calls !== 1) wrong++;
    if (err) {
      note(shape(err));
    } else {
      const size = bigint ? BigInt(i) : i;
      if (st.size !== size || !st.isFile()) wrong++;
      note(`${st.constructor.name} ok`);
    }
    done();
  };
};
const expectError = () => {
  pending++;
  return (err, st) => {
    note(err ? shape(err) : `unexpected success ${st.size}`);
    done();
  };
};

for (let round = 0; round < 40; round++) {
  for (let i = 0; i < kFiles; i++) fs.stat(path.join(dir, `f${i}`), expectSize(i, false));
  fs.stat(path.join(dir, 'f3'), { bigint: true }, expectSize(3, true));
  pending++;
  fs.lstat(path.join(dir, 'link7'), (err, st) => {
    note(`lstat ${err} symlink=${st.isSymbolicLink()} size=${st.size}`);
    done();
  });
  fs.stat(path.join(dir, 'link7'), expectSize(7, false));
  fs.stat(path.join(dir, 'missing'), expectError());
  fs.lstat(path.join(dir, 'missing'), { bigint: true }, expectError());
  fs.stat(path.join(dir, 'f2', 'below'), expectError());
  fs.stat(path.join(dir, 'loop-a'), expectError());
  fs.stat(path.join(dir, long), expectError());
  fs.stat('', expectError());
  fs.stat(Buffer.from(path.join(dir, 'missing-buffer')), expectError());
  fs.fstat(fd, expectSize(9, false));
  unicodeNames.forEach((name, i) => fs.stat(path.join(dir, name), expectSize(100 + i, false)));
  fs.fstat(closedFd, expectError());
  fs.fstat(closedFd, { bigint: true }, expectError());
  pending++;
  fs.promises.stat(path.join(dir, 'f5')).then((st) => {
    note(`promise ${st.constructor.name} size=${st.size}`);
    done();
  });
  pending++;
  fs.promises.lstat(path.join(dir, 'link7'), { bigint: true }).then((st) => {
    note(`promise ${st.constructor.name} symlink=${st.isSymbolicLink()}`);
    done();
  });
  pending++;
  fs.promises.stat(path.join(dir, 'nothing-here')).catch((err) => {
    note(`promise ${shape(err, false)}`);
    done();
  });
}
