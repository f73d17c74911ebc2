'use strict';
// The IPC channel of fork(): a socketpair between parent and child, carried by a pipe_stream
// handle on each side. Two serializations, as node's: 'json' (JSON text, one message per line)
// and 'advanced' (V8's serializer, typed arrays and Buffers kept as such; each message framed
// by its 4-byte big-endian length). Messages whose `cmd` starts with 'NODE_' are node-internal
// ('internalMessage' event). A handle (net.Server, net.Socket, dgram.Socket, a raw TCP/Pipe/UDP
// handle) goes as a NODE_HANDLE message with its descriptor attached (internal/child_process/
// handles.js); the peer gets the rebuilt object as the second argument of 'message'.
//
// Parent: child.send(), child.disconnect(), child.connected, child.channel, 'message' and
// 'disconnect' events. Child (when NODE_CHANNEL_FD is set at start-up): the same on process.
// A child's channel keeps it alive only while someone listens for 'message' or 'disconnect'
// (or a send is in flight), as in node; channel.ref()/unref() override that.

const {
  PipeStream,
  UV_EOF,
  deserialize,
  serialize,
  setBufferPrototype,
} = internalBinding('pipe_stream');
const { FastBuffer } = require('internal/buffer');
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
  },
  errnoException,
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const { closeFd, describeHandle, receiveHandle } = require('internal/child_process/handles');
const socketList = require('internal/child_process/socket_list');

const kPendingWrites = Symbol('kPendingWrites');
const kSentKey = Symbol('kSentKey');

// Keeps the channel referenced while it is needed: listeners counted by refCounted(), sends
// in flight, unless ref()/unref() was called explicitly.
class Control {
  constructor(handle, startRefd) {
    this.handle = handle;
    this.refs = 0;
    this.explicit = false;
    this.startRefd = startRefd;
    if (!startRefd) handle.unref();
  }

  refCounted() {
    if (++this.refs === 1 && !this.explicit && !this.startRefd) this.handle.ref();
  }

  unrefCounted() {
    if (--this.refs === 0 && !this.explicit && !this.startRefd) this.handle.unref();
  }
}

// The object exposed as child.channel / process.channel.
class Channel {
  constructor(handle, control) {
    this._handle = handle;
    this._control = control;
  }

  get fd() { return this._handle ? this._handle.fd : -1; }

  ref() {
    this._control.explicit = true;
    if (this._handle) this._handle.ref();
  }

  unref() {
    this._control.explicit = true;
    if (this._handle) this._handle.unref();
  }

  hasRef() { return this._handle ? this._handle.hasRef() : false; }
}

function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > 5 && message.cmd.startsWith('NODE_');
}

// Wires `target` (a ChildProcess, or process in a child) to the channel handle. Returns the
// Control. `onClose` runs when the other side closed the channel (for the ChildProcess
// 'close' count).
// Turns the bytes read from the channel into messages: onMessage(message) for each.
function jsonReader(onMessage) {
  const decoder = new StringDecoder('utf8');
  let pendingText = '';
  return (chunk) => {
    pendingText += decoder.write(chunk);
    let newline;
    while ((newline = pendingText.indexOf('\n')) !== -1) {
      const line = pendingText.slice(0, newline);
      pendingText = pendingText.slice(newline + 1);
      if (line.length !== 0) onMessage(JSON.parse(line));
    }
  };
}

function advancedReader(onMessage) {
  let chunks = [];
  let buffered = 0;
  return (chunk) => {
    chunks.push(chunk);
    buffered += chunk.length;
    while (buffered >= 4) {
      let head = chunks[0];
      if (head.length < 4) {
        head = Buffer.concat(chunks);
        chunks = [head];
      }
      const size = head.readUInt32BE(0);
      if (buffered < 4 + size) return;
      const all = chunks.length === 1 ? head : Buffer.concat(chunks, buffered);
      const message = deserialize(all.subarray(4, 4 + size));
      const rest = all.subarray(4 + size);
      chunks = rest.length > 0 ? [rest] : [];
      buffered = rest.length;
      onMessage(message);
    }
  };
}

let bufferPrototypeSet = false;
function encodeAdvanced(message) {
  if (!bufferPrototypeSet) {
    setBufferPrototype(Buffer.prototype);
    bufferPrototypeSet = true;
  }
  const payload = serialize(message);
  const frame = Buffer.allocUnsafe(4 + payload.byteLength);
  frame.writeUInt32BE(payload.byteLength, 0);
  frame.set(new Uint8Array(payload), 4);
  return frame;
}

function setupChannel(target, handle, serialization, { startRefd, onClose }) {
  const advanced = serialization === 'advanced';
  if (advanced && !bufferPrototypeSet) {
    setBufferPrototype(Buffer.prototype);
    bufferPrototypeSet = true;
  }
  const control = new Control(handle, startRefd);
  const channel = new Channel(handle, control);
  let closed = false;
  // Descriptors received and not yet claimed by a NODE_HANDLE message, oldest first: a
  // descriptor arrives with the first byte of its message, so never after it.
  const receivedFds = [];
  const emitMessage = (message, handle) => {
    const event = isInternal(message) ? 'internalMessage' : 'message';
    target.emit(event, message, handle);
  };
  // After a handle went out, later messages wait until the peer acknowledged it (node's
  // NODE_HANDLE_ACK); send() then returns whether the wait queue holds just this message.
  let handleQueue = null;
  let disconnectWhenFlushed = false;
  const onHandleAck = () => {
    if (handleQueue === null) return;
    const queued = handleQueue;
    handleQueue = null;
    control.unrefCounted();
    for (let i = 0; i < queued.length; i++) {
      if (handleQueue !== null) {
        // A queued handle went out: the rest waits for its acknowledgement.
        handleQueue.push(...queued.slice(i));
        return;
      }
      const { message, sendHandle, options, callback } = queued[i];
      if (target.connected || disconnectWhenFlushed) {
        target._send(message, sendHandle, options, callback);
      }
    }
    if (handleQueue === null && disconnectWhenFlushed) {
      disconnectWhenFlushed = false;
      target._disconnect();
    }
  };
  const deliver = (message) => {
    if (message !== null && typeof message === 'object' && message.cmd === 'NODE_HANDLE_ACK') {
      onHandleAck();
      return;
    }
    if (message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
        message.cmd.startsWith('NODE_SOCKET_')) {
      process.nextTick(socketList.onMessage, target, message);
      return;
    }
    if (message !== null && typeof message === 'object' && message.cmd === 'NODE_HANDLE') {
      if (target.connected) target._send({ cmd: 'NODE_HANDLE_ACK' }, null, { swallowErrors: true });
      const fd = receivedFds.shift();
      if (fd === undefined) {
        process.nextTick(emitMessage, message.msg, undefined);
      } else {
        process.nextTick(receiveHandle, message, fd, (handle) => {
          if (message.key !== undefined) socketList.trackReceived(target, message.key, handle);
          emitMessage(message.msg, handle);
        });
      }
      return;
    }
    process.nextTick(emitMessage, message, undefined);
  };
  const readChunk = advanced ? advancedReader(deliver) : jsonReader(deliver);

  target.channel = channel;
  target._channel = channel;
  target.connected = true;
  target[kPendingWrites] = 0;

  // `ended`: the other side closed it (EOF); only then does it count towards the
  // ChildProcess 'close' event (after child.disconnect() node never emits 'close').
  function closeChannel(ended) {
    if (closed) return;
    closed = true;
    handle.onread = null;
    handle.close();
    for (const fd of receivedFds.splice(0)) closeFd(fd);
    if (handleQueue !== null) {
      handleQueue = null;
      control.unrefCounted();
    }
    channel._handle = null;
    target.channel = null;
    target._channel = null;
    if (ended && onClose) onClose();
  }

  handle.onread = (nread, arrayBuffer, fds) => {
    if (fds !== undefined) receivedFds.push(...fds);
    if (nread > 0) {
      readChunk(new FastBuffer(arrayBuffer, 0, nread));
      return;
    }
    // The other side went away (EOF) or the channel broke: disconnect.
    if (nread !== UV_EOF && nread < 0 && target.listenerCount('error') > 0) {
      target.emit('error', errnoException(nread, 'read'));
    }
    if (target.connected || disconnectWhenFlushed) {
      disconnectWhenFlushed = false;
      target._disconnect();
    }
    closeChannel(true);
  };

  target.send = function send(message, sendHandle, options, callback) {
    if (typeof sendHandle === 'function') {
      callback = sendHandle;
      sendHandle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) return this._send(message, sendHandle, options, callback);
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit('error', ex));
    }
    return false;
  };

  target._send = function _send(message, sendHandle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'],
                                     message);
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };
    // A server's connection handed over still counts for the server (socket_list.js); known
    // from the first call on, even if the message waits in the queue below.
    if (sendHandle && sendHandle.server && options.keepOpen !== true &&
        sendHandle[kSentKey] === undefined && typeof sendHandle.server._workers === 'object') {
      sendHandle[kSentKey] = socketList.registerSent(this, sendHandle.server);
    }
    if (handleQueue !== null && !(message !== null && typeof message === 'object' &&
                                  message.cmd === 'NODE_HANDLE_ACK')) {
      handleQueue.push({ message, sendHandle, options, callback });
      return handleQueue.length === 1;
    }
    let passed = null;
    if (sendHandle !== undefined && sendHandle !== null) {
      passed = describeHandle(sendHandle);
      if (passed !== null) {
        message = { cmd: 'NODE_HANDLE', type: passed.type, msg: message, ...passed.extra };
        if (passed.type === 'net.Socket' && sendHandle[kSentKey] !== undefined) {
          message.key = sendHandle[kSentKey];
        }
      }
    }
    const data = advanced ? encodeAdvanced(message) : Buffer.from(`${JSON.stringify(message)}\n`);
    const done = (status) => {
      if (status < 0) {
        const ex = errnoException(status, 'write');
        if (typeof callback === 'function') {
          callback(ex);
        } else if (!options.swallowErrors) {
          this.emit('error', ex);
        }
      } else if (typeof callback === 'function') {
        callback(null);
      }
    };
    const req = { oncomplete: null };
    const keepOpen = passed !== null && options.keepOpen === true;
    if (passed !== null && passed.beforeSend) passed.beforeSend(keepOpen);
    const result = passed === null ? handle.writeBuffer(req, data) :
      handle.writeBuffer(req, data, passed.fd);
    // The binding holds its own copy of the descriptor until it is sent.
    if (passed !== null && result >= 0) {
      passed.afterSend(keepOpen);
      handleQueue = [];
      control.refCounted();  // Until the acknowledgement.
    }
    if (result === 1) {
      control.refCounted();
      req.oncomplete = (status) => {
        control.unrefCounted();
        done(status);
      };
    } else {
      process.nextTick(done, result);
    }
    return (handle.writeQueueSize || 0) < 65536 * 2;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    // Messages waiting for a handle's acknowledgement still go out first.
    if (handleQueue !== null) {
      disconnectWhenFlushed = true;
      return;
    }
    this._disconnect();
  };

  target._disconnect = function _disconnect() {
    this.connected = false;
    // Queued messages go out first; then the channel closes.
    const req = {
      oncomplete: () => closeChannel(),
    };
    if (closed || handle.shutdown(req) < 0) closeChannel();
    process.nextTick(() => this.emit('disconnect'));
  };

  handle.readStart();
  return control;
}

// A child started by fork(): NODE_CHANNEL_FD names our end of the channel. Called at
// start-up (internal/main/run_main.js).
function setupChildProcessIpcChannel() {
  const value = process.env.NODE_CHANNEL_FD;
  if (value === undefined) return;
  const fd = Number.parseInt(value, 10);
  // Not for our own children.
  delete process.env.NODE_CHANNEL_FD;
  const serialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  forkChild(fd, serialization);
}

function forkChild(fd, serialization) {
  const handle = new PipeStream(fd);
  const control = setupChannel(process, handle, serialization, { startRefd: false });
  process.on('newListener', (name) => {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', (name) => {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
  // A cluster worker: its 'disconnect' listener keeps it alive until the primary lets go.
  if (process.env.NODE_UNIQUE_ID !== undefined) {
    require('internal/cluster/state').isWorker = true;
    require('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
}

module.exports = { forkChild, setupChannel, setupChildProcessIpcChannel };
