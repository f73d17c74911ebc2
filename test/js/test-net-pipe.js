'use strict';
// net: Unix domain sockets — listen on a path, connect by path, echo, address(), EADDRINUSE
// for a path in use, ENOENT for a path nobody listens on.
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-net-pipe-'));
const sock = path.join(dir, 'echo.sock');
const results = [];

process.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (code === 0) assert.deepStrictEqual(results.sort(), ['ENOENT', 'echo', 'in use']);
});

const server = net.createServer((s) => s.pipe(s));
server.listen(sock, () => {
  assert.strictEqual(server.address(), sock);
  const client = net.connect(sock);
  let got = '';
  client.setEncoding('utf8');
  client.on('connect', () => client.end('over a unix socket'));
  client.on('data', (d) => { got += d; });
  client.on('end', () => {
    assert.strictEqual(got, 'over a unix socket');
    results.push('echo');
    const second = net.createServer();
    second.on('error', (err) => {
      assert.strictEqual(err.code, 'EADDRINUSE');
      assert.strictEqual(err.syscall, 'listen');
      results.push('in use');
      server.close();
    });
    second.listen(sock);
  });
});

const missing = net.connect(path.join(dir, 'nobody.sock'));
missing.on('error', (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'connect');
  results.push('ENOENT');
});
