'use strict';
// Channel.bindStore/unbindStore/runStores with AsyncLocalStorage: the store is entered around
// the function, with an optional transform of the message; a throwing transform skips its store.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
const util = require('util');

const store = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const ch = dc.channel('stores');

// Without stores or subscribers runStores just calls the function.
console.log(ch.runStores({ m: 0 }, function(a, b) { return [this, a, b, store.getStore()]; },
                         'self', 1, 2));
console.log(ch.unbindStore(store));

ch.bindStore(store);
console.log(ch.hasSubscribers, util.inspect(ch, { depth: 0 }));
ch.subscribe((message) => console.log('subscriber sees store', store.getStore(), message));
const result = ch.runStores({ m: 1 }, (x) => {
  console.log('inside', store.getStore());
  setImmediate(() => console.log('async continuation', store.getStore()));
  return x * 2;
}, null, 21);
console.log('result', result, 'outside', store.getStore());

// A transform computes the store value; rebinding replaces it.
ch.bindStore(store, (message) => ({ wrapped: message.m }));
ch.bindStore(other, (message) => `other ${message.m}`);
ch.runStores({ m: 2 }, () => console.log('transformed', store.getStore(), other.getStore()));

// A transform that throws: the error is reported as uncaught, the function still runs.
ch.bindStore(other, () => { throw new Error('transform failed'); });
process.once('uncaughtException', (err) => console.log('uncaught', err.message));
ch.runStores({ m: 3 }, () => console.log('despite transform', store.getStore(), other.getStore()));
ch.unbindStore(other);

// Errors thrown by the function propagate and the store is left.
try {
  ch.runStores({ m: 4 }, () => { throw new Error('fn failed'); });
} catch (e) {
  console.log('caught', e.message, store.getStore());
}

setImmediate(() => {
  console.log(ch.unbindStore(store), ch.unbindStore(store), ch.unbindStore(other));
  // The subscriber keeps the channel active.
  console.log(ch.hasSubscribers, ch._stores.size);
});
