'use strict';
// Engine-held keys and client certificates: argument checks, a missing engine's error, and the
// deprecated Server#setOptions recording options.
const tls = require('tls');

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

for (const options of [
  { privateKeyEngine: 0, privateKeyIdentifier: 'key' },
  { privateKeyEngine: 'engine', privateKeyIdentifier: 0 },
  { privateKeyEngine: 'engine' },
  { privateKeyEngine: 0 },
  { privateKeyIdentifier: 'key' },
  { privateKeyIdentifier: 'key', privateKeyEngine: null },
  { privateKeyIdentifier: null, privateKeyEngine: 5 },
  { clientCertEngine: null },
  { clientCertEngine: 1 },
  { clientCertEngine: 'no-such-engine-here' },
  { privateKeyEngine: 'no-such-engine-here', privateKeyIdentifier: 'key' },
  { ciphers: null, clientCertEngine: null, crl: null, dhparam: null, passphrase: null,
    pfx: null, privateKeyIdentifier: null, privateKeyEngine: null, sessionIdContext: null,
    sessionTimeout: null, sigalgs: null, ticketKeys: null },
]) {
  try {
    tls.createSecureContext(options);
    console.log(JSON.stringify(options), 'ok');
  } catch (err) {
    console.log(JSON.stringify(options), '->', err.name, err.code, err.message,
                Array.isArray(err.opensslErrorStack));
  }
}

const server = tls.createServer();
console.log(Object.keys(server).slice(0, 23).join(' '));
console.log('before', server.clientCertEngine, server.honorCipherOrder);
server.setOptions({ clientCertEngine: 'engine', honorCipherOrder: false, secureOptions: 0,
                    requestCert: true, ciphers: 'AES128-SHA', ALPNProtocols: ['h2'] });
console.log('after', server.clientCertEngine, server.honorCipherOrder, server.secureOptions,
            server.requestCert, server.rejectUnauthorized, server.ciphers, server.ALPNProtocols);
server.setOptions({});
console.log('again', server.honorCipherOrder, server.requestCert, server.clientCertEngine);
