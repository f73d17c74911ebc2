'use strict';
// http: a 100 MiB request body streamed to our server (chunked) and a 100 MiB response body
// streamed back (Content-Length), both through node:http with backpressure on each side;
// every byte is checked with a SHA-256 of the expected stream.
const assert = require('assert');
const crypto = require('crypto');
const http = require('http');

const CHUNK = 64 * 1024;
const CHUNKS = 1600;  // 100 MiB
const TOTAL = CHUNK * CHUNKS;

// Chunk i: a fixed pattern stamped with i and a salt, so a lost, repeated or reordered chunk
// changes the digest.
const base = Buffer.alloc(CHUNK);
for (let j = 0; j < CHUNK; j++) base[j] = (j * 31 + 7) & 0xff;
function chunk(i, salt) {
  const b = Buffer.from(base);
  b.writeUInt32BE(i, 0);
  b.writeUInt32BE(salt, CHUNK - 4);
  return b;
}
function digestOf(salt) {
  const hash = crypto.createHash('sha256');
  for (let i = 0; i < CHUNKS; i++) hash.update(chunk(i, salt));
  return hash.digest('hex');
}
const UP = 1;
const DOWN = 2;
const upDigest = digestOf(UP);
const downDigest = digestOf(DOWN);

// Writes CHUNKS chunks into a Writable, waiting for 'drain' whenever write() says so.
function writeAll(writable, salt, done) {
  let i = 0;
  (function more() {
    while (i < CHUNKS) {
      if (!writable.write(chunk(i++, salt))) {
        writable.once('drain', more);
        return;
      }
    }
    done();
  })();
}

const server = http.createServer((req, res) => {
  assert.strictEqual(req.headers['transfer-encoding'], 'chunked');
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  req.on('data', (d) => {
    bytes += d.length;
    hash.update(d);
  });
  req.on('end', () => {
    console.log('server received', bytes, 'bytes, digest matches:', hash.digest('hex') === upDigest);
    res.writeHead(200, { 'Content-Length': TOTAL });
    writeAll(res, DOWN, () => res.end());
  });
});

server.listen(0, '127.0.0.1', () => {
  const req = http.request({
    port: server.address().port, host: '127.0.0.1', method: 'POST', path: '/upload',
  }, (res) => {
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(res.headers['content-length'], String(TOTAL));
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    res.on('data', (d) => {
      bytes += d.length;
      hash.update(d);
    });
    res.on('end', () => {
      console.log('client received', bytes, 'bytes, digest matches:',
                  hash.digest('hex') === downDigest);
      server.close();
    });
  });
  writeAll(req, UP, () => req.end());
});
