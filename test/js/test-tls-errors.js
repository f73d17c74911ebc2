'use strict';
// Failures around the handshake with node's codes: a TLS client talking to a plain TCP server,
// plain bytes sent to a TLS server, a server that drops the connection before or after the
// handshake, a refused connection, a silent client hitting handshakeTimeout, and option
// validation. Recorded against node.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca-cert.pem');
const serverOptions = { key: read('server-key.pem'), cert: read('server-cert.pem') };

function show(label, e) {
  console.log(label, e.code, e.library ? e.reason : e.message);
}

function tlsClientToPlainServer(next) {
  const server = net.createServer((socket) => {
    socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  });
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ca });
    client.on('error', (e) => show('plain server: client error', e));
    client.on('close', () => server.close(next));
  });
}

function plainClientToTlsServer(next) {
  const server = tls.createServer(serverOptions, () => console.log('unexpected connection'));
  server.on('tlsClientError', (e, socket) => {
    show('plain client: tlsClientError', e);
    console.log('plain client: socket is a TLSSocket', socket instanceof tls.TLSSocket);
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1', () => {
      client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    client.resume();
    client.on('close', () => server.close(next));
  });
}

function serverDropsBeforeHandshake(next) {
  // Closing after reading the ClientHello sends a FIN (unread data would make it an RST).
  const server = net.createServer((socket) => socket.once('data', () => socket.destroy()));
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ca });
    client.on('error', (e) => {
      show('dropped early: client error', e);
      console.log('dropped early: port and host', e.port === server.address().port, e.host);
    });
    client.on('close', () => server.close(next));
  });
}

// A TCP proxy between client and server resets the client's connection once the handshake is
// over: the server says hello when secure, the client answers, and that answer triggers the RST.
function resetAfterHandshake(next) {
  let secure = false;
  const server = tls.createServer(serverOptions, (socket) => {
    secure = true;
    socket.write('hello');
    socket.resume();
  });
  const proxy = net.createServer((clientSide) => {
    const serverSide = net.connect(server.address().port, '127.0.0.1');
    serverSide.pipe(clientSide);
    serverSide.on('error', () => {});
    clientSide.on('data', (data) => {
      if (secure) {
        clientSide.resetAndDestroy();
        serverSide.destroy();
      } else {
        serverSide.write(data);
      }
    });
  });
  server.listen(0, '127.0.0.1', () => proxy.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: proxy.address().port, host: '127.0.0.1', ca,
                                 servername: 'localhost' });
    client.on('data', (d) => {
      console.log('reset: client data', d.toString());
      client.write('ping');
    });
    client.on('error', (e) => console.log('reset: client error', e.code, e.syscall));
    client.on('close', (hadError) => {
      console.log('reset: client close, hadError', hadError);
      proxy.close(() => server.close(next));
    });
  }));
}

function refused(next) {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => {
      const client = tls.connect({ port, host: '127.0.0.1' });
      client.on('error', (e) => {
        console.log('refused:', e.code, e.syscall, e.message === `connect ECONNREFUSED 127.0.0.1:${port}`);
        next();
      });
    });
  });
}

function handshakeTimeout(next) {
  const server = tls.createServer({ ...serverOptions, handshakeTimeout: 50 });
  server.on('tlsClientError', (e, socket) => {
    show('timeout: tlsClientError', e);
    socket.destroy();
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1');
    client.resume();
    client.on('close', () => server.close(next));
  });
}

function validation(next) {
  const attempts = {
    'key as number': () => tls.createSecureContext({ key: 42 }),
    'cert as object': () => tls.createSecureContext({ cert: {} }),
    'ca as number in array': () => tls.createSecureContext({ ca: [1] }),
    'bad minVersion': () => tls.createSecureContext({ minVersion: 'TLSv0' }),
    'bad maxVersion': () => tls.createSecureContext({ maxVersion: 'SSLv3' }),
    'protocol conflict': () => tls.createSecureContext({ minVersion: 'TLSv1.2',
                                                        secureProtocol: 'TLSv1_2_method' }),
    'ciphers not a string': () => tls.createSecureContext({ ciphers: 1 }),
    'no cipher match': () => tls.createSecureContext({ ciphers: 'NOPE' }),
    'garbage key': () => tls.createSecureContext({ key: 'not a key' }),
    'garbage cert': () => tls.createSecureContext({ cert: 'not a cert' }),
    'key mismatch': () => tls.createSecureContext({ cert: read('server-cert.pem'),
                                                    key: read('client-key.pem') }),
    'wrong pfx passphrase': () => tls.createSecureContext({ pfx: read('server.pfx'),
                                                            passphrase: 'nope' }),
    'server options not an object': () => tls.createServer(42),
    'ALPNCallback with ALPNProtocols': () => tls.createServer({ ALPNCallback() {},
                                                               ALPNProtocols: ['a'] }),
    'SNI from a server socket': () => new tls.TLSSocket(null, { isServer: true }).setServername('x'),
  };
  for (const [label, fn] of Object.entries(attempts)) {
    try {
      fn();
      console.log(label, 'did not throw');
    } catch (e) {
      console.log(label, e.name, e.code, e.library ? e.reason : e.message);
    }
  }
  next();
}

const steps = [tlsClientToPlainServer, plainClientToTlsServer, serverDropsBeforeHandshake,
               resetAfterHandshake, refused, handshakeTimeout, validation];
let i = 0;
(function next() {
  if (i < steps.length) steps[i++](next);
})();
