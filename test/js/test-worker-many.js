'use strict';
// 50 workers started at once all run and finish; afterwards the process has as many threads
// (/proc/self/task) and open fds as before: nothing leaks per worker. Kernel-side helpers may
// take a moment to go, so the count is polled until it is back (or 10 s pass).
const { Worker } = require('worker_threads');
const fs = require('fs');

const threads = () => fs.readdirSync('/proc/self/task').length;
const fds = () => fs.readdirSync('/proc/self/fd').length;
const threadsBefore = threads();
const fdsBefore = fds();

const count = 50;
let finished = 0;
let wrong = 0;
for (let i = 0; i < count; i++) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    parentPort.postMessage(workerData * 2);
  `, { eval: true, workerData: i });
  let reply;
  worker.on('message', (message) => { reply = message; });
  worker.on('exit', (code) => {
    if (code !== 0 || reply !== i * 2) wrong++;
    if (++finished === count) waitForBaseline(Date.now());
  });
}

function waitForBaseline(start) {
  const back = threads() <= threadsBefore && fds() <= fdsBefore;
  if (!back && Date.now() - start < 10000) {
    setTimeout(waitForBaseline, 20, start);
    return;
  }
  console.log('finished', finished, 'wrong', wrong);
  console.log('threads back to baseline', threads() <= threadsBefore);
  console.log('fds back to baseline', fds() <= fdsBefore);
}
