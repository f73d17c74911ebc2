'use strict';
// fetch() edge cases against a local server: util.inspect of a fetched Response, a connection
// dropped mid-body (TypeError: terminated), AbortSignal.timeout, bad input and URL-like input,
// stale kept-alive connections, a non-HTTP server, a cross-origin redirect, blob:/about:/data:.

const http = require('http');
const net = require('net');
const util = require('util');

const server = http.createServer((req, res) => {
  if (req.url === '/reset') {
    res.writeHead(200, { 'content-length': 100 });
    res.write('partial', () => req.socket.destroy());
    return;
  }
  if (req.url === '/never') return;
  if (req.url === '/headers') {
    res.end(JSON.stringify(req.rawHeaders.map((value) => (/^127\./.test(value) ? 'IP' : value))));
    return;
  }
  if (req.url.startsWith('/to-other')) {
    const port = new URL(req.url, 'http://x').searchParams.get('port');
    res.writeHead(302, { location: `http://127.0.0.1:${port}/` });
    res.end();
    return;
  }
  if (req.url === '/once-per-connection') {
    // A second request on a kept-alive connection finds it closed.
    if (req.socket.servedOnce) {
      req.socket.destroy();
      return;
    }
    req.socket.servedOnce = true;
    res.end(`ok ${req.method}`);
    return;
  }
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

  // GET goes again on a fresh connection; POST fails as undici reports a closed connection.
  const once = `${base}/once-per-connection`;
  console.log(await (await fetch(once)).text(), await (await fetch(once)).text());
  await fetch(once, { method: 'POST', body: 'x' })
    .catch((e) => console.log(e.message, util.inspect(e.cause).split('\n')[0], e.cause.code));

  // Not HTTP at all.
  const garbage = net.createServer((socket) => socket.on('data', () => socket.end('garbage\r\n\r\n')));
  await new Promise((resolve) => garbage.listen(0, '127.0.0.1', resolve));
  await fetch(`http://127.0.0.1:${garbage.address().port}/`)
    .catch((e) => console.log(e.message, e.cause.name, e.cause.code, e.cause.message));
  garbage.close();

  // A redirect to another origin (another port) drops credentials, keeps the rest.
  const other = http.createServer((req, res) => res.end(JSON.stringify(Object.keys(req.headers))));
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  r = await fetch(`${base}/to-other?port=${other.address().port}`, {
    headers: { 'authorization': 'x', 'cookie': 'c', 'x-keep': 'y', 'proxy-authorization': 'p' },
  });
  console.log(await r.text(), r.redirected);
  other.close();
  other.closeAllConnections();

  // Headers fetch sets itself (host, content-length), limits (connection) or refuses.
  for (const headers of [{ host: 'example.com' }, { connection: 'close' }, { connection: 'up' },
                         { 'keep-alive': '1' }, { 'transfer-encoding': 'x' }, { 'content-length': '0' },
                         { upgrade: 'x' }, { expect: '100-continue' }]) {
    await fetch(`${base}/headers`, { headers }).then((response) => response.text())
      .then(console.log, (e) => console.log(e.message, e.cause.name, e.cause.code, e.cause.message));
  }

  const blobURL = URL.createObjectURL(new Blob(['blobby'], { type: 'text/x' }));
  r = await fetch(blobURL);
  console.log(r.status, r.statusText, [...r.headers], r.url === blobURL, await r.text());
  r = await fetch(URL.createObjectURL(new Blob(['untyped'])));
  console.log([...r.headers]);
  await fetch('blob:nodedata:unknown').catch((e) => console.log(e.message, e.cause.message));
  await fetch(blobURL, { method: 'POST', body: 'x' }).catch((e) => console.log(e.message, e.cause.message));
  await fetch('about:blank').catch((e) => console.log(e.message, e.cause.message));
  r = await fetch('data:text/html,<b>x</b>', { method: 'POST', body: 'y' });
  console.log(r.status, await r.text());
  server.close();
  server.closeAllConnections();
});
