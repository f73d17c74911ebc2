'use strict';
// Node stream <-> web stream adapters: Readable.toWeb/fromWeb, Writable.toWeb/fromWeb,
// Duplex.toWeb/fromWeb: data, end/close, errors both ways, backpressure, argument errors.

const { Readable, Writable, Duplex, PassThrough } = require('stream');
const { ReadableStream, WritableStream } = require('stream/web');

function show(label, error) {
  console.log(label, error.name, error.code, error.message);
}

async function readableToWeb() {
  console.log('--- Readable.toWeb');
  const bytes = Readable.from([Buffer.from('ab'), Buffer.from('cd')], { objectMode: false });
  const out = [];
  for await (const chunk of Readable.toWeb(bytes)) out.push(`${chunk.constructor.name}:${Buffer.from(chunk)}`);
  console.log(out);
  const objects = Readable.toWeb(Readable.from([{ a: 1 }, 'x', 3]));
  const values = [];
  for await (const chunk of objects) values.push(chunk);
  console.log(values);
  const failing = new Readable({ read() { this.destroy(new Error('node side failed')); } });
  await Readable.toWeb(failing).getReader().read().catch((error) => console.log('read rejects', error.message));
  const source = new Readable({ read() {} });
  const web = Readable.toWeb(source);
  source.push('x');
  const reader = web.getReader();
  console.log(await reader.read().then((r) => Buffer.from(r.value).toString()));
  await reader.cancel(new Error('web side cancelled'));
  console.log('node stream destroyed', source.destroyed, source.errored?.message);
  const destroyed = new PassThrough();
  destroyed.destroy();
  console.log(Readable.toWeb(destroyed));
  try {
    Readable.toWeb({});
  } catch (error) {
    show('toWeb({})', error);
  }
}

async function readableFromWeb() {
  console.log('--- Readable.fromWeb');
  const web = new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array([104, 105]));
      controller.enqueue(new Uint8Array([33]));
      controller.close();
    },
  });
  const node = Readable.fromWeb(web);
  const chunks = [];
  for await (const chunk of node) chunks.push(chunk);
  console.log(Buffer.concat(chunks).toString(), 'web locked', web.locked);
  const text = Readable.fromWeb(new ReadableStream({
    start(controller) {
      controller.enqueue(Buffer.from('encoded'));
      controller.close();
    },
  }), { encoding: 'hex' });
  console.log(await text.toArray());
  const objects = Readable.fromWeb(new ReadableStream({
    start(controller) {
      controller.enqueue({ n: 1 });
      controller.close();
    },
  }), { objectMode: true });
  console.log(await objects.toArray());
  let errorController;
  const erroring = Readable.fromWeb(new ReadableStream({ start(c) { errorController = c; } }));
  erroring.on('error', (error) => console.log('node error event', error.message));
  errorController.error(new Error('web side failed'));
  await new Promise((resolve) => erroring.on('close', resolve));
  const cancelled = new ReadableStream({ cancel(reason) { console.log('web cancel', reason?.message); } });
  const destroyedNode = Readable.fromWeb(cancelled);
  destroyedNode.destroy(new Error('node destroy'));
  destroyedNode.on('error', () => {});
  await new Promise((resolve) => destroyedNode.on('close', resolve));
  for (const args of [[{}], [new ReadableStream(), 'x']]) {
    try {
      Readable.fromWeb(...args);
    } catch (error) {
      show('fromWeb', error);
    }
  }
}

async function writable() {
  console.log('--- Writable.toWeb / fromWeb');
  const received = [];
  const node = new Writable({
    highWaterMark: 4,
    write(chunk, encoding, callback) {
      received.push(chunk.toString());
      setImmediate(callback);
    },
  });
  const web = Writable.toWeb(node);
  const writer = web.getWriter();
  console.log('desiredSize', writer.desiredSize);
  await writer.write(new Uint8Array([97, 98]));
  await writer.write('cd');
  await writer.close();
  console.log(received, 'finished', node.writableFinished);
  const failing = new Writable({ write(chunk, encoding, callback) { callback(new Error('node write failed')); } });
  const failingWriter = Writable.toWeb(failing).getWriter();
  await failingWriter.write('x').catch((error) => console.log('write rejects', error.message));
  await failingWriter.closed.catch((error) => console.log('closed rejects', error.message));

  const sinkLog = [];
  const sink = new WritableStream({
    write(chunk) { sinkLog.push(`${chunk.constructor.name}:${Buffer.from(chunk)}`); },
    close() { sinkLog.push('close'); },
    abort(reason) { sinkLog.push(`abort ${reason.message}`); },
  });
  const fromWeb = Writable.fromWeb(sink);
  fromWeb.write('text');
  fromWeb.write(Buffer.from('buf'));
  fromWeb.end('!');
  await new Promise((resolve) => fromWeb.on('finish', resolve));
  console.log(sinkLog);
  const aborting = Writable.fromWeb(new WritableStream({ abort(reason) { console.log('web abort', reason.message); } }));
  aborting.on('error', () => {});
  aborting.destroy(new Error('node destroyed'));
  await new Promise((resolve) => aborting.on('close', resolve));
  const rejecting = Writable.fromWeb(new WritableStream({ write() { throw new Error('web write failed'); } }));
  rejecting.write('x', (error) => console.log('write callback', error?.message));
  await new Promise((resolve) => rejecting.on('error', (error) => {
    console.log('error event', error.message);
    resolve();
  }));
  for (const args of [[{}], [new WritableStream(), { decodeStrings: 'yes' }]]) {
    try {
      Writable.fromWeb(...args);
    } catch (error) {
      show('fromWeb', error);
    }
  }
  try {
    Writable.toWeb({});
  } catch (error) {
    show('toWeb({})', error);
  }
}

async function duplex() {
  console.log('--- Duplex.toWeb / fromWeb');
  const pass = new PassThrough();
  const { readable, writable: w } = Duplex.toWeb(pass);
  const writer = w.getWriter();
  writer.write(new Uint8Array([120]));
  writer.close();
  const out = [];
  for await (const chunk of readable) out.push(...chunk);
  console.log(out);
  const log = [];
  const pair = {
    readable: new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2]));
        controller.close();
      },
    }),
    writable: new WritableStream({
      write(chunk) { log.push(`wrote ${Array.from(chunk)}`); },
      close() { log.push('closed'); },
    }),
  };
  const node = Duplex.fromWeb(pair);
  node.end(Buffer.from([9]));
  const read = [];
  for await (const chunk of node) read.push(...chunk);
  console.log(read, log);
  for (const arg of [{}, { readable: new ReadableStream() }, null]) {
    try {
      Duplex.fromWeb(arg);
    } catch (error) {
      show('fromWeb', error);
    }
  }
  try {
    Duplex.toWeb({});
  } catch (error) {
    show('toWeb({})', error);
  }
}

(async () => {
  await readableToWeb();
  await readableFromWeb();
  await writable();
  await duplex();
  console.log('done');
})();
