'use strict';
// Session ticket keys: getTicketKeys/setTicketKeys and the ticketKeys option, a ticket from one
// server resuming on another that shares its keys (and not on one with other keys, nor after a
// key change), getSession() inside 'session', and node's argument errors. Recorded against node.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca-cert.pem');
const keysA = Buffer.alloc(48);
for (let i = 0; i < 48; i++) keysA[i] = i;
const keysB = Buffer.alloc(48, 0xb5);

function show(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message.split('\n')[0]);
  }
}

function argumentErrors() {
  const server = new tls.Server();
  for (const value of [undefined, null, 'x', 1, {}, new ArrayBuffer(48)]) {
    show('setTicketKeys', () => server.setTicketKeys(value));
  }
  for (const value of [new Uint8Array(1), Buffer.alloc(49), new DataView(new ArrayBuffer(47))]) {
    show('setTicketKeys', () => server.setTicketKeys(value));
  }
  // Any 48-byte view will do.
  show('setTicketKeys Uint16Array', () => server.setTicketKeys(new Uint16Array(24).fill(0x0102)));
  console.log('after Uint16Array', server.getTicketKeys().subarray(0, 4).toString('hex'));
  for (const value of ['x', '', 0, Buffer.alloc(47), new ArrayBuffer(48)]) {
    show('createSecureContext', () => typeof tls.createSecureContext({ ticketKeys: value }));
    show('createServer', () => typeof tls.createServer({ ticketKeys: value }));
  }
}

function roundTrips() {
  const fresh = new tls.Server();
  const keys = fresh.getTicketKeys();
  console.log('default keys: Buffer', Buffer.isBuffer(keys), 'length', keys.length);
  console.log('two servers differ', !keys.equals(new tls.Server().getTicketKeys()));
  console.log('a copy', fresh.getTicketKeys() !== keys && fresh.getTicketKeys().equals(keys));
  fresh.setTicketKeys(keysB);
  console.log('set then get', fresh.getTicketKeys().equals(keysB));
  const given = tls.createServer({ ticketKeys: keysA });
  console.log('option', given.getTicketKeys().equals(keysA), given.ticketKeys === keysA);
  given.setSecureContext({});
  console.log('kept by setSecureContext', given.getTicketKeys().equals(keysA));
  const context = tls.createSecureContext({ ticketKeys: keysB });
  console.log('context', Buffer.from(context.context.getTicketKeys()).equals(keysB));
}

function startServer(name, ticketKeys, done) {
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), ticketKeys,
  }, (socket) => socket.end('x'));
  server.listen(0, '127.0.0.1', () => done(server));
}

// Connects with `session`; calls back with the first new session (if any) once closed.
function connect(server, version, session, label, done) {
  let fresh;
  const socket = tls.connect({
    port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca,
    maxVersion: version, session,
  }, () => console.log(version, label, 'reused', socket.isSessionReused()));
  socket.on('session', (s) => {
    if (fresh) return;
    fresh = s;
    console.log(version, label, 'session is getSession()', s.equals(socket.getSession()));
  });
  socket.resume();
  socket.on('close', () => done(fresh));
}

function resumption(version, next) {
  startServer('A', keysA, (a) => startServer('B', keysA, (b) => startServer('C', keysB, (c) => {
    connect(a, version, undefined, 'A first', (session) => {
      connect(b, version, session, 'B same keys', () => {
        connect(c, version, session, 'C other keys', () => {
          b.setTicketKeys(keysB);
          connect(b, version, session, 'B after key change', () => {
            b.setTicketKeys(keysA);
            connect(b, version, session, 'B keys back', () => {
              a.close();
              b.close();
              c.close();
              next();
            });
          });
        });
      });
    });
  })));
}

argumentErrors();
roundTrips();
resumption('TLSv1.2', () => resumption('TLSv1.3', () => console.log('done')));
