'use strict';
// Certificate verification and handshake failures, on both sides: node's codes for untrusted,
// self-signed and misnamed certificates, rejectUnauthorized:false, custom checkServerIdentity,
// client certificates (requestCert), ALPN and version mismatches. Recorded against node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));

function describeError(e) {
  // OpenSSL's printed queue names source files, which differ between builds: keep the parts
  // that do not.
  const out = { code: e.code };
  if (e.library) out.library = e.library;
  if (e.reason) out.reason = e.reason;
  if (!e.library) out.message = e.message;
  return out;
}

function run(name, serverOptions, clientOptions, next) {
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), ...serverOptions,
  }, (socket) => {
    console.log(name, 'server: secureConnection', socket.authorized, socket.authorizationError,
                socket.servername, socket.alpnProtocol,
                socket.getPeerCertificate().subject?.CN);
    socket.end('hi');
  });
  server.on('tlsClientError', (e) => console.log(name, 'server: tlsClientError', describeError(e)));
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1',
                                 servername: 'localhost', ...clientOptions }, () => {
      console.log(name, 'client: secureConnect', client.authorized, client.authorizationError,
                  client.alpnProtocol);
    });
    client.on('data', (d) => console.log(name, 'client: data', d.toString()));
    client.on('error', (e) => console.log(name, 'client: error', describeError(e)));
    client.on('close', () => server.close(next));
  });
}

const ca = read('ca-cert.pem');
const steps = [
  (n) => run('no-ca', {}, {}, n),
  (n) => run('no-ca-unauthorized-ok', {}, { rejectUnauthorized: false }, n),
  (n) => run('self-signed', { key: read('self-key.pem'), cert: read('self-cert.pem') }, {}, n),
  (n) => run('self-signed-trusted', { key: read('self-key.pem'), cert: read('self-cert.pem') },
             { ca: read('self-cert.pem') }, n),
  (n) => run('ca', {}, { ca }, n),
  (n) => run('wrong-name', {}, { ca, servername: 'foo.example.org' }, n),
  (n) => run('wrong-name-unauthorized-ok', {},
             { ca, servername: 'foo.example.org', rejectUnauthorized: false }, n),
  (n) => run('custom-identity-check', {}, {
    ca,
    checkServerIdentity(host, cert) {
      console.log('checkServerIdentity', host, cert.subject.CN, cert.issuerCertificate.subject.CN);
      const err = new Error('refused by test');
      err.code = 'TEST_REFUSED';
      return err;
    },
  }, n),
  (n) => run('alpn', { ALPNProtocols: ['h2', 'http/1.1'] },
             { ca, ALPNProtocols: ['x', 'http/1.1'] }, n),
  (n) => run('alpn-no-overlap', { ALPNProtocols: ['h2'] }, { ca, ALPNProtocols: ['http/1.1'] }, n),
  (n) => run('alpn-client-only', {}, { ca, ALPNProtocols: ['http/1.1'] }, n),
  (n) => run('alpn-callback', {
    ALPNCallback({ servername, protocols }) {
      console.log('ALPNCallback', servername, protocols);
      return protocols[1];
    },
  }, { ca, ALPNProtocols: ['a', 'b', 'c'] }, n),
  (n) => run('request-cert-missing', { requestCert: true, ca }, { ca }, n),
  (n) => run('request-cert-missing-ok', { requestCert: true, rejectUnauthorized: false, ca },
             { ca }, n),
  (n) => run('request-cert-given', { requestCert: true, ca },
             { ca, key: read('client-key.pem'), cert: read('client-cert.pem') }, n),
  (n) => run('request-cert-untrusted', { requestCert: true, rejectUnauthorized: false },
             { ca, key: read('self-key.pem'), cert: read('self-cert.pem') }, n),
  (n) => run('tls1.2', { maxVersion: 'TLSv1.2' }, { ca }, n),
  (n) => run('version-mismatch', { maxVersion: 'TLSv1.2' }, { ca, minVersion: 'TLSv1.3' }, n),
  (n) => run('ec-key', { key: read('ec-key.pem'), cert: read('ec-cert.pem') }, { ca }, n),
  (n) => run('pfx', { key: undefined, cert: undefined, pfx: read('server.pfx'), passphrase: 'sesame' },
             { ca }, n),
];
let i = 0;
(function next() {
  if (i < steps.length) steps[i++](next);
})();
