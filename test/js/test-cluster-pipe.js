'use strict';
// A cluster HTTP server on a Unix socket given as a relative path: the primary listens on it
// (round robin), a request is answered with no socket addresses (as node's pipes), and the
// socket file is gone once the workers are disconnected.
const cluster = require('cluster');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

if (cluster.isPrimary) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-cluster-pipe-'));
  process.chdir(dir);
  cluster.fork().on('listening', (address) => {
    console.log('listening', address.addressType, path.basename(address.address));
    http.get({ socketPath: path.join(dir, 'srv.sock'), path: '/' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log('answer', body);
        cluster.disconnect(() => {
          console.log('socket file left', fs.existsSync(path.join(dir, 'srv.sock')));
          fs.rmSync(dir, { recursive: true });
        });
      });
    });
  });
} else {
  http.createServer((req, res) => {
    res.end(`${req.socket.remoteAddress} ${req.socket.localAddress}`);
  }).listen('srv.sock');
}
