'use strict';
// SCHED_RR in the primary: one listening server per key; each accepted connection goes to the
// next free worker (a worker is free again once it took its last connection), as a
// NODE_CLUSTER 'newconn' message with the connection's handle. A worker that no longer
// listens refuses it and the connection goes to another.

const net = require('net');
const { constants: { UV_TCP_IPV6ONLY } } = internalBinding('tcp_wrap');
const { sendMessage } = require('internal/cluster/messages');

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog }) {
    this.key = key;
    this.all = new Map();
    this.free = new Map();
    this.handles = [];
    this.handle = null;
    this.server = net.createServer();
    if (typeof fd === 'number' && fd >= 0) {
      this.server.listen({ fd, backlog });
    } else if (port >= 0) {
      this.server.listen({
        port,
        host: address,
        ipv6Only: Boolean(flags & UV_TCP_IPV6ONLY),
        backlog,
      });
    } else {
      this.server.listen(address, backlog);  // A Unix socket path.
    }
    this.server.once('listening', () => {
      this.handle = this.server._handle;
      this.handle.onconnection = (err, handle) => this.distribute(err, handle);
      this.server._handle = null;
      this.server = null;
    });
  }

  add(worker, send) {
    this.all.set(worker.id, worker);
    const done = () => {
      if (this.handle.getsockname) {
        const out = {};
        this.handle.getsockname(out);
        send(0, { sockname: out }, null);
      } else {
        send(0, null, null);
      }
      this.handoff(worker);
    };
    if (this.server === null) {
      done();
      return;
    }
    this.server.once('listening', done);
    this.server.once('error', (err) => {
      send(err.errno, null);
    });
  }

  // True when no worker uses the handle any more (it is closed then).
  remove(worker) {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    for (const handle of this.handles) handle.close();
    this.handles = [];
    if (this.handle !== null) this.handle.close();
    else if (this.server !== null) this.server.close();
    this.handle = null;
    return true;
  }

  distribute(err, handle) {
    if (err) return;
    this.handles.push(handle);
    const [first] = this.free;
    if (first !== undefined) {
      const [id, worker] = first;
      this.free.delete(id);
      this.handoff(worker);
    }
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return;
    const handle = this.handles.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    const sent = sendMessage(worker.process, { act: 'newconn', key: this.key }, handle,
                             (reply) => {
                               if (reply.accepted) handle.close();
                               else this.distribute(0, handle);
                               this.handoff(worker);
                             });
    if (sent === false) {
      // The worker is gone: someone else takes it.
      this.handles.unshift(handle);
    }
  }
}

module.exports = RoundRobinHandle;
