'use strict';
// events.captureRejections on http and tls servers: a rejected async 'request' listener answers
// 500 without the headers it set (or destroys a started response); a rejected
// 'secureConnection' listener destroys that socket; other events' rejections are 'error'.
const events = require('events');
const fs = require('fs');
const http = require('http');
const path = require('path');
const tls = require('tls');

events.captureRejections = true;

function get(port) {
  return new Promise((resolve) => {
    http.get({ port, host: '127.0.0.1' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, hasType: 'content-type' in res.headers, body }));
      res.on('error', (err) => resolve({ status: res.statusCode, error: err.code || err.message, body }));
    }).on('error', (err) => resolve({ error: err.code || err.message }));
  });
}

async function httpCases() {
  for (const started of [false, true]) {
    const server = http.createServer(async (req, res) => {
      res.setHeader('content-type', 'application/json');
      if (started) res.write('{');
      await null;
      throw new Error('kaboom');
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    console.log(started ? 'started response' : 'fresh response', await get(server.address().port));
    server.close();
  }
  const server = http.createServer();
  server.on('listening', async () => { await null; throw new Error('listening kaboom'); });
  const err = await new Promise((resolve) => {
    server.on('error', resolve);
    server.listen(0, '127.0.0.1');
  });
  console.log('other event:', err.message);
  server.close();
}

async function tlsCase() {
  const dir = path.join(__dirname, 'fixtures', 'tls');
  const server = tls.createServer({
    key: fs.readFileSync(path.join(dir, 'self-key.pem')),
    cert: fs.readFileSync(path.join(dir, 'self-cert.pem')),
  });
  const socketError = new Promise((resolve) => {
    server.on('secureConnection', async (socket) => {
      socket.on('error', (err) => resolve(err.message));
      await null;
      throw new Error('tls kaboom');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const client = tls.connect({ port: server.address().port, rejectUnauthorized: false });
  client.on('error', () => {});
  const closed = new Promise((r) => client.on('close', r));
  console.log('secureConnection socket error:', await socketError);
  await closed;
  console.log('client closed');
  server.close();
}

(async () => {
  await httpCases();
  await tlsCase();
})();
