'use strict';
// Connections of a net.Server that were sent to other processes (subprocess.send(msg, socket)):
// the server still counts them. getConnections() asks each process how many of them it still
// has, and close() waits until every process closed its share. Internal messages:
//   NODE_SOCKET_GET_COUNT { key } -> NODE_SOCKET_COUNT { key, count }
//   NODE_SOCKET_NOTIFY_CLOSE { key } -> NODE_SOCKET_ALL_CLOSED { key } once none is left
// `key` is the server's connection key; the sending side is server._workers (node's name).

const kPending = Symbol('kSocketListPending');
const received = new Map();      // key -> Set of sockets received here.
const notifyWhenEmpty = new Set();  // keys whose sender waits for the last close.

function pending(target) {
  if (target[kPending] === undefined) target[kPending] = { counts: [], closes: new Map() };
  return target[kPending];
}

// Sender: `socket` of `server` goes to `target`; returns the key the message carries.
function registerSent(target, server) {
  const key = server._connectionKey;
  if (!server._workers.some((entry) => entry.target === target && entry.key === key)) {
    server._workers.push({ target, key });
    server._usingWorkers = true;
    const forget = () => {
      // A process that went away holds no connections.
      const waiting = pending(target);
      for (const cb of waiting.counts.splice(0)) cb(0);
      for (const cbs of waiting.closes.values()) for (const cb of cbs.splice(0)) cb();
    };
    target.once('disconnect', forget);
  }
  return key;
}

function countConnections(server, end) {
  let total = server._connections;
  let left = server._workers.length;
  if (left === 0) {
    end(null, total);
    return;
  }
  for (const { target, key } of server._workers) {
    const done = (count) => {
      total += count;
      if (--left === 0) end(null, total);
    };
    if (!target.connected) {
      done(0);
      continue;
    }
    pending(target).counts.push(done);
    target._send({ cmd: 'NODE_SOCKET_GET_COUNT', key }, null, { swallowErrors: true });
  }
}

function closeInWorkers(server) {
  const workers = server._workers.splice(0);
  server._usingWorkers = false;
  let left = workers.length;
  if (left === 0) return;
  server._connections++;  // Not drained until every process closed its share.
  const done = () => {
    if (--left !== 0) return;
    server._connections--;
    server._emitCloseIfDrained();
  };
  for (const { target, key } of workers) {
    if (!target.connected) {
      done();
      continue;
    }
    const closes = pending(target).closes;
    if (!closes.has(key)) closes.set(key, []);
    closes.get(key).push(done);
    target._send({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key }, null, { swallowErrors: true });
  }
}

// Receiver: a socket that came with a key.
function trackReceived(target, key, socket) {
  if (!received.has(key)) received.set(key, new Set());
  received.get(key).add(socket);
  socket.once('close', () => {
    const sockets = received.get(key);
    if (sockets === undefined) return;
    sockets.delete(socket);
    if (sockets.size === 0) {
      received.delete(key);
      if (notifyWhenEmpty.delete(key) && target.connected) {
        target._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key }, null, { swallowErrors: true });
      }
    }
  });
}

// Both sides: the NODE_SOCKET_* messages. True if `message` was one.
function onMessage(target, message) {
  switch (message.cmd) {
    case 'NODE_SOCKET_GET_COUNT': {
      const sockets = received.get(message.key);
      target._send({ cmd: 'NODE_SOCKET_COUNT', key: message.key, count: sockets ? sockets.size : 0 },
                   null, { swallowErrors: true });
      return true;
    }
    case 'NODE_SOCKET_NOTIFY_CLOSE':
      if (received.has(message.key)) {
        notifyWhenEmpty.add(message.key);
      } else {
        target._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: message.key }, null,
                     { swallowErrors: true });
      }
      return true;
    case 'NODE_SOCKET_COUNT': {
      const cb = pending(target).counts.shift();
      if (cb) cb(message.count);
      return true;
    }
    case 'NODE_SOCKET_ALL_CLOSED': {
      const cbs = pending(target).closes.get(message.key);
      const cb = cbs && cbs.shift();
      if (cb) cb();
      return true;
    }
  }
  return false;
}

module.exports = { closeInWorkers, countConnections, onMessage, registerSent, trackReceived };
