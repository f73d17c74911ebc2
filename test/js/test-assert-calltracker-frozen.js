'use strict';
// tracker.getCalls() hands out frozen records: the list, each call and its arguments.
const assert = require('assert');
const tracker = new assert.CallTracker();
const fn = tracker.calls((a, b) => a + b, 2);
console.log('result', fn(1, 2));
fn.call('self', 3);
const calls = tracker.getCalls(fn);
console.log('calls', calls.length, Object.isFrozen(calls), Object.isFrozen(calls[0]),
            Object.isFrozen(calls[0].arguments));
console.log('second', calls[1].thisArg, calls[1].arguments);
for (const attempt of [() => calls.push(1), () => Object.assign(calls[0], { foo: 1 }),
                       () => calls[0].arguments.push(1)]) {
  try {
    attempt();
    console.log('no error');
  } catch (err) {
    console.log(err.name, err.message);
  }
}
tracker.reset(fn);
console.log('after reset', tracker.getCalls(fn).length, 'old copy', calls.length);
