'use strict';
// A TLS server and client in one process: handshake, echo, and what both sides report about
// the connection (certificates, protocol, cipher, addresses). Recorded against node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));

function describeCert(cert) {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    subjectaltname: cert.subjectaltname,
    ca: cert.ca,
    bits: cert.bits,
    exponent: cert.exponent,
    modulusLength: cert.modulus && cert.modulus.length,
    pubkeyLength: cert.pubkey && cert.pubkey.length,
    valid_from: cert.valid_from,
    valid_to: cert.valid_to,
    fingerprint: cert.fingerprint,
    fingerprint256: cert.fingerprint256,
    fingerprint512Length: cert.fingerprint512 && cert.fingerprint512.length,
    ext_key_usage: cert.ext_key_usage,
    serialNumber: cert.serialNumber,
    rawIsBuffer: Buffer.isBuffer(cert.raw),
    rawLength: cert.raw && cert.raw.length,
  };
}

const server = tls.createServer({
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
}, (socket) => {
  console.log('server: secureConnection', {
    encrypted: socket.encrypted,
    authorized: socket.authorized,
    authorizationError: socket.authorizationError,
    servername: socket.servername,
    alpnProtocol: socket.alpnProtocol,
    protocol: socket.getProtocol(),
    peerCertificate: socket.getPeerCertificate(),
    ownSubject: socket.getCertificate().subject,
    remoteFamily: socket.remoteFamily,
    isTLSSocket: socket instanceof tls.TLSSocket,
  });
  socket.setEncoding('utf8');
  socket.on('data', (data) => socket.write(data.toUpperCase()));
  socket.on('end', () => {
    console.log('server: end');
    socket.end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    port: server.address().port,
    host: '127.0.0.1',
    servername: 'localhost',
    ca: read('ca-cert.pem'),
  }, () => {
    const cert = client.getPeerCertificate(true);
    console.log('client: secureConnect', {
      authorized: client.authorized,
      authorizationError: client.authorizationError,
      servername: client.servername,
      alpnProtocol: client.alpnProtocol,
      protocol: client.getProtocol(),
      cipher: client.getCipher(),
      ownCertificate: client.getCertificate(),
      sessionReused: client.isSessionReused(),
      remotePortMatches: client.remotePort === server.address().port,
      ephemeralKeyType: client.getEphemeralKeyInfo().type,
      finishedLength: client.getFinished().length,
      peerFinishedLength: client.getPeerFinished().length,
      keyingMaterialLength: client.exportKeyingMaterial(32, 'label').length,
      keyingMaterialWithContext:
        client.exportKeyingMaterial(16, 'label', Buffer.from('ctx')).length,
    });
    console.log('leaf', describeCert(cert));
    console.log('issuer', describeCert(cert.issuerCertificate));
    console.log('root is self-linked', cert.issuerCertificate.issuerCertificate === cert.issuerCertificate);
    console.log('plain has no issuerCertificate',
                !('issuerCertificate' in client.getPeerCertificate()));
    client.write('hello ');
    client.end('world');
  });
  let echoed = '';
  client.setEncoding('utf8');
  client.on('data', (data) => { echoed += data; });
  client.on('end', () => console.log('client: end', echoed));
  client.on('close', (hadError) => {
    console.log('client: close', hadError);
    server.close(() => console.log('server: close'));
  });
});
