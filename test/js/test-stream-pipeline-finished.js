'use strict';
// pipeline() (callback and stream/promises) with streams, generators and async generator
// transforms, errors mid-pipeline, premature close, AbortSignal, end: false; finished()
// (callback and promise), premature close and cleanup. Event order and errors are compared with
// node's recording.
const stream = require('stream');
const { Readable, Writable, PassThrough, Transform, pipeline, finished } = stream;
const promises = require('stream/promises');
const { promisify } = require('util');

const scenarios = [];
function scenario(name, fn) { scenarios.push([name, fn]); }

function describe(err) {
  if (!err) return String(err);
  return `${err.name}${err.code ? ` [${err.code}]` : ''}: ${err.message}`;
}

function sink(log, name = 'sink', opts = {}) {
  const chunks = [];
  const w = new Writable({
    objectMode: opts.objectMode,
    write(chunk, enc, cb) {
      chunks.push(opts.objectMode ? JSON.stringify(chunk) : String(chunk));
      if (opts.fail && chunks.length === opts.fail) cb(new Error(`${name} failed`));
      else setImmediate(cb);
    },
  });
  for (const ev of ['finish', 'close']) w.on(ev, () => log(`${name} ${ev} [${chunks.join(',')}]`));
  return w;
}

function src(log, items, name = 'src', opts = {}) {
  let i = 0;
  const r = new Readable({
    objectMode: opts.objectMode,
    read() {
      if (opts.failAt === i) {
        this.destroy(new Error(`${name} failed`));
        return;
      }
      if (i < items.length) this.push(items[i++]);
      else this.push(null);
    },
  });
  for (const ev of ['end', 'close']) r.on(ev, () => log(`${name} ${ev}`));
  return r;
}

scenario('pipeline of streams', (log, done) => {
  const upper = new Transform({
    transform(c, e, cb) { cb(null, String(c).toUpperCase()); },
  });
  upper.on('close', () => log('upper close'));
  const ret = pipeline(src(log, ['a', 'b', 'c']), upper, sink(log), (err) => {
    log('pipeline callback', describe(err));
    done();
  });
  log('returns last', ret instanceof Writable);
});

scenario('error in the middle destroys everything', (log, done) => {
  const s = src(log, ['1', '2', '3', '4']);
  const t = new Transform({
    transform(c, e, cb) {
      if (String(c) === '2') cb(new Error('transform failed'));
      else cb(null, c);
    },
  });
  t.on('close', () => log('t close'));
  const k = sink(log);
  pipeline(s, t, k, (err) => {
    log('callback', describe(err));
    log('destroyed', s.destroyed, t.destroyed, k.destroyed);
    done();
  });
});

scenario('source error', (log, done) => {
  pipeline(src(log, ['x', 'y'], 'src', { failAt: 1 }), sink(log), (err) => {
    log('callback', describe(err));
    done();
  });
});

scenario('destination error', (log, done) => {
  pipeline(src(log, ['x', 'y', 'z']), sink(log, 'sink', { fail: 2 }), (err) => {
    log('callback', describe(err));
    done();
  });
});

scenario('premature close of a middle stream', (log, done) => {
  const pt = new PassThrough();
  pipeline(src(log, ['p', 'q', 'r']), pt, sink(log), (err) => {
    log('callback', describe(err));
    done();
  });
  setImmediate(() => pt.destroy());
});

scenario('generator source and async generator transform', (log, done) => {
  function* gen() {
    yield 'one';
    yield 'two';
  }
  pipeline(
    gen,
    async function*(source, { signal }) {
      log('transform signal aborted', signal.aborted);
      for await (const chunk of source) yield `${chunk}!`;
    },
    sink(log, 'sink', { objectMode: true }),
    (err) => {
      log('callback', describe(err));
      done();
    });
});

scenario('async function destination returns a value', (log, done) => {
  pipeline(
    Readable.from(['a', 'b']),
    async function(source) {
      let all = '';
      for await (const chunk of source) all += chunk;
      return all;
    },
    (err, value) => {
      log('callback', describe(err), 'value', value);
      done();
    });
});

scenario('throwing async generator transform', (log, done) => {
  const s = src(log, ['1', '2', '3']);
  pipeline(
    s,
    async function*(source) {
      for await (const chunk of source) {
        if (String(chunk) === '2') throw new Error('generator threw');
        yield chunk;
      }
    },
    sink(log),
    (err) => {
      log('callback', describe(err), 'src destroyed', s.destroyed);
      done();
    });
});

scenario('stream/promises pipeline', (log, done) => {
  (async () => {
    await promises.pipeline(Readable.from(['x', 'y']), sink(log, 'p1', { objectMode: true }));
    log('resolved');
    try {
      await promises.pipeline(src(log, ['q'], 'src', { failAt: 0 }), sink(log, 'p2'));
    } catch (err) {
      log('rejected', describe(err));
    }
    const value = await promises.pipeline(Readable.from([1, 2, 3]), async (source) => {
      let sum = 0;
      for await (const n of source) sum += n;
      return sum;
    });
    log('value', value);
    log('promisify(pipeline) is promises.pipeline', promisify(pipeline) === promises.pipeline);
  })().then(done);
});

scenario('abort signal', (log, done) => {
  const ac = new AbortController();
  const s = new Readable({ read() {} });
  s.on('close', () => log('src close'));
  promises.pipeline(s, sink(log), { signal: ac.signal }).catch((err) => {
    log('rejected', describe(err));
    done();
  });
  s.push('a');
  setImmediate(() => ac.abort());
});

scenario('end: false leaves the destination open', (log, done) => {
  const k = sink(log);
  promises.pipeline(Readable.from(['a', 'b']), k, { end: false }).then(() => {
    log('resolved; writableEnded', k.writableEnded);
    k.end('c');
    k.on('close', done);
  });
});

scenario('invalid pipeline arguments', (log, done) => {
  for (const args of [[], [new PassThrough()], [new PassThrough(), new PassThrough(), 'not a callback']]) {
    try {
      pipeline(...args);
    } catch (err) {
      log('threw', describe(err));
    }
  }
  try {
    pipeline(new PassThrough(), {}, (err) => log('cb', describe(err)));
  } catch (err) {
    log('threw', describe(err));
  }
  setImmediate(done);
});

scenario('finished callback for readable, writable, duplex', (log, done) => {
  const r = new Readable({ read() {} });
  finished(r, (err) => log('readable finished', describe(err)));
  r.push('x');
  r.push(null);
  r.resume();
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const cleanup = finished(w, (err) => log('writable finished', describe(err)));
  log('cleanup is a function', typeof cleanup);
  w.end('y');
  const d = new PassThrough();
  finished(d, (err) => log('duplex finished', describe(err)));
  d.end('z');
  d.resume();
  d.on('close', () => setImmediate(done));
});

scenario('finished with premature close and error', (log, done) => {
  const r = new Readable({ read() {} });
  finished(r, (err) => log('premature', describe(err)));
  r.destroy();
  const w = new Writable({ write(c, e, cb) { cb(new Error('wfail')); } });
  w.on('error', () => {});
  finished(w, (err) => log('errored', describe(err)));
  w.write('x');
  const keep = new Readable({ read() {} });
  finished(keep, { readable: false }, (err) => log('readable:false on readable', describe(err)));
  setImmediate(() => setImmediate(done));
});

scenario('finished on an already finished stream', (log, done) => {
  const r = Readable.from(['a']);
  r.resume();
  r.on('close', () => {
    finished(r, (err) => {
      log('late finished', describe(err));
      done();
    });
  });
});

scenario('finished promise and cleanup', (log, done) => {
  (async () => {
    const r = new Readable({ read() {} });
    process.nextTick(() => {
      r.push('a');
      r.push(null);
      r.resume();
    });
    await promises.finished(r);
    log('promise resolved');
    const w = new Writable({ write(c, e, cb) { cb(); } });
    const before = w.listenerCount('finish');
    const p = promises.finished(w, { cleanup: true });
    w.end();
    await p;
    log('listeners restored', w.listenerCount('finish') === before);
    const bad = new Readable({ read() {} });
    process.nextTick(() => bad.destroy(new Error('bad')));
    try {
      await promises.finished(bad);
    } catch (err) {
      log('promise rejected', describe(err));
    }
    const ac = new AbortController();
    const slow = new Readable({ read() {} });
    const q = promises.finished(slow, { signal: ac.signal });
    ac.abort();
    try {
      await q;
    } catch (err) {
      log('aborted', describe(err));
    }
    try {
      finished({}, () => {});
    } catch (err) {
      log('not a stream', describe(err));
    }
  })().then(done);
});

(async () => {
  for (const [name, fn] of scenarios) {
    console.log(`--- ${name}`);
    await new Promise((resolve) => fn((...args) => console.log(...args), resolve));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('--- all done');
})();
