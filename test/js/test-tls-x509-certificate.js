'use strict';
// tlsSocket.getX509Certificate() / getPeerX509Certificate(): crypto.X509Certificate objects; the
// peer's issuerCertificate is the next certificate of the chain the peer sent.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { X509Certificate } = require('crypto');

const dir = path.join(__dirname, 'fixtures', 'crypto', 'x509');
const read = (name) => fs.readFileSync(path.join(dir, name));
const chain = Buffer.concat([read('leaf-cert.pem'), read('ca-cert.pem')]);
const server = tls.createServer({ key: read('leaf-key.pem'), cert: chain }, (socket) => {
  const own = socket.getX509Certificate();
  console.log('server own', own instanceof X509Certificate, own.subject.split('\n').join(', '));
  console.log('server peer (no client certificate)', socket.getPeerX509Certificate());
  socket.end('bye');
});
server.listen(0, () => {
  const socket = tls.connect({ port: server.address().port, rejectUnauthorized: false }, () => {
    const peer = socket.getPeerX509Certificate();
    console.log('client peer', peer instanceof X509Certificate, peer.subject.split('\n').join(', '));
    const issuer = peer.issuerCertificate;
    console.log('issuer', issuer instanceof X509Certificate, issuer.subject.split('\n').join(', '),
                peer.checkIssued(issuer));
    console.log('issuer of issuer', issuer.issuerCertificate);
    console.log('client own', socket.getX509Certificate());
  });
  socket.on('data', () => {});
  socket.on('end', () => server.close());
});
