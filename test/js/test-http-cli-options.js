'use strict';
// http: --max-http-header-size and --insecure-http-parser (command line and NODE_OPTIONS),
// http.setMaxIdleHTTPParsers, and the server socket's setEncoding refusal.
const assert = require('assert');
const http = require('http');
const net = require('net');
const { spawnSync } = require('child_process');

// Child: a server reached with a raw request; prints the status line it answers with.
const child = `
  const http = require('http');
  const net = require('net');
  const server = http.createServer((req, res) => res.end(req.headers['x-h'] === undefined ? 'none' : 'seen'));
  server.listen(0, '127.0.0.1', () => {
    const socket = net.connect(server.address().port, '127.0.0.1');
    socket.end('GET / HTTP/1.1\\r\\nHost: x\\r\\nX-H: ' + process.argv[1] + '\\r\\nConnection: close\\r\\n\\r\\n');
    let text = '';
    socket.on('data', (chunk) => text += chunk);
    socket.on('end', () => {
      console.log(http.maxHeaderSize, JSON.stringify(text.split('\\r\\n')[0]), text.endsWith('seen'));
      server.close();
    });
  });`;

function run(label, options, header, env) {
  const result = spawnSync(process.execPath, [...options, '-e', child, header],
                           { encoding: 'utf8', env: { ...process.env, ...env } });
  console.log(label, result.status, result.stdout.trim(), 
              result.stderr.split('\n')[0].replace(/^\(\w+:\d+\)/, '(PID)'));
}

run('default, long header', [], 'x'.repeat(200));
run('max 100, long header', ['--max-http-header-size=100'], 'x'.repeat(200));
run('max 100 (separate value)', ['--max-http-header-size', '100'], 'x'.repeat(200));
run('max 100 via NODE_OPTIONS', [], 'x'.repeat(200), { NODE_OPTIONS: '--max-http-header-size=100' });
run('max 12abc', ['--max-http-header-size=12abc'], 'x');
run('bad header char', [], 'a\x01b');
run('bad header char, insecure', ['--insecure-http-parser'], 'a\x01b');
run('insecure then no-insecure', ['--insecure-http-parser', '--no-insecure-http-parser'], 'a\x01b');

for (const value of [Symbol(), {}, '1', null, undefined, 1n]) {
  assert.throws(() => http.setMaxIdleHTTPParsers(value), { code: 'ERR_INVALID_ARG_TYPE' });
}
for (const value of [-1, 0, 1.5, NaN, Infinity]) {
  assert.throws(() => http.setMaxIdleHTTPParsers(value), { code: 'ERR_OUT_OF_RANGE' });
}
const { parsers } = require('_http_common');
console.log('parsers', Object.keys(parsers), parsers.max, typeof parsers.alloc);
http.setMaxIdleHTTPParsers(3);
console.log('parsers.max', parsers.max);

const server = http.createServer((req, res) => {
  try {
    req.socket.setEncoding('utf8');
  } catch (err) {
    console.log('server setEncoding:', err.name, err.code, err.message);
  }
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
    let body = '';
    res.on('data', (chunk) => body += chunk);
    res.on('end', () => {
      console.log('body', body);
      server.close();
    });
  });
});
