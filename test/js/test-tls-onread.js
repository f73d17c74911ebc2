'use strict';
// tls.connect({ onread: { buffer, callback } }): cleartext goes into the caller's buffer (a
// fixed one, or what buffer() returns each read) and never as 'data'; a callback returning
// false stops reading until resume(); 'end' comes after the last byte. An onread without a
// usable buffer is ignored.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', name));
const options = { key: fixture('server-key.pem'), cert: fixture('server-cert.pem') };

function run(name, message, onread, next) {
  const server = tls.createServer(options, (socket) => {
    server.close();
    socket.end(message);
  }).listen(0, () => {
    const parts = [];
    let calls = 0;
    const client = tls.connect({
      port: server.address().port,
      rejectUnauthorized: false,
      onread: {
        buffer: onread.buffer,
        callback(nread, buf) {
          calls++;
          parts.push(Buffer.from(buf.subarray(0, nread)));
          return onread.callback ? onread.callback(client, calls) : undefined;
        },
      },
    });
    client.on('data', () => console.log(name, 'unexpected data'));
    client.on('end', () => {
      const got = Buffer.concat(parts);
      console.log(name, 'end', got.length, got.equals(message), 'callbacks', calls,
                  onread.used ? `buffers ${onread.used()}` : '');
      next();
    });
  });
}

const small = Buffer.from('hello world');
const large = Buffer.alloc(64 * 1024, 'hello world');
let used = 0;
const pool = [Buffer.alloc(2), new Uint8Array(2)];

run('static', small, { buffer: Buffer.alloc(8) }, () => {
  run('function', small, {
    buffer: () => pool[used++ % 2],
    used: () => used,
  }, () => {
    run('paused', large, {
      buffer: Buffer.alloc(4096),
      callback(client, calls) {
        if (calls !== 1) return true;
        setImmediate(() => client.resume());
        return false;
      },
    }, () => {
      // Not a usable buffer: onread is ignored, the data comes as 'data'.
      const server = tls.createServer(options, (socket) => {
        server.close();
        socket.end('plain');
      }).listen(0, () => {
        const client = tls.connect({ port: server.address().port, rejectUnauthorized: false,
                                     onread: { buffer: 5, callback() {} } });
        client.on('data', (d) => console.log('ignored onread: data', d.toString()));
      });
    });
  });
});
