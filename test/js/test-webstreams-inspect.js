'use strict';
// util.inspect output, toStringTag and property shapes of every stream/web class, the module's
// export list, the globals node 20 defines for them, and stream.finished() on web streams.

const util = require('util');
const web = require('stream/web');
const { finished } = require('stream/promises');

console.log(Object.keys(web));
for (const [name, klass] of Object.entries(web)) {
  console.log(name, klass.length, globalThis[name] === klass,
              Object.getOwnPropertyDescriptor(globalThis, name)?.enumerable,
              Object.prototype.toString.call(klass.prototype),
              Object.entries(Object.getOwnPropertyDescriptors(klass.prototype))
                .map(([key, d]) => `${key}:${d.get ? 'get' : typeof d.value}${d.enumerable ? '' : '(hidden)'}`)
                .join(' '));
}

const controllers = {};
const readable = new web.ReadableStream({ start(c) { controllers.readable = c; } });
const bytes = new web.ReadableStream({ type: 'bytes', start(c) { controllers.bytes = c; } });
const writable = new web.WritableStream({ start(c) { controllers.writable = c; } });
const transform = new web.TransformStream({ start(c) { controllers.transform = c; } });

console.log(util.inspect(readable));
console.log(util.inspect(bytes));
console.log(util.inspect(writable));
console.log(util.inspect(controllers.readable), util.inspect(controllers.bytes));
console.log(util.inspect(controllers.writable));
console.log(util.inspect(transform));
console.log(util.inspect(new web.CountQueuingStrategy({ highWaterMark: 4 })));
console.log(util.inspect(new web.ByteLengthQueuingStrategy({ highWaterMark: 1024 })));
console.log(util.inspect(new web.TextEncoderStream()));
console.log(util.inspect(new web.TextDecoderStream('utf-16le', { fatal: true })));
console.log(util.inspect(new web.CompressionStream('deflate')));
console.log(util.inspect({ nested: { deeper: { stream: readable } } }));
console.log(util.inspect(readable, { depth: -1 }));

const reader = readable.getReader();
reader.read().catch(() => {});
console.log(util.inspect(reader));
console.log(util.inspect(readable));
const byob = bytes.getReader({ mode: 'byob' });
byob.read(new Uint8Array(2));
console.log(util.inspect(byob));
console.log(util.inspect(controllers.bytes.byobRequest));
const writer = writable.getWriter();
console.log(util.inspect(writer));
controllers.readable.error(new Error('x'));
console.log(util.inspect(readable), util.inspect(writable));

const strategy = new web.CountQueuingStrategy({ highWaterMark: 2 });
console.log(strategy.size(), strategy.size === new web.CountQueuingStrategy({ highWaterMark: 9 }).size,
            strategy.size.name, new web.ByteLengthQueuingStrategy({ highWaterMark: 1 }).size(new Uint8Array(7)));

(async () => {
  const done = new web.ReadableStream({ start(c) { c.close(); } });
  await finished(done);
  console.log('finished(readable) resolves on close');
  const failed = new web.WritableStream({ write() { throw new Error('sink'); } });
  failed.getWriter().write('x').catch(() => {});
  await finished(failed).catch((error) => console.log('finished(writable) rejects', error.message));
  console.log('done');
})();
