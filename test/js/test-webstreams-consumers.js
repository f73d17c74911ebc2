'use strict';
// node:stream/consumers over web streams: text (a character split between chunks), json,
// buffer, arrayBuffer, blob, and a stream that errors part way.

const { text, json, buffer, arrayBuffer, blob } = require('stream/consumers');
const { ReadableStream } = require('stream/web');

const bytesOf = (parts) => new ReadableStream({
  start(controller) {
    for (const part of parts) controller.enqueue(part);
    controller.close();
  },
});

(async () => {
  const euro = Buffer.from('€');
  console.log(await text(bytesOf([Buffer.from('price: '), euro.subarray(0, 1), euro.subarray(1), Buffer.from('5')])));
  console.log(await json(bytesOf([Buffer.from('{"a": [1, '), Buffer.from('2]}')])));
  console.log(await buffer(bytesOf([new Uint8Array([1, 2]), new Uint8Array([3])])));
  const ab = await arrayBuffer(new Blob(['abc', 'def']).stream());
  console.log(ab.constructor.name, ab.byteLength);
  const b = await blob(bytesOf([new Uint8Array([104, 105])]));
  console.log(b.constructor.name, b.size, await b.text());
  console.log(await text(bytesOf(['already ', 'strings'])));
  const failing = new ReadableStream({
    pull(controller) {
      controller.error(new Error('broken stream'));
    },
  });
  await text(failing).catch((error) => console.log('rejects', error.message));
  console.log('done');
})();
