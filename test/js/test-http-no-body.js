'use strict';
// http client: responses without a body (HEAD with Content-Length, 204, 304) end at once and
// keep the connection usable — five requests in a row share one keep-alive socket.
const assert = require('assert');
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/304') {
    res.writeHead(304);
    res.end();
    return;
  }
  if (req.url === '/204') {
    res.writeHead(204);
    res.end();
    return;
  }
  res.setHeader('Content-Length', 5);
  res.end(req.method === 'HEAD' ? undefined : 'hello');
});

const lines = [];
server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const [method, path] of [['HEAD', '/'], ['GET', '/304'], ['GET', '/204'], ['GET', '/'],
                                ['HEAD', '/']]) {
    await new Promise((resolve) => {
      http.request({ port: server.address().port, host: '127.0.0.1', method, path, agent },
                   (res) => {
                     let body = '';
                     res.on('data', (d) => { body += d; });
                     res.on('end', () => {
                       lines.push([method, path, res.statusCode, res.headers['content-length'],
                                   body, res.req.reusedSocket].join(' '));
                       resolve();
                     });
                   }).end();
    });
  }
  agent.destroy();
  server.close();
});

process.on('exit', (code) => {
  if (code !== 0) return;
  assert.deepStrictEqual(lines, [
    'HEAD / 200 5  false',
    'GET /304 304   true',
    'GET /204 204   true',
    'GET / 200 5 hello true',
    'HEAD / 200 5  true',
  ]);
});
