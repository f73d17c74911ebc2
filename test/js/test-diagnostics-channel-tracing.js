'use strict';
// tracingChannel: the five event channels, traceSync/tracePromise/traceCallback with their
// event order and context objects, stores bound to the start channel, and argument errors.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const tc = dc.tracingChannel('work');
console.log(Object.getOwnPropertyNames(tc), tc);
console.log(tc.start.name, tc.end.name, tc.asyncStart.name, tc.asyncEnd.name, tc.error.name);
console.log(tc.start === dc.channel('tracing:work:start'), tc.hasSubscribers);

const fromChannels = dc.tracingChannel({
  start: dc.channel('s'), end: dc.channel('e'), asyncStart: dc.channel('as'),
  asyncEnd: dc.channel('ae'), error: dc.channel('err'),
});
console.log(fromChannels.end.name);
attempt('bad channels', () => dc.tracingChannel({ start: 1 }));
attempt('missing channel', () => dc.tracingChannel({ start: dc.channel('s') }));
attempt('bad name', () => dc.tracingChannel(1));

// Without subscribers the functions are called directly (no context object is touched).
{
  const context = {};
  console.log(tc.traceSync((a) => a + 1, context, null, 1), context);
  attempt('untraced callback check', () => tc.traceCallback((x) => x, 0, {}, null, 'not a fn'));
}

const events = [];
const log = (kind) => (message, name) => {
  const copy = { ...message };
  if (copy.error) copy.error = copy.error.message;
  events.push(`${kind} ${name} ${JSON.stringify(copy)}`);
};
const handlers = {
  start: log('start'), end: log('end'), asyncStart: log('asyncStart'),
  asyncEnd: log('asyncEnd'), error: log('error'),
};
tc.subscribe(handlers);
console.log(tc.hasSubscribers);

function flush(label) {
  console.log(`--- ${label}`);
  for (const e of events) console.log(e);
  events.length = 0;
}

console.log(tc.traceSync(function(a, b) { return `${this}:${a + b}`; }, { id: 1 }, 'me', 2, 3));
flush('traceSync');
attempt('traceSync throws', () => tc.traceSync(() => { throw new Error('sync boom'); }, { id: 2 }));
flush('traceSync error');
attempt('traceSync default context', () => tc.traceSync(() => 'ok'));
flush('traceSync default context');

const store = new AsyncLocalStorage();
tc.start.bindStore(store, (context) => `store for ${context.id}`);

async function run() {
  console.log(await tc.tracePromise(async (x) => {
    console.log('promise fn store', store.getStore());
    return x * 2;
  }, { id: 3 }, null, 21));
  flush('tracePromise');
  await tc.tracePromise(async () => { throw new Error('async boom'); }, { id: 4 })
    .catch((e) => console.log('rejected', e.message));
  flush('tracePromise rejects');
  console.log(await tc.tracePromise(() => 'not a promise', { id: 5 }));
  flush('tracePromise plain value');
  attempt('tracePromise throws', () => tc.tracePromise(() => { throw new Error('sync in promise'); }, { id: 6 }));
  flush('tracePromise sync throw');

  await new Promise((resolve) => {
    tc.traceCallback(function(value, cb) {
      console.log('callback fn store', store.getStore());
      setImmediate(() => cb(null, value + 1));
    }, -1, { id: 7 }, null, 41, (err, value) => {
      console.log('callback got', err, value, 'store', store.getStore());
      resolve();
    });
  });
  flush('traceCallback');
  await new Promise((resolve) => {
    tc.traceCallback((cb, extra) => cb(new Error('cb boom'), extra), 0, { id: 8 }, null,
                     (err) => { console.log('callback error', err.message); resolve(); }, 'x');
  });
  flush('traceCallback error');
  attempt('traceCallback bad position', () => tc.traceCallback(() => {}, 3, { id: 9 }, null, () => {}));
  flush('traceCallback bad position');

  console.log(tc.unsubscribe(handlers), tc.unsubscribe(handlers), tc.hasSubscribers);
  console.log(tc.start.unbindStore(store), tc.hasSubscribers);
}
run();
