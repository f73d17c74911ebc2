'use strict';
// net: with events.captureRejections, a rejected async 'connection' listener destroys that
// socket with the error; the client side sees the connection close.
const events = require('events');
const net = require('net');

events.captureRejections = true;
// The two sides' closes race each other: print what happened, sorted.
const seen = [];
const log = (...parts) => seen.push(parts.join(' '));
process.on('exit', () => console.log(seen.sort().join('\n')));
const kaboom = new Error('kaboom');
const server = net.createServer(async (socket) => {
  server.close();
  socket.on('error', (err) => log('socket error is the rejection', err === kaboom));
  socket.on('close', () => log('server socket closed'));
  throw kaboom;
});
server.on('error', (err) => log('server error (unexpected)', err.message));
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.on('error', () => {});
  client.on('close', () => log('client closed'));
});
