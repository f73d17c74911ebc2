'use strict';
// dgram in cluster workers: bind goes through the primary (one socket, a copy per worker);
// a datagram sent to the shared port reaches one of them; disconnect closes the sockets and
// the workers exit 0.
const cluster = require('cluster');
const dgram = require('dgram');

if (cluster.isPrimary) {
  let listening = 0;
  let port;
  cluster.on('listening', (worker, address) => {
    console.log('listening', address.addressType, address.address);
    port = address.port;
    if (++listening === 2) {
      const sender = dgram.createSocket('udp4');
      sender.send('ping', port, '127.0.0.1', () => sender.close());
    }
  });
  cluster.on('message', (worker, message) => {
    console.log('a worker got', message.got, message.samePort === port);
    cluster.disconnect();
  });
  cluster.on('exit', (worker, code, signal) => console.log('exit', code, signal));
  cluster.fork();
  cluster.fork();
} else {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg) => {
    process.send({ got: msg.toString(), samePort: socket.address().port });
  });
  socket.bind(0, '127.0.0.1');
}
