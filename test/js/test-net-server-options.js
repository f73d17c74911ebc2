'use strict';
// net: listen() forms (no host = '::' dual stack, { port, host }, listen() with no args),
// maxConnections and 'drop', socket.setTimeout → 'timeout', pauseOnConnect, server/socket
// unref letting the process exit, setNoDelay/setKeepAlive chaining, address() of a closed
// server.
const assert = require('assert');
const net = require('net');

const steps = [];
process.on('exit', (code) => {
  if (code === 0) {
    assert.deepStrictEqual(steps.sort(), ['drop', 'dual stack', 'listen()', 'pauseOnConnect',
                                          'timeout']);
  }
});

// No host: bound to '::' and reachable over IPv4.
const dual = net.createServer((s) => s.end('v4 ok'));
dual.listen(0, () => {
  const addr = dual.address();
  assert.strictEqual(addr.address, '::');
  assert.strictEqual(addr.family, 'IPv6');
  const c = net.connect(addr.port, '127.0.0.1');
  c.setEncoding('utf8');
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('end', () => {
    assert.strictEqual(got, 'v4 ok');
    steps.push('dual stack');
    dual.close();
    assert.strictEqual(dual.address(), null);
  });
});

const bare = net.createServer();
bare.listen(() => {
  assert.ok(bare.address().port > 0);
  steps.push('listen()');
  bare.close();
});

// maxConnections: the second connection is dropped.
const limited = net.createServer((s) => {
  s.on('data', () => {});
});
limited.maxConnections = 1;
limited.on('drop', (data) => {
  assert.strictEqual(data.localAddress, '127.0.0.1');
  assert.strictEqual(data.remoteAddress, '127.0.0.1');
  assert.strictEqual(typeof data.remotePort, 'number');
  steps.push('drop');
  first.destroy();
  limited.close();
});
let first;
limited.listen({ port: 0, host: '127.0.0.1' }, () => {
  const { port } = limited.address();
  first = net.connect(port, '127.0.0.1', () => {
    // Once the server saw the first one, the second is over the limit.
    limited.getConnections((err, n) => {
      const second = net.connect(port, '127.0.0.1');
      second.on('error', () => {});
      second.resume();
    });
  });
  first.on('error', () => {});
});

// An idle socket times out; the timeout does not close it by itself.
const idle = net.createServer((s) => {
  s.setTimeout(30);
  s.on('timeout', () => {
    assert.strictEqual(s.destroyed, false);
    assert.strictEqual(s.timeout, 30);
    steps.push('timeout');
    s.destroy();
    idle.close();
  });
});
idle.listen(0, '127.0.0.1', () => {
  const c = net.connect(idle.address().port, '127.0.0.1');
  c.setNoDelay(true).setKeepAlive(true, 1000);
  c.resume();
});

// pauseOnConnect: nothing is read until resume().
const paused = net.createServer({ pauseOnConnect: true }, (s) => {
  assert.strictEqual(s.isPaused(), true);
  let got = '';
  s.setEncoding('utf8');
  s.on('data', (d) => { got += d; });
  setImmediate(() => {
    assert.strictEqual(got, '');
    s.resume();
  });
  s.on('end', () => {
    assert.strictEqual(got, 'held back');
    steps.push('pauseOnConnect');
    paused.close();
  });
});
paused.listen(0, '127.0.0.1', () => {
  net.connect(paused.address().port, '127.0.0.1').end('held back');
});

// An unref'd listening server does not keep the process alive.
net.createServer().listen(0, '127.0.0.1').unref();
