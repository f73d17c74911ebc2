'use strict';
// setMaxSendFragment(): argument checks, the limits (512..16384), and the reader's 'data'
// chunks, one per TLS record as node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', name));
const payload = Buffer.alloc(5000, 'a');

const server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, (c) => {
  for (const arg of [undefined, null, '', {}, true, NaN, Infinity, 2 ** 31, 1.5]) {
    try { c.setMaxSendFragment(arg); } catch (e) { console.log('setMaxSendFragment', String(arg), e.code); }
  }
  console.log('limits', c.setMaxSendFragment(511), c.setMaxSendFragment(16385), c.setMaxSendFragment(512));
  c.end(payload);
}).listen(0, () => {
  const c = tls.connect({ port: server.address().port, rejectUnauthorized: false }, () => {
    const sizes = [];
    c.on('data', (d) => sizes.push(d.length));
    c.on('end', () => {
      console.log('chunks', sizes.length, Math.max(...sizes), sizes.reduce((a, b) => a + b, 0));
      server.close();
    });
  });
});
