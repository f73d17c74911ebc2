'use strict';
// Old-style streams: the legacy Stream class and its pipe(), readable.wrap() and Readable.wrap()
// over an emitter with only 'data'/'end' and pause/resume, duplexPair(), and readable.iterator()
// on a wrapped stream. Event order is compared with node's recording.
const stream = require('stream');
const { Readable, Writable, Stream } = stream;
const EventEmitter = require('events');

const log = (...args) => console.log(...args);

function oldStream(name) {
  const s = new EventEmitter();
  s.readable = true;
  s.paused = false;
  s.pause = () => { s.paused = true; log(`${name}.pause()`); };
  s.resume = () => { s.paused = false; log(`${name}.resume()`); };
  s.extra = () => 'extra method';
  return s;
}

async function main() {
  log('--- legacy Stream.pipe');
  {
    const src = new Stream();
    src.readable = true;
    const chunks = [];
    const dst = new Writable({
      highWaterMark: 2,
      write(chunk, enc, cb) {
        chunks.push(String(chunk));
        setImmediate(cb);
      },
    });
    src.pause = () => log('src.pause()');
    src.resume = () => log('src.resume()');
    dst.on('pipe', (s) => log('pipe event, source is src', s === src));
    log('pipe returns dest', src.pipe(dst) === dst);
    src.emit('data', 'aaa');
    src.emit('data', 'bbb');
    src.emit('end');
    await new Promise((resolve) => dst.on('finish', resolve));
    log('chunks', chunks);
    const errSrc = new Stream();
    const errDst = new Stream();
    errDst.writable = true;
    errDst.write = () => true;
    errSrc.pipe(errDst);
    errSrc.on('error', (err) => log('error reached listener', err.message));
    errSrc.emit('error', new Error('legacy error'));
    log('listeners cleaned', errSrc.listenerCount('data'), errDst.listenerCount('drain'));
  }

  log('--- readable.wrap');
  {
    const old = oldStream('old');
    const r = new Readable({ highWaterMark: 4 }).wrap(old);
    log('proxied method', r.extra());
    r.on('data', (d) => log('data', String(d)));
    r.on('end', () => log('end'));
    r.on('close', () => log('close'));
    old.emit('data', Buffer.from('one'));
    old.emit('data', Buffer.from('two'));
    old.emit('data', Buffer.from('three'));
    await new Promise((resolve) => setImmediate(resolve));
    old.emit('end');
    await new Promise((resolve) => r.on('close', resolve));
    const old2 = oldStream('old2');
    const r2 = new Readable().wrap(old2);
    r2.on('error', (err) => log('wrapped error', err.message));
    r2.on('close', () => log('wrapped close'));
    old2.emit('error', new Error('from old stream'));
    await new Promise((resolve) => setImmediate(resolve));
  }

  log('--- Readable.wrap and iterator over an old stream');
  {
    const old = oldStream('old3');
    old.objectMode = true;
    const iter = Readable.prototype.iterator.call(old);
    process.nextTick(() => {
      old.emit('data', { n: 1 });
      old.emit('data', { n: 2 });
      old.emit('end');
    });
    for await (const v of iter) log('iterated', JSON.stringify(v));
    const w = Readable.wrap(oldStream('old4'));
    log('Readable.wrap objectMode', w.readableObjectMode);
    w.destroy();
  }

  log('--- duplexPair');
  {
    const [a, b] = stream.duplexPair();
    b.on('data', (d) => log('b got', String(d)));
    a.on('data', (d) => log('a got', String(d)));
    a.write('ping', () => log('a write cb'));
    b.write('pong', () => log('b write cb'));
    a.end();
    b.on('end', () => log('b end'));
    await new Promise((resolve) => setImmediate(resolve));
    b.end();
    await new Promise((resolve) => a.on('end', resolve));
    log('a end');
  }
  log('--- done');
}

main();
