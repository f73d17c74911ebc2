'use strict';
// Pre-shared keys (pskCallback on both sides, pskIdentityHint): TLS 1.2 PSK ciphers and TLS 1.3,
// unknown identities and wrong keys, callbacks that return the wrong thing or throw (the
// server's tlsClientError, the client's 'error'), a hint OpenSSL refuses; an ALPNCallback's
// answer the client did not offer is a tlsClientError too.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const USERS = { alice: Buffer.alloc(32, 1), bob: Buffer.from('82072606b502b0f4025e90eb75fe137d', 'hex') };
const CIPHERS = 'PSK+HIGH:TLS_AES_128_GCM_SHA256';

function run(name, serverOptions, clientOptions, next) {
  const server = tls.createServer({ ciphers: CIPHERS, ...serverOptions }, (socket) => {
    console.log(name, 'server secure', socket.getProtocol(), socket.authorized);
    socket.pipe(socket);
  });
  server.on('tlsClientError', (err) => console.log(name, 'tlsClientError', err.name, err.code,
                                                  err.library ? '(OpenSSL)' : err.message));
  server.listen(0, () => {
    const client = tls.connect({
      port: server.address().port, ciphers: CIPHERS, checkServerIdentity: () => {}, ...clientOptions,
    }, () => {
      console.log(name, 'client secure', client.getProtocol(), client.authorized, client.getCipher().name);
      client.end('ping');
    });
    client.on('data', (d) => console.log(name, 'echo', d.toString()));
    client.on('error', (err) => console.log(name, 'client error', err.code));
    client.on('close', () => server.close(next));
  });
}

const serverPsk = {
  pskCallback(socket, identity) {
    if (!(socket instanceof tls.TLSSocket)) console.log('no socket');
    return USERS[identity];
  },
};

const steps = [
  (next) => run('tls13', serverPsk, { pskCallback: () => ({ psk: USERS.alice, identity: 'alice' }) }, next),
  (next) => run('tls12', { ...serverPsk, pskIdentityHint: 'hint!' }, {
    maxVersion: 'TLSv1.2',
    pskCallback(hint) {
      console.log('tls12 hint', hint);
      return { psk: USERS.bob, identity: 'bob' };
    },
  }, next),
  (next) => run('unknown', serverPsk, { pskCallback: () => ({ psk: USERS.bob, identity: 'carol' }) }, next),
  (next) => run('wrongkey', serverPsk, { pskCallback: () => ({ psk: USERS.bob, identity: 'alice' }) }, next),
  (next) => run('server-string', { pskCallback: () => 'nope' },
                { pskCallback: () => ({ psk: USERS.bob, identity: 'bob' }) }, next),
  (next) => run('server-throws', { pskCallback: () => { throw new Error('boom'); } },
                { pskCallback: () => ({ psk: USERS.bob, identity: 'bob' }) }, next),
  (next) => run('client-string', serverPsk, { pskCallback: () => 'nope' }, next),
  (next) => run('client-throws', serverPsk, { pskCallback: () => { throw new Error('client boom'); } }, next),
  (next) => run('long-hint', { ...serverPsk, pskIdentityHint: 'h'.repeat(512) },
                { pskCallback: () => ({ psk: USERS.bob, identity: 'bob' }) }, next),
  (next) => {
    const dir = path.join(__dirname, 'fixtures', 'tls');
    run('alpn', {
      key: fs.readFileSync(path.join(dir, 'server-key.pem')),
      cert: fs.readFileSync(path.join(dir, 'server-cert.pem')),
      ciphers: undefined,
      ALPNCallback: () => 'not-offered',
    }, { ciphers: undefined, rejectUnauthorized: false, ALPNProtocols: ['a', 'b'] }, next);
  },
];

for (const bad of [{ pskCallback: 1 }, { pskIdentityHint: 5 }]) {
  try { tls.createServer(bad); } catch (e) { console.log('createServer', Object.keys(bad)[0], e.code); }
}

(function next() {
  const step = steps.shift();
  if (step) step(next);
  else console.log('done');
})();
