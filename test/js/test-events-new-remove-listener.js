'use strict';
// 'newListener' and 'removeListener' events.
const assert = require('assert');
const EventEmitter = require('events');

{
  const e = new EventEmitter();
  const log = [];
  const f = () => {};
  e.on('newListener', (type, listener) => {
    // Called before the listener is added.
    log.push(['new', type, listener, e.listenerCount(type)]);
  });
  e.on('x', f);
  e.once('y', f); // reports the original function, not the wrapper
  e.prependListener('x', f);
  assert.deepStrictEqual(log, [
    ['new', 'x', f, 0],
    ['new', 'y', f, 0],
    ['new', 'x', f, 1],
  ]);
}

{
  // Adding a listener of the same type from 'newListener' puts it first.
  const e = new EventEmitter();
  const order = [];
  e.once('newListener', (type) => {
    if (type === 'x') e.on('x', () => order.push('added in newListener'));
  });
  e.on('x', () => order.push('original'));
  e.emit('x');
  assert.deepStrictEqual(order, ['added in newListener', 'original']);
}

{
  const e = new EventEmitter();
  const log = [];
  const f = () => {};
  const g = () => {};
  e.on('removeListener', (type, listener) => {
    log.push([type, listener, e.listenerCount(type)]); // after the removal
  });
  e.on('x', f);
  e.on('x', g);
  e.once('y', g);
  e.removeListener('x', f);
  e.removeListener('x', g);
  e.removeListener('y', g); // reports the original, not the wrapper
  e.removeListener('x', f); // not present: no event
  assert.deepStrictEqual(log, [['x', f, 1], ['x', g, 0], ['y', g, 0]]);

  // once listeners report when they fire.
  log.length = 0;
  e.once('z', f);
  e.emit('z');
  assert.deepStrictEqual(log, [['z', f, 0]]);

  // removeAllListeners(type) removes last-in first-out, each reported.
  log.length = 0;
  e.on('w', f);
  e.on('w', g);
  e.removeAllListeners('w');
  assert.deepStrictEqual(log, [['w', g, 1], ['w', f, 0]]);

  // removeAllListeners() reports everything, the removeListener listeners last.
  log.length = 0;
  const rl = e.listeners('removeListener')[0];
  e.on('a', f);
  e.on('b', g);
  e.removeAllListeners();
  assert.deepStrictEqual(log.map((x) => x[0]), ['a', 'b']);
  assert.strictEqual(e.listenerCount('removeListener'), 0);
  assert.strictEqual(typeof rl, 'function');
}

{
  // Removing the last listener of all does not emit: nobody is left to hear it.
  const e = new EventEmitter();
  let n = 0;
  const rl = () => n++;
  e.on('removeListener', rl);
  e.removeListener('removeListener', rl);
  assert.strictEqual(n, 0);
}

{
  // removeAllListeners('removeListener') reports a removal to the ones still there.
  const e = new EventEmitter();
  const seen = [];
  const name = (l) => (l === a ? 'a' : l === b ? 'b' : '?');
  const a = (t, l) => seen.push(['a', name(l)]);
  const b = (t, l) => seen.push(['b', name(l)]);
  e.on('removeListener', a);
  e.on('removeListener', b);
  e.on('other', () => {});
  e.removeAllListeners('removeListener');
  // b goes first and a hears it; once a is removed nobody is left to hear.
  assert.deepStrictEqual(seen, [['a', 'b']]);
  assert.strictEqual(e.listenerCount('removeListener'), 0);
}
