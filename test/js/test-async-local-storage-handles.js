'use strict';
// AsyncLocalStorage stores reach callbacks of native handles and requests: a resource runs its
// callbacks in the context current when it was created (a server's connections in the server's,
// a client socket in the connect call's), as in node. Lines are sorted: completion order is not
// what this test is about.
const { AsyncLocalStorage } = require('async_hooks');
const net = require('net');
const http = require('http');
const dns = require('dns');
const zlib = require('zlib');
const crypto = require('crypto');
const { spawn } = require('child_process');

const als = new AsyncLocalStorage();
const lines = [];
const log = (...args) => lines.push(args.join(' '));
process.on('exit', () => console.log(lines.sort().join('\n')));

// net: server 'connection' and the accepted socket's events run in the server's context, the
// client socket's in the connect call's.
als.run('net-server', () => {
  const server = net.createServer((socket) => {
    log('net connection', als.getStore());
    socket.on('data', (d) => {
      log('net server data', als.getStore(), d);
      socket.end('pong');
    });
    socket.on('end', () => log('net server end', als.getStore()));
    socket.on('close', () => {
      log('net server close', als.getStore());
      server.close(() => log('net server closed', als.getStore()));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    log('net listening', als.getStore());
    als.run('net-client', () => {
      const socket = net.connect(server.address().port, '127.0.0.1', () => {
        log('net connect', als.getStore());
        socket.write('ping', () => log('net write cb', als.getStore()));
      });
      socket.on('data', (d) => log('net client data', als.getStore(), d));
      socket.on('end', () => log('net client end', als.getStore()));
      socket.on('close', () => log('net client close', als.getStore()));
    });
  });
});

// http: the request handler runs in the server's creation context, the client's response in
// the request call's; two concurrent requests keep their own stores.
als.run('http-server', () => {
  const server = http.createServer((req, res) => {
    log('http request', als.getStore(), req.url);
    req.resume();
    req.on('end', () => res.end(req.url.slice(1)));
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    let pending = 2;
    for (const name of ['one', 'two']) {
      als.run(`http-client-${name}`, () => {
        http.get({ port, host: '127.0.0.1', path: `/${name}`, agent: false }, (res) => {
          log('http response', name, als.getStore());
          res.setEncoding('utf8');
          res.on('data', (d) => log('http data', name, als.getStore(), d));
          res.on('end', () => {
            log('http end', name, als.getStore());
            if (--pending === 0) server.close();
          });
        });
      });
    }
  });
});

als.run('child', () => {
  const child = spawn(process.execPath, ['-e', '0']);
  child.on('exit', (code) => log('child exit', als.getStore(), code));
});

als.run('dns', () => {
  dns.lookup('127.0.0.1', (err, address) => log('dns.lookup', als.getStore(), err, address));
});

als.run('zlib', () => {
  zlib.gzip('hello', (err, buf) => {
    log('zlib.gzip', als.getStore(), err);
    zlib.gunzip(buf, (err2, out) => log('zlib.gunzip', als.getStore(), err2, out.toString()));
  });
});

als.run('crypto', () => {
  crypto.pbkdf2('pw', 'salt', 1, 8, 'sha256', (err) => log('crypto.pbkdf2', als.getStore(), err));
  crypto.randomBytes(4, (err) => log('crypto.randomBytes', als.getStore(), err));
});

// Outside any run() the callbacks see no store.
zlib.gzip('x', () => log('zlib.gzip outside', als.getStore()));
