'use strict';
// http: headersTimeout and requestTimeout apply to every request of a keep-alive connection,
// counted from the request's first byte (as node), and an error answer (400/408) goes out on a
// connection that already carried a finished response. Each connection sends one complete
// request, reads the whole answer, then sends a second request that never completes (or is
// garbage) and records what the server says before it closes the connection. The limits are
// far above the time a complete request takes to arrive, so a stalled machine cannot expire
// a first request.
const assert = require('assert');
const http = require('http');
const net = require('net');

const seen = [];
const server = http.createServer({
  headersTimeout: 500, requestTimeout: 1000, keepAliveTimeout: 60000,
  connectionsCheckingInterval: 20,
}, (req, res) => {
  seen.push(`${req.method} ${req.url}`);
  // The body of a second request never ends: no answer until it does.
  req.resume();
  req.on('end', () => res.end('ok'));
});

const cases = [
  ['headers never finish', 'GET /2 HTTP/1.1\r\nHo'],
  ['body never finishes', 'POST /3 HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc'],
  ['garbage', 'NOT HTTP\r\n\r\n'],
];

function runCase(port, index) {
  if (index === cases.length) {
    console.log('requests seen by the handler:', seen.join(', '));
    server.close();
    return;
  }
  const [name, second] = cases[index];
  const c = net.connect(port, '127.0.0.1');
  c.setEncoding('latin1');
  let out = '';
  let first = true;
  c.write(`GET /1-${index} HTTP/1.1\r\nHost: x\r\n\r\n`);
  c.on('data', (d) => {
    out += d;
    if (first && out.endsWith('\r\n\r\nok')) {
      assert.match(out, /^HTTP\/1\.1 200 OK\r\n/);
      first = false;
      out = '';
      c.write(second);
    }
  });
  c.on('close', () => {
    assert.strictEqual(first, false);
    console.log(`${name}:`, JSON.stringify(out));
    runCase(port, index + 1);
  });
}

server.listen(0, '127.0.0.1', () => runCase(server.address().port, 0));
