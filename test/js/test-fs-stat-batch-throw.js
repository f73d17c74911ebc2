'use strict';
// A stat callback that throws, among others due in the same turn: the error reaches
// 'uncaughtException', every other callback still runs once, and what the callbacks (and the
// handler) scheduled runs once. A tick that throws goes the same way.
const fs = require('fs');

const counts = new Map();
const count = (what) => counts.set(what, (counts.get(what) || 0) + 1);
const uncaught = [];
process.on('uncaughtException', (err) => {
  uncaught.push(err.message);
  process.nextTick(() => count('handler tick'));
});
process.on('exit', () => {
  console.log(`uncaught: ${uncaught.sort().join(', ')}`);
  for (const [what, n] of [...counts].sort()) console.log(`${what}: ${n}`);
});
for (let i = 0; i < 6; i++) {
  fs.stat(__filename, (err, st) => {
    count(`callback ${i} ${err} ${st.isFile()}`);
    process.nextTick(() => {
      count('tick');
      if (i === 4) throw new Error('tick 4');
    });
    Promise.resolve().then(() => count('microtask'));
    if (i === 1 || i === 2) throw new Error(`callback ${i}`);
  });
}
