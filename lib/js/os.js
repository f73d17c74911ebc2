'use strict';
// node:os.

const binding = internalBinding('os');
const { os: osConstants } = internalBinding('constants');
const { validateInt32 } = require('internal/validators');

// Calls a binding function that fills an error context on failure, throwing node's
// ERR_SYSTEM_ERROR from it.
function checked(fn, ...args) {
  const ctx = {};
  const result = fn(...args, ctx);
  if (ctx.errno !== undefined) {
    const { ERR_SYSTEM_ERROR } = require('internal/errors').codes;
    throw new ERR_SYSTEM_ERROR(ctx);
  }
  return result;
}

function withPrimitive(fn) {
  fn[Symbol.toPrimitive] = () => fn();
  return fn;
}

const hostname = withPrimitive(function hostname() { return checked(binding.getHostname); });
const homedir = withPrimitive(function homedir() { return checked(binding.getHomeDirectory); });
const uptime = withPrimitive(function uptime() { return checked(binding.getUptime); });
const totalmem = withPrimitive(function totalmem() { return binding.getTotalMem(); });
const freemem = withPrimitive(function freemem() { return binding.getFreeMem(); });
const type = withPrimitive(function type() { return checked(binding.getOSInformation)[0]; });
const version = withPrimitive(function version() { return checked(binding.getOSInformation)[1]; });
const release = withPrimitive(function release() { return checked(binding.getOSInformation)[2]; });
const machine = withPrimitive(function machine() { return checked(binding.getOSInformation)[3]; });
const endianness = withPrimitive(function endianness() { return 'LE'; });

function loadavg() {
  return binding.getLoadAvg();
}

function cpus() {
  const data = binding.getCPUs() || [];
  const result = [];
  for (let i = 0; i < data.length; i += 7) {
    result.push({
      model: data[i],
      speed: data[i + 1],
      times: { user: data[i + 2], nice: data[i + 3], sys: data[i + 4], idle: data[i + 5],
               irq: data[i + 6] },
    });
  }
  return result;
}

function availableParallelism() {
  return binding.getAvailableParallelism();
}

function arch() { return process.arch; }
function platform() { return process.platform; }

function tmpdir() {
  let path = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function networkInterfaces() {
  const data = checked(binding.getInterfaceAddresses) || [];
  const result = {};
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family: data[i + 3],
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: cidr(data[i + 1], data[i + 2], data[i + 3]),
    };
    if (data[i + 3] === 'IPv6') entry.scopeid = data[i + 6];
    (result[name] ??= []).push(entry);
  }
  return result;
}

function cidr(address, netmask, family) {
  let ones = 0;
  let split = '.';
  let range = 10;
  let groupLength = 8;
  let hasZeros = false;
  if (family === 'IPv6') {
    split = ':';
    range = 16;
    groupLength = 16;
  }
  const parts = netmask.split(split);
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== '') {
      const binary = Number.parseInt(parts[i], range);
      const tmp = countBinaryOnes(binary);
      ones += tmp;
      if (hasZeros) {
        if (tmp !== 0) return null;
      } else if (tmp !== groupLength) {
        if ((binary & 1) !== 0) return null;
        hasZeros = true;
      }
    }
  }
  return `${address}/${ones}`;
}

function countBinaryOnes(n) {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return ((n + (n >>> 4) & 0xF0F0F0F) * 0x1010101) >>> 24;
}

function userInfo(options) {
  const info = checked(binding.getUserInfo);
  if (options?.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    info.username = Buffer.from(info.username);
    info.homedir = Buffer.from(info.homedir);
    info.shell = info.shell === null ? null : Buffer.from(info.shell);
  }
  return info;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  checked(binding.setPriority, pid, priority);
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  return checked(binding.getPriority, pid);
}

// node lets these be used as their value too (`${os.tmpdir}`).
for (const fn of [arch, availableParallelism, platform, tmpdir]) withPrimitive(fn);

module.exports = {
  arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname,
  loadavg, networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type, userInfo,
  uptime, version, machine,
};

Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: osConstants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
