'use strict';
// child_process.spawnSync / execSync / execFileSync: exit codes, signals, output capture,
// input, encodings, timeouts, maxBuffer, ENOENT, cwd/env, argument validation. Child scripts
// run under process.execPath, so each runtime spawns itself.
const assert = require('assert');
const cp = require('child_process');
const os = require('os');
const path = require('path');
const fs = require('fs');

const node = process.execPath;

// Exit status, stdout and stderr, Buffers by default; stdin ('pipe', no input) sees EOF.
{
  const r = cp.spawnSync('/bin/sh', ['-c', 'echo out; echo err >&2; cat; exit 3']);
  assert.deepStrictEqual(Object.keys(r), ['status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
  assert.strictEqual(r.status, 3);
  assert.strictEqual(r.signal, null);
  assert.ok(r.pid > 0);
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.strictEqual(r.stdout.toString(), 'out\n');
  assert.strictEqual(r.stderr.toString(), 'err\n');
  assert.strictEqual(r.output.length, 3);
  assert.strictEqual(r.output[0], null);
  assert.strictEqual(r.output[1], r.stdout);
  assert.strictEqual(r.output[2], r.stderr);
}

// encoding, args without shell, a child of our own runtime.
{
  const r = cp.spawnSync(node, ['-e', 'console.log(process.argv.slice(1).join("|"))', 'a b', 'c'],
                         { encoding: 'utf8' });
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stdout, 'a b|c\n');
  assert.strictEqual(r.stderr, '');
  assert.deepStrictEqual(r.output, [null, 'a b|c\n', '']);
}

// Killed by a signal: status null, the signal's name.
{
  const r = cp.spawnSync('/bin/sh', ['-c', 'kill -9 $$']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGKILL');
}

// input: string, Buffer, TypedArray; a big input round-trips through cat.
{
  assert.strictEqual(cp.spawnSync('cat', { input: 'hello' }).stdout.toString(), 'hello');
  assert.strictEqual(cp.spawnSync('cat', { input: Buffer.from('buf') }).stdout.toString(), 'buf');
  assert.strictEqual(cp.spawnSync('cat', { input: new Uint8Array([104, 105]) }).stdout.toString(),
                     'hi');
  const big = Buffer.alloc(3 * 1024 * 1024 + 17);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 10)) & 0xff;
  const r = cp.spawnSync('cat', { input: big, maxBuffer: 8 * 1024 * 1024 });
  assert.strictEqual(r.status, 0);
  assert.ok(r.stdout.equals(big), 'large input/output through cat');
  // The child exits without reading more than a pipe's worth of its input: EPIPE, as node.
  const early = cp.spawnSync('/bin/sh', ['-c', 'exit 0'], { input: big });
  assert.strictEqual(early.status, 0);
  assert.strictEqual(early.error.code, 'EPIPE');
  assert.strictEqual(early.error.message, 'spawnSync /bin/sh EPIPE');
}

// Large output of our own runtime's process.stdout through the pipe: nothing lost.
{
  const r = cp.spawnSync(node, ['-e', `
    const chunk = Buffer.alloc(65536, 'x');
    for (let i = 0; i < 64; i++) process.stdout.write(chunk);
    process.stdout.write('end');`], { maxBuffer: 16 * 1024 * 1024 });
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stdout.length, 64 * 65536 + 3);
  assert.strictEqual(r.stdout.toString('latin1', r.stdout.length - 4), 'xend');
}

// ENOENT: an error, no output, pid 0.
{
  const r = cp.spawnSync('/nonexistent/program', ['x', 'y']);
  assert.deepStrictEqual(Object.keys(r),
                         ['error', 'status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, null);
  assert.strictEqual(r.output, null);
  assert.strictEqual(r.stdout, null);
  assert.strictEqual(r.pid, 0);
  assert.ok(r.error instanceof Error);
  assert.strictEqual(r.error.message, 'spawnSync /nonexistent/program ENOENT');
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.errno, -2);
  assert.strictEqual(r.error.syscall, 'spawnSync /nonexistent/program');
  assert.strictEqual(r.error.path, '/nonexistent/program');
  assert.deepStrictEqual(r.error.spawnargs, ['x', 'y']);
  // A name searched in PATH; the child's env PATH is the one searched.
  assert.strictEqual(cp.spawnSync('no-such-program-ringjs').error.code, 'ENOENT');
  assert.strictEqual(cp.spawnSync('sh', ['-c', 'exit 0'], { env: { PATH: '/nonexistent' } })
                       .error.code, 'ENOENT');
  assert.strictEqual(cp.spawnSync('sh', ['-c', 'exit 5'], { env: { PATH: '/usr/bin:/bin' } })
                       .status, 5);
  // A bad cwd.
  assert.strictEqual(cp.spawnSync('/bin/sh', ['-c', 'exit 0'], { cwd: '/nonexistent' })
                       .error.code, 'ENOENT');
}

// timeout: killed with killSignal, ETIMEDOUT.
{
  const r = cp.spawnSync('/bin/sh', ['-c', 'sleep 10'], { timeout: 50 });
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.strictEqual(r.error.code, 'ETIMEDOUT');
  assert.strictEqual(r.error.message, 'spawnSync /bin/sh ETIMEDOUT');
  const k = cp.spawnSync('/bin/sh', ['-c', 'sleep 10'], { timeout: 50, killSignal: 'SIGKILL' });
  assert.strictEqual(k.signal, 'SIGKILL');
  const n = cp.spawnSync('/bin/sh', ['-c', 'sleep 10'], { timeout: 50, killSignal: 9 });
  assert.strictEqual(n.signal, 'SIGKILL');
}

// maxBuffer: the child is killed, ENOBUFS; what was read is kept.
{
  const r = cp.spawnSync('/bin/sh', ['-c', 'while :; do echo yyyyyyyyyyyyyyyyy; done'],
                         { maxBuffer: 100 });
  assert.strictEqual(r.error.code, 'ENOBUFS');
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.strictEqual(r.status, null);
  assert.ok(r.stdout.length > 100);
}

// cwd, env, argv0, shell, stdio variants.
{
  const dir = fs.realpathSync(os.tmpdir());
  assert.strictEqual(cp.spawnSync('pwd', { cwd: dir, encoding: 'utf8' }).stdout, `${dir}\n`);
  const env = cp.spawnSync('/bin/sh', ['-c', 'echo "$FOO,$BAR"'],
                           { env: { FOO: 'x', BAR: undefined }, encoding: 'utf8' });
  assert.strictEqual(env.stdout, 'x,\n');
  assert.strictEqual(cp.spawnSync('echo $0', { shell: true, encoding: 'utf8' }).stdout, '/bin/sh\n');
  assert.strictEqual(cp.spawnSync('/bin/sh', ['-c', 'echo $0'], { argv0: 'renamed', encoding: 'utf8' })
                       .stdout, 'renamed\n');
  const ignored = cp.spawnSync('/bin/sh', ['-c', 'echo x; echo y >&2'], { stdio: 'ignore' });
  assert.strictEqual(ignored.status, 0);
  assert.deepStrictEqual(ignored.output, [null, null, null]);
  assert.strictEqual(ignored.stdout, null);
  // stdout to a file fd; stderr into the stdout pipe's place is still separate.
  const file = path.join(os.tmpdir(), `ringjs-cp-${process.pid}.txt`);
  const fd = fs.openSync(file, 'w');
  const r = cp.spawnSync('/bin/sh', ['-c', 'echo to-file; echo e >&2'], { stdio: ['pipe', fd, 'pipe'] });
  fs.closeSync(fd);
  assert.strictEqual(r.stdout, null);
  assert.strictEqual(r.stderr.toString(), 'e\n');
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'to-file\n');
  fs.unlinkSync(file);
  // A fourth pipe.
  const extra = cp.spawnSync('/bin/sh', ['-c', 'echo three >&3'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  assert.strictEqual(extra.output[3].toString(), 'three\n');
  // The child gets default signal dispositions and an empty mask, whatever ours are.
  process.on('SIGINT', () => {});
  const mask = cp.spawnSync('/bin/sh', ['-c', 'grep -E "^(SigBlk|SigIgn)" /proc/self/status'],
                            { encoding: 'utf8' });
  assert.match(mask.stdout, /SigBlk:\s+0+\n/);
  // Signals 32 and 33 are glibc's own (SIGCANCEL, SIGSETXID): its posix_spawn leaves them
  // ignored in the child, whose libc installs its handlers again at start-up.
  const ignoredMask = BigInt(`0x${mask.stdout.match(/SigIgn:\s+([0-9a-f]+)/)[1]}`);
  assert.strictEqual(ignoredMask & ~0x180000000n, 0n);
  process.removeAllListeners('SIGINT');
}

// execSync / execFileSync.
{
  assert.strictEqual(cp.execSync('echo hi').toString(), 'hi\n');
  assert.strictEqual(cp.execSync('echo hi', { encoding: 'utf8' }), 'hi\n');
  assert.strictEqual(cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }), 'a b\n');
  assert.strictEqual(cp.execSync('cat', { input: 'in' }).toString(), 'in');
  assert.throws(() => cp.execSync('echo out; echo bad >&2; exit 2', { stdio: 'pipe' }), (err) => {
    assert.strictEqual(err.message, 'Command failed: echo out; echo bad >&2; exit 2\nbad\n');
    assert.strictEqual(err.status, 2);
    assert.strictEqual(err.signal, null);
    assert.strictEqual(err.stdout.toString(), 'out\n');
    assert.strictEqual(err.stderr.toString(), 'bad\n');
    assert.deepStrictEqual(Object.keys(err), ['status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
    return true;
  });
  assert.throws(() => cp.execFileSync('/bin/sh', ['-c', 'exit 4'], { stdio: 'pipe' }), {
    message: 'Command failed: /bin/sh -c exit 4',
    status: 4,
  });
  assert.throws(() => cp.execFileSync('/nonexistent/x'), (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.message, 'spawnSync /nonexistent/x ENOENT');
    assert.strictEqual(err.error, err);
    assert.strictEqual(err.status, null);
    return true;
  });
  assert.throws(() => cp.execSync('sleep 10', { timeout: 50 }), {
    code: 'ETIMEDOUT', signal: 'SIGTERM',
  });
  // Without an explicit stdio, the child's stderr is written to ours; with one it is not.
  const r = cp.spawnSync(node, ['-e', `
    require('child_process').execSync('echo to-stderr >&2');
    require('child_process').execSync('echo not-shown >&2', { stdio: 'pipe' });`],
                         { encoding: 'utf8' });
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stderr, 'to-stderr\n');
}

// Validation errors.
{
  assert.throws(() => cp.spawnSync(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync(''), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The argument 'file' cannot be empty. Received ''",
  });
  assert.throws(() => cp.spawnSync('a\u0000b'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => cp.spawnSync('echo', ['a\u0000']), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => cp.spawnSync('echo', 5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', [], 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', { timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => cp.spawnSync('echo', { timeout: 1.5 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => cp.spawnSync('echo', { maxBuffer: -1 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => cp.spawnSync('echo', { killSignal: 'SIGNOPE' }),
                { code: 'ERR_UNKNOWN_SIGNAL' });
  assert.throws(() => cp.spawnSync('echo', { killSignal: {} }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', { stdio: 'bogus' }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => cp.spawnSync('echo', { stdio: [{}] }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => cp.spawnSync('echo', { cwd: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', { shell: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', { detached: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', { uid: 1.5 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('echo', { argv0: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawnSync('cat', { input: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.execSync(5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.execFileSync('echo', [], 5), { code: 'ERR_INVALID_ARG_TYPE' });
}
