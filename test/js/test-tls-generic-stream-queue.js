'use strict';
// TLS over an in-memory duplex pair: handle.writeQueueSize is a number (encrypted bytes the
// transport still holds) and socket.bufferSize is the socket's writableLength, as node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { duplexPair } = require('stream');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', name));
const [clientSide, serverSide] = duplexPair();

const client = tls.connect({ socket: clientSide, rejectUnauthorized: false });
const server = new tls.TLSSocket(serverSide, {
  isServer: true, key: fixture('server-key.pem'), cert: fixture('server-cert.pem'),
});
console.log('connecting', client.connecting, server.connecting);

client.on('secureConnect', () => {
  client.write('foobar', () => {
    console.log('in callback', client._handle.writeQueueSize, client.bufferSize);
    server.once('data', (d) => {
      console.log('server got', d.toString());
      client.destroy();
      server.destroy();
    });
  });
  console.log('after write', typeof client._handle.writeQueueSize, client.bufferSize === client.writableLength,
              client.bufferSize);
});
