'use strict';
// Large fetch() uploads under backpressure: a Buffer (content-length), a ReadableStream
// (chunked) and a FormData with a big file all arrive whole, without listener-leak warnings.

const http = require('http');

process.on('warning', (warning) => console.log('warning', warning.name, warning.message));

const server = http.createServer((req, res) => {
  let received = 0;
  req.on('data', (chunk) => { received += chunk.length; });
  req.on('end', () => {
    res.end(`${received} ${req.headers['transfer-encoding'] ?? req.headers['content-length']}`);
  });
});

server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  console.log(await (await fetch(url, { method: 'POST', body: Buffer.alloc(8e6, 1) })).text());
  let chunks = 0;
  const stream = new ReadableStream({
    pull(controller) {
      if (chunks++ < 150) controller.enqueue(new Uint8Array(65536));
      else controller.close();
    },
  });
  console.log(await (await fetch(url, { method: 'PUT', body: stream, duplex: 'half' })).text());
  const form = new FormData();
  form.append('file', new Blob([Buffer.alloc(3e6)]), 'big.bin');
  console.log(await (await fetch(url, { method: 'POST', body: form })).text());
  server.close();
  server.closeAllConnections();
});
