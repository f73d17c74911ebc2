'use strict';
// Differential test: lib/js/events' EventEmitter (through the node harness) against node's.
//   node --expose-internals test/js/tools/diff-events.js [rounds] [seed]
// Runs the same random sequence of operations on one emitter of each and compares every
// observable: return values, thrown errors, the listener calls, 'newListener' and
// 'removeListener' events, warnings, and the shape of _events.
const { requireBuiltin } = require('./node-harness.js');
const NodeEE = require('events');
const OurEE = requireBuiltin('events');

const rounds = Number(process.argv[2]) || 3000;
let seed = Number(process.argv[3]) || 777;
function rand() {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
function int(n) { return Math.floor(rand() * n); }

const sym = Symbol('s');
const types = ['a', 'b', 'c', sym, 'error', 'newListener', 'removeListener'];

function makeWorld(EE, plan) {
  const log = [];
  let depth = 0;
  let ee;
  if (plan.shape) {
    function Shaped() {
      this._events = { a: undefined, b: undefined, error: undefined };
      EE.call(this);
    }
    Object.setPrototypeOf(Shaped.prototype, EE.prototype);
    Object.setPrototypeOf(Shaped, EE);
    ee = new Shaped();
  } else if (plan.bare) {
    ee = Object.create(EE.prototype);
  } else {
    ee = new EE();
  }
  // Listener pool: listener i logs its calls; some also change the emitter while running.
  const pool = [];
  for (let i = 0; i < 8; i++) {
    const id = i;
    pool.push(function(...args) {
      if (log.length > 3000) return undefined; // runaway round: stop recording and acting
      log.push(['call', id, args.map((a) => (typeof a === 'function' ? `fn${pool.indexOf(a)}` : String(a)))]);
      // Bounded nesting: a 'newListener' listener that adds listeners would recurse forever.
      const act = depth > 1 ? 'none' : plan.actions[id];
      depth++;
      try {
        act2(act, id, args);
      } finally {
        depth--;
      }
      return undefined;
    });
  }
  function act2(act, id, args) {
      if (act === 'removeSelfType') ee.removeListener(args[0] === undefined ? 'a' : 'a', pool[id]);
      if (act === 'addOther') ee.on('a', pool[(id + 1) % 8]);
      if (act === 'removeNext') ee.removeListener('a', pool[(id + 1) % 8]);
      if (act === 'removeAllA') ee.removeAllListeners('a');
      if (act === 'throw') throw new Error(`thrown by ${id}`);
  }
  return { ee, pool, log };
}

function describeEvents(ee, pool) {
  const ev = ee._events;
  if (ev === undefined) return 'undefined';
  const name = (f) => {
    if (typeof f !== 'function') return String(f);
    const i = pool.indexOf(f);
    if (i >= 0) return `fn${i}`;
    const j = pool.indexOf(f.listener);
    return j >= 0 ? `once${j}` : 'other';
  };
  return Reflect.ownKeys(ev).map((k) => {
    const v = ev[k];
    if (Array.isArray(v)) return `${String(k)}:[${v.map(name).join(',')}]${v.warned ? 'W' : ''}`;
    return `${String(k)}:${v === undefined ? 'undef' : name(v)}`;
  }).join(' ') + ` proto=${Object.getPrototypeOf(ev) === null ? 'null' : 'obj'}` +
    ` count=${ee._eventsCount} own=${Object.prototype.hasOwnProperty.call(ee, '_eventsCount')}`;
}

function doOp(world, op) {
  const { ee, pool, log } = world;
  const mapList = (l) => l.map((f) => {
    const i = pool.indexOf(f);
    if (i >= 0) return `fn${i}`;
    return f.listener ? `wrap${pool.indexOf(f.listener)}:${f.name}` : 'other';
  });
  try {
    let r;
    switch (op.kind) {
      case 'on': r = ee.on(op.type, pool[op.l]); break;
      case 'addListener': r = ee.addListener(op.type, pool[op.l]); break;
      case 'prepend': r = ee.prependListener(op.type, pool[op.l]); break;
      case 'once': r = ee.once(op.type, pool[op.l]); break;
      case 'prependOnce': r = ee.prependOnceListener(op.type, pool[op.l]); break;
      case 'off': r = ee.off(op.type, pool[op.l]); break;
      case 'removeAll': r = op.all ? ee.removeAllListeners() : ee.removeAllListeners(op.type); break;
      case 'emit': r = ee.emit(op.type, ...op.args); break;
      case 'emitErr': r = ee.emit('error', op.err ? new Error('E') : op.val); break;
      case 'setMax': r = ee.setMaxListeners(op.n); break;
      case 'listeners': r = mapList(ee.listeners(op.type)); break;
      case 'raw': r = mapList(ee.rawListeners(op.type)); break;
      case 'count': r = op.withListener ? ee.listenerCount(op.type, pool[op.l]) : ee.listenerCount(op.type); break;
      case 'names': r = ee.eventNames().map(String); break;
      case 'getMax': r = ee.getMaxListeners(); break;
      case 'badListener': r = ee.on('a', 42); break;
    }
    if (r === ee) r = 'this';
    log.push(['ret', op.kind, r]);
  } catch (e) {
    log.push(['throw', op.kind, e.name, e.code, e.message]);
  }
  log.push(['state', describeEvents(ee, pool)]);
}

function randOp() {
  const kinds = ['on', 'on', 'on', 'addListener', 'prepend', 'once', 'once', 'prependOnce', 'off', 'off',
    'removeAll', 'emit', 'emit', 'emit', 'emitErr', 'setMax', 'listeners', 'raw', 'count', 'names',
    'getMax', 'badListener'];
  const kind = kinds[int(kinds.length)];
  return {
    kind,
    type: types[int(types.length)],
    l: int(8),
    all: rand() < 0.3,
    args: [int(3), 'x'].slice(0, int(3)),
    err: rand() < 0.5,
    val: ['str', 1, undefined, null, { a: 1 }][int(5)],
    n: [0, 1, 2, 3, 10][int(5)],
    withListener: rand() < 0.5,
  };
}

let failures = 0;
const warningsOf = new Map();
const originalEmitWarning = process.emitWarning;
for (let round = 0; round < rounds; round++) {
  const actions = [];
  for (let i = 0; i < 8; i++) {
    actions.push(['none', 'none', 'none', 'removeSelfType', 'addOther', 'removeNext', 'removeAllA', 'throw'][int(8)]);
  }
  const plan = { shape: rand() < 0.2, bare: rand() < 0.1, actions };
  const ops = [];
  const n = 5 + int(40);
  for (let i = 0; i < n; i++) ops.push(randOp());
  const results = [];
  for (const EE of [NodeEE, OurEE]) {
    const world = makeWorld(EE, plan);
    process.emitWarning = (w) => world.log.push(['warning', w.name, w.message, w.type === undefined ? 'u' : String(w.type), w.count]);
    for (const op of ops) doOp(world, op);
    process.emitWarning = originalEmitWarning;
    results.push(JSON.stringify(world.log));
  }
  if (results[0] !== results[1]) {
    failures++;
    if (failures <= 3) {
      const a = JSON.parse(results[0]);
      const b = JSON.parse(results[1]);
      let k = 0;
      while (k < a.length && JSON.stringify(a[k]) === JSON.stringify(b[k])) k++;
      console.log(`MISMATCH round ${round} plan ${JSON.stringify(plan)}`);
      console.log('ops', JSON.stringify(ops.map((o) => [o.kind, String(o.type), o.l])));
      console.log('context', JSON.stringify(a.slice(Math.max(0, k - 4), k)));
      console.log('node', JSON.stringify(a[k]));
      console.log('ours', JSON.stringify(b[k]));
    }
  }
}
warningsOf.clear();
console.log(`${failures} mismatches in ${rounds} rounds`);
process.exitCode = failures ? 1 : 0;
