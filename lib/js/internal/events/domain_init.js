'use strict';
// Where node:domain plugs into EventEmitter construction: once the domain module is loaded,
// `hook` marks each new emitter with the domain current at that moment.

module.exports = { hook: null };
