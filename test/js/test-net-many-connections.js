'use strict';
// net: many concurrent connections to one server. Every client sends its id and gets it back
// doubled; all are open at the same time before any answer is sent.
const assert = require('assert');
const net = require('net');

// Clients and server in one process here; test-net-10k-connections runs 10,000.
const N = 200;
const sockets = [];
let answered = 0;

const server = net.createServer((socket) => {
  sockets.push(socket);
  socket.setEncoding('utf8');
  let buf = '';
  socket.on('data', (d) => {
    buf += d;
    const nl = buf.indexOf('\n');
    if (nl !== -1) {
      socket.id = buf.slice(0, nl);
      socket.ready = true;
      maybeAnswerAll();
    }
  });
  socket.on('error', (err) => assert.ifError(err));
});

let readyCount = 0;
function maybeAnswerAll() {
  if (++readyCount !== N) return;
  server.getConnections((err, n) => {
    assert.ifError(err);
    assert.strictEqual(n, N);
    for (const s of sockets) s.end(`${s.id}${s.id}\n`);
  });
}

server.listen(0, '127.0.0.1', 1024, () => {
  const { port } = server.address();
  for (let i = 0; i < N; i++) {
    const c = net.connect(port, '127.0.0.1');
    let reply = '';
    c.setEncoding('utf8');
    c.on('connect', () => c.write(`${i}\n`));
    c.on('data', (d) => { reply += d; });
    c.on('error', (err) => assert.ifError(err));
    c.on('end', () => {
      assert.strictEqual(reply, `${i}${i}\n`);
      c.end();
      if (++answered === N) server.close();
    });
  }
});

process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(answered, N);
});
