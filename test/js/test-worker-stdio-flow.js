'use strict';
// A worker that pipes its stdin to its stdout stays alive until stdin ends: every byte the
// parent writes comes back, however much. Preload modules (-r in execArgv) run in the worker
// before its entry, and what they print counts as the worker's stdout.
const path = require('path');
const { Worker, isMainThread } = require('worker_threads');

if (isMainThread) {
  const chunks = [];
  let expected = Buffer.alloc(0);
  let received = 0;
  const w = new Worker(__filename, { stdin: true, stdout: true });
  // The next chunk goes once the last one came back: the worker waits on its stdin meanwhile.
  function sendNext() {
    if (expected.length === 16 * 64 * 1024) return w.stdin.end();
    const chunk = Buffer.alloc(64 * 1024, expected.length / (64 * 1024));
    expected = Buffer.concat([expected, chunk]);
    w.stdin.write(chunk);
  }
  w.stdout.on('data', (chunk) => {
    chunks.push(chunk);
    received += chunk.length;
    if (received === expected.length) sendNext();
  });
  sendNext();
  w.on('exit', (code) => {
    const received = Buffer.concat(chunks);
    console.log('echo exit', code, 'bytes', received.length, 'equal', received.equals(expected));
    const preload = path.join(__dirname, 'fixtures', 'worker-preload-print.js');
    const p = new Worker('console.log("entry")', {
      eval: true, stdout: true, execArgv: ['--require', preload],
    });
    p.on('exit', () => console.log('preload', JSON.stringify(p.stdout.read().toString())));
  });
} else {
  process.stdin.pipe(process.stdout);
}
