'use strict';
// The cluster's own messages between primary and worker: { cmd: 'NODE_CLUSTER', act, seq }
// over the IPC channel, seen as 'internalMessage'. A message may ask for a reply: the reply
// carries ack = the request's seq and goes to the callback given with the request.

let seq = 0;
const callbacks = new Map();

// Sends `message` (an object with act) to `target` (a ChildProcess, or process in a worker),
// with an optional handle; cb(reply, handle) gets the answer.
function sendMessage(target, message, handle, cb) {
  if (!target.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq++;
  // The handle stays open here: the cluster closes it when it is done with it.
  return target.send(message, handle, { keepOpen: true });
}

// Wraps an 'internalMessage' listener: replies go to their callbacks, other cluster messages
// to handler(message, handle).
function onClusterMessage(handler) {
  return (message, handle) => {
    if (message.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined && callbacks.has(message.ack)) {
      const cb = callbacks.get(message.ack);
      callbacks.delete(message.ack);
      cb(message, handle);
      return;
    }
    handler(message, handle);
  };
}

module.exports = { onClusterMessage, sendMessage };
