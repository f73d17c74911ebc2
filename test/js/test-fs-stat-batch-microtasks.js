'use strict';
// What runs between two stat callbacks due together (ringjs delivers them in one batch and
// runs a callback's bare microtask checkpoint inside the next answer's native call): a
// callback's microtasks, the ticks those queue, its ticks and the microtasks those queue all run
// before the next callback, in node's order; a callback that queues nothing is followed by
// nothing. Printed per callback, so the order the pool answers in does not matter.
const fs = require('fs');

const kCalls = 40;
const ran = new Map();  // callback index -> what ran after it, before the next callback
let current = -1;
let calls = 0;
const note = (what) => ran.get(current).push(what);
const kinds = [
  (i) => Promise.resolve().then(() => {
    note(`micro${i}`);
    process.nextTick(() => note(`tick-from-micro${i}`));
  }),
  (i) => process.nextTick(() => {
    note(`tick${i}`);
    queueMicrotask(() => note(`micro-from-tick${i}`));
  }),
  (i) => {
    queueMicrotask(() => note(`queued${i}`));
    process.nextTick(() => note(`tick${i}`));
  },
  () => {},
  (i) => {
    (async () => {
      await null;
      note(`await1-${i}`);
      await null;
      note(`await2-${i}`);
    })();
  },
];
const callback = (i) => (err, st) => {
  current = i;
  ran.set(i, [err ? err.code : st.isFile() ? 'file' : 'other']);
  kinds[i % kinds.length](i);
  if (++calls === kCalls) {
    setImmediate(() => {
      for (const [index, events] of [...ran].sort((a, b) => a[0] - b[0])) {
        console.log(`${index}: ${events.join(' ')}`);
      }
    });
  }
};
for (let i = 0; i < kCalls; i++) {
  if (i % 7 === 3) fs.stat('/nonexistent/ringjs', callback(i));
  else if (i % 2 === 0) fs.stat(__filename, callback(i));
  else fs.lstat(__filename, { bigint: true }, callback(i));
}
