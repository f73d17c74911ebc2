'use strict';
// structuredClone and postMessage copy process.env (an object whose properties come from
// interceptors) as a plain object of its variables; other native objects still fail.
process.env.RINGJS_SC_TEST = 'v1';
const c = structuredClone(process.env);
console.log(c.RINGJS_SC_TEST, Object.getPrototypeOf(c) === Object.prototype,
            Object.keys(c).length === Object.keys(process.env).length);
c.RINGJS_SC_TEST = 'changed';
console.log('copy is detached:', process.env.RINGJS_SC_TEST);
const nested = structuredClone({ a: process.env, b: process.env });
console.log('one copy per object:', nested.a === nested.b, nested.a.RINGJS_SC_TEST);
try {
  structuredClone(require('net').Socket.prototype);
  console.log('socket prototype cloned');
} catch (e) {
  console.log('socket prototype', e.name);
}
try {
  require('v8').serialize(process.env);
  console.log('v8.serialize ok');
} catch (e) {
  console.log('v8.serialize', e.name, e.message.split(':')[0]);
}
const { MessageChannel } = require('worker_threads');
const mc = new MessageChannel();
mc.port1.once('message', (m) => {
  console.log('posted', m.RINGJS_SC_TEST, typeof m);
  mc.port1.close();
});
mc.port2.postMessage(process.env);
