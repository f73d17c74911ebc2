'use strict';
// http: a Content-Disposition value given as latin1 text (the bytes of a UTF-8 file name) goes
// out as those bytes once the body length is known (Content-Length before it, or end(data));
// otherwise it is written like any header. Prints the raw response bytes read as latin1.
const http = require('http');
const net = require('net');

const latin1 = Buffer.from('bår.txt').toString('latin1');
const cases = [
  ['writeHead array, length first', (res) => {
    res.writeHead(200, ['Content-Length', '5', 'Content-Disposition', latin1]);
    res.end('hello');
  }],
  ['writeHead array, no length', (res) => {
    res.writeHead(200, ['Content-Disposition', latin1]);
    res.end('hello');
  }],
  ['writeHead object, list value', (res) => {
    res.writeHead(200, { 'content-length': 5, 'content-disposition': [latin1, latin1] });
    res.end('hello');
  }],
  ['setHeader + end(string)', (res) => {
    res.setHeader('Content-Disposition', latin1);
    res.end('hello');
  }],
  ['setHeader + end()', (res) => {
    res.setHeader('Content-Disposition', latin1);
    res.end();
  }],
  ['length set after it', (res) => {
    res.setHeader('Content-Disposition', latin1);
    res.setHeader('Content-Length', 5);
    res.write('hello');
    res.end();
  }],
  ['setHeader + write (chunked)', (res) => {
    res.setHeader('Content-Disposition', latin1);
    res.write('hello');
    res.end();
  }],
  ['setHeader + end(buffer)', (res) => {
    res.setHeader('Content-Disposition', latin1);
    res.end(Buffer.from('hello'));
  }],
  ['already UTF-16 text', (res) => {
    try {
      res.writeHead(200, { 'content-length': 5, 'content-disposition': 'bår' });
    } catch (err) {
      console.log('  throws', err.name, err.code, err.message);
      res.writeHead(500, { 'content-length': 5 });
    }
    res.end('hello');
  }],
  ['not a string', (res) => {
    try {
      res.writeHead(200, { 'content-length': 5, 'content-disposition': 7 });
    } catch (err) {
      console.log('  throws', err.name, err.code);
      res.writeHead(500, { 'content-length': 5 });
    }
    res.end('hello');
  }],
];

let i = 0;
const server = http.createServer((req, res) => cases[i][1](res));
server.listen(0, '127.0.0.1', function next() {
  if (i === cases.length) {
    server.close();
    clientSide();
    return;
  }
  console.log(cases[i][0]);
  const socket = net.connect(server.address().port, '127.0.0.1', () => {
    socket.end('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  const chunks = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  socket.on('end', () => {
    const raw = Buffer.concat(chunks).toString('latin1').replace(/Date: .*\r\n/, '');
    console.log(' ', JSON.stringify(raw));
    i++;
    next();
  });
});

// The client side reads header values as latin1: the original text comes back.
function clientSide() {
  const echo = http.createServer((req, res) => {
    res.writeHead(200, ['Content-Length', '2', 'Content-Disposition', latin1]);
    res.end('ok');
  });
  echo.listen(0, '127.0.0.1', () => {
    http.get({ port: echo.address().port, host: '127.0.0.1', agent: false }, (res) => {
      console.log('client sees', JSON.stringify(res.headers['content-disposition']),
                  res.headers['content-disposition'] === latin1);
      res.resume();
      res.on('end', () => echo.close());
    });
  });
}
