'use strict';
// node:cluster in the primary: forks workers (child_process.fork with NODE_UNIQUE_ID), tracks
// their state from the messages they send, and answers their listen requests. With SCHED_RR
// (the default) the primary listens itself and hands each connection to a worker in turn
// (round_robin_handle.js); with SCHED_NONE, and always for UDP, every worker gets a copy of
// one listening handle (shared_handle.js).

const EventEmitter = require('events');
const { fork } = require('child_process');
const Worker = require('internal/cluster/worker');
const RoundRobinHandle = require('internal/cluster/round_robin_handle');
const SharedHandle = require('internal/cluster/shared_handle');
const { onClusterMessage, sendMessage } = require('internal/cluster/messages');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const handles = new Map();
let ids = 0;
let initialized = false;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

const policyFromEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
if (policyFromEnv === 'rr') {
  cluster.schedulingPolicy = SCHED_RR;
} else if (policyFromEnv === 'none') {
  cluster.schedulingPolicy = SCHED_NONE;
} else {
  cluster.schedulingPolicy = process.platform === 'win32' ? SCHED_NONE : SCHED_RR;
}

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (!initialized) {
    initialized = true;
    // The policy is fixed from the first setup on.
    if (cluster.schedulingPolicy !== SCHED_NONE && cluster.schedulingPolicy !== SCHED_RR) {
      throw new Error(`Bad cluster.schedulingPolicy: ${cluster.schedulingPolicy}`);
    }
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function createWorkerProcess(id, env) {
  const settings = cluster.settings;
  const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
  return fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: workerEnv,
    serialization: settings.serialization,
    silent: settings.silent,
    windowsHide: settings.windowsHide,
    execArgv: settings.execArgv,
    stdio: settings.stdio,
    gid: settings.gid,
    uid: settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function fork(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });

  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  worker.process.once('exit', (exitCode, signalCode) => {
    // An exit without a disconnect first (a crash): the channel is gone with the process.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  worker.process.once('disconnect', () => {
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  worker.process.on('internalMessage', onClusterMessage((message, handle) => {
    onWorkerMessage(worker, message, handle);
  }));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    if (typeof cb === 'function') process.nextTick(cb);
    return;
  }
  for (const worker of workers) {
    if (worker.isConnected()) worker.disconnect();
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

function onWorkerMessage(worker, message, handle) {
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer':
      queryServer(worker, message);
      break;
    case 'listening': {
      const info = {
        addressType: message.addressType,
        address: message.address,
        port: message.port,
        fd: message.fd,
      };
      worker.state = 'listening';
      worker.emit('listening', info);
      cluster.emit('listening', worker, info);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      sendMessage(worker.process, { ack: message.seq });
      break;
    case 'close': {
      const shared = handles.get(message.key);
      if (shared !== undefined && shared.remove(worker)) handles.delete(message.key);
      break;
    }
  }
  void handle;
}

// A worker wants to listen: one primary-side handle per (address, port, type, fd, index).
function queryServer(worker, message) {
  if (worker.exitedAfterDisconnect) return;
  const key = `${message.address}:${message.port}:${message.addressType}:` +
    `${message.fd}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    const isUdp = message.addressType === 'udp4' || message.addressType === 'udp6';
    let address = message.address;
    // A Unix socket path has a ~100 byte limit: the shorter of relative and absolute.
    if (message.port < 0 && typeof address === 'string') {
      const relative = require('path').relative(process.cwd(), address);
      if (relative.length < address.length) address = relative;
    }
    const Kind = cluster.schedulingPolicy !== SCHED_RR || isUdp ? SharedHandle : RoundRobinHandle;
    handle = new Kind(key, address, message);
    handles.set(key, handle);
  }
  // The first worker's server data is what the others get.
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, reply, sharedHandle) => {
    const { data } = handles.get(key) || {};
    if (errno) handles.delete(key);
    sendMessage(worker.process, {
      errno,
      key,
      ack: message.seq,
      data,
      ...reply,
    }, sharedHandle);
  });
}

// Primary-side Worker methods.
Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  sendMessage(this.process, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

// The signal goes at once (node 20); the channel closes with the process.
Worker.prototype.destroy = function destroy(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
