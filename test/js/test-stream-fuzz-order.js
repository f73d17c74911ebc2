'use strict';
// Differential fuzz of the stream state machines: seeded random scenarios (highWaterMark, chunk
// sizes, sync/async pushes and write completions, 'data' / 'readable' + read(n) / pipe
// consumers, cork, destroy at random points, Transforms in between) log every event with its
// state; node's recorded output is the oracle. Only ticks, immediates and promises are used
// for asynchrony, never timers, so the order is deterministic.
const { Readable, Writable, Transform, PassThrough } = require('stream');

let seed = 0x5eed;
function rand(n) {
  // xorshift32
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}
function pick(list) { return list[rand(list.length)]; }

const later = [
  (fn) => fn(),
  (fn) => process.nextTick(fn),
  (fn) => setImmediate(fn),
  (fn) => Promise.resolve().then(fn),
];
const laterNames = ['sync', 'tick', 'immediate', 'micro'];

function describe(err) {
  return err ? `${err.code || err.name}:${err.message}` : String(err);
}

function makeReadable(log, objectMode) {
  const total = 1 + rand(8);
  const pushMode = rand(4);
  const hwm = pick([0, 1, 2, 5, 16, undefined]);
  let n = 0;
  let scheduled = false;
  log(`readable hwm=${hwm} objectMode=${objectMode} total=${total} push=${laterNames[pushMode]}`);
  const r = new Readable({
    objectMode,
    highWaterMark: hwm,
    read(size) {
      log(`  _read(${size}) n=${n} len=${this.readableLength}`);
      if (scheduled) return;
      scheduled = true;
      later[pushMode](() => {
        scheduled = false;
        const burst = 1 + rand(3);
        for (let i = 0; i < burst; i++) {
          if (n >= total) {
            log('  push(null)');
            this.push(null);
            return;
          }
          const chunk = objectMode ? { n } : 'abcdefgh'.slice(0, 1 + rand(6)) + n;
          n++;
          const ret = this.push(chunk);
          log(`  push ${JSON.stringify(chunk)} -> ${ret} len=${this.readableLength} flowing=${this.readableFlowing}`);
          if (!ret) break;
        }
      });
    },
  });
  for (const ev of ['end', 'close', 'pause', 'resume']) {
    r.on(ev, () => log(`  r ${ev} flowing=${r.readableFlowing} len=${r.readableLength} ended=${r.readableEnded}`));
  }
  r.on('error', (err) => log(`  r error ${describe(err)}`));
  return r;
}

function makeWritable(log, objectMode, name = 'w') {
  const hwm = pick([1, 3, 8, undefined]);
  const done = rand(4);
  const writev = rand(3) === 0;
  log(`${name} hwm=${hwm} complete=${laterNames[done]} writev=${writev}`);
  const opts = {
    objectMode,
    highWaterMark: hwm,
    write(chunk, enc, cb) {
      log(`  ${name} _write ${JSON.stringify(objectMode ? chunk : String(chunk))} len=${this.writableLength}`);
      later[done](cb);
    },
  };
  if (writev) {
    opts.writev = function(chunks, cb) {
      log(`  ${name} _writev ${chunks.length} len=${this.writableLength}`);
      later[done](cb);
    };
  }
  if (rand(2)) {
    opts.final = function(cb) {
      log(`  ${name} _final`);
      later[done](cb);
    };
  }
  const w = new Writable(opts);
  for (const ev of ['drain', 'prefinish', 'finish', 'close', 'pipe', 'unpipe']) {
    w.on(ev, () => log(`  ${name} ${ev} len=${w.writableLength} needDrain=${w.writableNeedDrain}`));
  }
  w.on('error', (err) => log(`  ${name} error ${describe(err)}`));
  return w;
}

function runScenario(index, log, finish) {
  const objectMode = rand(3) === 0;
  const consumer = pick(['data', 'readable', 'readn', 'pipe', 'pipe-transform', 'write-loop']);
  log(`=== scenario ${index}: ${consumer}`);
  let finished = false;
  const end = () => {
    if (finished) return;
    finished = true;
    finish();
  };

  if (consumer === 'write-loop') {
    const w = makeWritable(log, objectMode);
    const count = 1 + rand(10);
    let i = 0;
    const corkAt = rand(4) === 0 ? rand(count) : -1;
    const destroyAt = rand(5) === 0 ? rand(count) : -1;
    function more() {
      while (i < count) {
        if (i === corkAt) {
          w.cork();
          log('  cork');
          process.nextTick(() => { log('  uncork'); w.uncork(); });
        }
        if (i === destroyAt) {
          log('  destroy');
          w.destroy(rand(2) ? new Error('fuzz') : undefined);
          return;
        }
        const chunk = objectMode ? { i } : `w${i}`;
        const idx = i++;
        const ret = w.write(chunk, (err) => log(`  cb ${idx} ${describe(err)}`));
        log(`  write ${idx} -> ${ret} len=${w.writableLength}`);
        if (!ret) {
          w.once('drain', more);
          return;
        }
      }
      w.end((err) => log(`  end cb ${describe(err)}`));
    }
    more();
    w.on('close', end);
    setImmediate(() => setImmediate(() => setImmediate(() => {
      if (!w.destroyed && !finished) {
        log('  (not closed yet, destroying)');
        w.destroy();
      }
    })));
    return;
  }

  const r = makeReadable(log, objectMode);
  r.on('close', () => setImmediate(end));
  const destroyStep = rand(6) === 0 ? 1 + rand(4) : 0;
  let steps = 0;
  const step = () => {
    if (destroyStep && ++steps === destroyStep) {
      log('  destroy readable');
      r.destroy(rand(2) ? new Error('fuzz destroy') : undefined);
    }
  };

  if (consumer === 'data') {
    r.on('data', (chunk) => {
      log(`  data ${JSON.stringify(objectMode ? chunk : String(chunk))}`);
      step();
      if (rand(4) === 0) {
        r.pause();
        log('  pause in data');
        later[rand(4)](() => { log('  resume'); r.resume(); });
      }
    });
  } else if (consumer === 'readable' || consumer === 'readn') {
    r.on('readable', () => {
      log(`  readable len=${r.readableLength}`);
      step();
      let chunk;
      const size = consumer === 'readn' && !objectMode ? 1 + rand(6) : undefined;
      while ((chunk = r.read(size)) !== null) {
        log(`  read(${size}) ${JSON.stringify(objectMode ? chunk : String(chunk))}`);
      }
    });
  } else {
    let dst = makeWritable(log, objectMode);
    dst.on('close', () => setImmediate(end));
    if (consumer === 'pipe-transform') {
      const t = rand(2) ? new PassThrough({ objectMode, highWaterMark: pick([1, 4, undefined]) }) :
        new Transform({
          objectMode,
          transform(chunk, enc, cb) {
            later[rand(4)](() => cb(null, objectMode ? { t: chunk } : String(chunk).toUpperCase()));
          },
        });
      for (const ev of ['end', 'finish', 'close']) t.on(ev, () => log(`  t ${ev}`));
      r.pipe(t).pipe(dst);
      dst = t;
    } else {
      r.pipe(dst);
    }
    r.on('data', () => step());
  }
  setImmediate(() => setImmediate(() => setImmediate(() => setImmediate(() => {
    if (!finished && !r.destroyed) {
      log(`  (stalled: len=${r.readableLength} flowing=${r.readableFlowing}; destroying)`);
      r.destroy();
    }
  }))));
}

(async () => {
  for (let i = 0; i < 150; i++) {
    await new Promise((resolve) => runScenario(i, (line) => console.log(line), resolve));
    for (let k = 0; k < 4; k++) await new Promise((resolve) => setImmediate(resolve));
  }
  console.log('=== done');
})();
