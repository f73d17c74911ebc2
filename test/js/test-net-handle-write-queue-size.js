'use strict';
// A TCP handle's writeQueueSize is a number read through the prototype (as node's): above 0
// while a write waits for a peer that does not read, 0 once it drained.
const net = require('net');

const server = net.createServer((conn) => {
  conn.pause();
  setTimeout(() => conn.resume(), 100);
  conn.on('end', () => conn.end());
});
server.listen(0, () => {
  const client = net.connect(server.address().port, () => {
    const handle = client._handle;
    console.log('own property:', Object.prototype.hasOwnProperty.call(handle, 'writeQueueSize'));
    console.log('type:', typeof handle.writeQueueSize, 'idle:', handle.writeQueueSize);
    const full = client.write(Buffer.alloc(32 * 1024 * 1024));
    console.log('write returned', full, 'queued > 0:', handle.writeQueueSize > 0);
    client.once('drain', () => {
      console.log('drained, queued:', handle.writeQueueSize);
      client.end();
    });
  });
  client.on('close', () => server.close());
});
