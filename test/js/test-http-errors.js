'use strict';
// http server: malformed requests get a 400 and 'clientError' (with node's HPE_* codes),
// oversized headers a 431, HTTP/1.1 without Host a 400; 'upgrade' and 'connect' hand over the
// socket with the bytes after the head; Expect: 100-continue and 'checkContinue'.
const assert = require('assert');
const http = require('http');
const net = require('net');

function raw(port, data, cb) {
  const c = net.connect(port, '127.0.0.1', () => c.write(data));
  let out = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { out += d; });
  c.on('error', () => {});
  c.on('close', () => cb(out));
  return c;
}

const results = [];
process.on('exit', (code) => {
  if (code === 0) {
    assert.deepStrictEqual(results.sort(), [
      '100-continue', '400 default', '400 no host', '431', 'clientError', 'connect', 'upgrade',
    ]);
  }
});

// Default handling: 400 / 431 written by the server itself.
const plain = http.createServer({ maxHeaderSize: 1024 }, (req, res) => res.end('ok'));
plain.listen(0, '127.0.0.1', () => {
  const { port } = plain.address();
  let pending = 3;
  const done = () => { if (--pending === 0) plain.close(); };
  raw(port, 'GARBAGE / HTTP/1.1\r\nHost: x\r\n\r\n', (out) => {
    assert.strictEqual(out, 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    results.push('400 default');
    done();
  });
  raw(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(2000)}\r\n\r\n`, (out) => {
    assert.strictEqual(out,
                       'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
    results.push('431');
    done();
  });
  raw(port, 'GET / HTTP/1.1\r\n\r\n', (out) => {
    assert.match(out, /^HTTP\/1\.1 400 Bad Request\r\nConnection: close\r\n/);
    results.push('400 no host');
    done();
  });
});

// 'clientError' replaces the default answer.
const custom = http.createServer((req, res) => assert.fail('request'));
custom.on('clientError', (err, socket) => {
  assert.strictEqual(err.code, 'HPE_INVALID_METHOD');
  assert.strictEqual(err.message, 'Parse Error: Invalid method encountered');
  assert.strictEqual(err.bytesParsed, 0);
  assert.ok(Buffer.isBuffer(err.rawPacket));
  socket.end('HTTP/1.1 418 Nope\r\n\r\n');
});
custom.listen(0, '127.0.0.1', () => {
  raw(custom.address().port, 'X / HTTP/1.1\r\n\r\n', (out) => {
    assert.strictEqual(out, 'HTTP/1.1 418 Nope\r\n\r\n');
    results.push('clientError');
    custom.close();
  });
});

// upgrade / connect / 100-continue.
const special = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end(`got ${body}`));
});
special.on('upgrade', (req, socket, head) => {
  assert.strictEqual(req.headers.upgrade, 'echo');
  assert.strictEqual(head.toString(), 'early');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', (d) => socket.end(d));
});
special.on('connect', (req, socket, head) => {
  assert.strictEqual(req.method, 'CONNECT');
  assert.strictEqual(req.url, 'example.com:443');
  assert.strictEqual(head.length, 0);
  socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
});
special.on('checkContinue', (req, res) => {
  res.writeContinue();
  special.emit('request', req, res);
});
special.listen(0, '127.0.0.1', () => {
  const { port } = special.address();
  let pending = 3;
  const done = () => { if (--pending === 0) special.close(); };
  const up = raw(port, 'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nearly',
                 (out) => {
                   assert.strictEqual(out, 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\n' +
                                           'Connection: Upgrade\r\n\r\nafter');
                   results.push('upgrade');
                   done();
                 });
  up.once('data', () => up.write('after'));
  raw(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', (out) => {
    assert.strictEqual(out, 'HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
    results.push('connect');
    done();
  });
  const cont = raw(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n' +
                         'Expect: 100-continue\r\nConnection: close\r\n\r\n', (out) => {
    assert.match(out, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    assert.match(out, /\r\n\r\ngot body$/);
    results.push('100-continue');
    done();
  });
  cont.once('data', (d) => {
    assert.strictEqual(d, 'HTTP/1.1 100 Continue\r\n\r\n');
    cont.write('body');
  });
});
