'use strict';
// Server name indication: SNICallback choosing the certificate (synchronously and later),
// server.addContext with a wildcard, what each side sees as servername, and an SNICallback
// error. Recorded against node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca-cert.pem');
const sniContext = tls.createSecureContext({ key: read('sni-key.pem'), cert: read('sni-cert.pem') });

function attempt(label, serverOptions, servername, setup, next) {
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), ...serverOptions,
  }, (socket) => {
    console.log(label, 'server: secureConnection servername', socket.servername);
    socket.end();
  });
  if (setup) setup(server);
  server.on('tlsClientError', (e) => console.log(label, 'server: tlsClientError', e.message));
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1', servername, ca },
                               () => {
                                 console.log(label, 'client: certificate CN',
                                             client.getPeerCertificate().subject.CN,
                                             'servername', client.servername);
                               });
    client.on('error', (e) => console.log(label, 'client: error', e.code));
    client.resume();
    client.on('close', () => server.close(next));
  });
}

const steps = [
  (n) => attempt('sync', {
    SNICallback(name, cb) {
      console.log('SNICallback', name);
      cb(null, name.endsWith('.example.com') ? sniContext : undefined);
    },
  }, 'www.example.com', null, n),
  (n) => attempt('sync-default', {
    SNICallback(name, cb) { cb(null, name.endsWith('.example.com') ? sniContext : undefined); },
  }, 'localhost', null, n),
  (n) => attempt('async', {
    SNICallback(name, cb) { setImmediate(() => cb(null, sniContext)); },
  }, 'api.example.com', null, n),
  (n) => attempt('addContext', {}, 'a.example.com', (server) => {
    server.addContext('*.example.com', { key: read('sni-key.pem'), cert: read('sni-cert.pem') });
  }, n),
  (n) => attempt('addContext-miss', {}, 'localhost', (server) => {
    server.addContext('*.example.com', sniContext);
  }, n),
  (n) => attempt('callback-error', {
    SNICallback(name, cb) { cb(new Error('no certificate for ' + name)); },
  }, 'x.example.com', null, n),
];
let i = 0;
(function next() {
  if (i < steps.length) steps[i++](next);
})();
