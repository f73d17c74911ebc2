'use strict';
// resourceLimits: a worker that outgrows its old-generation limit ends with
// ERR_WORKER_OUT_OF_MEMORY and exit code 1, and the process lives on.
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const list = [];
  for (;;) list.push(new Array(1000).fill({ n: list.length }));
`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
worker.on('error', (err) => console.log('error', err.name, err.code, err.message));
worker.on('exit', (code) => {
  console.log('exit', code);
  const after = new Worker('require("worker_threads").parentPort.postMessage("still fine")',
                           { eval: true });
  after.on('message', (message) => console.log(message));
});
