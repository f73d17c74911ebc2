'use strict';
// Large fetch() uploads under backpressure: a Buffer (content-length), a ReadableStream
// (chunked), a FormData with a big file and async iterables (a generator, a node Readable)
// all arrive whole, without listener-leak warnings.

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
  async function* generate() {
    yield 'abc';
    yield Buffer.from('def');
    yield new Uint8Array([103]);
  }
  console.log(await (await fetch(url, { method: 'POST', body: generate(), duplex: 'half' })).text());
  const file = require('fs').createReadStream(__filename);
  console.log(await (await fetch(url, { method: 'POST', body: file, duplex: 'half' })).text());
  try {
    new Request(url, { method: 'POST', body: generate() });
  } catch (e) {
    console.log(e.message);
  }
  console.log([...new Response(generate()).headers], await new Response(generate()).text());
  server.close();
  server.closeAllConnections();
});
