'use strict';
// tlsSocket.renegotiate(): a TLS 1.2 client's new handshake ('secure' and 'secureConnect' again,
// the callback after it), argument checks, TLS 1.3's refusal (callback with OpenSSL's error,
// false returned); a server's disableRenegotiation() and tls.CLIENT_RENEG_LIMIT.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', name));
const key = fixture('server-key.pem');
const cert = fixture('server-cert.pem');

function withPair(maxVersion, onServerSocket, onClient, done) {
  const server = tls.createServer({ key, cert, maxVersion }, onServerSocket);
  server.listen(0, () => {
    const client = tls.connect({ port: server.address().port, rejectUnauthorized: false },
                               () => onClient(client));
    client.on('close', () => server.close(done));
  });
}

function renegotiateTwice(done) {
  let serverSecure = 0;
  withPair('TLSv1.2', (socket) => {
    socket.on('secure', () => serverSecure++);
    socket.on('data', (d) => socket.write(d));
  }, (client) => {
    for (const args of [[], [() => {}], [{}, false], [{}, null], [null]]) {
      try { client.renegotiate(...args); } catch (e) { console.log('renegotiate args', e.code); }
    }
    let secureConnect = 0;
    client.on('secureConnect', () => secureConnect++);
    console.log('first', client.renegotiate({}, (err) => {
      console.log('renegotiated', err, client.getProtocol(), secureConnect, serverSecure);
      console.log('second', client.renegotiate({ rejectUnauthorized: false }, (err2) => {
        console.log('renegotiated again', err2, secureConnect, serverSecure);
        client.write('hello');
        client.once('data', (d) => {
          console.log('echo', d.toString());
          client.end();
        });
      }));
    }));
  }, done);
}

function tls13(done) {
  withPair(undefined, (socket) => socket.resume(), (client) => {
    const ok = client.renegotiate({}, (err) => {
      console.log('tls1.3', err.code, err.message, err.library, err.reason);
      client.end();
    });
    console.log('tls1.3 returned', ok);
  }, done);
}

function disabled(done) {
  withPair('TLSv1.2', (socket) => {
    socket.disableRenegotiation();
    socket.on('error', (err) => {
      console.log('server error', err.name, err.code, err.message);
      socket.destroy();
    });
  }, (client) => {
    client.on('error', () => {});
    console.log('disabled returned', client.renegotiate({}, () => console.log('not reached')));
  }, done);
}

function limit(done) {
  withPair('TLSv1.2', (socket) => {
    socket.on('error', (err) => {
      console.log('limit error', err.code, socket._handle.handshakes);
      socket.destroy();
    });
  }, (client) => {
    client.on('error', () => {});
    let n = 0;
    const again = () => {
      n++;
      client.renegotiate({}, () => {
        console.log('renegotiation', n, 'done');
        again();
      });
    };
    again();
  }, done);
}

renegotiateTwice(() => tls13(() => disabled(() => limit(() => console.log('done')))));
