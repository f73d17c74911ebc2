'use strict';
// The shape of node:stream as node 20 has it: export names and order, the aliases, prototype
// members, accessor enumerability, the state objects as util.inspect shows them (bit-packed
// kState included), highWaterMark defaults and setters, error codes of the Web adapters.
const stream = require('stream');
const { inspect } = require('util');
const { Readable, Writable, Duplex, Transform, PassThrough } = stream;

console.log('exports', Object.keys(stream).join(' '));
console.log('stream is Stream', stream === stream.Stream, typeof stream);
console.log('promises', Object.keys(stream.promises).join(' '), stream.promises === require('stream/promises'));
console.log('consumers', Object.keys(require('stream/consumers')).join(' '));
for (const [alias, cls] of [['_stream_readable', Readable], ['_stream_writable', Writable],
                            ['_stream_duplex', Duplex], ['_stream_transform', Transform],
                            ['_stream_passthrough', PassThrough]]) {
  console.log(alias, require(alias) === cls, require(`node:${alias}`) === cls);
}
for (const cls of [Readable, Writable, Duplex, Transform, PassThrough, stream.Stream]) {
  console.log(cls.name, 'static', Object.getOwnPropertyNames(cls).join(' '));
  console.log(cls.name, 'proto', Object.getOwnPropertyNames(cls.prototype).join(' '));
  console.log(cls.name, 'enumerable', Object.keys(cls.prototype).join(' '));
}
console.log('Readable symbols', Object.getOwnPropertySymbols(Readable.prototype).map(String).join(' '));
console.log('ReadableState proto', Object.getOwnPropertyNames(Readable.ReadableState.prototype).join(' '));
console.log('WritableState proto', Object.getOwnPropertyNames(Writable.WritableState.prototype).join(' '));

console.log('default hwm', stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
stream.setDefaultHighWaterMark(false, 1024);
stream.setDefaultHighWaterMark(true, 4);
console.log('changed', new Readable().readableHighWaterMark, new Writable({ objectMode: true }).writableHighWaterMark);
stream.setDefaultHighWaterMark(false, 16 * 1024);
stream.setDefaultHighWaterMark(true, 16);
for (const bad of [-1, 1.5, '2']) {
  try {
    stream.setDefaultHighWaterMark(false, bad);
  } catch (err) {
    console.log('setDefaultHighWaterMark', JSON.stringify(bad), err.code);
  }
}
console.log(inspect(new Readable()));
const w = new Writable({ highWaterMark: 5, write(c, e, cb) { setImmediate(cb); } });
w.write('abc');
w.cork();
w.write('de', () => {});
w.end(() => {});
console.log(inspect(w, { depth: 3 }));
const d = new Duplex({ readableObjectMode: true, allowHalfOpen: false, read() {} });
d.push({ x: 1 });
d.on('data', () => {});
console.log(inspect(d));
console.log(inspect(new PassThrough()));
const o = new Readable({ objectMode: true, read() {} });
o.push('a');
o.pause();
console.log(inspect(o._readableState));
console.log('eventNames', new Readable().eventNames(), d.eventNames());
process.on('exit', () => {
  console.log('state after', inspect(w._writableState, { depth: 0 }));
});
