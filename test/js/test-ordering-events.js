'use strict';
// EventEmitter is synchronous: listeners run inside emit(), in registration order; ticks and
// promises they schedule run after the emitting code. events.once resolves on a microtask.
const EventEmitter = require('events');
const { once } = require('events');
const log = (s) => process.stdout.write(`${s}\n`);

const ee = new EventEmitter();
ee.on('x', (v) => {
  log(`listener 1 ${v}`);
  process.nextTick(() => log(`listener 1 > tick ${v}`));
  Promise.resolve().then(() => log(`listener 1 > promise ${v}`));
});
ee.prependListener('x', (v) => log(`prepended ${v}`));
ee.once('x', (v) => log(`once ${v}`));
ee.on('x', async (v) => {
  log(`async listener ${v}`);
  await null;
  log(`async listener after await ${v}`);
});

log('before emit 1');
log(`emit returned ${ee.emit('x', 1)}`);
log('after emit 1');
ee.emit('x', 2);
log('after emit 2');

// Emitting from a tick and from a promise.
process.nextTick(() => ee.emit('x', 'tick'));
Promise.resolve().then(() => ee.emit('x', 'promise'));

const ee3 = new EventEmitter();

// events.once: a promise for the next emission.
const ee2 = new EventEmitter();
once(ee2, 'ready').then(([a, b]) => log(`once resolved ${a} ${b}`));
once(ee2, 'never').catch((e) => log(`once rejected by error event: ${e.message}`));
setImmediate(() => {
  log('immediate emits ready');
  ee2.emit('ready', 'a', 'b');
  log('immediate after emit ready');
  ee2.emit('error', new Error('bad'));
  setTimeout(() => ee3.emit('tick'), 1);
});

// An emitter whose listener schedules a re-emit through a timer.
let n = 0;
ee3.on('tick', () => {
  log(`ee3 tick ${n}`);
  if (++n < 3) setTimeout(() => ee3.emit('tick'), 1);
});
