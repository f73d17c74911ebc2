'use strict';
// child_process.exec / execFile: callbacks (error, stdout, stderr), node's error fields
// (code, killed, signal, cmd), encodings, maxBuffer, timeout, AbortSignal, util.promisify.
const assert = require('assert');
const cp = require('child_process');
const util = require('util');

const node = process.execPath;
const pending = new Set();
function test(name, fn) {
  pending.add(name);
  fn(() => {
    assert.ok(pending.has(name), `${name}: done twice`);
    pending.delete(name);
  });
}
process.on('exit', () => assert.deepStrictEqual([...pending], []));

test('exec with a shell', (done) => {
  const child = cp.exec('echo "$((6 * 7))"; echo warn >&2', (err, stdout, stderr) => {
    assert.strictEqual(err, null);
    assert.strictEqual(stdout, '42\n');
    assert.strictEqual(stderr, 'warn\n');
    done();
  });
  assert.ok(child instanceof cp.ChildProcess);
});

test('exec failure: code, killed, signal, cmd, message', (done) => {
  cp.exec('echo partial; echo oops >&2; exit 3', (err, stdout, stderr) => {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.message, 'Command failed: echo partial; echo oops >&2; exit 3\noops\n');
    assert.strictEqual(err.code, 3);
    assert.strictEqual(err.killed, false);
    assert.strictEqual(err.signal, null);
    assert.strictEqual(err.cmd, 'echo partial; echo oops >&2; exit 3');
    assert.strictEqual(stdout, 'partial\n');
    assert.strictEqual(stderr, 'oops\n');
    done();
  });
});

test('execFile without a shell; buffer encoding', (done) => {
  cp.execFile('echo', ['a', '$HOME'], { encoding: 'buffer' }, (err, stdout, stderr) => {
    assert.strictEqual(err, null);
    assert.ok(Buffer.isBuffer(stdout));
    assert.ok(Buffer.isBuffer(stderr));
    assert.strictEqual(stdout.toString(), 'a $HOME\n');
    done();
  });
});

test('execFile of our own runtime, argument shapes', (done) => {
  cp.execFile(node, ['-e', 'console.log(process.argv.length)'], (err, stdout) => {
    assert.strictEqual(err, null);
    assert.strictEqual(stdout, '1\n');
    cp.execFile('pwd', { cwd: '/' }, (err2, stdout2) => {
      assert.strictEqual(stdout2, '/\n');
      cp.execFile('true', (err3, stdout3) => {
        assert.strictEqual(err3, null);
        assert.strictEqual(stdout3, '');
        done();
      });
    });
  });
});

test('execFile failure message includes the arguments', (done) => {
  cp.execFile('/bin/sh', ['-c', 'exit 2'], (err) => {
    assert.strictEqual(err.message, 'Command failed: /bin/sh -c exit 2\n');
    assert.strictEqual(err.cmd, '/bin/sh -c exit 2');
    assert.strictEqual(err.code, 2);
    done();
  });
});

test('execFile ENOENT', (done) => {
  cp.execFile('/nonexistent/prog', ['x'], (err, stdout, stderr) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -2);
    assert.strictEqual(err.syscall, 'spawn /nonexistent/prog');
    assert.strictEqual(err.path, '/nonexistent/prog');
    assert.deepStrictEqual(err.spawnargs, ['x']);
    assert.strictEqual(err.cmd, '/nonexistent/prog x');
    assert.strictEqual(stdout, '');
    assert.strictEqual(stderr, '');
    done();
  });
});

test('exec of a missing command: the shell exits 127', (done) => {
  cp.exec('no-such-command-ringjs-xyz', (err) => {
    assert.strictEqual(err.code, 127);
    assert.match(err.message, /^Command failed: no-such-command-ringjs-xyz\n/);
    done();
  });
});

test('timeout kills the child', (done) => {
  cp.exec('sleep 30', { timeout: 50 }, (err, stdout, stderr) => {
    assert.strictEqual(err.killed, true);
    assert.strictEqual(err.signal, 'SIGTERM');
    assert.strictEqual(err.code, null);
    assert.strictEqual(err.cmd, 'sleep 30');
    done();
  });
});

test('timeout with killSignal', (done) => {
  cp.execFile('sleep', ['30'], { timeout: 50, killSignal: 'SIGKILL' }, (err) => {
    assert.strictEqual(err.killed, true);
    assert.strictEqual(err.signal, 'SIGKILL');
    done();
  });
});

test('maxBuffer on stdout', (done) => {
  cp.exec('echo 1234567890; sleep 30', { maxBuffer: 5 }, (err, stdout) => {
    assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
    assert.strictEqual(err.message, 'stdout maxBuffer length exceeded');
    assert.ok(err instanceof RangeError);
    assert.strictEqual(stdout, '12345');
    assert.strictEqual(err.cmd, 'echo 1234567890; sleep 30');
    done();
  });
});

test('maxBuffer on stderr, Buffer output', (done) => {
  cp.exec('echo 1234567890 >&2; sleep 30', { maxBuffer: 3, encoding: 'buffer' },
          (err, stdout, stderr) => {
            assert.strictEqual(err.message, 'stderr maxBuffer length exceeded');
            assert.ok(Buffer.isBuffer(stderr));
            assert.strictEqual(stderr.toString(), '123');
            done();
          });
});

test('maxBuffer Infinity', (done) => {
  cp.exec('head -c 2000000 /dev/zero', { maxBuffer: Infinity, encoding: 'buffer' },
          (err, stdout) => {
            assert.strictEqual(err, null);
            assert.strictEqual(stdout.length, 2000000);
            done();
          });
});

test('AbortSignal', (done) => {
  const controller = new AbortController();
  cp.exec('sleep 30', { signal: controller.signal }, (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    done();
  });
  setImmediate(() => controller.abort());
});

test('util.promisify(exec) and (execFile)', (done) => {
  const exec = util.promisify(cp.exec);
  const execFile = util.promisify(cp.execFile);
  const promise = exec('echo promised');
  assert.ok(promise.child instanceof cp.ChildProcess);
  promise.then(({ stdout, stderr }) => {
    assert.strictEqual(stdout, 'promised\n');
    assert.strictEqual(stderr, '');
    return execFile('/bin/sh', ['-c', 'echo out; echo err >&2; exit 4']);
  }).then(() => assert.fail('must reject'), (err) => {
    assert.strictEqual(err.code, 4);
    assert.strictEqual(err.stdout, 'out\n');
    assert.strictEqual(err.stderr, 'err\n');
    done();
  });
});

// Validation.
assert.throws(() => cp.exec(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.exec('echo', { timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => cp.execFile('echo', [], 'bad'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.execFile('echo', [], {}, 'bad'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.execFile('echo', { maxBuffer: -5 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => cp.execFile('echo', { killSignal: 'NOPE' }), { code: 'ERR_UNKNOWN_SIGNAL' });
