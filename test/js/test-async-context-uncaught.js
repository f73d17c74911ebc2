'use strict';
// 'uncaughtException' listeners run in the async context of the callback that threw (as node):
// an AsyncLocalStorage store is still visible there, and gone again afterwards.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const seen = [];
process.on('uncaughtException', (err) => {
  seen.push(`${err.message}:${als.getStore()}`);
  if (seen.length === 6) als.exit(() => setImmediate(report));
});
als.run('timer', () => setTimeout(() => { throw new Error('timer'); }, 1));
als.run('fs', () => require('fs').stat('/nonexistent-ringjs-als', () => { throw new Error('fs'); }));
als.run('dns', () => require('dns').lookup('localhost', () => { throw new Error('dns'); }));
als.run('tick', () => process.nextTick(() => { throw new Error('tick'); }));
als.run('immediate', () => setImmediate(() => { throw new Error('immediate'); }));
als.run('microtask', () => queueMicrotask(() => { throw new Error('microtask'); }));
function report() {
  console.log(seen.sort().join('\n'));
  console.log('after', als.getStore());
}
