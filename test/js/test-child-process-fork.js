'use strict';
// child_process.fork and the IPC channel: messages both ways (JSON values, order kept, large
// messages, many messages), send callbacks, disconnect from either side, the child exiting
// without listeners, 'close' after the channel closed, silent, errors.
const assert = require('assert');
const cp = require('child_process');

const pending = new Set();
function test(name, fn) {
  pending.add(name);
  fn(() => {
    assert.ok(pending.has(name), `${name}: done twice`);
    pending.delete(name);
  });
}

switch (process.argv[2]) {
  case 'echo':
    assert.strictEqual(typeof process.send, 'function');
    assert.strictEqual(process.connected, true);
    assert.strictEqual(process.env.NODE_CHANNEL_FD, undefined);
    process.on('message', (message) => {
      if (message === 'disconnect-me') {
        process.disconnect();
        return;
      }
      process.send({ echo: message });
    });
    process.send('ready');
    break;
  case 'burst':
    for (let i = 0; i < 1000; i++) process.send(i);
    process.send({ big: 'x'.repeat(3 * 1024 * 1024) }, () => process.disconnect());
    break;
  case 'advanced-echo':
    process.on('message', (message) => process.send(message));
    break;
  case 'no-listener':
    // No 'message' listener: the channel does not keep this child alive.
    process.stdout.write(`${typeof process.send} ${process.connected}\n`);
    break;
  case 'on-disconnect':
    process.on('disconnect', () => {
      process.stdout.write('child saw disconnect\n');
    });
    process.send('ready');
    break;
  default:
    runParent();
}

function runParent() {
  process.on('exit', () => assert.deepStrictEqual([...pending], []));

  test('round trip of JSON values, in order', (done) => {
    const child = cp.fork(__filename, ['echo']);
    assert.strictEqual(child.connected, true);
    assert.strictEqual(typeof child.channel, 'object');
    assert.deepStrictEqual(child.stdio, [null, null, null, null]);
    const values = [1, 'two', { three: [3] }, null, true, 'ünïcode ✓', [1, { a: 'b' }]];
    const echoed = [];
    child.on('message', (message) => {
      if (message === 'ready') {
        for (const value of values) {
          assert.strictEqual(child.send(value), true);
        }
        return;
      }
      echoed.push(message.echo);
      if (echoed.length === values.length) child.send('disconnect-me');
    });
    const events = [];
    child.on('disconnect', () => {
      events.push('disconnect');
      assert.strictEqual(child.connected, false);
    });
    child.on('exit', (code, signal) => {
      events.push('exit');
      assert.strictEqual(code, 0);
    });
    child.on('close', (code) => {
      assert.strictEqual(code, 0);
      assert.deepStrictEqual(echoed, values);
      assert.deepStrictEqual(events.sort(), ['disconnect', 'exit']);
      done();
    });
  });

  test('many and large messages from the child', (done) => {
    const child = cp.fork(__filename, ['burst']);
    let next = 0;
    let big;
    child.on('message', (message) => {
      if (typeof message === 'number') {
        assert.strictEqual(message, next++);
      } else {
        big = message.big;
      }
    });
    child.on('close', (code) => {
      assert.strictEqual(code, 0);
      assert.strictEqual(next, 1000);
      assert.strictEqual(big.length, 3 * 1024 * 1024);
      done();
    });
  });

  test('a child without listeners exits on its own; silent pipes its output', (done) => {
    const child = cp.fork(__filename, ['no-listener'], { silent: true });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => out += d);
    child.on('close', (code) => {
      assert.strictEqual(code, 0);
      assert.strictEqual(out, 'function true\n');
      done();
    });
  });

  test('the parent disconnects; send callbacks; send after disconnect', (done) => {
    const child = cp.fork(__filename, ['on-disconnect'], { silent: true });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => out += d);
    child.once('message', () => {
      child.send('hello', (err) => {
        assert.strictEqual(err, null);
        child.disconnect();
        assert.strictEqual(child.connected, false);
        child.send('late', (err2) => {
          assert.strictEqual(err2.code, 'ERR_IPC_CHANNEL_CLOSED');
        });
        child.on('error', (err3) => {
          assert.strictEqual(err3.code, 'ERR_IPC_DISCONNECTED');
        });
        child.disconnect();
      });
    });
    // (After child.disconnect() node emits no 'close': wait for the exit and the output.)
    let exited = false;
    let ended = false;
    const finish = () => {
      if (!exited || !ended) return;
      assert.strictEqual(out, 'child saw disconnect\n');
      done();
    };
    child.on('exit', (code) => {
      assert.strictEqual(code, 0);
      exited = true;
      finish();
    });
    child.stdout.on('end', () => {
      ended = true;
      finish();
    });
  });

  test("serialization: 'advanced' keeps types", (done) => {
    const child = cp.fork(__filename, ['advanced-echo'], { serialization: 'advanced' });
    const circular = { name: 'c' };
    circular.self = circular;
    const values = [
      new Map([[1, { a: 2n }]]),
      new Set(['x']),
      Buffer.from('a buffer'),
      new Uint16Array([1, 65535]),
      new Float64Array([Math.PI]),
      new Date(0),
      /re/g,
      circular,
      [undefined, null, NaN, -0],
      new RangeError('ranged'),
      new Uint8Array(3 * 1024 * 1024).fill(7),
    ];
    const received = [];
    child.on('message', (message) => {
      received.push(message);
      if (received.length === values.length) child.disconnect();
    });
    for (const value of values) child.send(value);
    child.on('exit', (code) => {
      assert.strictEqual(code, 0);
      assert.strictEqual(received.length, values.length);
      for (let i = 0; i < values.length; i++) {
        assert.deepStrictEqual(received[i], values[i]);
        assert.strictEqual(Object.getPrototypeOf(received[i]), Object.getPrototypeOf(values[i]));
      }
      assert.strictEqual(received[7].self, received[7]);
      assert.ok(Buffer.isBuffer(received[2]));
      done();
    });
  });

  test('kill a forked child', (done) => {
    const child = cp.fork(__filename, ['echo']);
    child.once('message', () => child.kill('SIGKILL'));
    child.on('exit', (code, signal) => {
      assert.strictEqual(signal, 'SIGKILL');
      done();
    });
  });

  test('fork with a URL and execArgv', (done) => {
    const { pathToFileURL } = require('url');
    const child = cp.fork(pathToFileURL(__filename), ['no-listener'], { silent: true, execArgv: [] });
    child.on('close', (code) => {
      assert.strictEqual(code, 0);
      done();
    });
  });

  assert.throws(() => cp.fork(__filename, { stdio: ['pipe', 'pipe', 'pipe'] }),
                { code: 'ERR_CHILD_PROCESS_IPC_REQUIRED' });
  assert.throws(() => cp.fork(5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.fork(__filename, 5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }),
                { code: 'ERR_IPC_SYNC_FORK' });
  assert.throws(() => cp.spawn('echo', { stdio: ['ipc', 'ipc', 'pipe'] }),
                { code: 'ERR_IPC_ONE_PIPE' });
  const child = cp.fork(__filename, ['no-listener'], { silent: true });
  assert.throws(() => child.send(undefined), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => child.send(() => {}), { code: 'ERR_INVALID_ARG_TYPE' });
}
