'use strict';
// http server: pipelined requests in one TCP write are answered in order, even when later
// handlers finish first; keep-alive keeps the connection for the next batch; bodies of
// pipelined POSTs stay with their request.
const assert = require('assert');
const http = require('http');
const net = require('net');

let seen = [];
let serverSocket;
const server = http.createServer((req, res) => {
  serverSocket = req.socket;
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    seen.push(`${req.method} ${req.url} ${body}`);
    const n = Number(req.url.slice(1));
    // Later requests answer sooner: /0 waits the longest.
    let turns = (5 - n) * 3;
    const answer = () => {
      if (turns-- > 0) return setImmediate(answer);
      res.setHeader('X-N', String(n));
      res.end(`body${n}:${body}`);
    };
    answer();
  });
});

function parseResponses(text) {
  const out = [];
  let rest = text;
  while (rest.length) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const head = rest.slice(0, headEnd);
    const len = Number(/Content-Length: (\d+)/.exec(head)[1]);
    const body = rest.slice(headEnd + 4, headEnd + 4 + len);
    if (body.length < len) break;
    out.push({ head, body, n: /X-N: (\d+)/.exec(head)[1] });
    rest = rest.slice(headEnd + 4 + len);
  }
  return { out, rest };
}

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let batch = '';
  for (let i = 0; i < 5; i++) {
    if (i % 2 === 0) {
      batch += `GET /${i} HTTP/1.1\r\nHost: x\r\n\r\n`;
    } else {
      batch += `POST /${i} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\np${i}!`;
    }
  }
  let text = '';
  let round = 0;
  c.setEncoding('latin1');
  c.on('connect', () => c.write(batch));
  c.on('data', (d) => {
    text += d;
    const { out, rest } = parseResponses(text);
    if (out.length < 5) return;
    assert.strictEqual(rest, '');
    assert.deepStrictEqual(out.map((r) => r.n), ['0', '1', '2', '3', '4']);
    assert.deepStrictEqual(out.map((r) => r.body),
                           ['body0:', 'body1:p1!', 'body2:', 'body3:p3!', 'body4:']);
    for (const r of out) {
      assert.match(r.head, /^HTTP\/1\.1 200 OK\r\n/);
      assert.match(r.head, /\r\nConnection: keep-alive\r\n/);
      assert.match(r.head, /\r\nKeep-Alive: timeout=5\r\n/);
    }
    assert.deepStrictEqual(seen, ['GET /0 ', 'POST /1 p1!', 'GET /2 ', 'POST /3 p3!', 'GET /4 ']);
    // Every request byte was counted, though the parser read them in C++.
    assert.strictEqual(serverSocket.bytesRead, batch.length * (round + 1));
    text = '';
    seen = [];
    if (++round === 1) {
      // Same connection, a second batch, split mid-request across writes.
      c.write(batch.slice(0, 7));
      setImmediate(() => c.write(batch.slice(7)));
    } else {
      c.end();
      server.close();
    }
  });
  c.on('close', () => assert.strictEqual(round, 2));
});
