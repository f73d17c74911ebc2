'use strict';
// SCHED_NONE (and UDP) in the primary: one bound handle per key, a copy of it sent to every
// worker that asks; the workers listen and accept on it themselves.

const net = require('net');
const { UDP } = internalBinding('udp_wrap');

function createUdpHandle(address, port, addressType, fd, flags) {
  const handle = new UDP();
  let err;
  if (typeof fd === 'number' && fd >= 0) {
    err = handle.open(fd);
  } else if (addressType === 'udp6') {
    err = handle.bind6(address || '::', port || 0, flags || 0);
  } else {
    err = handle.bind(address || '0.0.0.0', port || 0, flags || 0);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    const result = addressType === 'udp4' || addressType === 'udp6' ?
      createUdpHandle(address, port, addressType, fd, flags) :
      net._createServerHandle(address, port, addressType, fd, flags);
    if (typeof result === 'number') this.errno = result;
    else this.handle = result;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle !== null) this.handle.close();
    this.handle = null;
    return true;
  }
}

module.exports = SharedHandle;
