'use strict';
// fetch() over https against a local node:https server: an untrusted certificate fails with
// the TLS error as cause; with verification off the exchange (and gzip decoding) works.

const https = require('https');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const fixtures = path.join(__dirname, 'fixtures', 'tls');
const server = https.createServer({
  key: fs.readFileSync(path.join(fixtures, 'self-key.pem')),
  cert: fs.readFileSync(path.join(fixtures, 'self-cert.pem')),
}, (req, res) => {
  if (req.url === '/gzip') {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(`secure ${req.method}`));
    return;
  }
  req.resume();
  req.on('end', () => res.end(`secure ${req.method} ${req.headers['content-length']}`));
});

server.listen(0, '127.0.0.1', async () => {
  const base = `https://127.0.0.1:${server.address().port}`;
  await fetch(`${base}/`).catch((e) => console.log(e.message, e.cause?.code));
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  let r = await fetch(`${base}/`, { method: 'POST', body: 'abc' });
  console.log(r.status, r.url === `${base}/`, await r.text());
  r = await fetch(`${base}/gzip`);
  console.log(await r.text());
  server.close();
  server.closeAllConnections();
});
