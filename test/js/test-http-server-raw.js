'use strict';
// http server: the exact bytes node writes for common responses (Date masked), read by a raw
// TCP client — Content-Length vs chunked, header casing and order, HEAD/204/304 without body,
// trailers, writeHead with arrays, statusMessage, HTTP/1.0 and Connection: close.
const assert = require('assert');
const http = require('http');
const net = require('net');

const routes = {
  '/plain'(req, res) {
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('X-Custom-CASE', 'Yes');
    res.end('hello world');
  },
  '/chunked'(req, res) {
    res.write('abc');
    res.write(Buffer.from('defg'));
    res.end('h');
  },
  '/writehead'(req, res) {
    res.writeHead(201, 'Made It', ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'x-n', '3']);
    res.end();
  },
  '/headobj'(req, res) {
    res.setHeader('x-a', '1');
    res.writeHead(404, { 'x-b': ['2', '3'], 'Content-Length': 2 });
    res.end('no');
  },
  '/nocontent'(req, res) {
    res.statusCode = 204;
    res.end();
  },
  '/notmodified'(req, res) {
    res.writeHead(304, { ETag: 'x' });
    res.end();
  },
  '/head'(req, res) {
    res.end('body not sent for HEAD');
  },
  '/trailers'(req, res) {
    res.writeHead(200, { 'Trailer': 'X-Sum' });
    res.write('12');
    res.addTrailers({ 'X-Sum': '3' });
    res.end();
  },
  '/close'(req, res) {
    res.setHeader('Connection', 'close');
    res.end('bye');
  },
  '/nodate'(req, res) {
    res.sendDate = false;
    res.end();
  },
};

const server = http.createServer((req, res) => routes[req.url](req, res));

function exchange(port, request) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(request));
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { out += d; });
    c.on('close', () => resolve(out.replace(/Date: [^\r]*\r\n/g, 'Date: X\r\n')));
  });
}

// Recorded from node 20.
const expected = [
  ["GET /plain HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Custom-CASE: Yes\r\nDate: X\r\nConnection: close\r\nContent-Length: 11\r\n\r\nhello world"],
  ["GET /chunked HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n1\r\nh\r\n0\r\n\r\n"],
  ["GET /writehead HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 201 Made It\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nx-n: 3\r\nDate: X\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"],
  ["GET /headobj HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 404 Not Found\r\nx-a: 1\r\nx-b: 2\r\nx-b: 3\r\nContent-Length: 2\r\nDate: X\r\nConnection: close\r\n\r\nno"],
  ["GET /nocontent HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 204 No Content\r\nDate: X\r\nConnection: close\r\n\r\n"],
  ["GET /notmodified HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 304 Not Modified\r\nETag: x\r\nDate: X\r\nConnection: close\r\n\r\n"],
  ["HEAD /head HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\n\r\n"],
  ["GET /trailers HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 200 OK\r\nTrailer: X-Sum\r\nDate: X\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n12\r\n0\r\nX-Sum: 3\r\n\r\n"],
  ["GET /close HTTP/1.1\r\nHost: a\r\n\r\n",
   "HTTP/1.1 200 OK\r\nConnection: close\r\nDate: X\r\nContent-Length: 3\r\n\r\nbye"],
  ["GET /plain HTTP/1.0\r\n\r\n",
   "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Custom-CASE: Yes\r\nDate: X\r\nConnection: close\r\n\r\nhello world"],
  ["GET /nodate HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
   "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"],
];

let checked = 0;
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  for (const [request, response] of expected) {
    const got = await exchange(port, request);
    assert.strictEqual(got, response, `for ${JSON.stringify(request)}`);
    checked++;
  }
  server.close();
});

process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(checked, expected.length);
});
