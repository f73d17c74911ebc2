'use strict';
// The ciphers option: TLS 1.2 names alone keep TLS 1.3's default suites, '' means the defaults,
// only separators is invalid; an SNICallback answering with something that is not a
// SecureContext fails the handshake with node's "Invalid SNI context"; of two addContext()
// patterns that match, the later wins; an SNICallback context without a certificate fails with
// OpenSSL's error for it; tlsSocket.ssl.fd is the transport's, and ssl is null once the socket
// closed. tls.rootCertificates: PEMs without a final newline, each once.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', name));
const key = fixture('server-key.pem');
const cert = fixture('server-cert.pem');

for (const ciphers of [':', '::', '', 'TLS_AES_256_GCM_SHA384:', ':AES256-SHA', 5]) {
  try {
    tls.createSecureContext({ ciphers });
    console.log(JSON.stringify(ciphers), 'ok');
  } catch (e) {
    console.log(JSON.stringify(ciphers), e.name, e.code, e.message);
  }
}

const cases = [
  ['AES256-SHA', undefined], [undefined, 'AES256-SHA'], ['', 'TLS_AES_256_GCM_SHA384'],
  ['TLS_AES_256_GCM_SHA384', ''], ['AES256-SHA', 'AES256-SHA'],
];

function next() {
  const c0 = cases.shift();
  if (!c0) return sni();
  const [clientCiphers, serverCiphers] = c0;
  const server = tls.createServer({ key, cert, ciphers: serverCiphers }, (s) => s.end());
  server.listen(0, () => {
    const c = tls.connect({ port: server.address().port, rejectUnauthorized: false, ciphers: clientCiphers }, () => {
      console.log(clientCiphers, serverCiphers, c.getProtocol(), c.getCipher().name);
    });
    c.on('close', () => server.close(next));
    c.resume();
  });
}

function sni() {
  const server = tls.createServer({ key, cert, SNICallback: (name, cb) => cb(null, {}) });
  server.on('tlsClientError', (e, s) => console.log('tlsClientError', e.name, e.code, e.message, s.servername));
  server.listen(0, () => {
    const c = tls.connect({ port: server.address().port, rejectUnauthorized: false, servername: 'x.example' });
    c.on('error', (e) => console.log('client', e.code));
    c.on('close', () => server.close(addContextOrder));
  });
}

function addContextOrder() {
  const server = tls.createServer({ key, cert }, (s) => s.end());
  server.addContext('*.example.com', { key: fixture('sni-key.pem'), cert: fixture('sni-cert.pem') });
  server.addContext('*.example.com', { key: fixture('ec-key.pem'), cert: fixture('ec-cert.pem') });
  server.listen(0, () => {
    const c = tls.connect({ port: server.address().port, rejectUnauthorized: false, servername: 'a.example.com' }, () => {
      console.log('served', c.getPeerCertificate().subject.CN, 'fd', c.ssl.fd > 0);
      c.destroy();
    });
    c.on('close', () => {
      console.log('ssl at close', c.ssl !== null);
      setImmediate(() => setImmediate(() => console.log('ssl later', c.ssl)));
      server.close(emptySniContext);
    });
  });
}

function emptySniContext() {
  const server = tls.createServer({ SNICallback: (name, cb) => cb(null, tls.createSecureContext()) });
  server.on('tlsClientError', (err) => console.log('empty SNI context', err.code, err.reason));
  server.listen(0, () => {
    const c = tls.connect({ port: server.address().port, rejectUnauthorized: false, servername: 'any.name' });
    c.on('error', (e) => console.log('client', e.code));
    c.on('close', () => server.close());
  });
}

const roots = tls.rootCertificates;
console.log('rootCertificates', roots.length > 0, new Set(roots).size === roots.length,
            roots.every((pem) => pem.startsWith('-----BEGIN CERTIFICATE-----\n') &&
                                 pem.endsWith('\n-----END CERTIFICATE-----')));

next();
