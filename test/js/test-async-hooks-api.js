'use strict';
// async_hooks: argument errors, AsyncResource options, enable/disable, asyncWrapProviders and a
// throwing hook (the process exits 1 and prints the thrown value, whatever listeners exist).
const ah = require('async_hooks');
const { spawnSync } = require('child_process');

function show(fn) {
  try {
    console.log('ok', fn());
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
}

show(() => ah.createHook({ init: 1 }));
show(() => ah.createHook({ destroy: 'x' }));
show(() => typeof ah.createHook({}).enable().disable());
show(() => new ah.AsyncResource('').asyncId() > 0);
show(() => new ah.AsyncResource(5));
show(() => new ah.AsyncResource('A', { triggerAsyncId: -2 }));
show(() => new ah.AsyncResource('A', 42).triggerAsyncId());
show(() => new ah.AsyncResource('A', { triggerAsyncId: 7 }).triggerAsyncId());
show(() => new ah.AsyncResource('A').triggerAsyncId());
console.log(Object.getPrototypeOf(ah.asyncWrapProviders), Object.isFrozen(ah.asyncWrapProviders),
            ah.asyncWrapProviders.PROMISE, ah.asyncWrapProviders.TCPWRAP,
            Object.keys(ah.asyncWrapProviders).length);

const withHook = ah.createHook({ init() {} }).enable();
show(() => new ah.AsyncResource(''));
withHook.disable();

const seen = [];
const counter = ah.createHook({ init(id, type) { if (type === 'Timeout') seen.push(type); } });
counter.enable();
counter.enable();  // enabling twice registers once
setTimeout(() => {}, 1);
counter.disable();
setTimeout(() => {}, 1);
console.log('inits seen:', seen.length);

if (process.argv[2] === 'child') {
  ah.createHook({ [process.argv[3]]() { throw process.argv[4] === 'error' ? new Error('boom') : null; } })
    .enable();
  process.on('uncaughtException', () => console.log('handled?'));
  process.on('exit', (code) => console.log('exit event', code));
  setTimeout(() => console.log('timer ran'), 1);
} else {
  for (const kind of ['init', 'before', 'after']) {
    for (const value of ['null', 'error']) {
      const child = spawnSync(process.execPath, [__filename, 'child', kind, value],
                              { encoding: 'utf8' });
      console.log(kind, value, 'status', child.status,
                  JSON.stringify(child.stderr.split('\n')[0]), JSON.stringify(child.stdout));
    }
  }
}
