'use strict';
// NODE_EXTRA_CA_CERTS: a CA file named at start-up is trusted by every TLS client; one that cannot
// be loaded gives node's warning on stderr and changes nothing else.
const { spawnSync } = require('child_process');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'crypto', 'x509');

if (process.argv[2] === 'client') {
  const tls = require('tls');
  const fs = require('fs');
  const read = (name) => fs.readFileSync(path.join(dir, name));
  const server = tls.createServer({ key: read('leaf-key.pem'), cert: read('leaf-cert.pem') },
                                  (socket) => socket.end('hello'));
  server.listen(0, () => {
    const socket = tls.connect({ port: server.address().port, checkServerIdentity: () => undefined },
                               () => console.log('authorized', socket.authorized));
    socket.on('error', (error) => {
      console.log('error', error.code);
      server.close();
    });
    socket.on('data', () => {});
    socket.on('end', () => server.close());
  });
  return;
}

// A file with no PEM block at all (node ignores it silently) and one whose CA follows another
// certificate (all of the file counts, not only its first certificate).
const os = require('os');
const fs = require('fs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-extra-ca-'));
const notPem = path.join(scratch, 'not-pem.txt');
fs.writeFileSync(notPem, 'no certificates here\n');
const caSecond = path.join(scratch, 'two.pem');
fs.writeFileSync(caSecond, Buffer.concat([fs.readFileSync(path.join(dir, 'leaf-cert.pem')),
                                          fs.readFileSync(path.join(dir, 'ca-cert.pem'))]));
process.on('exit', () => fs.rmSync(scratch, { recursive: true }));

for (const [label, file] of [['with the CA', path.join(dir, 'ca-cert.pem')],
                             ['without it', ''],
                             ['missing file', path.join(dir, 'no-such-ca.pem')],
                             ['not PEM', notPem],
                             ['CA second in the file', caSecond]]) {
  const child = spawnSync(process.execPath, [__filename, 'client'], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: file }, encoding: 'utf8',
  });
  const warning = child.stderr.split('\n')[0].replace(dir, '<dir>');
  console.log(label, child.status, JSON.stringify(child.stdout), JSON.stringify(warning));
}
