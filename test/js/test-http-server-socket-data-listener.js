'use strict';
// http: a 'data' listener added to a server connection's socket (on, addListener or
// prependListener) sees the bytes that arrive from then on, while the request body still
// reaches the request.
const http = require('http');

const methods = ['on', 'addListener', 'prependListener'];
let i = 0;
const server = http.createServer((req, res) => {
  const method = methods[i];
  let seen = '';
  req.socket[method]('data', (chunk) => seen += chunk.toString('latin1'));
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (chunk) => body += chunk);
  req.on('end', () => {
    console.log(method, 'socket saw', JSON.stringify(seen), 'body', JSON.stringify(body));
    res.end('done');
  });
  res.flushHeaders();
});

server.listen(0, '127.0.0.1', function next() {
  if (i === methods.length) {
    server.close();
    return;
  }
  const req = http.request({
    port: server.address().port, host: '127.0.0.1', method: 'POST', agent: false,
    headers: { 'Content-Length': 10 },
  });
  req.flushHeaders();
  req.on('response', (res) => {
    // The server's listener is in place: the body goes out now.
    req.end('0123456789');
    res.resume();
    res.on('end', () => {
      i++;
      next();
    });
  });
});
