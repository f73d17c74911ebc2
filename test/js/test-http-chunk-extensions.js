'use strict';
// http: a chunk's extensions (names and values together) may take 16 KiB; more fails the
// message with HPE_CHUNK_EXTENSIONS_OVERFLOW: 'clientError', or 413 without a listener. The
// limit is per chunk. A response with too long extensions fails the client request.
const http = require('http');
const net = require('net');

const head = 'POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n';
const cases = [
  ['16383 bytes', '2;' + 'a'.repeat(16383) + '\r\nAA\r\n0\r\n\r\n'],
  ['16384 bytes', '2;' + 'a'.repeat(16384) + '\r\nAA\r\n0\r\n\r\n'],
  ['16385 bytes', '2;' + 'a'.repeat(16385) + '\r\nAA\r\n0\r\n\r\n'],
  ['name and value, 16384', '2;' + 'n'.repeat(8000) + '=' + 'v'.repeat(8384) + '\r\nAA\r\n0\r\n\r\n'],
  ['name and value, 16385', '2;' + 'n'.repeat(8000) + '=' + 'v'.repeat(8385) + '\r\nAA\r\n0\r\n\r\n'],
  ['three chunks of 10000', ('2;' + 'a'.repeat(10000) + '=b\r\nAA\r\n').repeat(3) + '0\r\n\r\n'],
  ['several extensions', '2;' + ('x'.repeat(3000) + ';').repeat(6) + 'y\r\nAA\r\n0\r\n\r\n'],
];

function runCases(withListener, done) {
  let i = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => body += chunk);
    req.on('end', () => res.end('got ' + body));
  });
  if (withListener) {
    server.on('clientError', (err, socket) => {
      console.log('  clientError', err.code, err.message, typeof err.bytesParsed);
      socket.destroy();
    });
  }
  server.listen(0, '127.0.0.1', function next() {
    if (i === cases.length) {
      server.close(done);
      return;
    }
    const [name, body] = cases[i];
    console.log(name);
    const socket = net.connect(server.address().port, '127.0.0.1', () => socket.end(head + body));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => text += chunk);
    socket.on('error', () => {});
    socket.on('close', () => {
      const lines = text.split('\r\n');
      console.log('  ', JSON.stringify(lines[0]), JSON.stringify(lines[lines.length - 1]));
      i++;
      next();
    });
  });
}

function clientSide() {
  const server = net.createServer((socket) => {
    socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;' + 'e'.repeat(17000) +
               '\r\nok\r\n0\r\n\r\n');
  });
  server.listen(0, '127.0.0.1', () => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
      console.log('client got response', res.statusCode);
      res.on('data', () => {});
      res.on('error', (err) => console.log('client response error', err.code));
      res.on('close', () => server.close());
    });
    req.on('error', (err) => {
      console.log('client request error', err.code, err.message);
      server.close();
    });
  });
}

runCases(false, () => runCases(true, clientSide));
