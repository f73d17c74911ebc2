'use strict';
// cluster.Worker: the same class on both sides. In the primary `process` is the ChildProcess
// of the worker; in a worker it is the worker's own process object.

const EventEmitter = require('events');

class Worker extends EventEmitter {
  constructor(options) {
    super();
    options = options === null || typeof options !== 'object' ? {} : options;
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    if (options.process) {
      this.process = options.process;
      this.process.on('error', (code, signal) => this.emit('error', code, signal));
      this.process.on('message', (message, handle) => this.emit('message', message, handle));
    }
  }

  kill(...args) {
    return this.destroy(...args);
  }

  send(...args) {
    return this.process.send(...args);
  }

  isDead() {
    return this.process.exitCode != null || this.process.signalCode != null;
  }

  isConnected() {
    return this.process.connected;
  }
}

module.exports = Worker;
