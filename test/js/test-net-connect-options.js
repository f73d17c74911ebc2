'use strict';
// Socket/Server options and argument checks of net: noDelay/keepAlive applied once connected,
// connect() without a destination, hints validated by the default lookup, custom lookup answers
// with a bad family, setTimeout ranges, listen() port forms and signal, the connection key,
// byte counts after a reconnect, DEP0121.
const net = require('net');
const { getEventListeners } = require('events');

function report(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

report('connect()', () => net.connect());
report('connect({})', () => net.connect({}));
report('Socket().connect({})', () => new net.Socket().connect({}));
report('bad hints', () => net.connect({ port: 42, hints: 9999 }));
for (const msecs of [-1, Infinity, NaN, '5']) {
  report(`setTimeout(${String(msecs)})`, () => new net.Socket().setTimeout(msecs));
}
report('listen signal string', () => net.createServer().listen({ port: 0, signal: 'x' }));

{
  const ac = new AbortController();
  const socket = new net.Socket({ signal: ac.signal });
  console.log('signal listeners', getEventListeners(ac.signal, 'abort').length);
  socket.destroy();
}

net._setSimultaneousAccepts();
net._setSimultaneousAccepts();

const steps = [];
function step(fn) { steps.push(fn); }
function next() {
  const fn = steps.shift();
  if (fn) fn();
}

step(() => {
  const server = net.createServer();
  server.on('close', () => { console.log('aborted server closed'); next(); });
  server.listen({ port: 0, signal: AbortSignal.abort() });
});

step(() => {
  const server = net.createServer().listen({ port: undefined }, () => {
    const family = server.address().family;
    console.log('port undefined: listening, key matches family',
                server._connectionKey === `${family.slice(-1)}:${server.address().address}:` +
                '0');
    server.close(next);
  });
});

step(() => {
  const server = net.createServer((s) => s.end());
  server.listen(0, () => {
    const calls = [];
    const client = net.connect({ port: server.address().port, noDelay: true, keepAlive: true,
                                 keepAliveInitialDelay: 2500 }, () => {
      console.log('applied after connect', JSON.stringify(calls));
      client.end();
    });
    client._handle.setNoDelay = (on) => calls.push(['noDelay', on]);
    client._handle.setKeepAlive = (on, delay) => calls.push(['keepAlive', on, delay]);
    client.on('close', () => server.close(next));
  });
});

step(() => {
  const server = net.createServer();
  server.listen({ port: 0, host: '127.0.0.1' }, () => {
    const client = net.connect({
      port: server.address().port,
      host: 'example.invalid',
      lookup(host, options, cb) {
        if (options.all) cb(null, [{ address: '127.0.0.1', family: 100 }]);
        else cb(null, '127.0.0.1', 100);
      },
    });
    client.on('error', (err) => {
      console.log('bad family', err.code, err.message.replace(/:\d+$/, ':PORT'));
      server.close(next);
    });
  });
});

step(() => {
  const server = net.createServer((s) => s.resume());
  server.listen(0, () => {
    let rounds = 0;
    const client = net.connect(server.address().port);
    client.on('connect', () => {
      client.write('foo', () => client.end('bar'));
    });
    client.on('finish', () => console.log('bytesWritten', client.bytesWritten));
    client.on('close', () => {
      if (++rounds < 2) client.connect(server.address().port);
      else server.close(next);
    });
  });
});

next();
