'use strict';
// dgram: setMulticastInterface parses the address as libuv does (IPv4, else ipv6[%zone], else
// EINVAL) whatever the socket's family, and reports the kernel's answer to a mismatch.
const dgram = require('dgram');
function run(type, next) {
  const s = dgram.createSocket(type);
  s.bind(0, () => {
    for (const a of ['undefined', '', '::', '::%lo', 'fe80::1%lo', '1.2.3.4', '127.0.0.1', '0.0.0.0', '::%nonexist']) {
      try { s.setMulticastInterface(a); console.log(type, JSON.stringify(a), 'ok'); } catch (e) { console.log(type, JSON.stringify(a), e.code, e.message); }
    }
    s.close(next);
  });
}
run('udp6', () => run('udp4'));
