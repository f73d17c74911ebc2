'use strict';
// Writable state machine: backpressure with a slow writer (write() -> false, 'drain'), sync and
// async _write callbacks, cork/uncork with _writev, end(chunk, cb), _final, 'prefinish',
// 'finish' then 'close', write after end, errors in _write and _final, state properties.
// Event order is compared with node's recording.
const { Writable } = require('stream');

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

function watch(w, log, name = 'w') {
  for (const ev of ['drain', 'prefinish', 'finish', 'close', 'pipe', 'unpipe']) {
    w.on(ev, () => log(`${name} ${ev} len=${w.writableLength} needDrain=${w.writableNeedDrain}`));
  }
  w.on('error', (err) => log(`${name} error ${err.code || err.name}: ${err.message}`));
}

function state(w) {
  return [
    'writable', w.writable, 'ended', w.writableEnded, 'finished', w.writableFinished,
    'destroyed', w.destroyed, 'closed', w.closed, 'length', w.writableLength,
    'corked', w.writableCorked, 'needDrain', w.writableNeedDrain,
    'errored', w.errored ? w.errored.message : w.errored,
  ].join(' ');
}

scenario('backpressure with a slow writer', (log, done) => {
  const w = new Writable({
    highWaterMark: 6,
    write(chunk, enc, cb) {
      log('_write', chunk.toString(), enc);
      setImmediate(cb);
    },
  });
  watch(w, log);
  let i = 0;
  function writeMore() {
    while (i < 8) {
      const ok = w.write(`ch${i}`, () => log('cb', i));
      log('write', i, '->', ok, 'len', w.writableLength);
      i++;
      if (!ok) {
        w.once('drain', writeMore);
        return;
      }
    }
    w.end(() => log('end callback', state(w)));
  }
  writeMore();
  w.on('close', done);
});

scenario('synchronous _write callbacks', (log, done) => {
  const w = new Writable({
    highWaterMark: 3,
    write(chunk, enc, cb) {
      log('_write', chunk.toString());
      cb();
    },
  });
  watch(w, log);
  log('write a ->', w.write('a', () => log('cb a')));
  log('write bbbb ->', w.write('bbbb', () => log('cb bbbb')));
  log('write c (no cb) ->', w.write('c'));
  log('state', state(w));
  ticks(log, 'sync');
  w.end('d', () => log('end cb'));
  log('after end', state(w));
  w.on('close', done);
});

scenario('same callback shares a tick', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const cb = () => log('shared cb');
  w.write('1', cb);
  w.write('2', cb);
  w.write('3', () => log('other cb'));
  w.write('4', cb);
  ticks(log, 'shared');
  setImmediate(done);
});

scenario('cork, uncork and _writev', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) {
      log('_write', chunk.toString());
      setImmediate(cb);
    },
    writev(chunks, cb) {
      log('_writev', chunks.map((c) => `${c.chunk}:${c.encoding}`).join(','), 'allBuffers', chunks.allBuffers);
      setImmediate(cb);
    },
  });
  watch(w, log);
  w.cork();
  w.write('a', () => log('cb a'));
  w.write('b', () => log('cb b'));
  w.cork();
  w.write('c');
  log('corked', w.writableCorked, 'buffer', w.writableBuffer.length, 'len', w.writableLength);
  w.uncork();
  log('after one uncork corked', w.writableCorked);
  process.nextTick(() => {
    w.uncork();
    log('uncorked', state(w));
    w.write('d');
    w.write('e');
    w.end('f');
  });
  w.on('close', done);
});

scenario('decodeStrings false keeps strings', (log, done) => {
  const w = new Writable({
    decodeStrings: false,
    write(chunk, enc, cb) {
      log('_write', typeof chunk, JSON.stringify(chunk.toString()), enc);
      cb();
    },
  });
  w.write('héllo');
  w.write('aGk=', 'base64');
  w.write(Buffer.from('buf'));
  w.setDefaultEncoding('hex');
  w.write('6869');
  w.end(done);
});

scenario('default encoding', (log, done) => {
  const w = new Writable({
    defaultEncoding: 'latin1',
    write(chunk, enc, cb) {
      log('_write', chunk.toString('hex'), enc);
      cb();
    },
  });
  w.write('\u00ff');
  try {
    w.setDefaultEncoding('nope');
  } catch (err) {
    log('setDefaultEncoding', err.code, err.message);
  }
  try {
    w.write('x', 'nope');
  } catch (err) {
    log('write bad encoding', err.code, err.message);
  }
  w.end(done);
});

scenario('_final and prefinish ordering', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) { log('_write', chunk.toString()); setImmediate(cb); },
    final(cb) {
      log('_final', state(w));
      setImmediate(() => {
        log('_final done');
        cb();
      });
    },
  });
  watch(w, log);
  w.write('x');
  w.end(() => log('end cb'));
  w.end(() => log('second end cb'));
  w.on('close', done);
});

scenario('sync _final', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) { cb(); },
    final(cb) { log('_final'); cb(); },
  });
  watch(w, log);
  w.end('z', () => log('end cb'));
  log('end returned', state(w));
  ticks(log, 'final');
  w.on('close', done);
});

scenario('end with no writes and no _final', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(w, log);
  log('end returns this', w.end() === w);
  ticks(log, 'end');
  w.on('close', done);
});

scenario('write after end', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(w, log);
  w.end('last');
  const ret = w.write('more', (err) => log('write cb', err && err.code));
  log('write after end ->', ret);
  w.on('close', () => {
    log('closed', state(w));
    done();
  });
});

scenario('end after finish', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); }, autoDestroy: false });
  w.end();
  w.on('finish', () => {
    w.end((err) => log('end after finish cb', err && err.code, err && err.message));
    setImmediate(done);
  });
});

scenario('error in _write (async)', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) {
      log('_write', chunk.toString());
      setImmediate(() => cb(new Error('write failed')));
    },
  });
  watch(w, log);
  w.write('a', (err) => log('cb a', err && err.message));
  w.write('b', (err) => log('cb b', err && err.message));
  w.end('c', (err) => log('end cb', err && err.message));
  w.on('close', () => {
    log('state', state(w));
    done();
  });
});

scenario('error in _write (sync)', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) { cb(new Error('sync fail')); },
  });
  watch(w, log);
  log('write ->', w.write('a', (err) => log('cb', err.message)));
  log('state after write', state(w));
  ticks(log, 'syncerr');
  w.on('close', done);
});

scenario('error in _final', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) { cb(); },
    final(cb) { cb(new Error('final failed')); },
  });
  watch(w, log);
  w.write('x');
  w.end((err) => log('end cb', err && err.message));
  ticks(log, 'finalerr');
  w.on('close', done);
});

scenario('_final throws', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) { cb(); },
    final() { throw new Error('final threw'); },
  });
  watch(w, log);
  w.end((err) => log('end cb', err && err.message));
  w.on('close', done);
});

scenario('callback called twice', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) {
      cb();
      cb();
    },
  });
  watch(w, log);
  w.write('x');
  w.on('close', done);
});

scenario('autoDestroy false and emitClose false', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); }, autoDestroy: false });
  watch(w, log);
  w.end('x');
  w.on('finish', () => {
    log('finished, destroyed', w.destroyed);
    const n = new Writable({ write(c, e, cb) { cb(); }, emitClose: false });
    watch(n, log, 'n');
    n.end();
    n.on('finish', () => setImmediate(() => {
      log('n destroyed', n.destroyed, 'closed', n.closed);
      done();
    }));
  });
});

scenario('invalid chunks', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  for (const chunk of [null, 1, {}, undefined]) {
    try {
      w.write(chunk);
    } catch (err) {
      log('write', String(chunk), err.code, err.name, err.message);
    }
  }
  const o = new Writable({ objectMode: true, write(c, e, cb) { log('object', JSON.stringify(c), e); cb(); } });
  o.write({ a: 1 });
  o.write(0);
  o.write('s');
  try {
    o.write(null);
  } catch (err) {
    log('objectMode null', err.code);
  }
  o.end(done);
});

scenario('_write not implemented', (log, done) => {
  const w = new Writable();
  try {
    w.write('x');
  } catch (err) {
    log('threw', err.code, err.message);
  }
  w.on('error', (err) => log('error event', err.code));
  setImmediate(done);
});

scenario('pipe on a writable', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.on('error', (err) => log('error', err.code, err.message));
  w.pipe(new Writable());
  w.on('close', done);
});

scenario('writev with object mode and hwm', (log, done) => {
  const w = new Writable({
    objectMode: true,
    highWaterMark: 2,
    writev(chunks, cb) {
      log('_writev', chunks.length, JSON.stringify(chunks.map((c) => c.chunk)));
      process.nextTick(cb);
    },
  });
  watch(w, log);
  for (let i = 0; i < 5; i++) log('write', i, w.write({ i }));
  w.end();
  w.on('close', done);
});

scenario('buffered writes fail on destroy', (log, done) => {
  const w = new Writable({
    write(chunk, enc, cb) { log('_write', chunk.toString()); setImmediate(cb); },
  });
  watch(w, log);
  w.write('1', (err) => log('cb 1', err && err.code));
  w.write('2', (err) => log('cb 2', err && err.code));
  w.write('3', (err) => log('cb 3', err && err.code));
  w.end((err) => log('end cb', err && err.code));
  w.destroy();
  log('destroyed', state(w));
  w.on('close', done);
});

scenario('write after destroy', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(w, log);
  w.destroy();
  w.write('x', (err) => log('write cb', err.code, err.message));
  w.end((err) => log('end cb', err.code, err.message));
  setImmediate(done);
});

scenario('constructor options and instanceof', (log, done) => {
  const w = new Writable({
    write(c, e, cb) { cb(); },
    construct(cb) {
      log('_construct');
      setImmediate(() => { log('constructed'); cb(); });
    },
  });
  watch(w, log);
  w.write('before construct', () => log('cb'));
  log('buffered before construct', w.writableLength);
  w.end();
  // eslint-disable-next-line new-cap
  log('without new', Writable({ write() {} }) instanceof Writable);
  w.on('close', done);
});

(async () => {
  for (const [name, fn] of scenarios) {
    console.log(`--- ${name}`);
    await new Promise((resolve) => fn((...args) => console.log(...args), resolve));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('--- all done');
})();
