'use strict';
// node:domain: errors from code run in a domain, from what it scheduled (timers, fs, ticks,
// immediates) and from its emitters reach the domain's 'error' listeners; bind/intercept/enter/exit.
const domain = require('domain');
const EventEmitter = require('events');
const fs = require('fs');
const log = (...a) => console.log(...a);
log('initial', process.domain, domain.active, domain._stack.length, EventEmitter.usingDomains);
const d = domain.create();
log('Domain', d instanceof EventEmitter, Object.keys(d), d.members);
let step = 0;
const steps = [];
d.on('error', (err) => {
  log('caught', err.message, err.domain === d, err.domainThrown, err.domainEmitter ? 'emitter' : '-',
      typeof err.domainBound, process.domain === d, domain._stack.length);
  if (steps[step]) steps[step++]();
});
steps.push(() => d.run(() => setTimeout(() => { log('timer in', process.domain === d); throw new Error('timer'); }, 1)));
steps.push(() => d.run(() => fs.readFile('/nonexistent-ringjs-domain-x', (e) => { log('fs in', process.domain === d); throw e; })));
steps.push(() => d.run(() => process.nextTick(() => { throw new Error('tick'); })));
steps.push(() => d.run(() => setImmediate(() => { throw new Error('immediate'); })));
steps.push(() => { const ee = d.run(() => new EventEmitter()); log('ee.domain', ee.domain === d); ee.emit('error', new Error('emitter')); });
steps.push(() => { const ee = new EventEmitter(); log('plain ee domain', ee.domain); d.add(ee); log('added', ee.domain === d, d.members.length); ee.emit('error', new Error('added emitter')); });
steps.push(() => { const b = d.bind((x) => { log('bound arg', x, process.domain === d); throw new Error('bound'); }); log('b.domain', b.domain === d); setTimeout(b, 1, 42); });
steps.push(() => { const f = d.intercept((a, b) => log('intercepted', a, b, process.domain === d)); f(null, 1, 2); f(new Error('intercept')); });
steps.push(() => { d.enter(); log('entered', process.domain === d, domain.active === d, domain._stack.length); d.exit(); log('exited', process.domain, domain._stack.length); log('done'); });
d.run(() => { log('run in', process.domain === d, domain.active === d, domain._stack.length, this === undefined); throw new Error('sync'); });
log('after run', process.domain === d);
