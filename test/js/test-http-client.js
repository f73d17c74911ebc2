'use strict';
// http client against our server: URL and options forms, header casing on the wire, chunked
// request and response bodies with trailers, a large body streamed both ways, keep-alive
// socket reuse and maxSockets queueing in an Agent, 1xx 'information', client 'upgrade',
// ECONNREFUSED.
const assert = require('assert');
const http = require('http');
const crypto = require('crypto');

const steps = [];
process.on('exit', (code) => {
  if (code === 0) {
    assert.deepStrictEqual(steps, ['get', 'post chunked', 'large', 'keep-alive', 'max sockets',
                                   'information', 'upgrade', 'refused']);
  }
});

const server = http.createServer((req, res) => {
  if (req.url === '/echo') {
    res.setHeader('X-Req-TE', String(req.headers['transfer-encoding']));
    res.setHeader('X-Raw', JSON.stringify(req.rawHeaders.filter((v, i) => i % 2 === 0)));
    req.pipe(res);
    return;
  }
  if (req.url === '/trailers') {
    res.writeHead(200, { Trailer: 'X-Done' });
    res.write('part1,');
    res.addTrailers({ 'X-Done': 'yes' });
    res.end('part2');
    return;
  }
  if (req.url === '/info') {
    res.writeProcessing();
    res.end('after 102');
    return;
  }
  if (req.url.startsWith('/hello')) {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`hello ${req.method} ${req.url} ${req.headers.host}`);
    return;
  }
  res.statusCode = 404;
  res.end();
});
server.on('upgrade', (req, socket, head) => {
  socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\nraw!');
});

function collect(res, cb) {
  const parts = [];
  res.on('data', (d) => parts.push(d));
  res.on('end', () => cb(Buffer.concat(parts)));
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const base = `http://127.0.0.1:${port}`;

  function testGet(next) {
    http.get(`${base}/hello?a=1`, (res) => {
      assert.strictEqual(res.statusCode, 200);
      assert.strictEqual(res.statusMessage, 'OK');
      assert.strictEqual(res.httpVersion, '1.1');
      assert.strictEqual(res.headers['content-type'], 'text/plain');
      assert.strictEqual(res.headers.connection, 'keep-alive');
      collect(res, (body) => {
        assert.strictEqual(body.toString(), `hello GET /hello?a=1 127.0.0.1:${port}`);
        http.get(new URL(`${base}/hello2`), (res2) => {
          collect(res2, (b2) => {
            assert.strictEqual(b2.toString(), `hello GET /hello2 127.0.0.1:${port}`);
            http.request({ host: '127.0.0.1', port, path: '/hello3', method: 'delete' }, (res3) => {
              collect(res3, (b3) => {
                assert.strictEqual(b3.toString(), `hello DELETE /hello3 127.0.0.1:${port}`);
                steps.push('get');
                next();
              });
            }).end();
          });
        });
      });
    });
  }

  function testPostChunked(next) {
    const req = http.request(`${base}/echo`, { method: 'POST', headers: { 'X-Mixed-Case': 'v' } },
                             (res) => {
      assert.strictEqual(res.headers['x-req-te'], 'chunked');
      assert.deepStrictEqual(JSON.parse(res.headers['x-raw']),
                             ['X-Mixed-Case', 'Host', 'Connection', 'Transfer-Encoding']);
      assert.strictEqual(res.headers['transfer-encoding'], 'chunked');
      collect(res, (body) => {
        assert.strictEqual(body.toString(), 'one,two,three');
        http.get(`${base}/trailers`, (res2) => {
          collect(res2, (b2) => {
            assert.strictEqual(b2.toString(), 'part1,part2');
            assert.deepStrictEqual(res2.trailers, { 'x-done': 'yes' });
            assert.deepStrictEqual(res2.rawTrailers, ['X-Done', 'yes']);
            steps.push('post chunked');
            next();
          });
        });
      });
    });
    assert.strictEqual(req.getHeader('x-mixed-case'), 'v');
    req.write('one,');
    req.write(Buffer.from('two,'));
    req.end('three');
  }

  function testLarge(next) {
    const size = 32 * 1024 * 1024;
    const block = crypto.randomBytes(1024 * 1024);
    const sent = crypto.createHash('sha256');
    const req = http.request(`${base}/echo`, { method: 'PUT' }, (res) => {
      const got = crypto.createHash('sha256');
      let n = 0;
      res.on('data', (d) => { got.update(d); n += d.length; });
      res.on('end', () => {
        assert.strictEqual(n, size);
        assert.strictEqual(got.digest('hex'), sent.digest('hex'));
        steps.push('large');
        next();
      });
    });
    let written = 0;
    (function pump() {
      while (written < size) {
        const chunk = Buffer.from(block);
        chunk.writeUInt32LE(written, 0);
        sent.update(chunk);
        written += chunk.length;
        if (written >= size) {
          req.end(chunk);
          return;
        }
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
    })();
  }

  function testKeepAlive(next) {
    const agent = new http.Agent({ keepAlive: true });
    http.get(`${base}/hello`, { agent }, (res) => {
      assert.strictEqual(res.req.reusedSocket, false);
      const first = res.socket;
      collect(res, () => {
        setImmediate(() => {
          assert.strictEqual(Object.keys(agent.freeSockets).length, 1);
          http.get(`${base}/hello`, { agent }, (res2) => {
            assert.strictEqual(res2.req.reusedSocket, true);
            assert.strictEqual(res2.socket, first);
            collect(res2, () => {
              agent.destroy();
              steps.push('keep-alive');
              next();
            });
          });
        });
      });
    });
  }

  function testMaxSockets(next) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set();
    let done = 0;
    for (let i = 0; i < 4; i++) {
      http.get(`${base}/hello${i}`, { agent }, (res) => {
        sockets.add(res.socket);
        collect(res, (body) => {
          assert.strictEqual(body.toString(), `hello GET /hello${i} 127.0.0.1:${port}`);
          if (++done === 4) {
            assert.strictEqual(sockets.size, 1);
            agent.destroy();
            steps.push('max sockets');
            next();
          }
        });
      });
    }
    assert.strictEqual(agent.requests[`127.0.0.1:${port}:`].length, 3);
  }

  function testInformation(next) {
    const req = http.get(`${base}/info`, (res) => {
      collect(res, (body) => {
        assert.strictEqual(body.toString(), 'after 102');
        assert.strictEqual(infos, 1);
        steps.push('information');
        next();
      });
    });
    let infos = 0;
    req.on('information', (info) => {
      infos++;
      assert.strictEqual(info.statusCode, 102);
      assert.strictEqual(info.statusMessage, 'Processing');
    });
  }

  function testUpgrade(next) {
    const req = http.request(`${base}/up`, { headers: { Connection: 'Upgrade', Upgrade: 'x' } });
    req.on('upgrade', (res, socket, head) => {
      assert.strictEqual(res.statusCode, 101);
      assert.strictEqual(res.headers.upgrade, 'x');
      assert.strictEqual(head.toString(), 'raw!');
      socket.destroy();
      steps.push('upgrade');
      next();
    });
    req.end();
  }

  function testRefused(next) {
    server.close(() => {
      const req = http.get(`${base}/hello`, { agent: false });
      req.on('error', (err) => {
        assert.strictEqual(err.code, 'ECONNREFUSED');
        assert.strictEqual(err.syscall, 'connect');
        steps.push('refused');
        next();
      });
    });
  }

  const sequence = [testGet, testPostChunked, testLarge, testKeepAlive, testMaxSockets,
                    testInformation, testUpgrade, testRefused];
  (function run(i) {
    if (i < sequence.length) sequence[i](() => run(i + 1));
  })(0);
});
