'use strict';
// Sockets a worker leaves open (a listening server, a UDP socket, a connection) are closed
// when it ends, whether it exits on its own or calls process.exit(): their descriptors are
// gone and the peer of the connection sees it end, as with node.
const fs = require('fs');
const net = require('net');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  // Whether each connection from a worker saw its end: counted, as it may come before or
  // after that worker's 'exit', and reported once all is closed.
  const seen = { end: 0, close: 0 };
  process.on('exit', () => console.log('connections from workers:', seen));
  let current = null;
  const server = net.createServer((socket) => {
    socket.on('end', () => seen.end++);
    socket.on('close', () => seen.close++);
    // Accepted: the worker may end now (an accept after it would reuse its descriptors).
    current.postMessage('accepted');
  });
  const modes = ['natural', 'process.exit'];
  server.listen(0, function runNext() {
    const mode = modes.shift();
    if (mode === undefined) return server.close();
    const w = new Worker(__filename, { workerData: { port: server.address().port, mode } });
    current = w;
    let fds;
    w.on('message', (message) => { fds = message; });
    w.on('exit', (code) => {
      console.log(`${mode}: exit ${code}`);
      for (const [name, fd] of Object.entries(fds)) {
        let state = 'open';
        try { fs.fstatSync(fd); } catch (e) { state = e.code; }
        console.log(`  ${name}:`, state);
      }
      setImmediate(runNext);
    });
  });
} else {
  const dgram = require('dgram');
  const server = net.createServer().listen(0);
  const udp = dgram.createSocket('udp4').bind(0);
  const connection = net.connect(workerData.port);
  parentPort.once('message', () => {
    const handleFd = (s) => s._handle.fd;
    parentPort.postMessage({
      server: handleFd(server), udp: udp._handle.fd, connection: handleFd(connection),
    });
    if (workerData.mode === 'process.exit') {
      setImmediate(() => process.exit(0));
    } else {
      server.unref();
      udp.unref();
      connection.unref();
    }
  });
}
