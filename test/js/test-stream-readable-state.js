'use strict';
// Readable state machine: paused/flowing modes, 'readable' vs 'data', read(n) and read(0),
// highWaterMark and push() return values, setEncoding across split characters, unshift, errors.
// Every event is logged with tick markers; the output is compared with node's recording.
const { Readable } = require('stream');

const scenarios = [];
function scenario(name, fn) { scenarios.push([name, fn]); }

function ticks(log, label, n = 4) {
  let i = 0;
  (function next() {
    if (i++ >= n) return;
    log(`${label}: tick ${i}`);
    process.nextTick(next);
  })();
  Promise.resolve().then(() => log(`${label}: microtask`));
}

function show(v) {
  if (v === null) return 'null';
  if (Buffer.isBuffer(v)) return `<Buffer ${v.toString('hex')}>`;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

// Logs lifecycle events ('readable' only when asked: a 'readable' listener changes the mode).
function watch(r, log, name = 'r', events = ['end', 'close', 'pause', 'resume']) {
  for (const ev of events) {
    r.on(ev, () => log(`${name} ${ev} flowing=${r.readableFlowing} length=${r.readableLength}`));
  }
  r.on('error', (err) => log(`${name} error ${err.code || err.name}: ${err.message}`));
}

scenario('flowing via data listener', (log, done) => {
  const r = new Readable({ read() {} });
  watch(r, log);
  r.on('data', (chunk) => log('data', show(chunk)));
  log('flowing after on(data)', r.readableFlowing, 'isPaused', r.isPaused());
  r.push('a');
  r.push('b');
  log('length', r.readableLength);
  r.push(null);
  ticks(log, 'sync');
  r.on('close', done);
});

scenario('paused mode with readable and read()', (log, done) => {
  const r = new Readable({ read() {} });
  watch(r, log, 'r', ['readable', 'end', 'close', 'pause', 'resume']);
  r.on('readable', () => {
    let chunk;
    while ((chunk = r.read()) !== null) log('read', show(chunk));
    log('read -> null, ended', r.readableEnded);
  });
  r.push('one');
  r.push('two');
  setImmediate(() => {
    r.push('three');
    r.push(null);
  });
  r.on('close', done);
});

scenario('read(n) semantics', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('abcdef');
  r.push('ghi');
  log('read(2)', show(r.read(2)), 'len', r.readableLength);
  log('read(5) across chunks', show(r.read(5)), 'len', r.readableLength);
  log('read(10) more than available', show(r.read(10)), 'len', r.readableLength);
  log('read(0)', show(r.read(0)));
  log('read()', show(r.read()), 'len', r.readableLength);
  r.push('xyz');
  r.push(null);
  log('after end: read(10)', show(r.read(10)));
  log('read()', show(r.read()));
  watch(r, log);
  ticks(log, 'read');
  r.on('close', done);
});

scenario('read(0) triggers _read', (log, done) => {
  let n = 0;
  const r = new Readable({
    highWaterMark: 4,
    read(size) {
      log('_read size', size, 'call', ++n);
      if (n <= 3) this.push('xy');
      else this.push(null);
    },
  });
  log('read(0) ->', show(r.read(0)), 'len', r.readableLength);
  log('read(0) ->', show(r.read(0)), 'len', r.readableLength);
  r.on('end', () => log('end'));
  setImmediate(() => {
    log('length before readAll', r.readableLength);
    r.on('data', (c) => log('data', show(c)));
  });
  r.on('close', done);
});

scenario('push return values and highWaterMark', (log, done) => {
  const r = new Readable({ highWaterMark: 5, read() { log('_read'); } });
  log('hwm', r.readableHighWaterMark);
  log('push abc', r.push('abc'));
  log('push de', r.push('de'));
  log('push f', r.push('f'));
  log('length', r.readableLength);
  log('read(8) raises hwm', show(r.read(8)), 'hwm', r.readableHighWaterMark);
  const o = new Readable({ objectMode: true, read() {} });
  log('object hwm', o.readableHighWaterMark, 'objectMode', o.readableObjectMode);
  for (let i = 0; i < 17; i++) {
    const ok = o.push({ i });
    if (!ok) {
      log('object push false at', i, 'length', o.readableLength);
      break;
    }
  }
  log('object read', JSON.stringify(o.read()), 'length', o.readableLength);
  o.push(0);
  o.push('');
  o.push(false);
  const got = [];
  let v;
  while ((v = o.read()) !== null) got.push(JSON.stringify(v));
  log('falsy objects survive', got.slice(-3).join(' '));
  const z = new Readable({ highWaterMark: 0, read() { log('hwm0 _read'); } });
  log('hwm 0 push', z.push('a'), 'length', z.readableLength);
  setImmediate(done);
});

scenario('setEncoding with split multibyte characters', (log, done) => {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  log('readableEncoding', r.readableEncoding);
  const euro = Buffer.from('€uro ✓ 😀');
  r.on('data', (s) => log('data', show(s)));
  for (let i = 0; i < euro.length; i += 2) r.push(euro.subarray(i, i + 2));
  r.push(null);
  const h = new Readable({ read() {} });
  h.push(Buffer.from('hello'));
  h.setEncoding('hex');
  log('hex after push', show(h.read()));
  const b = new Readable({ read() {}, encoding: 'base64' });
  b.push(Buffer.from('ab'));
  b.push(Buffer.from('c'));
  b.push(null);
  b.on('data', (s) => log('base64 data', show(s)));
  b.on('end', () => log('base64 end'));
  r.on('close', () => setImmediate(done));
});

scenario('string pushes with encodings', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('68656c6c6f', 'hex');
  r.push('d29ybGQ=', 'base64');
  log('buffer', show(r.read()));
  const s = new Readable({ read() {}, encoding: 'utf8' });
  s.push('plain');
  s.push(Buffer.from(' buf'));
  s.unshift('front ');
  log('decoded', show(s.read()));
  const l = new Readable({ read() {}, defaultEncoding: 'latin1' });
  l.push('\u00e9');
  log('latin1 default', show(l.read()));
  setImmediate(done);
});

scenario('unshift', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('world');
  const first = r.read(3);
  log('read(3)', show(first));
  r.unshift(first);
  log('after unshift length', r.readableLength);
  log('read()', show(r.read()));
  r.push(null);
  r.on('end', () => {
    log('end');
    r.unshift('late');
  });
  r.on('error', (err) => log('error', err.code, err.message));
  r.resume();
  r.on('close', done);
});

scenario('push after EOF', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('error', (err) => log('error', err.code, err.message));
  r.on('close', () => {
    log('close errored', r.errored && r.errored.code, 'destroyed', r.destroyed);
    done();
  });
  r.push(null);
  log('push after null ->', r.push('x'));
});

scenario('invalid chunk', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('error', (err) => log('error', err.code, err.message));
  r.on('close', () => done());
  r.push(42);
  log('pushed 42; destroyed', r.destroyed);
});

scenario('_read not implemented', (log, done) => {
  const r = new Readable();
  r.on('error', (err) => log('error', err.code, err.message));
  r.on('close', () => done());
  r.read();
});

scenario('pause and resume', (log, done) => {
  const r = new Readable({ read() {} });
  watch(r, log);
  r.on('data', (c) => {
    log('data', show(c));
    if (c.toString() === 'b') {
      r.pause();
      log('paused; isPaused', r.isPaused(), 'flowing', r.readableFlowing);
      setImmediate(() => {
        log('resuming, buffered', r.readableLength);
        r.resume();
      });
    }
  });
  r.push('a');
  r.push('b');
  r.push('c');
  r.push('d');
  r.push(null);
  r.on('close', done);
});

scenario('readable listener takes precedence over data', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('data', (c) => log('data', show(c)));
  r.on('readable', function onReadable() {
    log('readable; flowing', r.readableFlowing);
    let c;
    while ((c = r.read()) !== null) log('read', show(c));
  });
  log('flowing', r.readableFlowing);
  r.push('x');
  setImmediate(() => {
    r.removeAllListeners('readable');
    log('removed readable; flowing now', r.readableFlowing);
    process.nextTick(() => {
      log('next tick flowing', r.readableFlowing);
      r.push('y');
      r.push(null);
    });
  });
  r.on('end', () => log('end'));
  r.on('close', done);
});

scenario('readableFlowing = false then data listener', (log, done) => {
  const r = new Readable({ read() {} });
  r.readableFlowing = false;
  r.on('data', (c) => log('data', show(c)));
  r.push('q');
  setImmediate(() => {
    log('still buffered', r.readableLength, 'flowing', r.readableFlowing);
    r.resume();
    r.push(null);
  });
  r.on('end', () => log('end'));
  r.on('close', done);
});

scenario('async _read with hwm', (log, done) => {
  let i = 0;
  const r = new Readable({
    highWaterMark: 3,
    read(size) {
      const n = ++i;
      log('_read', size, n);
      setImmediate(() => this.push(n <= 4 ? String(n).repeat(2) : null));
    },
  });
  r.on('data', (c) => log('data', show(c)));
  r.on('end', () => log('end'));
  r.on('close', done);
});

scenario('state properties', (log, done) => {
  const r = new Readable({ read() {} });
  const props = () => [
    'readable', r.readable, 'readableEnded', r.readableEnded, 'readableAborted', r.readableAborted,
    'readableDidRead', r.readableDidRead, 'destroyed', r.destroyed, 'closed', r.closed,
    'errored', r.errored,
  ].join(' ');
  log('initial', props());
  r.push('a');
  r.read();
  log('after read', props());
  r.push(null);
  r.resume();
  r.on('end', () => log('at end', props()));
  r.on('close', () => {
    log('at close', props());
    const a = new Readable({ read() {} });
    a.on('error', () => {});
    a.destroy(new Error('x'));
    log('aborted', a.readableAborted, 'errored', a.errored.message);
    done();
  });
});

scenario('end without reading the data', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('data');
  r.push(null);
  r.on('end', () => log('end (never, not consumed)'));
  setImmediate(() => {
    log('ended state', r._readableState.ended, 'endEmitted', r.readableEnded, 'length', r.readableLength);
    r.on('end', () => log('end after consume'));
    r.on('close', done);
    r.read();
    r.read();
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
