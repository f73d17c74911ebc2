'use strict';
// http: bytes of a request body count as socket activity for the server's timeouts (the
// parser reads them straight from the socket): an upload that keeps sending never times out;
// one that stops sending does.
const http = require('http');
const net = require('net');

const TIMEOUT = 1000;
const GAP = 100;  // well under TIMEOUT even when the machine stalls

const server = http.createServer((req, res) => {
  req.setTimeout(TIMEOUT, () => {
    console.log('timeout:', req.url, 'complete', req.complete);
    res.writeHead(408);
    res.end();
  });
  let bytes = 0;
  req.on('data', (chunk) => bytes += chunk.length);
  req.on('end', () => {
    res.end(`got ${bytes} bytes`);
  });
});

function upload(path, pieces, stall, done) {
  const socket = net.connect(server.address().port, '127.0.0.1');
  socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${pieces + 1}\r\n` +
               'Connection: close\r\n\r\n');
  let sent = 0;
  const timer = setInterval(() => {
    socket.write('a');
    if (++sent === pieces - stall) clearInterval(timer);
  }, GAP);
  let text = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk) => text += chunk);
  let finish = null;
  socket.on('close', () => {
    clearInterval(timer);
    clearInterval(finish);
    const lines = text.split('\r\n');
    console.log(path, '->', lines[0], lines[lines.length - 1]);
    done();
  });
  if (stall === 0) {
    timer.unref();
    // Wait for the last piece, then finish the body.
    finish = setInterval(() => {
      if (sent === pieces) {
        clearInterval(finish);
        socket.write('z');
      }
    }, GAP);
  }
}

server.listen(0, '127.0.0.1', () => {
  // 20 pieces 100 ms apart: twice the timeout in all.
  upload('/steady', 20, 0, () => {
    // Stops after 3 pieces and never finishes: the timeout answers 408.
    upload('/stalled', 20, 17, () => server.close());
  });
});
