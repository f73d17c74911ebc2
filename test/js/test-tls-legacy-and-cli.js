'use strict';
// Smaller parts of node:tls: checkServerIdentity with an address range alt name, the SSLv2/v3
// method errors, tls.connect building its context through tls.createSecureContext,
// SecureContext's _external accessor, tls.createSecurePair (DEP0064) doing a handshake through
// its encrypted stream, --tls-cipher-list and --tls-keylog=FILE, and https.Agent 'keylog'.
const tls = require('tls');
const https = require('https');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', name));
const key = fixture('server-key.pem');
const cert = fixture('server-cert.pem');

process.noDeprecation = false;
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

const cert8 = { subject: { CN: '8.8.8.8' }, subjectaltname: 'IP Address:8.8.8.0/24, IP Address:1.2.3.4' };
console.log(tls.checkServerIdentity('8.8.8.8', cert8).reason);
console.log(tls.checkServerIdentity('1.2.3.4', cert8));

// The version range each secureProtocol gives (0: OpenSSL's lowest).
for (const secureProtocol of ['SSLv23_method', 'SSLv23_client_method', 'TLS_method',
                              'TLS_server_method', 'TLSv1_1_method', 'TLSv1_2_client_method']) {
  const native = tls.createSecureContext({ secureProtocol }).context;
  console.log(secureProtocol, native.getMinProto().toString(16), native.getMaxProto().toString(16));
}

for (const secureProtocol of ['SSLv2_method', 'SSLv3_server_method', 'SSLv23_method', 'nope']) {
  try {
    tls.createSecureContext({ secureProtocol });
    console.log(secureProtocol, 'ok');
  } catch (e) {
    console.log(secureProtocol, e.name, e.code, e.message);
  }
}

{
  const saved = tls.createSecureContext;
  let seen;
  tls.createSecureContext = (options) => { seen = options.ciphers; throw new Error('stop'); };
  try { tls.connect(); } catch (e) { console.log('connect threw', e.message, seen === tls.DEFAULT_CIPHERS); }
  tls.createSecureContext = saved;
}

{
  const native = tls.createSecureContext().context;
  console.log('_external', typeof native._external);
  try { Object.create(native)._external; } catch (e) { console.log('_external on other', e.name); }
}

try { tls.createSecurePair({}); } catch (e) { console.log(e.name, e.code, e.message); }

function securePairHandshake(done) {
  const serverContext = tls.createSecureContext({ key, cert });
  const pair = tls.createSecurePair(serverContext, true, false, false);
  console.log('pair', pair.constructor.name, Object.keys(pair).filter((k) => !k.startsWith('_')).join(),
              pair.cleartext instanceof tls.TLSSocket, pair.credentials === serverContext);
  const client = new tls.TLSSocket(null, { rejectUnauthorized: false });
  const server = require('net').createServer((raw) => {
    raw.pipe(pair.encrypted).pipe(raw);
  }).listen(0, () => {
    pair.on('secure', () => console.log('pair secure'));
    pair.cleartext.on('data', (d) => {
      console.log('pair got', d.toString());
      pair.cleartext.end('pong');
    });
    const c = tls.connect({ port: server.address().port, rejectUnauthorized: false }, () => {
      c.end('ping');
    });
    c.on('data', (d) => console.log('client got', d.toString()));
    c.on('close', () => { server.close(); client.destroy(); done(); });
  });
}

function cliOptions() {
  for (const args of [[], ['--tls-cipher-list=ABC'], ['--tls-cipher-list', 'A:B']]) {
    const r = spawnSync(process.execPath, [...args, '-e',
      "console.log(require('tls').DEFAULT_CIPHERS === require('crypto').constants.defaultCipherList," +
      " require('tls').DEFAULT_CIPHERS.length > 10 ? 'default' : require('tls').DEFAULT_CIPHERS)"],
    { encoding: 'utf8' });
    console.log(args.join(' ') || '(none)', r.status, r.stdout.trim());
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-keylog-'));
  const file = path.join(dir, 'keys.log');
  const script = `
    const tls = require('tls');
    const server = tls.createServer({ key: ${JSON.stringify(key.toString())},
                                      cert: ${JSON.stringify(cert.toString())},
                                      maxVersion: 'TLSv1.2' }, (s) => s.end('x'));
    server.listen(0, () => {
      const c = tls.connect({ port: server.address().port, rejectUnauthorized: false });
      c.resume();
      c.on('end', () => server.close());
    });`;
  const r = spawnSync(process.execPath, [`--tls-keylog=${file}`, '-e', script], { encoding: 'utf8' });
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  console.log('keylog exit', r.status, r.stderr.split('\n')[0].replace(/^\(node:\d+\) /, '').replace(file, 'FILE'), 'lines', lines.length, lines[0] === lines[1],
              lines[0].split(' ')[0]);
  fs.rmSync(dir, { recursive: true });
}

function agentKeylog() {
  const server = https.createServer({ key, cert, minVersion: 'TLSv1.3' }, (req, res) => res.end('bye'));
  const agent = new https.Agent({ keepAlive: true });
  let lines = 0;
  agent.on('keylog', (line, socket) => {
    lines++;
    if (!Buffer.isBuffer(line) || socket.encrypted !== true) console.log('bad keylog event');
  });
  server.listen(0, () => {
    https.get({ port: server.address().port, rejectUnauthorized: false, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        console.log('agent keylog lines', lines);
        agent.destroy();
        server.close();
      });
    });
  });
}

securePairHandshake(() => {
  cliOptions();
  agentKeylog();
});
