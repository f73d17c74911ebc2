'use strict';
// A write made before the handshake, on a connection the peer drops: the socket's error
// comes first, then the write's callback (ECANCELED when the socket was revived with
// _undestroy() in the error handler, as node's test-tls-writewrap-leak does).
const net = require('net');
const tls = require('tls');

function run(undestroy, next) {
  const server = net.createServer((c) => c.destroy()).listen(0, () => {
    const c = tls.connect({ port: server.address().port });
    c.on('error', (err) => {
      console.log(undestroy ? 'revived:' : 'plain:', 'error', err.code);
      if (undestroy) c._undestroy();
    });
    c.write('hello', (err) => {
      console.log(undestroy ? 'revived:' : 'plain:', 'write callback', err && err.code);
      server.close(next);
    });
  });
}

run(true, () => run(false, () => console.log('done')));
