'use strict';
// fetch() edge cases against a local server: util.inspect of a fetched Response, a connection
// dropped mid-body (TypeError: terminated), AbortSignal.timeout, bad input and URL-like input.

const http = require('http');
const util = require('util');

const server = http.createServer((req, res) => {
  if (req.url === '/reset') {
    res.writeHead(200, { 'content-length': 100 });
    res.write('partial', () => req.socket.destroy());
    return;
  }
  if (req.url === '/never') return;
  res.setHeader('X-Upper', 'A');
  res.end('hi');
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  let r = await fetch(`${base}/x`);
  console.log([...r.headers].filter(([k]) => k !== 'date'), r.headers.get('X-UPPER'));
  console.log(util.inspect(r).replace(/date: '[^']*'/, 'date: X').replace(/url: '[^']*'/, 'url: X'));
  await r.text();

  r = await fetch(`${base}/reset`);
  await r.text().catch((e) => console.log(e.name, e.message, e.cause?.name, e.cause?.message, e.cause?.code));
  await fetch(`${base}/never`, { signal: AbortSignal.timeout(100) })
    .catch((e) => console.log(e.name, e.message, e.code));
  await fetch(`${base}/x`, { headers: [['a b', 'c']] }).catch((e) => console.log(e.name, e.message));
  await fetch().catch((e) => console.log(e.name, e.message));
  console.log(await (await fetch({ toString() { return `${base}/x`; } })).text());
  console.log(await (await fetch(new URL(`${base}/x`))).text());
  server.close();
  server.closeAllConnections();
});
