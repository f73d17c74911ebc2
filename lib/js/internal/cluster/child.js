'use strict';
// node:cluster in a worker: cluster.worker for this process, and the listen path of net
// servers (net.js listenInCluster calls _getServer): the primary is asked for the handle. A
// round-robin answer gives a stand-in handle whose connections arrive as 'newconn' messages;
// a shared answer carries the real listening handle.

const EventEmitter = require('events');
const { setInterval, clearInterval } = require('timers');
const Worker = require('internal/cluster/worker');
const { onClusterMessage, sendMessage } = require('internal/cluster/messages');

const cluster = new EventEmitter();
const handles = new Map();   // key -> the handle this worker listens on.
const servers = new Map();   // key -> the net.Server listening on it.
const indexes = new Map();   // address:port:type:fd -> how many listens this worker made there.

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

function send(message, cb) {
  return sendMessage(process, message, null, cb);
}

// Called once at start-up (internal/child_process/ipc.js) in a process forked by the cluster.
cluster._setupWorker = function _setupWorker() {
  const worker = new Worker({
    id: Number(process.env.NODE_UNIQUE_ID) | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    // The primary went away without asking: nothing left to work for.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });

  process.on('internalMessage', onClusterMessage((message, handle) => {
    if (message.act === 'newconn') onConnection(message, handle);
    else if (message.act === 'disconnect') worker._disconnect(true);
  }));

  send({ act: 'online' });
};

// options: { address, port, addressType, fd, flags, backlog, exclusive };
// cb(errno, handle) with the handle the server is to listen on.
cluster._getServer = function _getServer(server, options, cb) {
  let address = options.address;
  // A relative Unix socket path means the same socket in every worker.
  if (options.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
    address = require('path').resolve(address);
  }
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  const index = (indexes.get(indexesKey) ?? -1) + 1;
  indexes.set(indexesKey, index);

  const message = {
    act: 'queryServer',
    index,
    // Shared with every worker on this handle (a TLS server's ticket keys, so a session made
    // by one worker resumes on another).
    data: typeof server._getServerData === 'function' ? server._getServerData() : null,
    ...options,
    address,
  };
  delete message.server;

  send(message, (reply, handle) => {
    if (reply.key !== undefined && !reply.errno) servers.set(reply.key, server);
    if (reply.data && typeof server._setServerData === 'function') {
      server._setServerData(reply.data);
    }
    if (handle) shared(reply, handle, indexesKey, index, cb);
    else roundRobin(reply, indexesKey, index, cb);
  });

  server.once('listening', () => {
    cluster.worker.state = 'listening';
    let addr = null;
    try {
      addr = server.address();
    } catch {
      // Closed by an earlier 'listening' listener.
    }
    send({
      act: 'listening',
      addressType: options.addressType,
      address,
      port: (addr && addr.port) || options.port,
      fd: options.fd,
    });
  });
};

function removeIndex(indexesKey, index) {
  if (indexes.get(indexesKey) === index) {
    if (index === 0) indexes.delete(indexesKey);
    else indexes.set(indexesKey, index - 1);
  }
}

// net.Server.listen in a worker (net.js listenInCluster): the handle comes from the primary.
cluster._listenInWorker = function _listenInWorker(server, address, port, addressType, backlog,
                                                   fd, flags) {
  const options = { address, port, addressType, fd, flags, backlog };
  cluster._getServer(server, options, (errno, handle) => {
    if (errno) {
      const { UVExceptionWithHostPort } = require('internal/errors');
      server.emit('error', new UVExceptionWithHostPort(errno, 'bind', address, port));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog, fd, flags);
  });
};

// dgram's bind in a worker: every worker gets a copy of one socket bound by the primary.
cluster._bindInWorker = function _bindInWorker(socket, address, port, flags, cb) {
  const options = { address, port, addressType: socket.type, fd: -1, flags };
  cluster._getServer(socket, options, cb);
};

// A copy of the primary's listening handle: closing it tells the primary.
function shared(reply, handle, indexesKey, index, cb) {
  const { key } = reply;
  const close = handle.close;
  handle.close = function(...args) {
    send({ act: 'close', key });
    handles.delete(key);
    servers.delete(key);
    removeIndex(indexesKey, index);
    return close.apply(handle, args);
  };
  handles.set(key, handle);
  cb(reply.errno, handle);
}

// A stand-in for a handle the primary listens on.
function roundRobin(reply, indexesKey, index, cb) {
  if (reply.errno) {
    cb(reply.errno, null);
    return;
  }
  const { key } = reply;
  // Nothing of ours is listening: a timer keeps the worker alive while the server is referenced.
  let keepAlive = null;
  const handle = {
    close(callback) {
      handle.unref();
      // Connections already handed over are ours; new ones go to other workers.
      send({ act: 'close', key });
      handles.delete(key);
      servers.delete(key);
      removeIndex(indexesKey, index);
      if (typeof callback === 'function') process.nextTick(callback);
    },
    listen() { return 0; },
    getsockname(out) {
      if (reply.sockname) Object.assign(out, reply.sockname);
      return 0;
    },
    ref() {
      if (keepAlive === null) keepAlive = setInterval(() => {}, 2 ** 31 - 1);
    },
    unref() {
      if (keepAlive !== null) clearInterval(keepAlive);
      keepAlive = null;
    },
    hasRef() { return keepAlive !== null; },
    markShared() {},
    onconnection: null,
  };
  handle.ref();
  handles.set(key, handle);
  cb(0, handle);
}

function onConnection(message, connection) {
  const handle = handles.get(message.key);
  const accepted = handle !== undefined && typeof handle.onconnection === 'function';
  sendMessage(process, { ack: message.seq, accepted }, null);
  if (accepted) handle.onconnection(0, connection);
  else if (connection) connection.close();
}

// Worker-side methods.
Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    this._disconnect();
  }
  return this;
};

Worker.prototype._disconnect = function _disconnect(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waiting = 1;
  const closed = () => {
    if (--waiting !== 0) return;
    // Our servers are closed: now the channel.
    if (primaryInitiated) {
      process.disconnect();
    } else {
      send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    }
  };
  for (const [key, handle] of [...handles]) {
    waiting++;
    const server = servers.get(key);
    if (server !== undefined) server.close(closed);
    else handle.close(closed);
  }
  handles.clear();
  servers.clear();
  closed();
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
    return;
  }
  this.state = 'destroying';
  send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  process.once('disconnect', () => process.exit(0));
};

module.exports = cluster;
