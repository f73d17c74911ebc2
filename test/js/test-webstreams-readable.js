'use strict';
// ReadableStream with a default controller: pull and backpressure (desiredSize), readers,
// cancel, errors with node's codes, async iteration (preventCancel), ReadableStream.from, tee.

const { ReadableStream, CountQueuingStrategy } = require('stream/web');

function show(label, error) {
  console.log(label, error.name, error.code, error.message);
}

async function pullAndBackpressure() {
  console.log('--- pull and desiredSize');
  const pulls = [];
  let controller;
  const stream = new ReadableStream({
    start(c) {
      controller = c;
      console.log('start desiredSize', c.desiredSize);
    },
    pull(c) {
      pulls.push(c.desiredSize);
      if (pulls.length <= 3) c.enqueue(`chunk${pulls.length}`);
      else c.close();
    },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  await null;
  await null;
  console.log('pulls before reading', pulls, 'desiredSize', controller.desiredSize);
  const reader = stream.getReader();
  for (;;) {
    const result = await reader.read();
    console.log('read', result);
    if (result.done) break;
  }
  console.log('pulls', pulls, 'desiredSize after close', controller.desiredSize);
  await reader.closed;
  console.log('closed resolved');
}

async function queueWithSizes() {
  console.log('--- size function');
  let controller;
  const stream = new ReadableStream({ start(c) { controller = c; } },
                                    { highWaterMark: 10, size: (chunk) => chunk.length });
  controller.enqueue('abcd');
  console.log('desiredSize', controller.desiredSize);
  controller.enqueue('efghijk');
  console.log('desiredSize', controller.desiredSize);
  const reader = stream.getReader();
  console.log((await reader.read()).value, controller.desiredSize);
  try {
    controller.enqueue({ length: -1 });
  } catch (error) {
    show('negative size', error);
  }
  console.log('state after bad size', controller.desiredSize);
  await reader.read().catch((error) => show('read after error', error));
}

async function readersAndLocks() {
  console.log('--- readers and locks');
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(1);
      c.enqueue(2);
    },
  });
  const reader = stream.getReader();
  console.log('locked', stream.locked);
  try {
    stream.getReader();
  } catch (error) {
    show('second reader', error);
  }
  await stream.cancel().catch((error) => show('cancel locked', error));
  console.log(await reader.read());
  const pending = reader.read();
  const pending2 = reader.read();
  console.log(await pending);
  reader.releaseLock();
  await pending2.catch((error) => show('pending read on release', error));
  await reader.closed.catch((error) => show('closed after release', error));
  await reader.read().catch((error) => show('read after release', error));
  console.log('locked after release', stream.locked);
  const again = stream.getReader();
  const read = again.read();
  await again.cancel('no more');
  console.log('read after cancel', await read, 'locked', stream.locked);
}

async function cancelAndError() {
  console.log('--- cancel and error');
  const cancelled = new ReadableStream({
    cancel(reason) {
      console.log('source cancel reason', reason);
      return new Promise((resolve) => setImmediate(resolve));
    },
  });
  console.log('cancel result', await cancelled.cancel('because'));
  let controller;
  const errored = new ReadableStream({ start(c) { controller = c; } });
  const reader = errored.getReader();
  const read = reader.read();
  controller.error(new Error('boom'));
  await read.catch((error) => console.log('pending read rejects', error.message));
  await reader.closed.catch((error) => console.log('closed rejects', error.message));
  console.log('desiredSize', controller.desiredSize);
  for (const fn of [() => controller.enqueue(1), () => controller.close()]) {
    try {
      fn();
    } catch (error) {
      show('after error', error);
    }
  }
  await errored.cancel().catch((error) => console.log('cancel errored', error.message));
  const failingStart = new ReadableStream({ start() { return Promise.reject(new Error('bad start')); } });
  await failingStart.getReader().read().catch((error) => console.log('start rejection', error.message));
  const failingPull = new ReadableStream({ pull() { throw new Error('bad pull'); } });
  await failingPull.getReader().closed.catch((error) => console.log('pull throw', error.message));
}

async function asyncIteration() {
  console.log('--- async iteration');
  const make = () => new ReadableStream({
    start(c) {
      for (const v of ['a', 'b', 'c']) c.enqueue(v);
      c.close();
    },
    cancel(reason) { console.log('cancelled with', reason); },
  });
  const seen = [];
  for await (const chunk of make()) seen.push(chunk);
  console.log('all', seen);
  const stream = make();
  for await (const chunk of stream) {
    console.log('first', chunk);
    break;
  }
  console.log('after break locked', stream.locked);
  const kept = make();
  for await (const chunk of kept.values({ preventCancel: true })) {
    console.log('first (preventCancel)', chunk);
    break;
  }
  const rest = [];
  for await (const chunk of kept) rest.push(chunk);
  console.log('rest', rest);
  const errored = new ReadableStream({ pull(c) { c.error(new Error('iter boom')); } });
  try {
    for await (const chunk of errored) console.log('unexpected', chunk);
  } catch (error) {
    console.log('iteration error', error.message);
  }
  const it = make()[Symbol.asyncIterator]();
  console.log(await it.next(), await it.return('bye'), await it.next());
}

async function from() {
  console.log('--- ReadableStream.from');
  const collect = async (stream) => {
    const out = [];
    for await (const chunk of stream) out.push(chunk);
    return out;
  };
  console.log(await collect(ReadableStream.from(['x', Promise.resolve('y'), 'z'])));
  async function* gen() {
    try {
      yield 1;
      yield 2;
      yield 3;
    } finally {
      console.log('generator finally');
    }
  }
  console.log(await collect(ReadableStream.from(gen())));
  const partial = ReadableStream.from(gen()).getReader();
  console.log(await partial.read());
  await partial.cancel('stop');
  console.log(await collect(ReadableStream.from('hi')));
  for (const bad of [1, {}, null]) {
    try {
      ReadableStream.from(bad);
    } catch (error) {
      show(`from(${bad})`, error);
    }
  }
}

async function tee() {
  console.log('--- tee');
  const source = new ReadableStream({
    start(c) {
      c.enqueue('one');
      c.enqueue('two');
      c.close();
    },
    cancel(reason) { console.log('source cancelled', reason); },
  });
  const [a, b] = source.tee();
  console.log('source locked', source.locked);
  const ra = a.getReader();
  const rb = b.getReader();
  console.log(await ra.read(), await ra.read(), await ra.read());
  console.log(await rb.read(), await rb.read(), await rb.read());
  const [c, d] = new ReadableStream({
    pull(controller) { controller.enqueue('x'); },
    cancel(reason) { console.log('composite reason', reason); },
  }).tee();
  // One branch's cancel settles only once the other branch cancels too.
  const firstCancel = c.cancel('r1').then(() => console.log('first cancel settled'));
  const other = d.getReader();
  console.log('one branch cancelled, other reads', await other.read());
  await other.cancel('r2');
  await firstCancel;
  const [e, f] = new ReadableStream({ cancel(reason) { console.log('both cancelled', reason); } }).tee();
  await Promise.all([e.cancel('left'), f.cancel('right')]);
  let errorController;
  const [g, h] = new ReadableStream({ start(controller) { errorController = controller; } }).tee();
  errorController.error(new Error('tee boom'));
  await g.getReader().closed.catch((error) => console.log('branch 1', error.message));
  await h.getReader().closed.catch((error) => console.log('branch 2', error.message));
}

async function argumentErrors() {
  console.log('--- argument errors');
  const attempts = [
    () => new ReadableStream(null),
    () => new ReadableStream({ type: 'other' }),
    () => new ReadableStream({ pull: 5 }),
    () => new ReadableStream({}, 5),
    () => new ReadableStream({}, { highWaterMark: -1 }),
    () => new ReadableStream({}, { size: 'big' }),
    () => new ReadableStream().getReader({ mode: 'fast' }),
    () => new ReadableStream().getReader({ mode: 'byob' }),
    () => new ReadableStream().values(7),
    () => Object.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked').get.call({}),
    () => new ReadableStreamDefaultReader({}),
    () => new ReadableStreamDefaultController(),
    () => new CountQueuingStrategy(),
    () => new CountQueuingStrategy({}),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
      console.log('no error');
    } catch (error) {
      show('error', error);
    }
  }
  await ReadableStream.prototype.cancel.call({}).catch((error) => show('cancel this', error));
  await ReadableStreamDefaultReader.prototype.read.call({}).catch((error) => show('read this', error));
}

(async () => {
  await pullAndBackpressure();
  await queueWithSizes();
  await readersAndLocks();
  await cancelAndError();
  await asyncIteration();
  await from();
  await tee();
  await argumentErrors();
  console.log('done');
})();
