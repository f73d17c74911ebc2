'use strict';
// A socket write whose callback ran (or that write() finished at once) is the kernel's: a child
// that exits right after writing loses nothing, and a peer process told "done" after a write's
// callback sees the bytes written before its own.
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const net = require('net');
const tls = require('tls');

const mode = process.argv[2];
if (mode === 'exit-in-callback' || mode === 'exit-after-write') {
  const socket = net.connect(+process.argv[3], '127.0.0.1', () => {
    const payload = 'x'.repeat(+process.argv[4]);
    if (mode === 'exit-in-callback') {
      socket.write(payload, () => process.exit(0));
    } else {
      socket.write(payload);
      process.exit(0);
    }
  });
} else if (mode === 'shared-socket') {
  process.on('message', (msg, socket) => {
    socket.write('child', () => process.send('child wrote'));
  });
} else {
  main();
}

function receiveFromChild(args) {
  return new Promise((resolve) => {
    const server = net.createServer((conn) => {
      let bytes = 0;
      conn.on('data', (d) => { bytes += d.length; });
      conn.on('error', () => {});
      conn.on('close', () => { server.close(); resolve(bytes); });
    });
    server.listen(0, '127.0.0.1', () => {
      cp.fork(__filename, [args[0], server.address().port, args[1]]);
    });
  });
}

function sharedSocket() {
  return new Promise((resolve) => {
    const child = cp.fork(__filename, ['shared-socket']);
    let result = '';
    const server = net.createServer((socket) => {
      child.on('message', () => {
        socket.end('parent', () => { server.close(); child.disconnect(); });
      });
      child.send('socket', socket, { keepOpen: true });
    });
    server.listen(0, '127.0.0.1', () => {
      const client = net.connect(server.address().port, '127.0.0.1');
      client.setEncoding('utf8');
      client.on('data', (d) => { result += d; });
      client.on('end', () => resolve(result));
    });
  });
}

// A TLS write completes a turn later (as node's), so write() of more than the highWaterMark
// says false even when the transport took the bytes at once.
function tlsWriteReturn() {
  const dir = path.join(__dirname, 'fixtures', 'tls');
  const key = fs.readFileSync(path.join(dir, 'self-key.pem'));
  const cert = fs.readFileSync(path.join(dir, 'self-cert.pem'));
  return new Promise((resolve) => {
    const server = tls.createServer({ key, cert }, (socket) => {
      socket.resume();
      socket.on('end', () => socket.end());
    });
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({ port: server.address().port, rejectUnauthorized: false }, () => {
        const small = client.write('hi');
        let sync = true;
        const big = client.write(Buffer.alloc(256 * 1024), () => {
          client.end();
          server.close();
          resolve({ small, big, callbackAfterReturn: !sync });
        });
        sync = false;
      });
    });
  });
}

async function main() {
  for (const size of [5, 60000, 300000]) {
    console.log('exit in callback', size, await receiveFromChild(['exit-in-callback', size]));
  }
  console.log('exit after write', 5, await receiveFromChild(['exit-after-write', 5]));
  for (let i = 0; i < 5; i++) console.log('shared socket', await sharedSocket());
  console.log('tls write', await tlsWriteReturn());
}
