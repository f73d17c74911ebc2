'use strict';
// Readable.from (iterables, async iterables, strings and Buffers whole, promises), async
// iteration (for await; break destroys; destroyOnReturn: false; errors), the operators (map,
// filter, forEach, toArray, some, find, every, flatMap, drop, take, reduce), compose,
// Duplex.from, addAbortSignal, stream/consumers. Compared with node's recording.
const stream = require('stream');
const { Readable, Writable, Duplex, PassThrough, Transform, compose, addAbortSignal } = stream;
const consumers = require('stream/consumers');

function describe(err) {
  if (!err) return String(err);
  return `${err.name}${err.code ? ` [${err.code}]` : ''}: ${err.message}`;
}

const log = (...args) => console.log(...args);

async function main() {
  log('--- Readable.from');
  log('array', await Readable.from([1, 2, 3]).toArray());
  log('string whole', await Readable.from('hello').toArray());
  log('buffer whole', (await Readable.from(Buffer.from('buf')).toArray()).map(String));
  log('string objectMode', Readable.from('s').readableObjectMode);
  log('set', await Readable.from(new Set(['a', 'b'])).toArray());
  log('promises resolved', await Readable.from([Promise.resolve('p'), 'q']).toArray());
  async function* agen() {
    yield 'x';
    await null;
    yield 'y';
  }
  log('async generator', await Readable.from(agen()).toArray());
  log('objectMode false', (await Readable.from(['ab', 'cd'], { objectMode: false }).toArray()).map(String));
  try {
    Readable.from(42);
  } catch (err) {
    log('not iterable', describe(err));
  }
  try {
    await Readable.from([1, null, 2]).toArray();
  } catch (err) {
    log('null value', describe(err));
  }

  log('--- from() event timing');
  await new Promise((resolve) => {
    const r = Readable.from(['a', 'b', 'c']);
    r.on('data', (d) => log('data', d));
    r.on('end', () => log('end'));
    r.on('close', () => {
      log('close');
      resolve();
    });
    let i = 0;
    (function tick() {
      if (++i > 6) return;
      log('tick', i);
      process.nextTick(tick);
    })();
  });

  log('--- for await');
  {
    const r = new Readable({ read() {} });
    r.push('1');
    r.push('2');
    r.push(null);
    const got = [];
    for await (const chunk of r) got.push(String(chunk));
    log('chunks', got, 'destroyed', r.destroyed);
  }
  {
    let returned = false;
    function* gen() {
      try {
        yield 1;
        yield 2;
        yield 3;
      } finally {
        returned = true;
      }
    }
    const r = Readable.from(gen());
    r.on('close', () => log('break -> close'));
    for await (const v of r) {
      log('got', v);
      break;
    }
    log('destroyed after break', r.destroyed);
    await new Promise((resolve) => setImmediate(resolve));
    log('generator returned', returned);
  }
  {
    const r = Readable.from([1, 2, 3]);
    for await (const v of r.iterator({ destroyOnReturn: false })) {
      log('first', v);
      break;
    }
    log('kept alive', !r.destroyed);
    for await (const v of r) log('rest', v);
  }
  {
    const r = new Readable({ read() {} });
    r.push('a');
    process.nextTick(() => r.destroy(new Error('iteration error')));
    try {
      for await (const chunk of r) log('chunk', String(chunk));
    } catch (err) {
      log('caught', describe(err));
    }
  }
  {
    const r = new Readable({ read() {} });
    process.nextTick(() => r.destroy());
    try {
      for await (const chunk of r) log('never', chunk);
      log('loop ended');
    } catch (err) {
      log('caught', describe(err));
    }
  }
  {
    const r = Readable.from([1, 2]);
    try {
      for await (const v of r) {
        log('throwing at', v);
        throw new Error('body threw');
      }
    } catch (err) {
      log('caught', err.message, 'destroyed', r.destroyed);
    }
  }
  {
    const r = new Readable({ read() {} });
    r.setEncoding('utf8');
    r.push(Buffer.from([0xe2, 0x82]));
    r.push(Buffer.from([0xac]));
    r.push(null);
    let s = '';
    for await (const chunk of r) s += chunk;
    log('decoded', JSON.stringify(s));
  }

  log('--- operators');
  const nums = () => Readable.from([1, 2, 3, 4, 5]);
  log('map', await nums().map((x) => x * 10).toArray());
  log('map async concurrency', await nums().map(async (x) => {
    await new Promise((resolve) => setImmediate(resolve));
    return x + 1;
  }, { concurrency: 2 }).toArray());
  log('filter', await nums().filter((x) => x % 2).toArray());
  const seen = [];
  log('forEach', await nums().forEach((x) => { seen.push(x); }), seen);
  log('some', await nums().some((x) => x > 4), await nums().some((x) => x > 5));
  log('every', await nums().every((x) => x > 0), await nums().every((x) => x > 1));
  log('find', await nums().find((x) => x > 2), await nums().find((x) => x > 9));
  log('flatMap', await nums().flatMap((x) => [x, x]).toArray());
  log('drop/take', await nums().drop(1).take(2).toArray());
  log('reduce', await nums().reduce((a, b) => a + b), await nums().reduce((a, b) => a + b, 100));
  try {
    await Readable.from([]).reduce((a, b) => a + b);
  } catch (err) {
    log('reduce empty', describe(err));
  }
  for (const bad of [() => nums().map(1), () => nums().drop(-1), () => nums().take('x'),
                     () => nums().map((x) => x, { concurrency: 0 }), () => nums().filter()]) {
    try {
      const res = bad();
      log('no throw', await res.toArray());
    } catch (err) {
      log('threw', describe(err));
    }
  }
  try {
    await nums().map(async (x) => {
      if (x === 3) throw new Error('map fn failed');
      return x;
    }).toArray();
  } catch (err) {
    log('map rejection', describe(err));
  }
  const mapped = nums().map((x) => x);
  log('operator returns Readable', mapped instanceof Readable, mapped.readableObjectMode);
  {
    const ac = new AbortController();
    const p = Readable.from((async function*() {
      yield 1;
      await new Promise((resolve) => setImmediate(resolve));
      yield 2;
    })()).toArray({ signal: ac.signal });
    ac.abort();
    try {
      await p;
    } catch (err) {
      log('toArray aborted', describe(err));
    }
  }
  log('operator names', ['map', 'filter', 'toArray', 'reduce', 'drop'].map((k) => `${Readable.prototype[k].name}/${Readable.prototype[k].length}`).join(' '));

  log('--- compose and Duplex.from');
  {
    const double = new Transform({
      objectMode: true,
      transform(chunk, enc, cb) { cb(null, chunk * 2); },
    });
    const c = compose(double, async function*(source) {
      for await (const x of source) yield x + 1;
    });
    log('composed is Duplex', c instanceof Duplex);
    const out = [];
    c.on('data', (x) => out.push(x));
    c.write(1);
    c.write(2);
    c.end();
    await new Promise((resolve) => c.on('end', resolve));
    log('composed output', out);
    log('compose operator', await Readable.from([1, 2]).compose(async function*(source) {
      for await (const x of source) yield x * 3;
    }).toArray());
  }
  {
    const d = Duplex.from(async function*(source) {
      for await (const chunk of source) yield String(chunk).toUpperCase();
    });
    const out = [];
    d.on('data', (x) => out.push(x));
    d.write('ab');
    d.end('cd');
    await new Promise((resolve) => d.on('end', resolve));
    log('Duplex.from async generator', out);
    log('Duplex.from iterable', await Duplex.from(['i', 'j']).toArray());
    log('Duplex.from promise', await Duplex.from(Promise.resolve('resolved')).toArray());
    const pt = new PassThrough();
    log('Duplex.from duplex is same', Duplex.from(pt) === pt);
    const r = Readable.from(['rr']);
    const fromReadable = Duplex.from(r);
    log('Duplex.from readable', fromReadable.readable, fromReadable.writable, (await fromReadable.toArray()).map(String));
    const written = [];
    const w = new Writable({ write(c, e, cb) { written.push(String(c)); cb(); } });
    const fromWritable = Duplex.from(w);
    log('Duplex.from writable', fromWritable.readable, fromWritable.writable);
    fromWritable.end('ww');
    await new Promise((resolve) => w.on('finish', resolve));
    log('written', written);
    const pair = Duplex.from({ readable: Readable.from(['p']), writable: new PassThrough() });
    log('pair', pair.readable, pair.writable);
    pair.on('error', (err) => log('pair destroyed', describe(err)));
    pair.destroy();
    try {
      Duplex.from(42);
    } catch (err) {
      log('Duplex.from(42)', describe(err));
    }
  }

  log('--- addAbortSignal');
  {
    const ac = new AbortController();
    const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
    r.on('error', (err) => log('error', describe(err)));
    r.on('close', () => log('close'));
    ac.abort();
    await new Promise((resolve) => setImmediate(resolve));
    const aborted = new Readable({ read() {}, signal: AbortSignal.abort() });
    aborted.on('error', (err) => log('pre-aborted signal', describe(err)));
    await new Promise((resolve) => setImmediate(resolve));
    try {
      addAbortSignal({}, new Readable());
    } catch (err) {
      log('bad signal', describe(err));
    }
    try {
      addAbortSignal(new AbortController().signal, {});
    } catch (err) {
      log('bad stream', describe(err));
    }
  }

  log('--- consumers');
  log('text', JSON.stringify(await consumers.text(Readable.from([Buffer.from([0xe2, 0x82]), Buffer.from([0xac, 0x41])]))));
  log('json', await consumers.json(Readable.from(['{"a":', '[1,2]}'])));
  const buf = await consumers.buffer(Readable.from(['ab', Buffer.from('cd')]));
  log('buffer', Buffer.isBuffer(buf), buf.toString());
  const ab = await consumers.arrayBuffer(Readable.from([Buffer.from('xyz')]));
  log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  log('text of async generator', await consumers.text((async function*() { yield 'g'; yield 'en'; })()));
  log('--- done');
}

main();
