'use strict';
// Bursts of readFile cut short: a worker thread terminated while its bursts are being read, then
// process.exit() from a callback while thousands of reads are still pending. Nothing may crash,
// hang or print after the exit; the exit code is the one asked for.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function burst(names, onEach) {
  for (const name of names) fs.promises.readFile(name).then(onEach);
}

if (!isMainThread) {
  // Bursts forever, telling the parent after each.
  let done = 0;
  const again = () => burst(workerData, () => {
    if (++done % workerData.length === 0) {
      parentPort.postMessage(done / workerData.length);
      again();
    }
  });
  again();
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-burst-exit-'));
  const names = [];
  for (let i = 0; i < 500; i++) {
    names.push(path.join(dir, `f${i}`));
    fs.writeFileSync(names[i], 'x'.repeat(100 + i * 17));
  }
  process.on('exit', (code) => {
    fs.rmSync(dir, { recursive: true });
    console.log('exit', code);
  });
  const worker = new Worker(__filename, { workerData: names });
  worker.on('message', (bursts) => {
    if (bursts !== 3) return;
    worker.terminate().then((code) => {
      console.log('worker terminated after 3 bursts, code', code);
      let settled = 0;
      for (let round = 0; round < 10; round++) {
        burst(names, () => {
          if (++settled === 100) {
            console.log('exiting with reads pending');
            process.exit(5);
          }
          if (settled > 100) console.log('a read settled after exit');
        });
      }
    });
  });
}
