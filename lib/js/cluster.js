'use strict';
// node:cluster. A process started by cluster.fork() has NODE_UNIQUE_ID in its environment at
// start-up and gets the worker side (internal/cluster/child.js); every other process is a
// primary (internal/cluster/primary.js).

const side = require('internal/cluster/state').isWorker ||
  Object.prototype.hasOwnProperty.call(process.env, 'NODE_UNIQUE_ID') ? 'child' : 'primary';
module.exports = require(`internal/cluster/${side}`);
