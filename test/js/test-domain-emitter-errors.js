'use strict';
// An emitter in a domain that emits 'error' with nobody listening: the domain's listeners get
// the value, or node's ERR_UNHANDLED_ERROR when nothing (or a falsy value) was emitted.
const domain = require('domain');
const EventEmitter = require('events');

for (const value of [undefined, false, null, 0, '', 42, 'fortytwo', true, new Error('real')]) {
  const emitter = new EventEmitter();
  const d = domain.create();
  d.add(emitter);
  d.on('error', (err) => {
    const described = err instanceof Error ?
      `${err.name} ${err.code} ${err.message} thrown=${err.domainThrown} ` +
        `emitter=${err.domainEmitter === emitter} domain=${err.domain === d}` :
      `${typeof err} ${String(err)}`;
    console.log(JSON.stringify(String(value)), '->', described);
  });
  emitter.emit('error', value);
}
