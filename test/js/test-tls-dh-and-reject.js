'use strict';
// DH groups: a dhparam under 1024 bits is refused (node's TypeError), a client's minDHSize
// above the server's group ends the connection with ERR_TLS_DH_PARAM_SIZE, bad minDHSize values
// fail node's internal assertions. rejectUnauthorized: undefined still rejects. Ciphers with
// @SECLEVEL=0 are applied before the certificate, so a weak one can still be loaded.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', name));
const key = fixture('server-key.pem');
const cert = fixture('server-cert.pem');
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning', w.name, w.message));

try {
  tls.createSecureContext({ dhparam: fixture('dh512.pem') });
} catch (e) {
  console.log('dh512', e.name, e.code, e.message, Object.keys(e));
}

for (const minDHSize of [0, -1, NaN, true, null, undefined, '1']) {
  try {
    tls.connect({ minDHSize });
  } catch (e) {
    console.log('minDHSize', String(minDHSize), e.code, e.message.split('\n')[0]);
  }
}

function dhClient(minDHSize, done) {
  const server = tls.createServer({
    key, cert, dhparam: fixture('dh1024.pem'), ciphers: 'DHE-RSA-AES128-GCM-SHA256@SECLEVEL=0',
    maxVersion: 'TLSv1.2',
  }, (s) => s.end());
  server.listen(0, () => {
    const c = tls.connect({
      port: server.address().port, rejectUnauthorized: false, minDHSize,
      ciphers: 'DHE-RSA-AES128-GCM-SHA256@SECLEVEL=0',
    }, () => {
      console.log('minDHSize', minDHSize, 'connected', c.getEphemeralKeyInfo());
      c.end();
    });
    c.on('error', (e) => console.log('minDHSize', minDHSize, 'error', e.code, e.message));
    c.on('close', () => server.close(done));
  });
}

function rejectUndefined(done) {
  const server = tls.createServer({ key, cert }, (s) => s.end());
  server.on('tlsClientError', () => {});
  server.listen(0, () => {
    const c = tls.connect({ port: server.address().port, rejectUnauthorized: undefined },
                          () => console.log('should not connect'));
    c.on('error', (e) => console.log('rejectUnauthorized undefined:', e.code));
    c.on('close', () => server.close(done));
  });
}

dhClient(2048, () => dhClient(1024, () => rejectUndefined(() => console.log('done'))));
