'use strict';
// dns: lookup() through getaddrinfo (IP literals answered directly, localhost from /etc/hosts,
// all/family/order options, ENOTFOUND), lookupService(), promises, argument validation and the
// error-code constants.
const assert = require('assert');
const dns = require('dns');

assert.strictEqual(dns.NOTFOUND, 'ENOTFOUND');
assert.strictEqual(dns.NODATA, 'ENODATA');
assert.strictEqual(dns.ADDRCONFIG, 32);
assert.strictEqual(dns.V4MAPPED, 8);
assert.strictEqual(dns.ALL, 16);
assert.strictEqual(dns.getDefaultResultOrder(), 'verbatim');

assert.throws(() => dns.lookup(1, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dns.lookup('x', { family: 5 }, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.family' must be one of: 0, 4, 6. Received 5",
});
assert.throws(() => dns.lookup('x', {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dns.lookup('x', { hints: 57 }, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'hints' is invalid. Received 57",
});
// dns.promises argument errors throw rather than reject.
assert.throws(() => dns.promises.lookup(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dns.promises.lookupService('127.0.0.1'), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => dns.lookupService('nope', 80, () => {}), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => dns.lookupService('127.0.0.1', 70000, () => {}),
              { code: 'ERR_SOCKET_BAD_PORT' });

const done = [];
process.on('exit', (code) => {
  if (code === 0) {
    assert.deepStrictEqual(done.sort(), ['ENOTFOUND', 'all', 'literal4', 'literal6', 'localhost',
                                         'lookupService', 'promises']);
  }
});

// Falsy host names answer null (node keeps them for compatibility, with DEP0118).
for (const falsy of [0, NaN, false, null]) {
  dns.lookup(falsy, (err, address, family) => {
    assert.ifError(err);
    assert.strictEqual(address, null);
    assert.strictEqual(family, 4);
  });
}

dns.lookup('127.0.0.1', (err, address, family) => {
  assert.ifError(err);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
  done.push('literal4');
});
dns.lookup('::1', { all: true }, (err, list) => {
  assert.ifError(err);
  assert.deepStrictEqual(list, [{ address: '::1', family: 6 }]);
  done.push('literal6');
});
dns.lookup('localhost', 4, (err, address, family) => {
  assert.ifError(err);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
  done.push('localhost');
});
dns.lookup('localhost', { all: true, order: 'ipv4first' }, (err, list) => {
  assert.ifError(err);
  assert.ok(list.length >= 1);
  assert.deepStrictEqual(list[0], { address: '127.0.0.1', family: 4 });
  done.push('all');
});
dns.lookup('nonexistent.invalid', (err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'nonexistent.invalid');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND nonexistent.invalid');
  done.push('ENOTFOUND');
});
dns.lookupService('127.0.0.1', 22, (err, hostname, service) => {
  assert.ifError(err);
  assert.strictEqual(typeof hostname, 'string');
  assert.strictEqual(service, 'ssh');
  done.push('lookupService');
});
dns.promises.lookup('localhost', { family: 4 }).then((r) => {
  assert.deepStrictEqual(r, { address: '127.0.0.1', family: 4 });
  return require('dns/promises').lookup('127.0.0.1', { all: true });
}).then((list) => {
  assert.deepStrictEqual(list, [{ address: '127.0.0.1', family: 4 }]);
  done.push('promises');
});
