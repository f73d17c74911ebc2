'use strict';
// destroy(): 'error' then 'close' on a later tick, _destroy with and without a callback error,
// destroy during read / during write / inside 'data', autoDestroy and emitClose, errored and
// closed state, _construct ordering, stream.destroy() and stream.isX() helpers.
// Event order is compared with node's recording.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform } = stream;

const scenarios = [];
function scenario(name, fn) { scenarios.push([name, fn]); }

function ticks(log, label, n = 3) {
  let i = 0;
  (function next() {
    if (i++ >= n) return;
    log(`${label}: tick ${i}`);
    process.nextTick(next);
  })();
  Promise.resolve().then(() => log(`${label}: microtask`));
}

function watch(s, log, name) {
  for (const ev of ['end', 'finish', 'close', 'prefinish']) s.on(ev, () => log(`${name} ${ev}`));
  s.on('error', (err) => log(`${name} error ${err.code || ''} ${err.message}`));
}

scenario('readable destroy(err): error then close', (log, done) => {
  const r = new Readable({ read() {} });
  watch(r, log, 'r');
  r.destroy(new Error('boom'));
  log('sync: destroyed', r.destroyed, 'errored', r.errored.message, 'closed', r.closed);
  ticks(log, 'r');
  r.destroy(new Error('second'));
  r.on('close', () => {
    log('closed', r.closed, 'errored', r.errored.message, 'readableAborted', r.readableAborted);
    done();
  });
});

scenario('destroy without error', (log, done) => {
  const r = new Readable({ read() {} });
  watch(r, log, 'r');
  const ret = r.destroy();
  log('returns this', ret === r);
  r.destroy(undefined, () => log('second destroy cb'));
  ticks(log, 'plain');
  r.on('close', done);
});

scenario('_destroy callback error replaces', (log, done) => {
  const w = new Writable({
    write(c, e, cb) { cb(); },
    destroy(err, cb) {
      log('_destroy got', err && err.message);
      setImmediate(() => cb(new Error('from _destroy')));
    },
  });
  watch(w, log, 'w');
  w.destroy(new Error('original'), (err) => log('destroy cb', err && err.message));
  log('errored now', w.errored.message);
  w.on('close', () => {
    log('errored at close', w.errored.message);
    done();
  });
});

scenario('_destroy throws', (log, done) => {
  const r = new Readable({
    read() {},
    destroy() { throw new Error('destroy threw'); },
  });
  watch(r, log, 'r');
  r.destroy();
  r.on('close', done);
});

scenario('destroy during read', (log, done) => {
  const r = new Readable({
    read() {
      log('_read');
      this.push('a');
      this.destroy(new Error('in read'));
      log('push after destroy ->', this.push('b'));
    },
  });
  watch(r, log, 'r');
  r.on('data', (d) => log('data', String(d)));
  r.on('close', done);
});

scenario('destroy inside data handler', (log, done) => {
  const r = new Readable({ read() {} });
  watch(r, log, 'r');
  r.on('data', (d) => {
    log('data', String(d));
    r.destroy();
  });
  r.push('1');
  r.push('2');
  r.push('3');
  r.push(null);
  r.on('close', () => {
    log('buffered left', r.readableLength, 'ended', r.readableEnded);
    done();
  });
});

scenario('destroy during an in-flight write', (log, done) => {
  let pending;
  const w = new Writable({
    write(chunk, enc, cb) {
      log('_write', String(chunk));
      pending = cb;
    },
  });
  watch(w, log, 'w');
  w.write('a', (err) => log('cb a', err ? err.code : null));
  w.write('b', (err) => log('cb b', err ? err.code : null));
  w.destroy();
  log('late callback');
  pending();
  w.on('close', done);
});

scenario('autoDestroy false keeps the stream alive', (log, done) => {
  const r = new Readable({ autoDestroy: false, read() {} });
  watch(r, log, 'r');
  r.push(null);
  r.resume();
  r.on('end', () => setImmediate(() => {
    log('destroyed after end', r.destroyed);
    r.destroy();
    r.on('close', done);
  }));
});

scenario('autoDestroy false with error emits error but stays', (log, done) => {
  const w = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error('nope')); } });
  watch(w, log, 'w');
  w.write('x');
  setImmediate(() => {
    log('destroyed', w.destroyed, 'errored', w.errored && w.errored.message, 'writable', w.writable);
    done();
  });
});

scenario('emitClose false', (log, done) => {
  const r = new Readable({ emitClose: false, read() {} });
  watch(r, log, 'r');
  r.destroy(new Error('quiet'));
  setImmediate(() => {
    log('closed', r.closed);
    done();
  });
});

scenario('duplex destroy', (log, done) => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  watch(d, log, 'd');
  d.write('x', (err) => log('write cb', err));
  d.destroy(new Error('duplex'));
  log('destroyed', d.destroyed, 'readable', d.readable, 'writable', d.writable);
  d.on('close', done);
});

scenario('transform destroy', (log, done) => {
  const t = new Transform({ transform(c, e, cb) { setImmediate(cb, null, c); } });
  watch(t, log, 't');
  t.write('x');
  t.destroy();
  t.on('close', done);
});

scenario('construct then destroy before it completes', (log, done) => {
  const r = new Readable({
    construct(cb) {
      log('_construct');
      setImmediate(() => {
        log('construct done');
        cb();
      });
    },
    read() { log('_read (never)'); },
    destroy(err, cb) {
      log('_destroy', err && err.message);
      cb(err);
    },
  });
  watch(r, log, 'r');
  r.resume();
  r.destroy(new Error('early'));
  log('destroyed', r.destroyed);
  r.on('close', done);
});

scenario('construct error', (log, done) => {
  const w = new Writable({
    construct(cb) { process.nextTick(cb, new Error('cannot construct')); },
    write(c, e, cb) { log('_write (never)'); cb(); },
  });
  watch(w, log, 'w');
  w.write('x', (err) => log('write cb', err && err.message));
  w.on('close', done);
});

scenario('construct callback twice', (log, done) => {
  const r = new Readable({
    construct(cb) {
      cb();
      cb();
    },
    read() {},
  });
  watch(r, log, 'r');
  r.on('close', done);
});

scenario('stream.destroy and isX helpers', (log, done) => {
  const r = new Readable({ read() {} });
  const show = (s) => [
    'isReadable', stream.isReadable(s), 'isWritable', stream.isWritable(s),
    'isDestroyed', stream.isDestroyed(s), 'isErrored', stream.isErrored(s),
    'isDisturbed', stream.isDisturbed(s),
  ].join(' ');
  log('fresh readable', show(r));
  r.push('x');
  r.read();
  log('after read', show(r));
  r.on('error', () => {});
  stream.destroy(r, new Error('via stream.destroy'));
  log('destroyed', show(r));
  const w = new Writable({ write(c, e, cb) { cb(); } });
  log('fresh writable', show(w));
  w.end();
  log('ended writable', show(w));
  log('plain object', show({}));
  const legacy = new stream.Stream();
  legacy.on('close', () => log('legacy close'));
  stream.destroy(legacy);
  r.on('close', () => setImmediate(done));
});

scenario('error without listener is uncaught', (log, done) => {
  const r = new Readable({ read() {} });
  process.once('uncaughtException', (err) => {
    log('uncaught', err.message);
    setImmediate(done);
  });
  r.destroy(new Error('nobody listens'));
});

scenario('captureRejections destroys', (log, done) => {
  const r = new Readable({ read() {}, captureRejections: true });
  r.on('error', (err) => log('error', err.message));
  r.on('close', done);
  r.on('data', async () => {
    throw new Error('async listener failed');
  });
  r.push('x');
});

(async () => {
  for (const [name, fn] of scenarios) {
    console.log(`--- ${name}`);
    await new Promise((resolve) => fn((...args) => console.log(...args), resolve));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('--- all done');
})();
