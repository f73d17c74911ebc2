'use strict';
// Stats whose integer fields do not fit in an int32 (a sparse file of 5 GiB) against one whose
// fields all do, through the callback and promise forms issued together (ringjs answers them
// from its stat batch, which ships small integers separately): the same numbers as statSync.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-stat-wide-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const big = path.join(dir, 'big');
const small = path.join(dir, 'small');
fs.writeFileSync(big, '');
fs.truncateSync(big, 5 * 1024 ** 3 + 7);
fs.writeFileSync(small, 'hello');

const fields = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks',
                'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'];
const check = (how, file, st) => {
  const want = fs.statSync(file);
  const differ = fields.filter((k) => st[k] !== want[k] || typeof st[k] !== 'number');
  console.log(`${how} ${path.basename(file)}: size=${st.size} differing=[${differ}] ` +
              `mtime=${st.mtime.getTime() === want.mtime.getTime()} isFile=${st.isFile()}`);
};
const lines = [];
const log = console.log;
console.log = (line) => lines.push(line);
let pending = 0;
const finish = () => {
  if (--pending !== 0) return;
  console.log = log;
  for (const line of lines.sort()) console.log(line);
};
for (const file of [big, small, big, small]) {
  pending += 2;
  fs.stat(file, (err, st) => { check('callback', file, st); finish(); });
  fs.promises.stat(file).then((st) => { check('promise', file, st); finish(); });
}
