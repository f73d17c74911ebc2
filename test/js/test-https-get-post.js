'use strict';
// https server and client: GET and POST through a keep-alive https.Agent (the second request
// reuses the socket), https.get with a URL, agent:false, the agent's origin names, a client
// that rejects the server's certificate, and the server's 'clientError' for a bad handshake.
// Recorded against node.
const https = require('https');
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca-cert.pem');

const server = https.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem') },
                                  (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.method} ${req.url} encrypted=${req.socket.encrypted} ` +
            `alpn=${req.socket.alpnProtocol} body=${JSON.stringify(body)}`);
  });
});
const clientErrors = [];
server.on('clientError', (err, socket) => {
  clientErrors.push(err.code);
  server.emit('test:clientError');
  socket.destroy();
});
const nextClientError = () => new Promise((resolve) => server.once('test:clientError', resolve));

function fetch(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  console.log('server is a tls.Server', server instanceof tls.Server);
  const agent = new https.Agent({ keepAlive: true, ca, maxSockets: 1 });
  const base = { host: '127.0.0.1', port, servername: 'localhost', agent };

  console.log(await fetch({ ...base, path: '/first' }));
  console.log(await fetch({ ...base, path: '/second', method: 'POST' }, 'posted data'));
  const chunks = [];
  for (let i = 0; i < 3; i++) chunks.push(fetch({ ...base, path: `/parallel/${i}` }));
  for (const r of await Promise.all(chunks)) console.log(r);
  console.log('agent names', Object.keys(agent.freeSockets).map((n) => n.replace(String(port), 'PORT')));
  agent.destroy();

  await new Promise((resolve) => {
    https.get(`https://localhost:${port}/from-url`, { ca, agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log('get by URL', res.statusCode, text);
        resolve();
      });
    });
  });

  // The client hangs up on a server it does not trust; the server hears of it.
  const hangUp = nextClientError();
  await fetch({ host: '127.0.0.1', port, servername: 'localhost', agent: false })
    .catch((err) => console.log('untrusted server: request error', err.code));
  await hangUp;
  console.log('server clientError', clientErrors.shift());

  console.log('globalAgent', https.globalAgent instanceof https.Agent,
              https.globalAgent.defaultPort, https.globalAgent.protocol);
  console.log('getName', new https.Agent().getName({ host: 'h', port: 1, servername: 'x',
                                                      rejectUnauthorized: false }));

  // A plain-text client makes the server's handshake fail.
  const net = require('net');
  const plain = net.connect(port, '127.0.0.1', () => plain.end('GET / HTTP/1.1\r\n\r\n'));
  plain.resume();
  plain.on('close', () => {
    console.log('server clientError', clientErrors.shift());
    server.close(() => console.log('server closed'));
  });
});
