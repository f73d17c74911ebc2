'use strict';
// net: half-close. With allowHalfOpen the server still writes after the client's FIN and the
// client reads it after its own end(); without it the server side ends by itself.
const assert = require('assert');
const net = require('net');

const steps = [];
process.on('exit', (code) => {
  if (code === 0) {
    // Each side's own order; the two sides' closes race each other.
    const half = steps.slice(0, 4);
    assert.deepStrictEqual(half.slice(0, 2), ['half: server end', 'half: client got reply']);
    assert.deepStrictEqual(half.slice(2).sort(), ['half: client close', 'half: server close']);
    assert.deepStrictEqual(steps.slice(4), [
      'auto: server end', 'auto: server finish', 'auto: client end', 'auto: client close',
    ]);
  }
});

function halfOpen(next) {
  let closes = 0;
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { got += d; });
    socket.on('end', () => {
      steps.push('half: server end');
      assert.strictEqual(got, 'question');
      assert.strictEqual(socket.writable, true);
      assert.strictEqual(socket.readyState, 'writeOnly');
      // Still writable after the peer's FIN.
      socket.write('ans');
      setImmediate(() => socket.end('wer'));
    });
    socket.on('close', () => {
      steps.push('half: server close');
      server.close(() => { if (++closes === 2) next(); });
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect({ port: server.address().port, host: '127.0.0.1',
                                 allowHalfOpen: true });
    let reply = '';
    client.setEncoding('utf8');
    client.on('connect', () => client.end('question'));
    client.on('finish', () => assert.strictEqual(client.readyState, 'readOnly'));
    client.on('data', (d) => { reply += d; });
    client.on('end', () => {
      assert.strictEqual(reply, 'answer');
      steps.push('half: client got reply');
    });
    client.on('close', () => {
      steps.push('half: client close');
      if (++closes === 2) next();
    });
  });
}

function autoEnd() {
  const server = net.createServer((socket) => {
    socket.resume();
    socket.on('end', () => steps.push('auto: server end'));
    socket.on('finish', () => steps.push('auto: server finish'));
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1');
    client.resume();
    client.on('connect', () => {
      // allowHalfOpen defaults to false: the client ends once it sees the server's FIN,
      // and writes after that are refused.
      client.write('x', () => client.end());
    });
    client.on('end', () => steps.push('auto: client end'));
    client.on('close', () => {
      steps.push('auto: client close');
      server.close();
    });
  });
}

halfOpen(autoEnd);
