'use strict';
// ArrayBuffers in the transfer list move (the sender's copy is detached), a
// SharedArrayBuffer is shared by both threads (Atomics.wait/notify between them), and a
// markAsUntransferable buffer is copied instead of moved.
const {
  Worker, isMainThread, parentPort, workerData, markAsUntransferable,
} = require('worker_threads');

if (!isMainThread) {
  const i32 = new Int32Array(workerData.shared);
  // Tell the main thread we are here, then sleep until it stores the answer.
  Atomics.store(i32, 1, 1);
  Atomics.notify(i32, 1);
  Atomics.wait(i32, 0, 0);
  i32[2] = 7;
  parentPort.on('message', (message) => {
    const bytes = new Uint8Array(message.buffer);
    parentPort.postMessage({
      receivedLength: message.buffer.byteLength,
      firstBytes: [...bytes.slice(0, 4)],
      sawAnswer: Atomics.load(i32, 0),
    });
    if (!message.last) return;
    // Send one back, transferred.
    const reply = new ArrayBuffer(3);
    new Uint8Array(reply).set([9, 8, 7]);
    parentPort.postMessage(reply, [reply]);
    parentPort.postMessage({ replyLengthAfterTransfer: reply.byteLength });
    parentPort.close();
  });
  return;
}

const shared = new SharedArrayBuffer(12);
const i32 = new Int32Array(shared);
const worker = new Worker(__filename, { workerData: { shared } });
// Block until the worker has started (a real cross-thread wait).
Atomics.wait(i32, 1, 0);
console.log('worker signalled', Atomics.load(i32, 1));
Atomics.store(i32, 0, 42);
Atomics.notify(i32, 0);

const buffer = new ArrayBuffer(8);
new Uint8Array(buffer).set([1, 2, 3, 4, 5, 6, 7, 8]);
const view = new Uint8Array(buffer, 2, 4);
worker.postMessage({ buffer }, [buffer]);
console.log('after transfer: byteLength', buffer.byteLength, 'view length', view.length);

const kept = new ArrayBuffer(4);
markAsUntransferable(kept);
worker.postMessage({ buffer: kept, last: true }, [kept]);
console.log('untransferable kept its length', kept.byteLength);

let messages = 0;
worker.on('message', (message) => {
  messages++;
  if (message instanceof ArrayBuffer) {
    console.log('reply buffer', [...new Uint8Array(message)]);
  } else {
    console.log('worker saw', message);
  }
});
worker.on('exit', (code) => {
  console.log('messages', messages, 'exit', code, 'shared[2] written by worker', i32[2]);
});
