'use strict';
// pipe()/unpipe() with backpressure: a fast readable into a slow writable pauses on write()
// returning false and resumes on 'drain'; several destinations wait for the slowest; unpipe and
// destination errors clean up; end: false; Transform and PassThrough in between; Duplex
// allowHalfOpen. Event order is compared with node's recording.
const { Readable, Writable, Duplex, Transform, PassThrough } = require('stream');

const scenarios = [];
function scenario(name, fn) { scenarios.push([name, fn]); }

function source(log, n, size = 4, name = 'src') {
  let i = 0;
  const r = new Readable({
    highWaterMark: 8,
    read() {
      if (i >= n) {
        log(`${name} push null`);
        this.push(null);
        return;
      }
      const chunk = String.fromCharCode(97 + (i % 26)).repeat(size);
      i++;
      const ok = this.push(chunk);
      log(`${name} push ${chunk} -> ${ok} buffered=${this.readableLength}`);
    },
  });
  for (const ev of ['pause', 'resume', 'end', 'close']) r.on(ev, () => log(`${name} ${ev}`));
  return r;
}

function slowSink(log, name = 'dst', hwm = 6, delay = setImmediate) {
  const w = new Writable({
    highWaterMark: hwm,
    write(chunk, enc, cb) {
      log(`${name} _write ${chunk} buffered=${this.writableLength}`);
      delay(cb);
    },
  });
  for (const ev of ['drain', 'finish', 'close', 'pipe', 'unpipe']) {
    w.on(ev, () => log(`${name} ${ev}`));
  }
  return w;
}

scenario('slow writer backpressure', (log, done) => {
  const src = source(log, 6);
  const dst = slowSink(log);
  const origWrite = dst.write;
  dst.write = function(chunk) {
    const ret = Reflect.apply(origWrite, this, arguments);
    log(`dst.write(${chunk}) -> ${ret} needDrain=${this.writableNeedDrain}`);
    return ret;
  };
  log('pipe returns dest', src.pipe(dst) === dst);
  log('flowing after pipe', src.readableFlowing);
  dst.on('close', done);
});

scenario('two destinations wait for the slowest', (log, done) => {
  const src = source(log, 4);
  const fast = slowSink(log, 'fast', 100, (cb) => cb());
  const slow = slowSink(log, 'slow', 4, (cb) => setImmediate(() => setImmediate(cb)));
  src.pipe(fast);
  src.pipe(slow);
  let closed = 0;
  const onClose = () => { if (++closed === 2) done(); };
  fast.on('close', onClose);
  slow.on('close', onClose);
});

scenario('unpipe stops the flow', (log, done) => {
  const src = new Readable({ read() {} });
  src.on('pause', () => log('src pause'));
  src.on('resume', () => log('src resume'));
  const dst = slowSink(log, 'dst', 100, (cb) => cb());
  src.pipe(dst);
  src.push('1111');
  setImmediate(() => {
    src.unpipe(dst);
    log('after unpipe flowing', src.readableFlowing, 'pipes', src._readableState.pipes.length);
    src.push('2222');
    setImmediate(() => {
      log('buffered in src', src.readableLength);
      src.unpipe(dst);
      src.unpipe();
      done();
    });
  });
});

scenario('end: false keeps the destination open', (log, done) => {
  const src = source(log, 2);
  const dst = slowSink(log, 'dst', 100, (cb) => cb());
  src.pipe(dst, { end: false });
  src.on('end', () => {
    setImmediate(() => {
      log('dst writable after src end', dst.writable, dst.writableEnded);
      dst.end('tail');
    });
  });
  dst.on('close', done);
});

scenario('destination error unpipes', (log, done) => {
  const src = source(log, 20);
  const dst = new Writable({
    write(chunk, enc, cb) {
      log('dst _write', String(chunk));
      cb(new Error('dst broke'));
    },
  });
  dst.on('unpipe', () => log('dst unpipe'));
  dst.on('error', (err) => log('dst error', err.message));
  dst.on('close', () => {
    log('dst close; src flowing', src.readableFlowing, 'src destroyed', src.destroyed);
    done();
  });
  src.pipe(dst);
});

scenario('pipe into a destroyed writable', (log, done) => {
  const src = source(log, 2);
  const dst = slowSink(log);
  dst.destroy();
  dst.on('error', (err) => log('dst error', err.code));
  src.pipe(dst);
  setImmediate(() => setImmediate(() => {
    log('src paused', src.isPaused(), 'pipes', src._readableState.pipes.length);
    done();
  }));
});

scenario('transform chain with backpressure', (log, done) => {
  const src = source(log, 5, 3);
  const upper = new Transform({
    highWaterMark: 4,
    transform(chunk, enc, cb) {
      log('upper _transform', String(chunk));
      cb(null, String(chunk).toUpperCase());
    },
    flush(cb) {
      log('upper _flush');
      cb(null, '!');
    },
  });
  for (const ev of ['finish', 'end', 'close', 'prefinish']) upper.on(ev, () => log(`upper ${ev}`));
  const dst = slowSink(log, 'dst', 4);
  src.pipe(upper).pipe(dst);
  dst.on('close', done);
});

scenario('transform pushing several chunks per input', (log, done) => {
  const t = new Transform({
    readableHighWaterMark: 2,
    readableObjectMode: true,
    transform(chunk, enc, cb) {
      for (const ch of String(chunk)) this.push(ch);
      cb();
    },
  });
  t.on('data', (d) => log('data', d));
  t.on('end', () => log('end'));
  log('write abc', t.write('abc'));
  log('write de', t.write('de'));
  t.end(() => log('end cb'));
  t.on('close', done);
});

scenario('transform errors', (log, done) => {
  const t = new Transform({
    transform(chunk, enc, cb) {
      if (String(chunk) === 'bad') cb(new Error('bad chunk'));
      else cb(null, chunk);
    },
  });
  t.on('data', (d) => log('data', String(d)));
  t.on('error', (err) => log('error', err.message));
  t.on('close', () => {
    log('close', t.destroyed);
    const t2 = new Transform();
    try {
      t2.write('x');
    } catch (err) {
      log('t2 write threw', err.code, err.message);
    }
    done();
  });
  t.write('ok');
  t.write('bad');
  t.write('after');
});

scenario('flush error', (log, done) => {
  const t = new Transform({
    transform(chunk, enc, cb) { cb(null, chunk); },
    flush(cb) { cb(new Error('flush failed')); },
  });
  t.resume();
  t.on('error', (err) => log('error', err.message));
  t.on('finish', () => log('finish'));
  t.on('end', () => log('end'));
  t.end('x', (err) => log('end cb', err && err.message));
  t.on('close', done);
});

scenario('passthrough objectMode', (log, done) => {
  const p = new PassThrough({ objectMode: true });
  p.on('data', (d) => log('data', JSON.stringify(d)));
  p.on('end', () => log('end'));
  p.write({ a: 1 });
  p.write([1, 2]);
  p.end('str');
  p.on('close', done);
});

scenario('duplex allowHalfOpen false', (log, done) => {
  const d = new Duplex({
    allowHalfOpen: false,
    read() {},
    write(chunk, enc, cb) { log('_write', String(chunk)); cb(); },
    final(cb) { log('_final'); cb(); },
  });
  for (const ev of ['end', 'finish', 'close', 'prefinish']) d.on(ev, () => log(`d ${ev}`));
  d.resume();
  d.write('w');
  d.push('r');
  d.push(null);
  d.on('close', done);
});

scenario('duplex half open stays open', (log, done) => {
  const d = new Duplex({
    read() {},
    write(chunk, enc, cb) { cb(); },
  });
  for (const ev of ['end', 'finish', 'close']) d.on(ev, () => log(`d ${ev}`));
  d.resume();
  d.push(null);
  setImmediate(() => {
    log('after end: writable', d.writable, 'destroyed', d.destroyed);
    d.end('bye');
  });
  d.on('close', done);
});

scenario('duplex with one side disabled', (log, done) => {
  const r = new Duplex({ writable: false, read() { this.push('x'); this.push(null); } });
  log('readable', r.readable, 'writable', r.writable, 'writableFinished', r.writableFinished);
  r.on('data', (d) => log('data', String(d)));
  r.on('end', () => log('end'));
  r.on('close', () => {
    log('r close');
    const w = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
    log('readable', w.readable, 'readableEnded', w.readableEnded);
    w.on('finish', () => log('w finish'));
    w.on('close', () => { log('w close'); done(); });
    w.end('z');
  });
});

scenario('duplex options and instanceof', (log, done) => {
  const d = new Duplex({
    readableObjectMode: true,
    writableHighWaterMark: 3,
    readableHighWaterMark: 7,
  });
  log('objectMode r/w', d.readableObjectMode, d.writableObjectMode);
  log('hwm r/w', d.readableHighWaterMark, d.writableHighWaterMark);
  log('instanceof Writable', d instanceof Writable, 'instanceof Readable', d instanceof Readable);
  log('transform instanceof', new Transform() instanceof Duplex, new PassThrough() instanceof Transform);
  log('plain object instanceof Writable', {} instanceof Writable);
  done();
});

scenario('readable ends into several pipes after end', (log, done) => {
  const src = new Readable({ read() {} });
  src.push('data');
  src.push(null);
  src.resume();
  src.on('end', () => {
    log('src ended; piping late');
    const dst = slowSink(log, 'late', 100, (cb) => cb());
    src.pipe(dst);
    dst.on('close', done);
  });
});

(async () => {
  for (const [name, fn] of scenarios) {
    console.log(`--- ${name}`);
    await new Promise((resolve) => fn((...args) => console.log(...args), resolve));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('--- all done');
})();
