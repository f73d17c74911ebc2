'use strict';
// net: echo server and client round trips — strings, buffers, a large payload, addresses,
// byte counters, getConnections, server close after the last connection.
const assert = require('assert');
const net = require('net');

const pending = new Set();
function mustCall(fn, name) {
  const token = {};
  pending.add(name);
  let called = false;
  return function(...args) {
    if (!called) { called = true; pending.delete(name); }
    return fn.apply(this, args);
  };
}
process.on('exit', (code) => {
  if (code === 0) assert.deepStrictEqual([...pending], [], 'callbacks not called');
});

const server = net.createServer(mustCall((socket) => {
  assert.strictEqual(socket.remoteAddress, '127.0.0.1');
  assert.strictEqual(socket.remoteFamily, 'IPv4');
  assert.strictEqual(typeof socket.remotePort, 'number');
  assert.strictEqual(socket.localPort, server.address().port);
  assert.strictEqual(socket.readyState, 'open');
  socket.pipe(socket);
}, 'connection'));

server.on('close', mustCall(() => {}, 'server close'));

server.listen(0, '127.0.0.1', mustCall(() => {
  const addr = server.address();
  assert.strictEqual(addr.address, '127.0.0.1');
  assert.strictEqual(addr.family, 'IPv4');
  assert.ok(addr.port > 0);
  assert.strictEqual(server.listening, true);
  smallRoundTrip(addr.port, () => largeRoundTrip(addr.port, () => {
    server.getConnections(mustCall((err, n) => {
      assert.ifError(err);
      server.close();
    }, 'getConnections'));
  }));
}, 'listening'));

function smallRoundTrip(port, next) {
  const client = net.connect({ port, host: '127.0.0.1' });
  assert.strictEqual(client.connecting, true);
  assert.strictEqual(client.pending, true);
  assert.strictEqual(client.readyState, 'opening');
  const chunks = [];
  client.on('connect', mustCall(() => {
    assert.strictEqual(client.connecting, false);
    assert.strictEqual(client.remotePort, port);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
    assert.strictEqual(typeof client.localPort, 'number');
    client.write('hello ');
    client.write(Buffer.from('wor'));
    client.write(new Uint8Array([108, 100]));
    client.write('c3VjY2Vzcw==', 'base64');
    client.end(' bye', mustCall(() => {}, 'end callback'));
  }, 'connect'));
  client.on('ready', mustCall(() => {}, 'ready'));
  client.on('data', (d) => {
    assert.ok(Buffer.isBuffer(d));
    chunks.push(d);
  });
  client.on('end', mustCall(() => {
    assert.strictEqual(Buffer.concat(chunks).toString(), 'hello worldsuccess bye');
    assert.strictEqual(client.bytesRead, 22);
    assert.strictEqual(client.bytesWritten, 22);
  }, 'client end'));
  client.on('close', mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(client.destroyed, true);
    next();
  }, 'client close'));
}

function largeRoundTrip(port, next) {
  // 8 MiB in uneven writes, with write callbacks, must come back byte for byte.
  const total = 8 * 1024 * 1024;
  const payload = Buffer.alloc(total);
  for (let i = 0; i < total; i++) payload[i] = (i * 7 + (i >> 11)) & 0xff;
  const client = net.connect(port, '127.0.0.1');
  let received = 0;
  const parts = [];
  let writeCallbacks = 0;
  client.on('connect', () => {
    let offset = 0;
    let size = 1;
    while (offset < total) {
      const end = Math.min(total, offset + size);
      client.write(payload.subarray(offset, end), () => writeCallbacks++);
      offset = end;
      size = size * 3 + 1;
      if (size > 300000) size = 7;
    }
    client.end();
  });
  client.on('data', (d) => {
    parts.push(d);
    received += d.length;
  });
  client.on('end', mustCall(() => {
    assert.strictEqual(received, total);
    assert.ok(Buffer.concat(parts).equals(payload), 'payload differs');
    assert.ok(writeCallbacks > 0);
    assert.strictEqual(client.bytesWritten, total);
    assert.strictEqual(client.bytesRead, total);
  }, 'large end'));
  client.on('close', mustCall(next, 'large close'));
}
