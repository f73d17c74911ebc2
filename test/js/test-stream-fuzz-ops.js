'use strict';
// Differential fuzz of API call sequences: seeded random operations (push, unshift, read(n),
// read(0), setEncoding, pause/resume, adding and removing 'data'/'readable' listeners, write,
// end, cork/uncork, destroy) applied to Readables, Writables and Duplexes, interleaved with
// ticks, microtasks and immediates. Every return value, event and state snapshot is logged;
// node's recorded output is the oracle.
const { Readable, Writable, Duplex, PassThrough } = require('stream');

let seed = 0xC0FFEE;
function rand(n) {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}
function pick(list) { return list[rand(list.length)]; }

function show(v) {
  if (v === null || v === undefined) return String(v);
  if (Buffer.isBuffer(v)) return `<${v.toString('latin1')}>`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function describe(err) {
  return err ? `${err.code || err.name}` : String(err);
}

function rstate(r) {
  const s = r._readableState;
  return `len=${s.length} flowing=${s.flowing} ended=${s.ended} endEmitted=${s.endEmitted} ` +
    `reading=${s.reading} needReadable=${s.needReadable} destroyed=${s.destroyed}`;
}

function wstate(w) {
  const s = w._writableState;
  return `wlen=${s.length} writing=${s.writing} corked=${s.corked} ending=${s.ending} ` +
    `finished=${s.finished} needDrain=${s.needDrain} pendingcb=${s.pendingcb}`;
}

const pauses = [
  ['tick', () => new Promise((resolve) => process.nextTick(resolve))],
  ['micro', () => Promise.resolve()],
  ['immediate', () => new Promise((resolve) => setImmediate(resolve))],
];

function chunkFor(objectMode) {
  if (objectMode) return pick([{ o: rand(9) }, 0, 'str', [1]]);
  return pick(['ab', 'xyz', '', Buffer.from('BUF'), '\u20ac', Buffer.from([0xe2, 0x82])]);
}

async function fuzzReadable(index, log) {
  const objectMode = rand(4) === 0;
  const hwm = pick([0, 1, 3, 8, undefined]);
  const readMode = rand(3);
  log(`=== readable ${index} objectMode=${objectMode} hwm=${hwm} read=${['noop', 'push-sync', 'push-later'][readMode]}`);
  let budget = 12; // _read pushes at most this many chunks (a flowing stream must stop).
  const r = new Readable({
    objectMode,
    highWaterMark: hwm,
    read(size) {
      log(`  _read(${size})`);
      if (budget-- <= 0) return;
      if (readMode === 1) this.push(chunkFor(objectMode));
      else if (readMode === 2) process.nextTick(() => this.push(chunkFor(objectMode)));
    },
  });
  for (const ev of ['end', 'close', 'pause', 'resume']) r.on(ev, () => log(`  ev ${ev} ${rstate(r)}`));
  r.on('error', (err) => log(`  ev error ${describe(err)}`));
  const onData = (c) => log(`  ev data ${show(c)}`);
  const onReadable = () => log(`  ev readable ${rstate(r)}`);
  const steps = 4 + rand(14);
  for (let i = 0; i < steps; i++) {
    const op = rand(15);
    try {
      switch (op) {
        case 0: case 1: case 2: {
          const c = chunkFor(objectMode);
          log(`  push(${show(c)}) -> ${r.push(c)}`);
          break;
        }
        case 3: log(`  push(null) -> ${r.push(null)}`); break;
        case 4: {
          const c = chunkFor(objectMode);
          log(`  unshift(${show(c)}) -> ${r.unshift(c)}`);
          break;
        }
        case 5: case 6: {
          const n = pick([undefined, 0, 1, 2, 5, 100]);
          log(`  read(${n}) -> ${show(r.read(n))}`);
          break;
        }
        case 7: if (!objectMode) { r.setEncoding(pick(['utf8', 'hex', 'latin1'])); log(`  setEncoding ${r.readableEncoding}`); } break;
        case 8: r.pause(); log(`  pause() isPaused=${r.isPaused()}`); break;
        case 9: r.resume(); log(`  resume() isPaused=${r.isPaused()}`); break;
        case 10: r.on('data', onData); log(`  on(data) ${rstate(r)}`); break;
        case 11: r.on('readable', onReadable); log(`  on(readable) ${rstate(r)}`); break;
        case 12: r.removeListener(pick(['data', 'readable']), pick([onData, onReadable])); log(`  removeListener ${rstate(r)}`); break;
        case 13: if (rand(3) === 0) { r.destroy(rand(2) ? new Error('x') : undefined); log('  destroy()'); } break;
        default: {
          const [name, wait] = pick(pauses);
          log(`  wait ${name}`);
          await wait();
        }
      }
    } catch (err) {
      log(`  threw ${describe(err)}`);
    }
  }
  log(`  final ${rstate(r)}`);
}

async function fuzzWritable(index, log) {
  const objectMode = rand(4) === 0;
  const hwm = pick([1, 4, 16, undefined]);
  const complete = rand(4);
  const duplex = rand(3) === 0;
  log(`=== writable ${index} objectMode=${objectMode} hwm=${hwm} complete=${complete} duplex=${duplex}`);
  const opts = {
    objectMode,
    highWaterMark: hwm,
    write(chunk, enc, cb) {
      log(`  _write ${show(chunk)} ${enc}`);
      if (complete === 0) cb();
      else if (complete === 1) process.nextTick(cb);
      else if (complete === 2) setImmediate(cb);
      else cb(rand(4) === 0 ? new Error('write failed') : null);
    },
  };
  if (rand(2)) {
    opts.writev = function(chunks, cb) {
      log(`  _writev ${chunks.map((c) => show(c.chunk)).join(' ')}`);
      process.nextTick(cb);
    };
  }
  if (rand(2)) opts.final = (cb) => { log('  _final'); process.nextTick(cb); };
  let w;
  if (duplex) {
    opts.read = () => {};
    opts.allowHalfOpen = rand(2) === 0;
    w = new Duplex(opts);
    w.on('end', () => log('  ev end'));
  } else {
    w = new Writable(opts);
  }
  for (const ev of ['drain', 'prefinish', 'finish', 'close']) w.on(ev, () => log(`  ev ${ev} ${wstate(w)}`));
  w.on('error', (err) => log(`  ev error ${describe(err)}`));
  const steps = 4 + rand(14);
  for (let i = 0; i < steps; i++) {
    const op = rand(11);
    try {
      switch (op) {
        case 0: case 1: case 2: case 3: {
          const c = chunkFor(objectMode);
          const id = i;
          log(`  write(${show(c)}) -> ${w.write(c, (err) => log(`  cb ${id} ${describe(err)}`))} ${wstate(w)}`);
          break;
        }
        case 4: w.cork(); log(`  cork ${w.writableCorked}`); break;
        case 5: w.uncork(); log(`  uncork ${wstate(w)}`); break;
        case 6: {
          const c = rand(2) ? chunkFor(objectMode) : undefined;
          w.end(c, (err) => log(`  end cb ${describe(err)}`));
          log(`  end(${show(c)}) ${wstate(w)}`);
          break;
        }
        case 7: if (rand(3) === 0) { w.destroy(rand(2) ? new Error('d') : undefined); log('  destroy()'); } break;
        case 8: if (duplex) { log(`  push -> ${w.push(rand(3) ? 'r' : null)}`); w.resume(); } break;
        default: {
          const [name, wait] = pick(pauses);
          log(`  wait ${name}`);
          await wait();
        }
      }
    } catch (err) {
      log(`  threw ${describe(err)}`);
    }
  }
  log(`  final ${wstate(w)}`);
}

async function fuzzPassThrough(index, log) {
  const p = new PassThrough({ highWaterMark: pick([1, 4, undefined]) });
  log(`=== passthrough ${index}`);
  for (const ev of ['end', 'finish', 'close', 'drain', 'readable']) p.on(ev, () => log(`  ev ${ev}`));
  p.on('error', (err) => log(`  ev error ${describe(err)}`));
  const steps = 4 + rand(10);
  for (let i = 0; i < steps; i++) {
    const op = rand(6);
    if (op === 0) log(`  write -> ${p.write(pick(['aa', 'b', 'cccc']))}`);
    else if (op === 1) log(`  read(${1}) -> ${show(p.read(1))}`);
    else if (op === 2) log(`  read() -> ${show(p.read())}`);
    else if (op === 3 && rand(2)) { p.end(); log('  end'); }
    else {
      const [name, wait] = pick(pauses);
      log(`  wait ${name}`);
      await wait();
    }
  }
  log(`  final ${rstate(p)} ${wstate(p)}`);
}

(async () => {
  const log = (line) => console.log(line);
  for (let i = 0; i < 120; i++) {
    const kind = rand(5);
    if (kind < 2) await fuzzReadable(i, log);
    else if (kind < 4) await fuzzWritable(i, log);
    else await fuzzPassThrough(i, log);
    for (let k = 0; k < 3; k++) await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('=== done');
})();
