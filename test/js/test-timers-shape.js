'use strict';
// The shape of Timeout and Immediate objects and of the timers module, as code in the wild
// inspects them (own keys, prototype methods, toPrimitive, Symbol.dispose, util.inspect).
const timers = require('timers');
const util = require('util');
const log = (s) => process.stdout.write(`${s}\n`);
const names = (o) => Object.getOwnPropertyNames(o).join(',');
const symbols = (o) => Object.getOwnPropertySymbols(o).map(String).join(',');

const t = setTimeout(() => {}, 10, 'arg');
log(`Timeout own keys: ${Object.keys(t).join(',')}`);
log(`Timeout own symbols: ${symbols(t)}`);
log(`Timeout.prototype names: ${names(Object.getPrototypeOf(t))}`);
log(`Timeout.prototype symbols: ${symbols(Object.getPrototypeOf(t))}`);
log(`constructor ${t.constructor.name} _idleTimeout ${t._idleTimeout} _repeat ${t._repeat}`);
log(`_timerArgs ${JSON.stringify(t._timerArgs)} _destroyed ${t._destroyed}`);
log(`_idleStart is a number ${typeof t._idleStart === 'number'}`);
log(`primitive is a positive integer ${Number.isInteger(+t) && +t > 0}`);
log(`String(t) === String(+t) ${String(t) === String(+t)}`);
const forIn = [];
for (const k in t) forIn.push(k); // eslint-disable-line guard-for-in
log(`for-in keys: ${forIn.join(',')}`);
const t2 = setTimeout(() => {}, 10);
log(`ids differ ${+t !== +t2}, increase ${+t2 > +t}`);
clearTimeout(t);
clearTimeout(t2);

const noArgs = setTimeout(() => {}, 1);
log(`no args _timerArgs ${noArgs._timerArgs}`);
log(`inspect: ${util.inspect(noArgs).replace(/_idleStart: \d+/, '_idleStart: N')
  .replace(/\[Symbol\(asyncId\)\]: \d+/, '[Symbol(asyncId)]: N')}`);
noArgs[Symbol.for('nodejs.dispose')]();
log(`Symbol.dispose clears: ${noArgs._destroyed}`);

const iv = setInterval(() => {}, 7);
log(`interval: ${iv.constructor.name} _repeat ${iv._repeat}`);
clearInterval(iv);

const i = setImmediate(() => {}, 'a', 'b');
log(`Immediate own keys: ${Object.keys(i).join(',')}`);
log(`Immediate own symbols: ${symbols(i)}`);
log(`Immediate.prototype names: ${names(Object.getPrototypeOf(i))}`);
log(`Immediate.prototype symbols: ${symbols(Object.getPrototypeOf(i))}`);
log(`_argv ${JSON.stringify(i._argv)} _destroyed ${i._destroyed}`);
i[Symbol.for('nodejs.dispose')]();
log(`Immediate Symbol.dispose clears: ${i._destroyed} _onImmediate ${i._onImmediate}`);
const i2 = setImmediate(() => {});
log(`no args _argv ${i2._argv}`);
clearImmediate(i2);

log(`timers keys: ${Object.keys(timers).join(',')}`);
log(`globals are the module's: ${timers.setTimeout === setTimeout && timers.clearTimeout === clearTimeout &&
  timers.setInterval === setInterval && timers.setImmediate === setImmediate}`);
log(`lengths: ${[setTimeout, setInterval, setImmediate, clearTimeout, clearInterval,
  clearImmediate].map((f) => `${f.name}/${f.length}`).join(' ')}`);
const desc = Object.getOwnPropertyDescriptor(globalThis, 'setTimeout');
log(`global setTimeout: writable ${desc.writable} enumerable ${desc.enumerable} ` +
    `configurable ${desc.configurable}`);
log(`promisify.custom: ${util.promisify(setTimeout) === require('timers/promises').setTimeout}`);

// Validation errors.
for (const [name, fn] of [['setTimeout', setTimeout], ['setInterval', setInterval],
                          ['setImmediate', setImmediate]]) {
  for (const bad of [undefined, null, 'str', 1, {}]) {
    try {
      fn(bad, 1);
      log(`${name}(${typeof bad}) did not throw`);
    } catch (e) {
      log(`${name}: ${e.name} ${e.code} ${e.message}`);
    }
  }
}
