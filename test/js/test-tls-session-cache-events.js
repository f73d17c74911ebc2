'use strict';
// A server's session id cache: 'newSession' (id, data, callback; TLS 1.2 announces the
// connection only after the callback), 'resumeSession' (id, callback(err, data)) resuming with
// what the callback gives, a full handshake for data that is no session, and an error that ends
// the connection (TLS 1.2; in TLS 1.3 node never resumes through this cache, ringjs resumes a
// stateful ticket JS loaded). Recorded against node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { SSL_OP_NO_TICKET } = require('crypto').constants;

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca-cert.pem');

function run(version, mode, next) {
  const log = [];
  let stored = null;
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), maxVersion: version,
    secureOptions: SSL_OP_NO_TICKET,
  }, (socket) => {
    log.push('secureConnection');
    socket.end('x');
  });
  const tag = `${version} ${mode}:`;
  server.on('newSession', (id, data, cb) => {
    console.log(tag, 'newSession id', id.length, 'data Buffer', Buffer.isBuffer(data),
                'cb', typeof cb);
    setImmediate(() => {
      log.push('cb');
      if (!stored) stored = { id, data };
      cb();
    });
  });
  server.on('resumeSession', (id, cb) => {
    console.log(tag, 'resumeSession id', id.length, 'matches', !!stored && id.equals(stored.id));
    setImmediate(() => {
      if (mode === 'error') cb(new Error('lookup failed'));
      else if (mode === 'invalid') cb(null, Buffer.from('not a session'));
      else cb(null, stored && stored.data);
    });
  });
  server.on('tlsClientError', (err) => console.log(tag, 'tlsClientError', err.message));
  server.listen(0, '127.0.0.1', () => {
    const options = {
      port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca,
      maxVersion: version,
    };
    const first = tls.connect(options, () => {
      console.log(tag, 'first reused', first.isSessionReused());
    });
    let session;
    first.on('session', (s) => { session = session || s; });
    first.resume();
    first.on('close', () => {
      const second = tls.connect({ ...options, session }, () => {
        console.log(tag, 'second reused', second.isSessionReused());
      });
      second.on('error', (err) => console.log(tag, 'client error', err.code));
      second.resume();
      second.on('close', () => {
        console.log(tag, log.join(' '));
        server.close(next);
      });
    });
  });
}

const rounds = [
  ['TLSv1.2', 'resume'], ['TLSv1.2', 'invalid'], ['TLSv1.2', 'error'],
];
(function nextRound() {
  const round = rounds.shift();
  if (round) run(round[0], round[1], nextRound);
})();
