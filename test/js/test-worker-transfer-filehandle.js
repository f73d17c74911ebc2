'use strict';
// A FileHandle moves through postMessage when it is in the transfer list: the receiver (same
// thread or a worker) gets a working handle on the same fd, the sender's handle is closed.
// Node's errors for a handle not listed, in use, closing, closed, or listed twice.
const { MessageChannel, Worker, isMainThread, parentPort } = require('worker_threads');
const { once } = require('events');
const fs = require('fs');
const os = require('os');
const path = require('path');

function show(label, err) {
  console.log(label, err.constructor.name, err.name, err.code, err.message);
}

if (!isMainThread) {
  parentPort.once('message', async ({ handle }) => {
    const buffer = Buffer.alloc(5);
    const { bytesRead } = await handle.read(buffer, 0, 5, 6);
    // Reported to the main thread, which prints (one stdout order).
    const read = `${bytesRead} ${buffer} ${handle.constructor.name}`;
    parentPort.postMessage({ handle, read }, [handle]);
    parentPort.postMessage({ fdAfter: handle.fd });
  });
  return;
}

const file = path.join(os.tmpdir(), `ringjs-transfer-filehandle-${process.pid}.txt`);
fs.writeFileSync(file, 'hello world');

async function main() {
  const { port1, port2 } = new MessageChannel();

  const handle = await fs.promises.open(file);
  const fd = handle.fd;
  try { port1.postMessage(handle); } catch (err) { show('not listed:', err); }
  try { port1.postMessage({ nested: [handle] }); } catch (err) { show('nested, not listed:', err); }
  try { port1.postMessage(handle, [handle, handle]); } catch (err) { show('listed twice:', err); }
  try { structuredClone(handle); } catch (err) { show('structuredClone, not listed:', err); }
  console.log('still open', handle.fd === fd);

  port1.postMessage({ handle }, [handle]);
  console.log('sender fd after transfer', handle.fd);
  try { await handle.stat(); } catch (err) { show('sender stat:', err); }
  try { await handle.read(Buffer.alloc(1), 0, 1, 0); } catch (err) { show('sender read:', err); }
  await handle.close();
  console.log('sender close resolves');

  const [{ handle: received }] = await once(port2, 'message');
  console.log('received', received.constructor.name, received.fd === fd);
  const buffer = Buffer.alloc(5);
  const { bytesRead } = await received.read(buffer, 0, 5, 0);
  console.log('received read', bytesRead, buffer.toString());
  console.log('received size', (await received.stat()).size);

  // Posting the moved handle again sends nothing usable: the receiver gets 'messageerror'.
  // (With a 'message' listener: a 'messageerror' listener alone does not start the port.)
  const ignore = () => {};
  port2.on('message', ignore);
  port1.postMessage(handle, [handle]);
  const [error] = await once(port2, 'messageerror');
  port2.off('message', ignore);
  show('moved again:', error);

  // In use: an operation in flight, or a close in progress; then closed for good.
  const busy = received.read(Buffer.alloc(1), 0, 1, 0);
  try { port1.postMessage(received, [received]); } catch (err) { show('pending read:', err); }
  await busy;
  const closing = received.close();
  try { port1.postMessage(received, [received]); } catch (err) { show('closing:', err); }
  await closing;
  try { port1.postMessage(received, [received]); } catch (err) { show('closed:', err); }

  // A readableWebStream() keeps it in use for good.
  const streamed = await fs.promises.open(file);
  streamed.readableWebStream();
  try { port1.postMessage(streamed, [streamed]); } catch (err) { show('web stream:', err); }
  await streamed.close();

  // A failed message moves nothing.
  const kept = await fs.promises.open(file);
  try { port1.postMessage({ kept, f() {} }, [kept]); } catch (err) { show('uncloneable:', err); }
  console.log('kept open', kept.fd !== -1);
  // Listed but not in the message: it is closed for the sender all the same.
  port1.postMessage('nothing', [kept]);
  console.log('listed only', kept.fd);
  await once(port2, 'message');

  // structuredClone with a transfer list moves it too.
  const cloned = await fs.promises.open(file);
  const copy = structuredClone({ cloned }, { transfer: [cloned] });
  console.log('structuredClone', copy.cloned.constructor.name, cloned.fd, copy.cloned.fd > 2);
  console.log('same object twice', (() => {
    const twice = structuredClone([copy.cloned, copy.cloned], { transfer: [copy.cloned] });
    const same = twice[0] === twice[1];
    twice[0].close();
    return same;
  })());
  port1.close();

  // To a worker and back.
  const worker = new Worker(__filename);
  const toWorker = await fs.promises.open(file);
  worker.postMessage({ handle: toWorker }, [toWorker]);
  console.log('main fd after sending to worker', toWorker.fd);
  const [{ handle: back, read }] = await once(worker, 'message');
  console.log('worker read', read);
  const [{ fdAfter }] = await once(worker, 'message');
  console.log('worker handle after sending back', fdAfter);
  const back5 = Buffer.alloc(5);
  await back.read(back5, 0, 5, 0);
  console.log('main read what came back', back5.toString(), back instanceof toWorker.constructor);
  await back.close();
  await once(worker, 'exit');
  fs.unlinkSync(file);
}

main();
