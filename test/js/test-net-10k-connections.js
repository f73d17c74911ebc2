'use strict';
// net: 10,000 concurrent connections to one server, all open at the same time, each
// exchanging data; nothing may be lost. The clients run in a child process (two ends of 10,000
// sockets in one process would pass a 20,000 open-file limit). No timers: the server answers
// once every client has sent its request, and each side counts what it got.
const assert = require('assert');
const net = require('net');
const { spawn } = require('child_process');

const N = 10000;
// Connects in flight at once: keeps the listen backlog from overflowing (no SYN retries).
const WINDOW = 256;

function payloadFor(id) {
  return `${id}:` + String(id * 7919).padStart(12, '0').repeat(8);
}

function answerFor(request) {
  return request.split('').reverse().join('');
}

if (process.argv[2] === 'client') {
  runClients(+process.argv[3]);
} else {
  runServer();
}

function runServer() {
  const waiting = [];
  let ended = 0;
  let bytesIn = 0;
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buf = '';
    socket.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl === -1) return;
      bytesIn += nl + 1;
      waiting.push({ socket, request: buf.slice(0, nl) });
      buf = buf.slice(nl + 1);
      if (waiting.length === N) answerAll();
    });
    socket.on('end', () => {
      assert.strictEqual(buf, '');
      ended++;
      socket.end();
    });
    socket.on('error', assert.ifError);
  });

  function answerAll() {
    server.getConnections((err, count) => {
      assert.ifError(err);
      assert.strictEqual(count, N);
      console.log('server: all', count, 'connections open with a request');
      for (const { socket, request } of waiting) socket.write(answerFor(request) + '\n');
    });
  }

  server.listen(0, '127.0.0.1', 4096, () => {
    const child = spawn(process.execPath, [__filename, 'client', server.address().port],
                        { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, signal) => {
      assert.strictEqual(signal, null);
      assert.strictEqual(code, 0);
      server.close(() => {
        assert.strictEqual(ended, N);
        let expected = 0;
        for (let id = 0; id < N; id++) expected += payloadFor(id).length + 1;
        assert.strictEqual(bytesIn, expected);
        console.log('server: every client ended after its answer:', ended === N);
      });
    });
  });
}

function runClients(port) {
  let started = 0;
  let connected = 0;
  let verified = 0;
  let closed = 0;

  function startOne() {
    const id = started++;
    const request = payloadFor(id);
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    let reply = '';
    socket.on('connect', () => {
      connected++;
      socket.write(request + '\n');
      if (started < N) startOne();
    });
    socket.on('data', (d) => {
      reply += d;
      if (reply.endsWith('\n')) {
        assert.strictEqual(reply, answerFor(request) + '\n');
        verified++;
        socket.end();
      }
    });
    socket.on('error', assert.ifError);
    socket.on('close', () => {
      if (++closed === N) {
        assert.strictEqual(verified, N);
        console.log('client: connected', connected, 'verified', verified);
      }
    });
  }

  for (let i = 0; i < WINDOW && started < N; i++) startOne();
}
