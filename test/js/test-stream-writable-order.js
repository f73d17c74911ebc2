'use strict';
// Writable state machine corner cases, event and callback order against node: callbacks shared
// by synchronous writes, objectMode ticks, _writev batches and allBuffers, write errors with and
// without autoDestroy, _final success/error/throw/double call, write after end, destroy with a
// queue, _construct (success, error, destroy meanwhile), more than 256 queued writes. Waits use
// immediates only, never timers.
const { Writable, Duplex, PassThrough } = require('stream');
// A few turns of the loop: every tick, microtask and immediate of a scenario has run by then.
function settle(fn, turns = 4) {
  if (turns === 0) fn();
  else setImmediate(settle, fn, turns - 1);
}
const L = (...a) => console.log(...a);
const d = (e) => e ? `${e.code || e.name}:${e.message}` : String(e);
function ev(w, name) {
  for (const e of ['drain', 'prefinish', 'finish', 'close', 'error'])
    w.on(e, (x) => L(name, 'ev', e, e === 'error' ? d(x) : '', w._writableState.pendingcb, w._writableState.length));
}
const scenarios = [];
const S = (f) => scenarios.push(f);
S((done) => { // sync writes with shared cb
  const w = new Writable({ highWaterMark: 3, write(c, e, cb) { L('w', String(c)); cb(); } });
  ev(w, 'A'); const cb = (e) => L('A cb', d(e));
  for (let i = 0; i < 5; i++) L('A ret', w.write('ab', cb));
  w.write('x'); w.write('y', () => L('A y'));
  w.end(() => { L('A end cb'); });
  w.on('close', done);
});
S((done) => { // objectMode sync no cb
  const w = new Writable({ objectMode: true, highWaterMark: 2, write(c, e, cb) { L('w', c, e); cb(); } });
  ev(w, 'B'); for (let i = 0; i < 4; i++) L('B ret', w.write(i)); w.end(9); w.on('close', done);
});
S((done) => { // writev batches with async
  const w = new Writable({ highWaterMark: 5, write(c, e, cb) { L('w', String(c)); setImmediate(cb); }, writev(cs, cb) { L('wv', cs.length, cs.allBuffers, cs.map((c) => String(c.chunk) + c.encoding).join()); Promise.resolve().then(cb); }, decodeStrings: false });
  ev(w, 'C'); w.write('a'); w.write('b', 'latin1', () => L('C b')); w.write(Buffer.from('c')); w.write('dd', () => L('C d'));
  w.cork(); w.write('e'); w.write('f'); process.nextTick(() => { w.uncork(); w.end('g', () => L('C end')); }); w.on('close', done);
});
S((done) => { // write error sync, autoDestroy false
  let n = 0;
  const w = new Writable({ autoDestroy: false, write(c, e, cb) { n++; cb(n === 2 ? new Error('e2') : null); } });
  ev(w, 'D'); w.write('a', (e) => L('D a', d(e))); w.write('b', (e) => L('D b', d(e))); L('D c ret', w.write('c', (e) => L('D c', d(e))));
  w.end((e) => L('D end', d(e))); settle(() => { L('D state', w.writable, w.errored && w.errored.message, w.destroyed); done(); });
});
S((done) => { // async error while queued
  const w = new Writable({ write(c, e, cb) { setImmediate(() => cb(String(c) === 'b' ? new Error('eb') : null)); } });
  ev(w, 'E'); ['a', 'b', 'c', 'd'].forEach((x) => w.write(x, (e) => L('E', x, d(e)))); w.end((e) => L('E end', d(e))); w.on('close', done);
});
S((done) => { // final sync ok / error
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { L('final'); cb(); } });
  ev(w, 'F'); w.end('z', (e) => L('F end', d(e)));
  const w2 = new Writable({ write(c, e, cb) { cb(); }, final(cb) { L('final2'); cb(new Error('fe')); } });
  ev(w2, 'F2'); w2.end((e) => L('F2 end', d(e))); w2.on('close', () => settle(done));
});
S((done) => { // final async err, double cb, throw
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { setImmediate(() => { cb(); cb(); }); } });
  ev(w, 'G'); w.end(); 
  const w3 = new Writable({ write(c, e, cb) { cb(); }, final(cb) { throw new Error('thrown'); } });
  ev(w3, 'G3'); w3.end((e) => L('G3 end', d(e))); settle(done);
});
S((done) => { // write after end, end twice, destroy with queue
  const w = new Writable({ write(c, e, cb) { setImmediate(cb); } });
  ev(w, 'H'); w.write('a', (e) => L('H a', d(e))); w.write('b', (e) => L('H b', d(e))); w.end((e) => L('H end1', d(e)));
  w.end((e) => L('H end2', d(e))); L('H wae', w.write('c', (e) => L('H c', d(e))));
  w.destroy(); L('H after destroy', w.destroyed, w._writableState.length); w.on('close', () => settle(done));
});
S((done) => { // construct
  const w = new Writable({ construct(cb) { L('construct'); process.nextTick(cb); }, write(c, e, cb) { L('w', String(c)); cb(); }, final(cb) { L('final'); cb(); } });
  ev(w, 'I'); w.write('a'); w.end('b'); L('I', w._writableState.bufferedRequestCount, w.writableLength); w.on('close', done);
});
S((done) => { // construct error / destroy during construct
  const w = new Writable({ construct(cb) { cb(new Error('ce')); }, write(c, e, cb) { cb(); } });
  ev(w, 'J'); w.write('a', (e) => L('J a', d(e)));
  const w2 = new Writable({ construct(cb) { setImmediate(cb); }, write(c, e, cb) { cb(); } });
  ev(w2, 'J2'); w2.write('a', (e) => L('J2 a', d(e))); w2.destroy(new Error('early'), (e) => L('J2 dcb', d(e)));
  settle(done);
});
S((done) => { // duplex
  const p = new PassThrough({ highWaterMark: 2 }); ev(p, 'K');
  L('K', p.write('abc'), p.write('d')); p.on('data', (c) => L('K data', String(c))); p.end(() => L('K end')); p.on('close', done);
});
S((done) => { // multiple cb
  const w = new Writable({ write(c, e, cb) { cb(); cb(); } });
  ev(w, 'M'); w.write('a', () => L('M a')); settle(done);
});
S((done) => { // drain with nop cb async
  const w = new Writable({ highWaterMark: 2, write(c, e, cb) { process.nextTick(cb); } });
  ev(w, 'N'); L('N', w.write('abc')); L('N', w.write('d')); w.once('drain', () => { L('N drained', w.write('e')); w.end(); }); w.on('close', done);
});
S((done) => { // _writev only: the first write goes through the default _write
  const w = new Writable({ writev(cs, cb) { L('O wv', cs.length); cb(); } });
  ev(w, 'O'); w.write('a'); w.write('b'); w.write('c'); w.end(); w.on('close', done);
});
S((done) => { // many writes > 256 queued
  let pending = [];
  const w = new Writable({ write(c, e, cb) { if (c[0] === 0x30) pending.push(cb); else cb(); } , highWaterMark: 1 });
  w.write('0'); for (let i = 0; i < 300; i++) w.write('x'); w.write('0');
  L('P', w._writableState.bufferedRequestCount, w._writableState.bufferedIndex);
  pending.shift()(); L('P', w._writableState.bufferedRequestCount, w._writableState.bufferedIndex, w._writableState.length);
  setImmediate(() => { pending.shift()(); L('P', w.writableLength); done(); });
});
let i = 0;
(function next() { if (i < scenarios.length) { L('----', i); scenarios[i++](() => setImmediate(next)); } })();
