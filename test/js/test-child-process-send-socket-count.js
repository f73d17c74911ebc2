'use strict';
// A server's connections sent to a child still count: getConnections() asks the child, and
// close() emits 'close' only once the child closed them. Messages sent while a handle waits
// for its acknowledgement are queued.
const { fork } = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  const sockets = [];
  process.on('message', (message, socket) => {
    if (message === 'take') {
      sockets.push(socket);
      process.send(`have ${sockets.length}`);
    } else if (message === 'close-one') {
      const socket = sockets.shift();
      socket.on('close', () => process.send('closed one'));
      socket.destroy();
    } else if (message === 'close-rest') {
      sockets.shift().destroy();
    }
  });
} else {
  const child = fork(__filename, ['child']);
  const clients = [];
  const server = net.createServer((socket) => {
    child.send('take', socket);
  });
  const step = (message) => {
    console.log('child:', message);
    if (message === 'have 2') {
      server.getConnections((err, count) => {
        console.log('connections', err, count);
        child.send('close-one');
      });
    } else if (message === 'closed one') {
      server.getConnections((err, count) => {
        console.log('connections', err, count);
        let closed = false;
        server.close(() => {
          closed = true;
          console.log('server closed');
          child.disconnect();
        });
        setImmediate(() => {
          console.log('closed before the child let go', closed);
          child.send('close-rest');
        });
      });
    }
  };
  child.on('message', step);
  server.listen(0, '127.0.0.1', () => {
    for (let i = 0; i < 2; i++) {
      clients.push(net.connect(server.address().port, '127.0.0.1').resume());
    }
  });
  child.on('exit', (code) => console.log('child exit', code));
}
