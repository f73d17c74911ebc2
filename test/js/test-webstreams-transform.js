'use strict';
// TransformStream: identity and custom transforms, flush at close, terminate(), errors from
// transform/flush, cancel on either side reaching transformer.cancel(), backpressure between
// the two sides (desiredSize, writes held until the readable side pulls).

const { TransformStream, CountQueuingStrategy } = require('stream/web');

function show(label, error) {
  console.log(label, error.name, error.code, error.message);
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function readAll(readable) {
  const out = [];
  for await (const chunk of readable) out.push(chunk);
  return out;
}

async function basics() {
  console.log('--- identity, transform, flush');
  const identity = new TransformStream();
  const writer = identity.writable.getWriter();
  writer.write('x');
  writer.write('y');
  writer.close();
  console.log(await readAll(identity.readable));

  const log = [];
  const splitter = new TransformStream({
    start(controller) { log.push(`start desiredSize ${controller.desiredSize}`); },
    transform(chunk, controller) {
      log.push(`transform ${chunk}`);
      for (const part of chunk.split(' ')) controller.enqueue(part);
    },
    async flush(controller) {
      await tick();
      log.push('flush');
      controller.enqueue('<eof>');
    },
  });
  const w = splitter.writable.getWriter();
  w.write('hello big world');
  w.write('again');
  w.close();
  console.log(await readAll(splitter.readable), log);
}

async function terminateAndErrors() {
  console.log('--- terminate and errors');
  const terminating = new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      if (chunk === 'last') controller.terminate();
    },
  });
  const writer = terminating.writable.getWriter();
  const reading = readAll(terminating.readable);
  await writer.write('first');
  await writer.write('last');
  await writer.write('after').catch((error) => show('write after terminate', error));
  console.log('read', await reading);

  // A readable-side highWaterMark of 1 lets one write through without a reader.
  const failing = new TransformStream({
    transform(chunk) { if (chunk === 'bad') throw new Error('transform failed'); },
  }, undefined, { highWaterMark: 1 });
  const fw = failing.writable.getWriter();
  await fw.write('good');
  await fw.write('bad').catch((error) => console.log('write rejects', error.message));
  await failing.readable.getReader().closed.catch((error) => console.log('readable errored', error.message));

  const badFlush = new TransformStream({ flush() { throw new Error('flush failed'); } });
  await badFlush.writable.close().catch((error) => console.log('close rejects', error.message));
  await badFlush.readable.getReader().read().catch((error) => console.log('read rejects', error.message));

  let controller;
  const errored = new TransformStream({ start(c) { controller = c; } });
  controller.error(new Error('by controller'));
  await errored.writable.getWriter().closed.catch((error) => console.log('writable', error.message));
  try {
    controller.enqueue('x');
  } catch (error) {
    show('enqueue after error', error);
  }
}

async function cancel() {
  console.log('--- cancel');
  const log = [];
  const make = () => new TransformStream({
    cancel(reason) { log.push(`transformer cancel ${reason}`); },
    flush() { log.push('flush'); },
  });
  const a = make();
  await a.readable.cancel('reader gone');
  await a.writable.getWriter().closed.catch((error) => log.push(`writable closed rejects ${error}`));
  const b = make();
  await b.writable.abort('writer gone');
  await b.readable.getReader().closed.catch((error) => log.push(`readable closed rejects ${error}`));
  console.log(log);
}

async function backpressure() {
  console.log('--- backpressure');
  const log = [];
  const ts = new TransformStream({
    transform(chunk, controller) {
      log.push(`transform ${chunk}`);
      controller.enqueue(chunk);
    },
  }, new CountQueuingStrategy({ highWaterMark: 1 }), new CountQueuingStrategy({ highWaterMark: 1 }));
  const writer = ts.writable.getWriter();
  for (const chunk of ['a', 'b', 'c']) writer.write(chunk).then(() => log.push(`written ${chunk}`));
  await tick();
  console.log('before reading', log, 'writer desiredSize', writer.desiredSize);
  const reader = ts.readable.getReader();
  console.log(await reader.read());
  await tick();
  console.log('after one read', log, 'writer desiredSize', writer.desiredSize);
  console.log(await reader.read(), await reader.read());
  await tick();
  console.log('after three reads', log, 'writer desiredSize', writer.desiredSize);
}

function argumentErrors() {
  console.log('--- argument errors');
  for (const attempt of [
    () => new TransformStream(null),
    () => new TransformStream({ readableType: 'bytes' }),
    () => new TransformStream({ writableType: 'bytes' }),
    () => new TransformStream({ transform: 1 }),
    () => new TransformStream({}, { highWaterMark: -5 }),
    () => new TransformStreamDefaultController(),
    () => Object.getOwnPropertyDescriptor(TransformStream.prototype, 'readable').get.call({}),
  ]) {
    try {
      attempt();
      console.log('no error');
    } catch (error) {
      show('error', error);
    }
  }
}

(async () => {
  await basics();
  await terminateAndErrors();
  await cancel();
  await backpressure();
  argumentErrors();
  console.log('done');
})();
