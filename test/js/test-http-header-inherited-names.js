'use strict';
// Incoming header fields whose names exist on Object.prototype ('constructor', '__proto__'):
// headers joins repeats of 'constructor' from its own value only; headersDistinct and
// trailersDistinct have no prototype, so '__proto__' is an ordinary entry there.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  console.log('constructor', JSON.stringify(req.headers.constructor));
  console.log('x-foo', JSON.stringify(req.headers['x-foo']));
  console.log('host kept once', JSON.stringify(req.headers.host));
  console.log('cookie', JSON.stringify(req.headers.cookie));
  const distinct = req.headersDistinct;
  console.log('distinct prototype', Object.getPrototypeOf(distinct));
  console.log('distinct __proto__',
              JSON.stringify(Object.getOwnPropertyDescriptor(distinct, '__proto__').value));
  console.log('distinct constructor', JSON.stringify(distinct.constructor));
  req.resume();
  req.on('end', () => {
    console.log('trailers distinct prototype', Object.getPrototypeOf(req.trailersDistinct));
    console.log('trailer', JSON.stringify(req.trailersDistinct['__proto__']));
    res.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    client.write('POST / HTTP/1.1\r\n' +
                 'Host: a\r\nHost: b\r\n' +
                 'Constructor: foo\r\nconstructor: bar\r\n' +
                 'X-Foo: 1\r\nX-Foo: 2\r\n' +
                 'Cookie: a=1\r\nCookie: b=2\r\n' +
                 '__proto__: test\r\n' +
                 'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
                 '0\r\n__proto__: t\r\n\r\n');
  });
  client.resume();
  client.on('end', () => server.close());
});
