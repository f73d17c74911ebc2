'use strict';
// WritableStream: one write in flight, queueing and backpressure through desiredSize and
// writer.ready, close after queued writes, abort (controller.signal, pending writes), sink
// errors, writer release, and node's argument/state errors.

const { WritableStream, CountQueuingStrategy, ByteLengthQueuingStrategy } = require('stream/web');

function show(label, error) {
  console.log(label, error.name, error.code, error.message);
}

// A sink whose writes finish only when the test says so.
function manualSink(log) {
  const pending = [];
  return {
    pending,
    sink: {
      start() { log.push('start'); },
      write(chunk) {
        log.push(`write ${chunk}`);
        return new Promise((resolve, reject) => pending.push({ resolve, reject }));
      },
      close() { log.push('close'); },
      abort(reason) { log.push(`abort ${reason}`); },
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function backpressure() {
  console.log('--- backpressure');
  const log = [];
  const { sink, pending } = manualSink(log);
  const stream = new WritableStream(sink, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = stream.getWriter();
  console.log('desiredSize', writer.desiredSize);
  await writer.ready;
  const writes = ['a', 'b', 'c'].map((chunk) => writer.write(chunk).then(() => log.push(`done ${chunk}`)));
  console.log('desiredSize after 3 writes', writer.desiredSize);
  let ready = false;
  writer.ready.then(() => { ready = true; });
  await tick();
  console.log('log', log, 'ready', ready);
  pending.shift().resolve();
  await tick();
  console.log('after first write', log, 'desiredSize', writer.desiredSize, 'ready', ready);
  pending.shift().resolve();
  await tick();
  console.log('after second write', 'desiredSize', writer.desiredSize, 'ready', ready);
  const closed = writer.close();
  pending.shift().resolve();
  await Promise.all(writes);
  await closed;
  await writer.closed;
  console.log('log', log, 'desiredSize', writer.desiredSize);
  await writer.close().catch((error) => show('close again', error));
}

async function byteLengthStrategy() {
  console.log('--- byte length strategy');
  const stream = new WritableStream({ write() { return new Promise(() => {}); } },
                                    new ByteLengthQueuingStrategy({ highWaterMark: 8 }));
  const writer = stream.getWriter();
  writer.write(new Uint8Array(3));
  console.log(writer.desiredSize);
  writer.write(new Uint8Array(6));
  console.log(writer.desiredSize);
}

async function abort() {
  console.log('--- abort');
  const log = [];
  const { sink, pending } = manualSink(log);
  let controller;
  const stream = new WritableStream({ ...sink, start(c) { controller = c; } });
  const writer = stream.getWriter();
  controller.signal.addEventListener('abort', () => log.push(`signal ${controller.signal.reason}`));
  const first = writer.write('one');
  const second = writer.write('two');
  await tick();
  const aborted = writer.abort('stop');
  console.log('signal aborted', controller.signal.aborted, 'desiredSize', writer.desiredSize);
  second.catch((error) => log.push(`queued write rejected ${error}`));
  await writer.ready.catch((error) => log.push(`ready rejected ${error}`));
  pending.shift().resolve();
  await first;
  await aborted;
  await writer.closed.catch((error) => log.push(`closed rejected ${error}`));
  console.log(log);
  console.log('abort again', await writer.abort('again'));
  const plain = new WritableStream();
  console.log('abort unlocked', await plain.abort('x'), plain);
}

async function sinkErrors() {
  console.log('--- sink errors');
  const failing = new WritableStream({ write(chunk) { throw new Error(`cannot write ${chunk}`); } });
  const writer = failing.getWriter();
  await writer.write('x').catch((error) => console.log('write rejects', error.message));
  await writer.closed.catch((error) => console.log('closed rejects', error.message));
  console.log('desiredSize', writer.desiredSize, failing);
  const badClose = new WritableStream({ close() { return Promise.reject(new Error('close failed')); } });
  await badClose.close().catch((error) => console.log('close rejects', error.message));
  try {
    new WritableStream({ start() { throw new Error('start failed'); } });
  } catch (error) {
    console.log('constructor throws', error.message);
  }
  const rejectedStart = new WritableStream({ start() { return Promise.reject(new Error('async start failed')); } });
  await rejectedStart.getWriter().closed.catch((error) => console.log('closed rejects', error.message));
  let controller;
  const errored = new WritableStream({ start(c) { controller = c; } });
  const w = errored.getWriter();
  controller.error(new Error('from controller'));
  await w.write('a').catch((error) => console.log('write after controller.error', error.message));
  console.log(errored);
}

async function release() {
  console.log('--- release and locks');
  const stream = new WritableStream();
  const writer = stream.getWriter();
  try {
    stream.getWriter();
  } catch (error) {
    show('second writer', error);
  }
  await stream.abort().catch((error) => show('abort locked', error));
  await stream.close().catch((error) => show('close locked', error));
  writer.releaseLock();
  await writer.closed.catch((error) => show('closed', error));
  await writer.ready.catch((error) => show('ready', error));
  await writer.write('x').catch((error) => show('write', error));
  try {
    console.log(writer.desiredSize);
  } catch (error) {
    show('desiredSize', error);
  }
  console.log('locked', stream.locked);
  const second = stream.getWriter();
  await second.close();
  console.log(stream, second.desiredSize);
}

async function argumentErrors() {
  console.log('--- argument errors');
  for (const attempt of [
    () => new WritableStream(null),
    () => new WritableStream({ type: 'bytes' }),
    () => new WritableStream({ write: 'no' }),
    () => new WritableStream({}, { highWaterMark: NaN }),
    () => new WritableStreamDefaultWriter({}),
    () => new WritableStreamDefaultController(),
    () => Object.getOwnPropertyDescriptor(WritableStream.prototype, 'locked').get.call({}),
  ]) {
    try {
      attempt();
      console.log('no error');
    } catch (error) {
      show('error', error);
    }
  }
  await WritableStreamDefaultWriter.prototype.write.call({}).catch((error) => show('write this', error));
}

(async () => {
  await backpressure();
  await byteLengthStrategy();
  await abort();
  await sinkErrors();
  await release();
  await argumentErrors();
  console.log('done');
})();
