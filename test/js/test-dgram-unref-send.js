'use strict';
// dgram: sends keep the loop alive on an unref()'d socket (libuv's send requests are active
// requests), for a literal address and for the default one alike.
const dgram = require('dgram');
const client = dgram.createSocket('udp4').bind(0, () => {
  const port = client.address().port;
  client.send('x', port, '127.0.0.1', (err, bytes) => console.log('literal', err, bytes));
  client.send('yy', port, (err, bytes) => console.log('default', err, bytes));
  client.send('zzz', port, '', (err, bytes) => console.log('empty', err, bytes));
});
client.unref();
process.on('exit', () => console.log('exit'));
