'use strict';
// diagnostics_channel: named channels, subscribe/publish, the module-level helpers, errors,
// inspect output, subscriber exceptions and weakly held channels.
const dc = require('diagnostics_channel');
const util = require('util');
const v8 = require('v8');
const vm = require('vm');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

console.log(Object.keys(dc));

const foo = dc.channel('foo');
console.log(foo === dc.channel('foo'), foo instanceof dc.Channel, foo.name);
console.log(util.inspect(foo), foo.hasSubscribers, dc.hasSubscribers('foo'));

const seen = [];
function first(message, name) { seen.push(['first', message, name]); }
function second(message, name) { seen.push(['second', message, name]); }
console.log(foo.subscribe(first));
foo.subscribe(second);
console.log(util.inspect(foo), foo.hasSubscribers, dc.hasSubscribers('foo'));
console.log(foo instanceof dc.Channel, Object.getPrototypeOf(foo).constructor.name);
foo.publish({ n: 1 });
console.log(foo.unsubscribe(first), foo.unsubscribe(first), foo.hasSubscribers);
foo.publish({ n: 2 });
console.log(foo.unsubscribe(second), foo.hasSubscribers, util.inspect(foo));
foo.publish({ n: 3 });
console.log(seen);

// The same function may subscribe twice; each unsubscribe removes one.
{
  const ch = dc.channel('twice');
  let count = 0;
  const fn = () => count++;
  ch.subscribe(fn);
  ch.subscribe(fn);
  ch.publish();
  console.log('twice', count, ch.unsubscribe(fn), ch.hasSubscribers, ch.unsubscribe(fn),
              ch.hasSubscribers);
}

// Unsubscribing while a publish runs affects the next publish only.
{
  const ch = dc.channel('self-removing');
  const calls = [];
  const a = () => { calls.push('a'); ch.unsubscribe(b); };
  const b = () => calls.push('b');
  ch.subscribe(a);
  ch.subscribe(b);
  ch.publish();
  ch.publish();
  console.log('self-removing', calls);
}

// Module-level helpers go through the named channel.
{
  const got = [];
  const fn = (m, name) => got.push([m, name]);
  console.log(dc.subscribe('by-name', fn), dc.hasSubscribers('by-name'));
  dc.channel('by-name').publish('hi');
  console.log(dc.unsubscribe('by-name', fn), dc.unsubscribe('by-name', fn),
              dc.hasSubscribers('by-name'), got);
  console.log(dc.hasSubscribers('never-made'), dc.hasSubscribers(42));
}

// Symbols name channels too; new Channel() registers itself.
{
  const sym = Symbol('sym');
  const ch = dc.channel(sym);
  console.log(ch === dc.channel(sym), util.inspect(ch));
  const direct = new dc.Channel('direct');
  console.log(dc.channel('direct') === direct);
}

attempt('channel(1)', () => dc.channel(1));
attempt('channel({})', () => dc.channel({}));
attempt('subscribe(1)', () => foo.subscribe(1));
attempt('dc.subscribe', () => dc.subscribe('x', 'nope'));
attempt('dc.subscribe bad name', () => dc.subscribe(null, () => {}));
attempt('unsubscribe idle', () => foo.unsubscribe(() => {}));
console.log({} instanceof dc.Channel, 1 instanceof dc.Channel);

// A throwing subscriber does not stop the others; its error is reported on the next tick.
{
  const ch = dc.channel('throws');
  const order = [];
  ch.subscribe(() => { order.push('thrower'); throw new Error('subscriber failed'); });
  ch.subscribe(() => order.push('after thrower'));
  process.once('uncaughtException', (err) => {
    console.log('uncaught', err.message, order);
  });
  ch.publish();
  order.push('publish returned');
}

// An idle channel nobody references can be collected; channel() then makes a new one. An active
// channel is kept alive by the registry.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
(function makeChannels() {
  dc.channel('weak').marker = 'old';
  dc.channel('held').subscribe(() => {});
  dc.channel('held').marker = 'old';
})();
setImmediate(() => {
  gc();
  setImmediate(() => {
    gc();
    console.log('weak marker', dc.channel('weak').marker, 'held marker', dc.channel('held').marker,
                dc.hasSubscribers('held'));
  });
});
