'use strict';
// http.Agent keep-alive: a socket reused for request after request (from the pool, and handed
// straight to a queued request) carries one 'error' listener at a time, as node's — no
// MaxListenersExceededWarning after ten requests.
const assert = require('assert');
const http = require('http');

process.on('warning', (w) => assert.fail(`unexpected warning: ${w.name}`));
const server = http.createServer((req, res) => res.end('x'));

function sequential(port, done) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const counts = [];
  let i = 0;
  (function one() {
    http.get({ port, host: '127.0.0.1', agent }, (res) => {
      counts.push(res.socket.listenerCount('error'));
      res.resume();
      res.on('end', () => setImmediate(() => {
        if (++i < 12) return one();
        const name = Object.keys(agent.freeSockets)[0];
        console.log('sequential: in use', counts.join(' '), '| pooled',
                    agent.freeSockets[name][0].listenerCount('error'));
        agent.destroy();
        done();
      }));
    });
  })();
}

function queued(port, done) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const counts = [];
  let ended = 0;
  for (let i = 0; i < 12; i++) {
    http.get({ port, host: '127.0.0.1', agent }, (res) => {
      counts.push(res.socket.listenerCount('error'));
      res.resume();
      res.on('end', () => {
        if (++ended < 12) return;
        setImmediate(() => {
          const name = Object.keys(agent.freeSockets)[0];
          console.log('queued: in use', counts.join(' '), '| pooled',
                      agent.freeSockets[name][0].listenerCount('error'));
          agent.destroy();
          done();
        });
      });
    });
  }
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  sequential(port, () => queued(port, () => server.close()));
});
