'use strict';
// net: a fast writer and a slow reader. The writer honours write()'s return value and 'drain';
// the reader pauses and resumes in bursts. No byte is lost or reordered, and what the writer
// holds in memory stays bounded.
const assert = require('assert');
const net = require('net');

const TOTAL = 24 * 1024 * 1024;
const CHUNK = 64 * 1024;

function byteAt(i) {
  return (i * 31 + (i >>> 9)) & 0xff;
}

let maxBuffered = 0;
let drains = 0;
let verified = false;

const server = net.createServer((socket) => {
  let sent = 0;
  function pump() {
    while (sent < TOTAL) {
      const n = Math.min(CHUNK, TOTAL - sent);
      const buf = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) buf[i] = byteAt(sent + i);
      sent += n;
      const ok = socket.write(buf);
      maxBuffered = Math.max(maxBuffered, socket.writableLength);
      if (!ok) {
        socket.once('drain', () => { drains++; pump(); });
        return;
      }
    }
    socket.end();
  }
  pump();
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let received = 0;
  let bursts = 0;
  let bad = -1;
  client.on('data', (d) => {
    for (let i = 0; i < d.length; i++) {
      if (d[i] !== byteAt(received + i) && bad === -1) bad = received + i;
    }
    received += d.length;
    // Every ~1 MiB stop reading for a few turns so the kernel buffers fill up.
    if (Math.floor(received / (1024 * 1024)) > bursts) {
      bursts++;
      client.pause();
      assert.strictEqual(client.isPaused(), true);
      let turns = 0;
      const wait = () => (++turns < 20 ? setImmediate(wait) : client.resume());
      setImmediate(wait);
    }
  });
  client.on('end', () => {
    assert.strictEqual(bad, -1, `byte ${bad} differs`);
    assert.strictEqual(received, TOTAL);
    assert.strictEqual(client.bytesRead, TOTAL);
    verified = true;
    server.close();
  });
});

process.on('exit', (code) => {
  if (code !== 0) return;
  assert.ok(verified);
  // The writer waited for 'drain' at least once and never held much more than its
  // highWaterMark plus one chunk.
  assert.ok(drains > 0, 'no drain');
  assert.ok(maxBuffered <= 16 * 1024 + CHUNK * 2, `writer buffered ${maxBuffered}`);
});
