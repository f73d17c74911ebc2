'use strict';
// Stats on several threads at once (each worker has its own loop and queue), and a worker
// terminated while its stats are still queued: every thread sees its own answers, the
// terminated one ends cleanly and the process exits normally.
const fs = require('fs');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function statBurst(count, done) {
  let left = count;
  let ok = 0;
  let missing = 0;
  for (let i = 0; i < count; i++) {
    const target = i % 10 === 0 ? `${__filename}.missing` : __filename;
    fs.stat(target, (err, st) => {
      if (err && err.code === 'ENOENT') missing++;
      else if (!err && st.isFile()) ok++;
      if (--left === 0) done(`${ok} ok, ${missing} ENOENT`);
    });
  }
}

if (!isMainThread) {
  if (workerData.terminated) {
    statBurst(20000, () => parentPort.postMessage('finished (not expected)'));
    parentPort.postMessage('issued');
    // Block this thread's JS until terminate() interrupts it: the answers are never delivered.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  } else {
    statBurst(workerData.count, (summary) => parentPort.postMessage(summary));
  }
} else {
  const lines = [];
  let left = 4;
  const finish = (line) => {
    lines.push(line);
    if (--left === 0) for (const l of lines.sort()) console.log(l);
  };
  for (const count of [3000, 5000]) {
    const worker = new Worker(__filename, { workerData: { count } });
    worker.on('message', (summary) => finish(`worker ${count}: ${summary}`));
  }
  const doomed = new Worker(__filename, { workerData: { terminated: true } });
  doomed.on('message', (message) => {
    if (message === 'issued') doomed.terminate();
    else finish(`doomed: ${message}`);
  });
  doomed.on('exit', (code) => finish(`doomed exit ${code}`));
  statBurst(4000, (summary) => finish(`main: ${summary}`));
}
