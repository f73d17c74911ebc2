// An ES module worker (this file, by URL): top-level await and import() inside it, and a
// worker it starts itself.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { n: 1 } });
  worker.on('message', (message) => console.log('main got', message));
  worker.on('exit', (code) => console.log('exit', code));
} else {
  const { default: path } = await import('node:path');
  parentPort.postMessage({ workerData, join: path.join('a', 'b'), meta: typeof import.meta.url });
  const nested = new Worker(
    'require("worker_threads").parentPort.postMessage(require("worker_threads").isMainThread)',
    { eval: true });
  nested.on('message', (message) => parentPort.postMessage(`nested isMainThread ${message}`));
}
