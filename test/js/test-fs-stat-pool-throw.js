'use strict';
// Throwing stat callbacks among a thousand delivered together (ringjs hands them to JS in
// chunks of 128: throws at a chunk's last and next chunk's first callback, and at the very
// last): each throw reaches 'uncaughtException', every callback runs once, every tick runs.
const fs = require('fs');

const throwing = new Set([0, 127, 128, 255, 500, 999]);
let ran = 0;
let ticks = 0;
const caught = [];
process.on('uncaughtException', (err) => caught.push(err.message));
process.on('exit', () => {
  console.log(`ran ${ran}, ticks ${ticks}, caught ${caught.length}: ${caught.sort().join(' ')}`);
});
for (let i = 0; i < 1000; i++) {
  fs.stat(__filename, (err, st) => {
    if (!err && st.isFile()) ran++;
    process.nextTick(() => ticks++);
    if (throwing.has(i)) throw new Error(`callback ${i}`);
  });
}
