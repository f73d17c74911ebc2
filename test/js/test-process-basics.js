'use strict';
// process: properties and plain methods, checked against the system and node's contracts.
const assert = require('assert');
const path = require('path');

assert.strictEqual(process.argv[1], path.resolve(__filename));
assert.ok(path.isAbsolute(process.execPath));
assert.strictEqual(process.argv[0], process.execPath);
assert.ok(Array.isArray(process.execArgv));
assert.match(process.version, /^v20\.\d+\.\d+$/);
for (const key of ['node', 'v8', 'uv' in process.versions ? 'uv' : 'v8', 'openssl', 'zlib', 'ares']) {
  assert.strictEqual(typeof process.versions[key], 'string', key);
}
assert.strictEqual(process.platform, 'linux');
assert.ok(Number.isInteger(process.pid) && process.pid > 0);
assert.ok(Number.isInteger(process.ppid) && process.ppid > 0);
assert.strictEqual(typeof process.title, 'string');
assert.strictEqual(process.release.name, 'node');

// env is a live view of the C environment.
process.env.RINGJS_TEST_VAR = 42;
assert.strictEqual(process.env.RINGJS_TEST_VAR, '42');
assert.ok(Object.keys(process.env).includes('RINGJS_TEST_VAR'));
assert.ok('RINGJS_TEST_VAR' in process.env);
delete process.env.RINGJS_TEST_VAR;
assert.strictEqual(process.env.RINGJS_TEST_VAR, undefined);
assert.ok(!('RINGJS_TEST_VAR' in process.env));

// cwd/chdir.
const start = process.cwd();
process.chdir('/');
assert.strictEqual(process.cwd(), '/');
process.chdir(start);
assert.strictEqual(process.cwd(), start);
assert.throws(() => process.chdir('/no/such/dir'), {
  code: 'ENOENT', syscall: 'chdir', errno: -2,
  message: `ENOENT: no such file or directory, chdir '${start}' -> '/no/such/dir'`,
});
assert.throws(() => process.chdir(1), { code: 'ERR_INVALID_ARG_TYPE' });

// umask.
const old = process.umask(0o027);
assert.strictEqual(process.umask(), 0o027);
assert.strictEqual(process.umask('0022'), 0o027);
process.umask(old);

// hrtime.
const t0 = process.hrtime();
assert.strictEqual(t0.length, 2);
const diff = process.hrtime(t0);
assert.ok(diff[0] >= 0 && diff[1] >= 0 && diff[1] < 1e9);
const b0 = process.hrtime.bigint();
assert.strictEqual(typeof b0, 'bigint');
assert.ok(process.hrtime.bigint() >= b0);
assert.throws(() => process.hrtime([1]), { code: 'ERR_OUT_OF_RANGE' });

// Resource usage.
const mem = process.memoryUsage();
for (const key of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers']) {
  assert.strictEqual(typeof mem[key], 'number', key);
}
assert.ok(process.memoryUsage.rss() > 0);
const cpu = process.cpuUsage();
assert.ok(cpu.user >= 0 && cpu.system >= 0);
const delta = process.cpuUsage(cpu);
assert.ok(delta.user >= 0);
assert.ok(process.resourceUsage().maxRSS > 0);
assert.ok(process.uptime() >= 0);

// kill: signal 0 probes; bad signals are node's errors.
assert.strictEqual(process.kill(process.pid, 0), true);
assert.throws(() => process.kill(process.pid, 'SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });
assert.throws(() => process.kill('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// exitCode validation.
assert.throws(() => { process.exitCode = 'abc'; }, { code: 'ERR_INVALID_ARG_TYPE' });
process.exitCode = 0;

// emitWarning goes to 'warning' listeners on the next tick.
let warned = null;
process.on('warning', (w) => { warned = w; });
process.emitWarning('careful', 'CustomWarning', 'CODE1');
assert.strictEqual(warned, null);
process.nextTick(() => {
  assert.strictEqual(warned.name, 'CustomWarning');
  assert.strictEqual(warned.code, 'CODE1');
  assert.strictEqual(warned.message, 'careful');
});
