'use strict';
// 'uncaughtException' listeners run in the async context of the callback that threw, and
// 'unhandledRejection' listeners in the rejected promise's (as node): an AsyncLocalStorage store
// is still visible there, and gone again afterwards.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const seen = [];
function note(err) {
  seen.push(`${err.message}:${als.getStore()}`);
  if (seen.length === 7) als.exit(() => setImmediate(report));
}
process.on('uncaughtException', note);
process.on('unhandledRejection', note);
als.run('timer', () => setTimeout(() => { throw new Error('timer'); }, 1));
als.run('fs', () => require('fs').stat('/nonexistent-ringjs-als', () => { throw new Error('fs'); }));
als.run('dns', () => require('dns').lookup('localhost', () => { throw new Error('dns'); }));
als.run('tick', () => process.nextTick(() => { throw new Error('tick'); }));
als.run('immediate', () => setImmediate(() => { throw new Error('immediate'); }));
als.run('microtask', () => queueMicrotask(() => { throw new Error('microtask'); }));
als.run('promise', () => Promise.resolve().then(() => { throw new Error('promise'); }));
function report() {
  console.log(seen.sort().join('\n'));
  console.log('after', als.getStore());
}
