'use strict';
// Byte streams: BYOB reads answered with respond()/respondWithNewView(), reads with `min`,
// element alignment, autoAllocateChunkSize for default readers, transferred (detached)
// buffers, partial-read errors, byte-stream tee and Blob.prototype.stream().

const { ReadableStream } = require('stream/web');

function show(label, error) {
  console.log(label, error.name, error.code, error.message);
}

// A source that serves `data` through the BYOB request of each pull.
function byteSource(data, { useNewView = false } = {}) {
  let offset = 0;
  const pulls = [];
  const stream = new ReadableStream({
    type: 'bytes',
    pull(controller) {
      const request = controller.byobRequest;
      const view = request.view;
      pulls.push(view.byteLength);
      if (offset >= data.length) {
        controller.close();
        request.respond(0);
        return;
      }
      const n = Math.min(view.byteLength, data.length - offset, 3);
      view.set(data.subarray(offset, offset + n));
      offset += n;
      if (useNewView) request.respondWithNewView(new Uint8Array(view.buffer, view.byteOffset, n));
      else request.respond(n);
    },
    autoAllocateChunkSize: 4,
  });
  return { stream, pulls };
}

async function byobReads() {
  console.log('--- BYOB reads');
  const data = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  for (const useNewView of [false, true]) {
    const { stream, pulls } = byteSource(data, { useNewView });
    const reader = stream.getReader({ mode: 'byob' });
    let buffer = new ArrayBuffer(8);
    const out = [];
    for (;;) {
      const view = new Uint8Array(buffer, 0, 8);
      const { value, done } = await reader.read(view);
      console.log('original detached', view.byteLength === 0, 'value', value, 'done', done);
      if (done) break;
      out.push(...value);
      buffer = value.buffer;
    }
    console.log('bytes', out, 'pulls', pulls);
  }
}

async function minAndAlignment() {
  console.log('--- min and alignment');
  const { stream } = byteSource(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
  const reader = stream.getReader({ mode: 'byob' });
  const first = await reader.read(new Uint8Array(8), { min: 7 });
  console.log('min 7 gets', first.value.length, Array.from(first.value));
  const rest = await reader.read(new Uint8Array(8));
  console.log('rest', Array.from(rest.value));
  const { stream: s16 } = byteSource(Uint8Array.from([1, 0, 2, 0, 3]));
  const r16 = s16.getReader({ mode: 'byob' });
  const a = await r16.read(new Uint16Array(4));
  console.log('uint16', a.value.constructor.name, Array.from(a.value));
  await r16.read(new Uint16Array(4)).then((r) => console.log('next', r),
                                           (error) => show('odd tail', error));
  for (const options of [{ min: 0 }, { min: 9 }]) {
    await new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' })
      .read(new Uint8Array(8), options).catch((error) => show(`min ${options.min}`, error));
  }
  await new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' })
    .read(new DataView(new ArrayBuffer(2)), { min: 3 }).catch((error) => show('dataview min', error));
}

async function defaultReaderOnBytes() {
  console.log('--- default reader on a byte stream');
  const { stream, pulls } = byteSource(Uint8Array.from([9, 8, 7, 6, 5]));
  const chunks = [];
  for await (const chunk of stream) chunks.push(Array.from(chunk));
  console.log('chunks', chunks, 'autoAllocate pulls', pulls);
  let controller;
  const enqueued = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const chunk = new Uint8Array([1, 2, 3]);
  controller.enqueue(chunk);
  console.log('enqueued chunk detached', chunk.byteLength === 0, 'desiredSize', controller.desiredSize);
  controller.enqueue(new Uint16Array([0x0102]));
  controller.close();
  const reader = enqueued.getReader();
  console.log(await reader.read(), await reader.read(), await reader.read());
}

async function mixedAndErrors() {
  console.log('--- enqueue into pending BYOB reads, errors');
  let controller;
  const stream = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const reader = stream.getReader({ mode: 'byob' });
  const read = reader.read(new Uint8Array(4));
  console.log('byobRequest view', controller.byobRequest.view);
  controller.enqueue(new Uint8Array([7, 7]));
  console.log('filled from enqueue', await read);
  const partial = reader.read(new Uint32Array(1));
  controller.enqueue(new Uint8Array([1, 2]));
  try {
    controller.close();
  } catch (error) {
    show('close with partial element', error);
  }
  await partial.catch((error) => show('pending read', error));
  const attempts = [
    () => new ReadableStream({ type: 'bytes' }, { size() { return 1; } }),
    () => new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }),
    () => new ReadableStream({ type: 'bytes', start(c) { c.enqueue('text'); } }),
    () => new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array(0)); } }),
    () => new ReadableStream({ type: 'bytes', start(c) { c.close(); c.close(); } }),
    () => new ReadableStreamBYOBRequest(),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
      console.log('no error');
    } catch (error) {
      show('error', error);
    }
  }
  const byob = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' });
  await byob.read('nope').catch((error) => show('read non-view', error));
  await byob.read(new Uint8Array(0)).catch((error) => show('read empty', error));
  const respondErrors = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const request = c.byobRequest;
      for (const fn of [() => request.respond(100), () => request.respond(0),
                        () => request.respondWithNewView(new Uint8Array(2)),
                        () => request.respondWithNewView(3)]) {
        try {
          fn();
        } catch (error) {
          show('respond', error);
        }
      }
      request.view[0] = 42;
      request.respond(1);
      console.log('request after respond', request.view);
    },
  });
  console.log(await respondErrors.getReader({ mode: 'byob' }).read(new Uint8Array(3)));
}

async function byteTee() {
  console.log('--- byte tee');
  const { stream } = byteSource(Uint8Array.from([1, 2, 3, 4, 5]));
  const [a, b] = stream.tee();
  console.log('branches', a, b);
  const byob = a.getReader({ mode: 'byob' });
  const fromA = [];
  for (;;) {
    const { value, done } = await byob.read(new Uint8Array(2));
    if (done) break;
    fromA.push(...value);
  }
  const fromB = [];
  for await (const chunk of b) fromB.push(...chunk);
  console.log('branch a', fromA, 'branch b', fromB);
}

async function blobStream() {
  console.log('--- Blob.prototype.stream');
  const blob = new Blob(['ab', new Uint8Array([0, 1, 2]), 'cd']);
  const stream = blob.stream();
  console.log(stream);
  const chunks = [];
  for await (const chunk of stream) chunks.push(`${chunk.constructor.name}(${Array.from(chunk)})`);
  console.log(chunks);
  const reader = new Blob(['hello world']).stream().getReader({ mode: 'byob' });
  const dec = new TextDecoder();
  const first = await reader.read(new Uint8Array(5));
  const second = await reader.read(new Uint8Array(20));
  console.log(dec.decode(first.value), '|', dec.decode(second.value), await reader.read(new Uint8Array(1)));
  console.log('empty', await new Blob([]).stream().getReader().read());
  try {
    Blob.prototype.stream.call({});
  } catch (error) {
    show('stream this', error);
  }
}

(async () => {
  await byobReads();
  await minAndAlignment();
  await defaultReaderOnBytes();
  await mixedAndErrors();
  await byteTee();
  await blobStream();
  console.log('done');
})();
