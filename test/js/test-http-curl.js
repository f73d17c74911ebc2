'use strict';
// http server with curl as the outside client: a GET, a chunked upload, keep-alive across two
// URLs on one curl connection, and a HEAD. Skipped when curl is not installed.
const assert = require('assert');
const http = require('http');
const { execFile } = require('child_process');
const fs = require('fs');

const curl = ['/usr/bin/curl', '/bin/curl', '/usr/local/bin/curl'].find((p) => fs.existsSync(p));
if (!curl) {
  console.log('skipped: no curl');
  process.exit(0);
}

let connections = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`${req.method} ${req.url} ${req.headers['transfer-encoding'] || '-'} ${body}`);
  });
});
server.on('connection', () => connections++);

function run(args) {
  return new Promise((resolve, reject) => {
    execFile(curl, ['-s', '--http1.1', ...args], (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
  });
}

let done = false;
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  assert.strictEqual(await run([`${base}/get?x=1`]), 'GET /get?x=1 - ');

  const upload = await run(['-H', 'Transfer-Encoding: chunked', '--data-binary', 'payload',
                            `${base}/up`]);
  assert.strictEqual(upload, 'POST /up chunked payload');

  const before = connections;
  const two = await run([`${base}/a`, `${base}/b`]);
  assert.strictEqual(two, 'GET /a - GET /b - ');
  assert.strictEqual(connections - before, 1, 'curl reused the keep-alive connection');

  const head = await run(['-I', `${base}/h`]);
  assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
  // As node: a HEAD answered with end(body) sends neither length nor chunking.
  assert.doesNotMatch(head, /Content-Length|Transfer-Encoding/);
  assert.match(head, /\r\nConnection: keep-alive\r\n/);
  done = true;
  server.close();
});

process.on('exit', (code) => {
  if (code === 0) assert.ok(done);
});
