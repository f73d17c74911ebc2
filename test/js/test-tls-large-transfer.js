'use strict';
// 10 MiB through a TLS echo server (socket.pipe(socket)) with the writer honouring
// backpressure; then a half-closed connection: the client ends its side and still reads the
// server's reply. Under both loop backends the bytes must come back intact.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const TOTAL = 10 * 1024 * 1024;
const CHUNK = 64 * 1024;

function pattern(offset) {
  const buf = Buffer.alloc(CHUNK);
  for (let i = 0; i < CHUNK; i += 4) buf.writeUInt32LE((offset + i) >>> 0, i);
  return buf;
}

function echo(next) {
  const server = tls.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem') },
                                  (socket) => socket.pipe(socket));
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1',
                                 ca: read('ca-cert.pem'), servername: 'localhost' });
    const sent = crypto.createHash('sha256');
    const received = crypto.createHash('sha256');
    let receivedBytes = 0;
    let blocked = 0;
    let offset = 0;
    function writeMore() {
      while (offset < TOTAL) {
        const chunk = pattern(offset);
        offset += CHUNK;
        sent.update(chunk);
        if (!client.write(chunk)) {
          blocked++;
          client.once('drain', writeMore);
          return;
        }
      }
      client.end();
    }
    client.on('secureConnect', writeMore);
    client.on('data', (data) => {
      receivedBytes += data.length;
      received.update(data);
    });
    client.on('end', () => {
      console.log('echo: received', receivedBytes, 'bytes, intact:',
                  sent.digest('hex') === received.digest('hex'),
                  'writer waited for drain:', blocked > 0);
      server.close(next);
    });
  });
}

function halfClose(next) {
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), allowHalfOpen: true,
  }, (socket) => {
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { got += d; });
    socket.on('end', () => {
      console.log('half-close: server got', JSON.stringify(got), 'and ended reading');
      // The write side is still open: answer after the client's end.
      socket.end('reply after your end');
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1',
                                 ca: read('ca-cert.pem'), servername: 'localhost',
                                 allowHalfOpen: true }, () => {
      client.end('request');
    });
    let reply = '';
    client.setEncoding('utf8');
    client.on('data', (d) => { reply += d; });
    client.on('end', () => {
      console.log('half-close: client got', JSON.stringify(reply));
      server.close(next);
    });
  });
}

echo(() => halfClose(() => console.log('done')));
