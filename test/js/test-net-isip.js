'use strict';
// net: isIP/isIPv4/isIPv6, SocketAddress and BlockList.
const assert = require('assert');
const net = require('net');

for (const [input, want] of [
  ['127.0.0.1', 4], ['0.0.0.0', 4], ['255.255.255.255', 4], ['256.0.0.1', 0],
  ['1.2.3', 0], ['01.2.3.4', 0], ['1.2.3.4 ', 0], ['::', 6], ['::1', 6],
  ['fe80::1%eth0', 6], ['2001:db8::ff00:42:8329', 6], ['::ffff:192.0.2.128', 6],
  ['1:2:3:4:5:6:7:8', 6], ['1:2:3:4:5:6:7:8:9', 0], ['1::2::3', 0], ['x', 0], ['', 0],
  [undefined, 0], [null, 0], [123, 0], ['::ffff:1.2.3', 0], ['a:b:c:d:e:f:1.2.3.4', 6],
]) {
  assert.strictEqual(net.isIP(input), want, `isIP(${input})`);
  assert.strictEqual(net.isIPv4(input), want === 4, `isIPv4(${input})`);
  assert.strictEqual(net.isIPv6(input), want === 6, `isIPv6(${input})`);
}

const sa = new net.SocketAddress({ address: '10.0.0.1', port: 80 });
assert.strictEqual(sa.address, '10.0.0.1');
assert.strictEqual(sa.port, 80);
assert.strictEqual(sa.family, 'ipv4');
assert.strictEqual(sa.flowlabel, 0);
assert.deepStrictEqual(sa.toJSON(), { address: '10.0.0.1', port: 80, family: 'ipv4',
                                      flowlabel: 0 });
assert.strictEqual(net.SocketAddress.isSocketAddress(sa), true);
assert.strictEqual(net.SocketAddress.isSocketAddress({}), false);
const sa6 = new net.SocketAddress({ family: 'ipv6' });
assert.strictEqual(sa6.address, '::');
assert.throws(() => new net.SocketAddress({ address: 'nope' }), { code: 'ERR_INVALID_ADDRESS' });
assert.throws(() => new net.SocketAddress({ port: 70000 }), { code: 'ERR_SOCKET_BAD_PORT' });

const bl = new net.BlockList();
bl.addAddress('123.123.123.123');
bl.addRange('10.0.0.1', '10.0.0.10');
bl.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
bl.addSubnet('192.168.0.0', 16);
assert.strictEqual(bl.check('123.123.123.123'), true);
assert.strictEqual(bl.check('123.123.123.124'), false);
assert.strictEqual(bl.check('10.0.0.3'), true);
assert.strictEqual(bl.check('10.0.0.11'), false);
assert.strictEqual(bl.check('192.168.77.1'), true);
assert.strictEqual(bl.check('192.169.0.1'), false);
assert.strictEqual(bl.check('8592:757c:efae:4e45:f::', 'ipv6'), true);
assert.strictEqual(bl.check('8592:757c:efae:4f45::f', 'ipv6'), false);
assert.strictEqual(bl.check('::ffff:7b7b:7b7b', 'ipv6'), true);
assert.strictEqual(bl.check(new net.SocketAddress({ address: '10.0.0.5' })), true);
assert.deepStrictEqual(bl.rules, [
  'Subnet: IPv4 192.168.0.0/16',
  'Subnet: IPv6 8592:757c:efae:4e45::/64',
  'Range: IPv4 10.0.0.1-10.0.0.10',
  'Address: IPv4 123.123.123.123',
]);
