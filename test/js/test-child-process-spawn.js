'use strict';
// child_process.spawn: the ChildProcess events and their order, exit codes and signals,
// stdout/stderr capture, stdin piping, kill(), ENOENT, stdio variants, detached, ref/unref.
// Children are /bin/sh, cat, echo, false and process.execPath (each runtime spawns itself).
const assert = require('assert');
const cp = require('child_process');
const { EventEmitter } = require('events');

const node = process.execPath;
const pending = new Set();

// Runs `fn(done)`; the test fails at exit if some `done` was never called.
function test(name, fn) {
  pending.add(name);
  fn(() => {
    assert.ok(pending.has(name), `${name}: done twice`);
    pending.delete(name);
  });
}
if (process.env.DEBUG_PENDING) {
  setTimeout(() => console.log('pending:', [...pending]), 5000).unref();
}

function collect(stream) {
  const chunks = [];
  stream.on('data', (chunk) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString();
}

test('events in order, exit code, output', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'echo out; echo err >&2; exit 7']);
  assert.ok(child instanceof cp.ChildProcess);
  assert.ok(child instanceof EventEmitter);
  assert.strictEqual(typeof child.pid, 'number');
  assert.strictEqual(child.exitCode, null);
  assert.strictEqual(child.signalCode, null);
  assert.strictEqual(child.killed, false);
  assert.strictEqual(child.connected, false);
  assert.strictEqual(child.spawnfile, '/bin/sh');
  assert.deepStrictEqual(child.spawnargs, ['/bin/sh', '-c', 'echo out; echo err >&2; exit 7']);
  assert.strictEqual(child.stdio.length, 3);
  assert.strictEqual(child.stdio[0], child.stdin);
  assert.strictEqual(child.stdio[1], child.stdout);
  assert.strictEqual(child.stdio[2], child.stderr);
  assert.strictEqual(child.stdin.readable, false);
  assert.strictEqual(child.stdin.writable, true);
  assert.strictEqual(child.stdout.readable, true);
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  const events = [];
  child.on('spawn', () => events.push('spawn'));
  child.stdout.on('end', () => events.push('stdout end'));
  child.on('exit', (code, signal) => {
    events.push('exit');
    assert.strictEqual(code, 7);
    assert.strictEqual(signal, null);
    assert.strictEqual(child.exitCode, 7);
  });
  child.on('close', (code, signal) => {
    assert.strictEqual(code, 7);
    assert.strictEqual(signal, null);
    assert.strictEqual(stdout(), 'out\n');
    assert.strictEqual(stderr(), 'err\n');
    // 'spawn' first, 'close' last; the end of stdout and the exit may come in either order.
    assert.strictEqual(events[0], 'spawn');
    assert.deepStrictEqual(events.slice(1).sort(), ['exit', 'stdout end']);
    done();
  });
});

test('false exits 1', (done) => {
  cp.spawn('false').on('close', (code, signal) => {
    assert.strictEqual(code, 1);
    assert.strictEqual(signal, null);
    done();
  });
});

test('kill with the default SIGTERM', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'echo ready; exec sleep 30']);
  child.stdout.once('data', () => {
    assert.strictEqual(child.kill(), true);
    assert.strictEqual(child.killed, true);
  });
  child.on('exit', (code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
    assert.strictEqual(child.signalCode, 'SIGTERM');
    assert.strictEqual(child.exitCode, null);
    // After the exit, kill() reports false.
    assert.strictEqual(child.kill(), false);
    done();
  });
});

test('kill with a named and a numbered signal', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'echo ready; exec sleep 30']);
  child.stdout.once('data', () => child.kill('SIGKILL'));
  child.on('exit', (code, signal) => {
    assert.strictEqual(signal, 'SIGKILL');
    const second = cp.spawn('/bin/sh', ['-c', 'echo ready; exec sleep 30']);
    second.stdout.once('data', () => second.kill(2));
    second.on('exit', (code2, signal2) => {
      assert.strictEqual(signal2, 'SIGINT');
      assert.throws(() => second.kill('SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });
      done();
    });
  });
});

test('a child killed by a signal it sends itself', (done) => {
  cp.spawn(node, ['-e', 'process.kill(process.pid, "SIGKILL")']).on('exit', (code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGKILL');
    done();
  });
});

test('stdin piping through cat', (done) => {
  const child = cp.spawn('cat');
  const out = collect(child.stdout);
  child.stdin.write('hello ');
  child.stdin.write(Buffer.from('world'));
  child.stdin.end('\n');
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out(), 'hello world\n');
    done();
  });
});

test('stdin piping into our own runtime, setEncoding', (done) => {
  const child = cp.spawn(node, ['-e', `
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d) => data += d);
    process.stdin.on('end', () => process.stdout.write(data.toUpperCase()));`]);
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => out += d);
  child.stdin.end('piped in');
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out, 'PIPED IN');
    done();
  });
});

test('pipe() one child into another', (done) => {
  const producer = cp.spawn('/bin/sh', ['-c', 'echo b; echo a; echo c']);
  const sorter = cp.spawn('sort');
  producer.stdout.pipe(sorter.stdin);
  const out = collect(sorter.stdout);
  sorter.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out(), 'a\nb\nc\n');
    done();
  });
});

test('ENOENT is an error event, then close', (done) => {
  const child = cp.spawn('/nonexistent/cmd', ['a', 'b']);
  assert.strictEqual(child.pid, undefined);
  const events = [];
  child.on('spawn', () => assert.fail('spawn must not be emitted'));
  child.on('exit', () => assert.fail('exit must not be emitted'));
  child.on('error', (err) => {
    events.push('error');
    assert.strictEqual(err.message, 'spawn /nonexistent/cmd ENOENT');
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -2);
    assert.strictEqual(err.syscall, 'spawn /nonexistent/cmd');
    assert.strictEqual(err.path, '/nonexistent/cmd');
    assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
  });
  child.on('close', (code, signal) => {
    assert.deepStrictEqual(events, ['error']);
    assert.strictEqual(code, -2);
    assert.strictEqual(signal, null);
    done();
  });
});

test('ENOENT from a PATH search and from a bad cwd', (done) => {
  cp.spawn('no-such-command-ringjs').on('error', (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.path, 'no-such-command-ringjs');
    cp.spawn('/bin/sh', ['-c', 'exit 0'], { cwd: '/nonexistent/dir' }).on('error', (err2) => {
      assert.strictEqual(err2.code, 'ENOENT');
      done();
    });
  });
});

test('shell, cwd, env, argv0', (done) => {
  const child = cp.spawn('echo "$FOO" "$0" && pwd', {
    shell: true, cwd: '/', env: { FOO: 'bar', PATH: process.env.PATH },
  });
  const out = collect(child.stdout);
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out(), 'bar /bin/sh\n/\n');
    assert.deepStrictEqual(child.spawnargs, ['/bin/sh', '-c', 'echo "$FOO" "$0" && pwd']);
    const named = cp.spawn('/bin/sh', ['-c', 'echo $0'], { argv0: 'custom' });
    const namedOut = collect(named.stdout);
    named.on('close', () => {
      assert.strictEqual(namedOut(), 'custom\n');
      done();
    });
  });
});

test('stdio ignore and inherit, extra pipe', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'echo x; echo three >&3'],
                         { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
  assert.strictEqual(child.stdin, null);
  assert.strictEqual(child.stdout, null);
  assert.strictEqual(child.stderr, null);
  assert.strictEqual(child.stdio.length, 4);
  const extra = collect(child.stdio[3]);
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(extra(), 'three\n');
    done();
  });
});

// (Unread output must fit the pipe: the child would block on a full one, in node too.)
test('unconsumed output does not hold up close', (done) => {
  cp.spawn('/bin/sh', ['-c', 'head -c 3000 /dev/zero']).on('close', (code) => {
    assert.strictEqual(code, 0);
    done();
  });
});

test('detached children lead a new session', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'ps -o sid= -p $$ || cat /proc/$$/stat'],
                         { detached: true });
  const out = collect(child.stdout);
  child.on('close', () => {
    const text = out().trim();
    // ps prints the session id; /proc/<pid>/stat has it as field 6.
    const sid = /^\d+$/.test(text) ? Number(text) : Number(text.split(' ')[5]);
    assert.strictEqual(sid, child.pid);
    done();
  });
});

test('unref lets the parent exit; the child keeps running', (done) => {
  const script = `
    const child = require('child_process').spawn('/bin/sh', ['-c', 'sleep 1'], { stdio: 'ignore' });
    child.unref();
    console.log(child.pid);`;
  const parent = cp.spawn(node, ['-e', script]);
  const out = collect(parent.stdout);
  parent.on('close', (code) => {
    assert.strictEqual(code, 0);
    const pid = Number(out().trim());
    assert.ok(pid > 0);
    done();
  });
});

test('timeout kills with killSignal', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'exec sleep 30'], { timeout: 50, killSignal: 'SIGKILL' });
  child.on('exit', (code, signal) => {
    assert.strictEqual(signal, 'SIGKILL');
    assert.strictEqual(child.killed, true);
    done();
  });
});

test('AbortSignal', (done) => {
  const controller = new AbortController();
  const child = cp.spawn('/bin/sh', ['-c', 'echo ready; exec sleep 30'], { signal: controller.signal });
  child.stdout.once('data', () => controller.abort());
  let error;
  child.on('error', (err) => {
    error = err;
  });
  child.on('exit', (code, signal) => {
    assert.strictEqual(signal, 'SIGTERM');
    assert.strictEqual(error.name, 'AbortError');
    assert.strictEqual(error.code, 'ABORT_ERR');
    done();
  });
});

test('an already aborted signal', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'exec sleep 30'], { signal: AbortSignal.abort() });
  child.on('error', (err) => assert.strictEqual(err.name, 'AbortError'));
  child.on('exit', (code, signal) => {
    assert.strictEqual(signal, 'SIGTERM');
    done();
  });
});

test('writing to a child that closed its stdin is EPIPE', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'exec 0<&-; echo closed; exec sleep 30']);
  child.stdout.once('data', () => {
    child.stdin.on('error', (err) => {
      assert.strictEqual(err.code, 'EPIPE');
      assert.strictEqual(err.syscall, 'write');
      child.kill();
      done();
    });
    child.stdin.write(Buffer.alloc(200000));
  });
});

// Validation.
assert.throws(() => cp.spawn(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.spawn(''), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => cp.spawn('echo', 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.spawn('echo', [], { timeout: 'x' }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => cp.spawn('echo', [], { signal: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.spawn('echo', [], { stdio: 'nope' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => cp.spawn('echo', [], { killSignal: 'SIGNOPE' }),
              { code: 'ERR_UNKNOWN_SIGNAL' });
assert.throws(() => cp.fork(5), { code: 'ERR_INVALID_ARG_TYPE' });

process.on('exit', () => assert.deepStrictEqual([...pending], []));
