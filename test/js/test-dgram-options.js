'use strict';
// dgram socket options and their errors as node reports them: before bind (EBADF), bad values
// (EINVAL, ERR_INVALID_ARG_TYPE, ERR_SOCKET_BAD_PORT), multicast membership on loopback,
// not-connected and not-running states; then a multi-buffer send to 'localhost', close twice,
// an unref'd socket that does not keep the process alive. Async events are printed sorted at
// exit so completion order inside one loop turn does not matter.
const dgram = require('dgram');

function attempt(name, fn) {
  try {
    console.log(name, 'ok', fn());
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}

const events = [];
process.on('exit', (code) => {
  console.log(events.sort().join('\n'));
  console.log('exit', code);
});

const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
attempt('ttl-before-bind', () => s.setTTL(5));
attempt('broadcast-before-bind', () => s.setBroadcast(true));
attempt('send port 0', () => s.send('x', 0, '127.0.0.1'));
attempt('send port 70000', () => s.send('x', 70000, '127.0.0.1'));
attempt('send number', () => s.send(123, 1234, '127.0.0.1'));

s.bind(0, () => {
  attempt('ttl', () => s.setTTL(5));
  attempt('ttl 300', () => s.setTTL(300));
  attempt('ttl string', () => s.setTTL('a'));
  attempt('multicast ttl', () => s.setMulticastTTL(3));
  attempt('multicast loopback', () => s.setMulticastLoopback(true));
  attempt('broadcast', () => s.setBroadcast(true));
  attempt('addMembership unicast', () => s.addMembership('1.2.3.4'));
  attempt('addMembership', () => s.addMembership('239.1.2.3', '127.0.0.1'));
  attempt('dropMembership', () => s.dropMembership('239.1.2.3', '127.0.0.1'));
  attempt('dropMembership again', () => s.dropMembership('239.1.2.3', '127.0.0.1'));
  attempt('setMulticastInterface', () => s.setMulticastInterface('127.0.0.1'));
  attempt('setMulticastInterface bad', () => s.setMulticastInterface('x'));
  attempt('addSourceSpecificMembership',
          () => s.addSourceSpecificMembership('127.0.0.1', '232.1.1.1'));
  attempt('recv buffer size type', () => typeof s.getRecvBufferSize());
  attempt('remoteAddress', () => s.remoteAddress());
  attempt('disconnect', () => s.disconnect());
  attempt('send queue', () => [s.getSendQueueSize(), s.getSendQueueCount()]);
  const { port } = s.address();
  s.on('message', (msg, rinfo) => {
    events.push(`message ${msg} size ${rinfo.size} ${rinfo.family}`);
    s.close(() => events.push('close callback'));
    attempt('send after close', () => s.send('x', port, '127.0.0.1'));
    attempt('close twice', () => s.close());
  });
  s.on('close', () => events.push('close event'));
  s.send(['ab', Buffer.from('c'), new Uint8Array([100])], port, 'localhost',
         (err, bytes) => events.push(`sent ${err} ${bytes}`));
});

const unreferenced = dgram.createSocket('udp4');
unreferenced.bind(0);
unreferenced.unref();
