'use strict';
// node:os: shapes and values that must agree with the system (checked independently of os).
const assert = require('assert');
const os = require('os');

assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
assert.strictEqual(os.platform(), 'linux');
assert.strictEqual(os.type(), 'Linux');
assert.strictEqual(os.endianness(), 'LE');
assert.strictEqual(os.arch(), process.arch);
assert.match(os.release(), /^\d+\.\d+/);
assert.strictEqual(typeof os.version(), 'string');
assert.strictEqual(typeof os.hostname(), 'string');
assert.ok(os.hostname().length > 0);
assert.strictEqual(`${os.hostname}`, os.hostname());  // Symbol.toPrimitive, as node.
assert.ok(os.totalmem() > 0 && os.freemem() > 0 && os.freemem() <= os.totalmem());
assert.ok(os.uptime() > 0);
const load = os.loadavg();
assert.strictEqual(load.length, 3);
for (const l of load) assert.ok(l >= 0);
const cpus = os.cpus();
assert.ok(cpus.length >= 1);
for (const cpu of cpus) {
  assert.strictEqual(typeof cpu.model, 'string');
  assert.strictEqual(typeof cpu.speed, 'number');
  assert.deepStrictEqual(Object.keys(cpu.times), ['user', 'nice', 'sys', 'idle', 'irq']);
}
assert.ok(os.availableParallelism() >= 1);
assert.strictEqual(os.homedir(), process.env.HOME);
const info = os.userInfo();
assert.strictEqual(info.uid, process.getuid());
assert.strictEqual(info.gid, process.getgid());
assert.strictEqual(typeof info.username, 'string');
const ifaces = os.networkInterfaces();
assert.ok(ifaces.lo, 'loopback interface present');
const lo4 = ifaces.lo.find((a) => a.family === 'IPv4');
assert.deepStrictEqual(lo4, {
  address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00',
  internal: true, cidr: '127.0.0.1/8',
});
assert.strictEqual(os.constants.signals.SIGINT, 2);
assert.strictEqual(os.constants.errno.ENOENT, 2);
assert.strictEqual(os.constants.priority.PRIORITY_LOW, 19);
assert.strictEqual(typeof os.getPriority(), 'number');
assert.throws(() => os.setPriority(0, 100), { code: 'ERR_OUT_OF_RANGE', name: 'RangeError' });
assert.throws(() => os.getPriority('x'), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
const savedTmp = process.env.TMPDIR;
process.env.TMPDIR = '/var/tmp/';
assert.strictEqual(os.tmpdir(), '/var/tmp');
if (savedTmp === undefined) delete process.env.TMPDIR;
else process.env.TMPDIR = savedTmp;
