'use strict';
// dgram argument checks and legacy surface: sendto(), buffer bounds of send(offset, length),
// lookup validation and its (host, family, cb) call, DEP0112 accessors, repeated failing binds
// leaving no listeners behind.
const dgram = require('dgram');

function report(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

const sock = dgram.createSocket('udp4');
report('sendto()', () => sock.sendto());
report('sendto length', () => sock.sendto('b', 1, 'x', 1, 'a'));
report('sendto port', () => sock.sendto('b', 1, 1, false, 'a'));
report('sendto address', () => sock.sendto('b', 1, 1, 10, false));
report('lookup null', () => dgram.createSocket({ type: 'udp4', lookup: null }));
console.log('bindState via deprecated accessor', sock._bindState);
sock._bindState;  // Warned once only.
sock.close();

const calls = [];
const lookup = (host, family, cb) => {
  calls.push([host, family]);
  require('dns').lookup(host, family, cb);
};
const custom = dgram.createSocket({ type: 'udp4', lookup });
custom.bind(0, '127.0.0.1', () => {
  console.log('custom lookup calls', JSON.stringify(calls));
  const port = custom.address().port;
  custom.connect(port, '127.0.0.1', () => {
    report('send offset past end', () => custom.send(Buffer.from('hello'), 6, 0));
    report('send length past end', () => custom.send(Buffer.from('hello'), 0, 6));
    // custom still holds the port, so every bind below fails.
    const second = dgram.createSocket('udp4');
    second.bind(port, '127.0.0.1', () => console.log('unexpected bind'));
    let errors = 0;
    second.on('error', (err) => {
      if (++errors < 3) {
        second.bind(port, '127.0.0.1', () => console.log('unexpected bind'));
        return;
      }
      console.log('bind errors', errors, err.code,
                  'error listeners', second.listenerCount('error'),
                  'listening listeners', second.listenerCount('listening'));
      second.close();
      custom.close();
    });
  });
});
