'use strict';
// Sessions and key logging: a client's 'session' event, resuming with that session
// (isSessionReused), getSession/getTLSTicket, 'keylog' lines on both sides, and TLS 1.2 as
// well as 1.3. Recorded against node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca-cert.pem');

function labelsOf(lines) {
  return [...new Set(lines.map((l) => l.toString().split(' ')[0]))].sort();
}

function round(version, next) {
  const serverKeylog = [];
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), maxVersion: version,
  }, (socket) => socket.end('x'));
  server.on('keylog', (line, socket) => {
    serverKeylog.push(line);
    if (!(socket instanceof tls.TLSSocket)) console.log('keylog socket is not a TLSSocket');
  });
  server.listen(0, '127.0.0.1', () => {
    const options = { port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca };
    const clientKeylog = [];
    let saved;
    const first = tls.connect(options, () => {
      console.log(version, 'first: reused', first.isSessionReused(),
                  'protocol', first.getProtocol());
    });
    first.on('keylog', (line) => clientKeylog.push(line));
    first.on('session', (session) => {
      if (!saved) {
        saved = session;
        console.log(version, 'first: session event, Buffer', Buffer.isBuffer(session));
      }
    });
    first.resume();
    first.on('close', () => {
      console.log(version, 'client keylog labels', labelsOf(clientKeylog));
      console.log(version, 'lines end with newline', clientKeylog.every((l) => l.at(-1) === 10));
      console.log(version, 'server keylog labels', labelsOf(serverKeylog));
      const second = tls.connect({ ...options, session: saved }, () => {
        console.log(version, 'second: reused', second.isSessionReused(),
                    'getSession is Buffer', Buffer.isBuffer(second.getSession()),
                    'ticket is Buffer', Buffer.isBuffer(second.getTLSTicket()));
      });
      second.resume();
      second.on('close', () => server.close(next));
    });
  });
}

round('TLSv1.3', () => round('TLSv1.2', () => console.log('done')));
