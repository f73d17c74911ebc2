'use strict';
// node:cluster, seen from the primary process. The primary's state is real (isPrimary, empty
// workers, settings, scheduling policy); forking workers needs child_process and IPC, which
// are not implemented yet.

const EventEmitter = require('events');
const { notImplemented } = require('internal/not_implemented');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = class Worker extends EventEmitter {
  constructor() {
    super();
    throw notImplemented('cluster.Worker');
  }
};
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
const policy = process.env.NODE_CLUSTER_SCHED_POLICY;
cluster.schedulingPolicy = policy === 'none' ? SCHED_NONE : SCHED_RR;
cluster.setupPrimary = function setupPrimary(settings) {
  Object.assign(cluster.settings, settings);
  cluster.emit('setup', cluster.settings);
};
cluster.setupMaster = cluster.setupPrimary;
cluster.fork = function fork() {
  throw notImplemented('cluster.fork');
};
cluster.disconnect = function disconnect(callback) {
  // No workers can exist, so there is nothing to disconnect.
  if (typeof callback === 'function') process.nextTick(callback);
};

module.exports = cluster;
