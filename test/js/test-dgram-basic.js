'use strict';
// dgram: echo over udp4 and udp6, many datagrams in order, send before bind (implicit bind),
// connect/send/disconnect, remoteAddress, errors (bad type, EADDRINUSE, already bound, not
// running, not connected), socket options and buffer sizes.
const assert = require('assert');
const dgram = require('dgram');

const steps = [];
process.on('exit', (code) => {
  if (code === 0) {
    assert.deepStrictEqual(steps.sort(), ['EADDRINUSE', 'burst', 'connected', 'udp4 echo',
                                          'udp6 echo']);
  }
});

assert.throws(() => dgram.createSocket('udp5'), { code: 'ERR_SOCKET_BAD_TYPE' });

function echoServer(type, address, cb) {
  const server = dgram.createSocket(type);
  server.on('message', (msg, rinfo) => {
    assert.strictEqual(rinfo.size, msg.length);
    server.send(msg, rinfo.port, rinfo.address);
  });
  server.bind(0, address, () => cb(server));
}

echoServer('udp4', '127.0.0.1', (server) => {
  const { port, family, address } = server.address();
  assert.strictEqual(family, 'IPv4');
  assert.strictEqual(address, '127.0.0.1');
  const c = dgram.createSocket('udp4');
  c.on('message', (msg, rinfo) => {
    assert.strictEqual(msg.toString(), 'abc-def');
    assert.strictEqual(rinfo.port, port);
    assert.strictEqual(rinfo.address, '127.0.0.1');
    assert.strictEqual(rinfo.family, 'IPv4');
    steps.push('udp4 echo');
    c.close();
    server.close();
    assert.throws(() => server.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
  });
  // Not bound yet: the send binds implicitly and goes out once listening.
  c.send(Buffer.from('xxabc-defyy'), 2, 7, port, '127.0.0.1', (err, bytes) => {
    assert.ifError(err);
    assert.strictEqual(bytes, 7);
  });
});

echoServer('udp6', '::1', (server) => {
  const { port } = server.address();
  const c = dgram.createSocket({ type: 'udp6' });
  c.bind(0, '::1', () => {
    c.send('six', port, '::1');
  });
  c.on('message', (msg, rinfo) => {
    assert.strictEqual(msg.toString(), 'six');
    assert.strictEqual(rinfo.family, 'IPv6');
    assert.strictEqual(rinfo.address, '::1');
    steps.push('udp6 echo');
    c.close();
    server.close();
  });
});

// 200 datagrams arrive complete and in order (loopback does not reorder or drop at this rate).
const sink = dgram.createSocket('udp4');
const got = [];
sink.on('message', (msg) => {
  got.push(Number(msg.toString()));
  if (got.length === 200) {
    assert.deepStrictEqual(got, Array.from({ length: 200 }, (_, i) => i));
    steps.push('burst');
    sink.close();
  }
});
sink.bind(0, '127.0.0.1', () => {
  const src = dgram.createSocket('udp4');
  let acked = 0;
  for (let i = 0; i < 200; i++) {
    src.send(String(i), sink.address().port, '127.0.0.1', () => {
      if (++acked === 200) {
        assert.strictEqual(src.getSendQueueCount(), 0);
        src.close();
      }
    });
  }
});

// connect / send without address / remoteAddress / disconnect.
echoServer('udp4', '127.0.0.1', (server) => {
  const { port } = server.address();
  const c = dgram.createSocket('udp4');
  assert.throws(() => c.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  assert.throws(() => c.disconnect(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  c.connect(port, '127.0.0.1', () => {
    assert.deepStrictEqual(c.remoteAddress(), { address: '127.0.0.1', family: 'IPv4', port });
    assert.throws(() => c.connect(port), { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' });
    assert.throws(() => c.bind(0), { code: 'ERR_SOCKET_ALREADY_BOUND' });
    c.setBroadcast(true);
    assert.strictEqual(c.setTTL(32), 32);
    assert.strictEqual(c.setMulticastTTL(4), 4);
    c.setMulticastLoopback(true);
    c.setRecvBufferSize(65536);
    assert.ok(c.getRecvBufferSize() >= 65536);
    assert.ok(c.getSendBufferSize() > 0);
    assert.throws(() => c.setRecvBufferSize(-1), { code: 'ERR_SOCKET_BAD_BUFFER_SIZE' });
    c.send('via connect');
  });
  c.on('message', (msg) => {
    assert.strictEqual(msg.toString(), 'via connect');
    c.disconnect();
    assert.throws(() => c.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
    steps.push('connected');
    c.close();
    server.close();
  });
});

// Two sockets on one port.
const a = dgram.createSocket('udp4');
a.bind(0, '127.0.0.1', () => {
  const b = dgram.createSocket('udp4');
  b.on('error', (err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'bind');
    assert.strictEqual(err.port, a.address().port);
    steps.push('EADDRINUSE');
    b.close();
    a.close();
  });
  b.bind(a.address().port, '127.0.0.1');
});

// An unref'd bound socket does not keep the process alive.
dgram.createSocket('udp4').bind(0, '127.0.0.1').unref();
