'use strict';
// subprocess.send(message, handle): a net.Server and a net.Socket go to the child (descriptors
// over the IPC socketpair), the child serves with them; a sent socket's handle is released in
// the parent unless keepOpen. The child sends a dgram socket back. Only the parent prints.
const { fork } = require('child_process');
const net = require('net');
const dgram = require('dgram');

if (process.argv[2] === 'child') {
  process.on('message', (message, handle) => {
    if (message.kind === 'server') {
      handle.once('connection', (socket) => {
        socket.end('served by child\n');
        handle.close(() => process.send({ kind: 'server-closed' }));
      });
      process.send({ kind: 'server-ready', isServer: handle instanceof net.Server,
                     listening: handle.listening });
    } else if (message.kind === 'socket') {
      handle.end(`socket from child (keepOpen ${message.keepOpen})\n`);
      process.send({ kind: 'socket-done', isSocket: handle instanceof net.Socket });
    } else if (message.kind === 'udp') {
      const udp = dgram.createSocket('udp4');
      udp.bind(0, '127.0.0.1', () => {
        process.send({ kind: 'udp', port: udp.address().port }, udp, () => udp.close());
      });
    }
  });
} else {
  const child = fork(__filename, ['child']);
  const server = net.createServer();
  const read = (port, cb) => {
    net.connect(port, '127.0.0.1', function() {
      let data = '';
      this.setEncoding('utf8');
      this.on('data', (d) => { data += d; }).on('end', () => cb(data.trim()));
    });
  };
  let socketsDone = 0;
  // The socket phase has independent paths (client reads, child replies, send callbacks).
  const socketLines = [];
  process.on('exit', () => console.log(socketLines.sort().join('\n')));
  child.on('message', (message, handle) => {
    if (message.kind === 'server-ready') {
      console.log('parent: child has the server', message.isServer, message.listening);
      read(port, (data) => console.log('parent: client read', data));
    } else if (message.kind === 'server-closed') {
      console.log('parent: child closed its server');
      sendSockets();
    } else if (message.kind === 'socket-done') {
      socketLines.push(`parent: child had a socket ${message.isSocket}`);
      if (++socketsDone === 2) child.send({ kind: 'udp' });
    } else if (message.kind === 'udp') {
      console.log('parent: udp', handle instanceof dgram.Socket,
                  handle.address().port === message.port);
      handle.on('message', (msg) => {
        console.log('parent: udp message', msg.toString());
        handle.close();
        child.disconnect();
      });
      const sender = dgram.createSocket('udp4');
      sender.send('hello udp', message.port, '127.0.0.1', () => sender.close());
    }
  });
  let port;
  server.listen(0, '127.0.0.1', () => {
    port = server.address().port;
    // The parent stops listening; the child's copy of the socket goes on.
    child.send({ kind: 'server' }, server, () => server.close());
  });
  function sendSockets() {
    let count = 0;
    const relay = net.createServer((socket) => {
      const keepOpen = count++ === 1;
      child.send({ kind: 'socket', keepOpen }, socket, { keepOpen }, (err) => {
        socketLines.push(`parent: sent socket, error ${err} handle kept ${socket._handle !== null}`);
        if (keepOpen) socket.destroy();
      });
    });
    relay.listen(0, '127.0.0.1', () => {
      const relayPort = relay.address().port;
      read(relayPort, (first) => {
        socketLines.push(`parent: read ${first}`);
        read(relayPort, (second) => {
          socketLines.push(`parent: read ${second}`);
          relay.close();
        });
      });
    });
  }
  child.on('exit', (code) => console.log('parent: child exit', code));
  try {
    child.send('x', {});
  } catch (err) {
    console.log('invalid handle:', err.name, err.code);
  }
}
