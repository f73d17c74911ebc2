'use strict';
// http timeouts: headersTimeout answers a client that never finishes its headers with a 408,
// server.setTimeout / 'timeout' on an idle request, and a client request's setTimeout.
const assert = require('assert');
const http = require('http');
const net = require('net');

const steps = [];
process.on('exit', (code) => {
  if (code === 0) assert.deepStrictEqual(steps.sort(), ['408', 'client timeout', 'server timeout']);
});

const slow = http.createServer({ headersTimeout: 100, requestTimeout: 200,
                                 connectionsCheckingInterval: 20 }, () => assert.fail('request'));
slow.listen(0, '127.0.0.1', () => {
  const c = net.connect(slow.address().port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHo'));
  let out = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { out += d; });
  c.on('close', () => {
    assert.strictEqual(out, 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    steps.push('408');
    slow.close();
  });
});

// The server's socket timeout fires on a request that waits too long; the handler answers.
const timed = http.createServer((req, res) => {
  // No answer until the timeout.
});
timed.setTimeout(50, (socket) => {
  steps.push('server timeout');
  socket.destroy();
  timed.close();
});
timed.listen(0, '127.0.0.1', () => {
  http.get({ port: timed.address().port, host: '127.0.0.1', agent: false })
    .on('error', (err) => assert.strictEqual(err.code, 'ECONNRESET'));
});

// Client-side timeout on a server that never answers.
const mute = http.createServer(() => {});
mute.listen(0, '127.0.0.1', () => {
  const req = http.get({ port: mute.address().port, host: '127.0.0.1', agent: false });
  req.setTimeout(50, () => {
    steps.push('client timeout');
    req.destroy();
  });
  req.on('error', (err) => {
    assert.strictEqual(err.code, 'ECONNRESET');
    mute.closeAllConnections();
    mute.close();
  });
});
