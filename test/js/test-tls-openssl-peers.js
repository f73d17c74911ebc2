'use strict';
// Interoperability with peers outside the runtime: our client against `openssl s_server -rev`
// (it answers each line reversed), `openssl s_client` (with and without a client
// certificate) against our server, and curl against our https server (GET and POST).
const tls = require('tls');
const https = require('https');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const dir = path.join(__dirname, 'fixtures', 'tls');
const file = (name) => path.join(dir, name);
const read = (name) => fs.readFileSync(file(name));

function run(cmd, args, input) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function ourClientAgainstSServer() {
  return new Promise((resolve) => {
    const server = spawn('openssl', ['s_server', '-key', file('server-key.pem'),
                                     '-cert', file('server-cert.pem'), '-accept', '0',
                                     '-naccept', '1', '-rev'],
                         { stdio: ['ignore', 'pipe', 'ignore'] });
    let banner = '';
    server.stdout.setEncoding('utf8');
    server.stdout.on('data', function onData(d) {
      banner += d;
      const m = /ACCEPT .*:(\d+)/.exec(banner);
      if (!m) return;
      server.stdout.removeListener('data', onData);
      server.stdout.resume();
      const client = tls.connect({ port: Number(m[1]), host: '127.0.0.1', servername: 'localhost',
                                   ca: read('ca-cert.pem') }, () => {
        console.log('s_server: authorized', client.authorized, client.getProtocol(),
                    'peer', client.getPeerCertificate().subject.CN);
        client.write('hello from ringjs\n');
      });
      let reply = '';
      client.setEncoding('utf8');
      client.on('data', (d) => {
        reply += d;
        if (reply.endsWith('\n')) {
          console.log('s_server: reply', JSON.stringify(reply));
          client.end();
        }
      });
      client.on('error', (e) => console.log('s_server: client error', e.code));
      client.on('close', () => {
        server.kill();
        resolve();
      });
    });
  });
}

async function sClientAgainstOurServer() {
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), ca: read('ca-cert.pem'),
    requestCert: true, rejectUnauthorized: false,
  }, (socket) => {
    console.log('s_client: server sees authorized', socket.authorized,
                'peer', socket.getPeerCertificate().subject?.CN ?? null,
                'protocol', socket.getProtocol());
    socket.setEncoding('utf8');
    socket.on('data', (d) => {
      socket.end(d.toUpperCase());
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = ['s_client', '-connect', `127.0.0.1:${server.address().port}`,
                '-CAfile', file('ca-cert.pem'), '-servername', 'localhost',
                '-verify_return_error', '-quiet', '-ign_eof'];
  let r = await run('openssl', base, 'no certificate\n');
  console.log('s_client: exit', r.code, 'stdout', JSON.stringify(r.stdout));
  r = await run('openssl', [...base, '-cert', file('client-cert.pem'),
                            '-key', file('client-key.pem')], 'with certificate\n');
  console.log('s_client: exit', r.code, 'stdout', JSON.stringify(r.stdout));
  await new Promise((resolve) => server.close(resolve));
}

async function curlAgainstOurHttpsServer() {
  const server = https.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem') },
                                    (req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.end(`${req.method} ${req.url} ${req.headers['content-type'] || '-'} ${body}\n`);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://localhost:${server.address().port}`;
  const common = ['-sS', '--cacert', file('ca-cert.pem'), '--resolve',
                  `localhost:${server.address().port}:127.0.0.1`];
  let r = await run('curl', [...common, `${url}/hello`]);
  console.log('curl GET: exit', r.code, JSON.stringify(r.stdout));
  r = await run('curl', [...common, '-d', 'a=1&b=2', `${url}/form`, `${url}/again`]);
  console.log('curl POST x2: exit', r.code, JSON.stringify(r.stdout));
  r = await run('curl', ['-sS', `${url}/untrusted`]);
  console.log('curl without the CA: exit', r.code);
  await new Promise((resolve) => server.close(resolve));
}

(async () => {
  await ourClientAgainstSServer();
  await sClientAgainstOurServer();
  await curlAgainstOurHttpsServer();
})();
