'use strict';
// net: node's errors — ECONNREFUSED, EADDRINUSE, ECONNRESET from a peer's reset, write after
// end, bad ports, invalid arguments.
const assert = require('assert');
const net = require('net');

const done = [];
process.on('exit', (code) => {
  if (code === 0) {
    assert.deepStrictEqual(done.sort(), ['EADDRINUSE', 'ECONNREFUSED', 'ECONNRESET',
                                         'write after end']);
  }
});

assert.throws(() => net.connect({ port: 70000, host: '127.0.0.1' }),
              { code: 'ERR_SOCKET_BAD_PORT', name: 'RangeError' });
assert.throws(() => net.connect({ port: -1 }), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => net.connect({ port: true }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => net.createServer().listen({ foo: 1 }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => net.connect({ port: 80, localAddress: 'nope' }),
              { code: 'ERR_INVALID_IP_ADDRESS' });
assert.throws(() => new net.Socket().setTimeout(-1), { code: 'ERR_OUT_OF_RANGE' });

// A port nobody listens on: take one and close it.
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address();
  probe.close(() => {
    const client = net.connect(port, '127.0.0.1');
    client.on('connect', () => assert.fail('connected'));
    client.on('error', (err) => {
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.errno, -111);
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.address, '127.0.0.1');
      assert.strictEqual(err.port, port);
      assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
      assert.ok(err instanceof Error);
      client.on('close', (hadError) => {
        assert.strictEqual(hadError, true);
        done.push('ECONNREFUSED');
      });
    });
  });
});

// Two servers on one port.
const first = net.createServer();
first.listen(0, '127.0.0.1', () => {
  const { port } = first.address();
  const second = net.createServer();
  second.on('listening', () => assert.fail('second server listening'));
  second.on('error', (err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.errno, -98);
    assert.strictEqual(err.address, '127.0.0.1');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message,
                       `listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
    assert.strictEqual(second.listening, false);
    first.close();
    done.push('EADDRINUSE');
  });
  second.listen(port, '127.0.0.1');
});

// The server answers data with a reset: the client's read fails with ECONNRESET.
const resetter = net.createServer((socket) => {
  socket.once('data', () => socket.resetAndDestroy());
});
resetter.listen(0, '127.0.0.1', () => {
  const client = net.connect(resetter.address().port, '127.0.0.1', () => client.write('hi'));
  client.on('error', (err) => {
    assert.strictEqual(err.code, 'ECONNRESET');
    assert.strictEqual(err.syscall, 'read');
    assert.strictEqual(err.message, 'read ECONNRESET');
    done.push('ECONNRESET');
    resetter.close();
  });
});

// Write after end is the stream's error.
const ender = net.createServer((socket) => socket.resume());
ender.listen(0, '127.0.0.1', () => {
  const client = net.connect(ender.address().port, '127.0.0.1', () => {
    client.end();
    client.write('late', (err) => {
      assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
    });
    client.on('error', (err) => {
      assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
      done.push('write after end');
      ender.close();
    });
  });
});
