'use strict';
// http: how received headers are folded (lower-cased names; set-cookie as an array; cookie
// joined with '; '; duplicates of content-type & co dropped; others joined with ', '),
// rawHeaders / headersDistinct, joinDuplicateHeaders, outgoing header API and validation,
// STATUS_CODES / METHODS.
const assert = require('assert');
const http = require('http');
const net = require('net');

assert.strictEqual(http.STATUS_CODES[200], 'OK');
assert.strictEqual(http.STATUS_CODES[418], 'I\'m a Teapot');
assert.strictEqual(http.STATUS_CODES[431], 'Request Header Fields Too Large');
assert.ok(http.METHODS.includes('M-SEARCH'));
assert.deepStrictEqual(http.METHODS.slice().sort(), http.METHODS);
assert.strictEqual(http.maxHeaderSize, 16384);

assert.throws(() => http.validateHeaderName('bad name'),
              { code: 'ERR_INVALID_HTTP_TOKEN', name: 'TypeError',
                message: 'Header name must be a valid HTTP token ["bad name"]' });
assert.throws(() => http.validateHeaderValue('x', undefined),
              { code: 'ERR_HTTP_INVALID_HEADER_VALUE',
                message: 'Invalid value "undefined" for header "x"' });
assert.throws(() => http.validateHeaderValue('x', 'a\nb'),
              { code: 'ERR_INVALID_CHAR', message: 'Invalid character in header content ["x"]' });
http.validateHeaderName('X-Ok');
http.validateHeaderValue('X-Ok', 'fine\tvalue');

const results = [];
const server = http.createServer((req, res) => {
  if (req.url === '/join') {
    assert.deepStrictEqual(req.headers, {
      host: 'h',
      'set-cookie': ['a=1', 'b=2'],
      cookie: 'c=3; d=4',
      'content-type': 'text/a',
      'x-multi': 'one, two',
      accept: 'x/y, z/w',
      connection: 'close',
    });
    assert.deepStrictEqual(req.rawHeaders, [
      'Host', 'h', 'Set-Cookie', 'a=1', 'set-cookie', 'b=2', 'Cookie', 'c=3', 'cookie', 'd=4',
      'Content-Type', 'text/a', 'content-type', 'text/b', 'X-Multi', 'one', 'x-multi', 'two',
      'ACCEPT', 'x/y', 'Accept', 'z/w', 'Connection', 'close',
    ]);
    assert.deepStrictEqual(req.headersDistinct['content-type'], ['text/a', 'text/b']);
    assert.deepStrictEqual(req.headersDistinct.host, ['h']);
    results.push('join');
  }
  // Outgoing header API.
  res.setHeader('X-One', '1');
  res.setHeader('x-two', ['a', 'b']);
  res.appendHeader('X-One', '1b');
  assert.deepStrictEqual(res.getHeaderNames(), ['x-one', 'x-two']);
  assert.deepStrictEqual(res.getRawHeaderNames(), ['X-One', 'x-two']);
  assert.deepStrictEqual({ ...res.getHeaders() }, { 'x-one': ['1', '1b'], 'x-two': ['a', 'b'] });
  assert.strictEqual(Object.getPrototypeOf(res.getHeaders()), null);
  assert.strictEqual(res.hasHeader('X-ONE'), true);
  res.removeHeader('x-two');
  assert.strictEqual(res.getHeader('x-two'), undefined);
  assert.throws(() => res.setHeader('x', undefined), { code: 'ERR_HTTP_INVALID_HEADER_VALUE' });
  assert.throws(() => res.setHeader('bad:name', '1'), { code: 'ERR_INVALID_HTTP_TOKEN' });
  assert.throws(() => res.writeHead(99), { code: 'ERR_HTTP_INVALID_STATUS_CODE' });
  assert.strictEqual(res.headersSent, false);
  res.end('x');
  assert.strictEqual(res.headersSent, true);
  assert.throws(() => res.setHeader('late', '1'), { code: 'ERR_HTTP_HEADERS_SENT' });
});

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('GET /join HTTP/1.1\r\nHost: h\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n' +
            'Cookie: c=3\r\ncookie: d=4\r\nContent-Type: text/a\r\ncontent-type: text/b\r\n' +
            'X-Multi: one\r\nx-multi: two\r\nACCEPT: x/y\r\nAccept: z/w\r\nConnection: close\r\n\r\n');
  });
  let out = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { out += d; });
  c.on('end', () => {
    assert.match(out, /^HTTP\/1\.1 200 OK\r\nX-One: 1\r\nX-One: 1b\r\n/);
    // joinDuplicateHeaders: everything joined with ', '.
    const joiner = http.createServer({ joinDuplicateHeaders: true }, (req, res) => {
      assert.deepStrictEqual(req.headers['set-cookie'], ['a=1', 'b=2']);
      assert.strictEqual(req.headers['content-type'], 'text/a, text/b');
      results.push('joinDuplicateHeaders');
      res.end();
    });
    joiner.listen(0, '127.0.0.1', () => {
      http.get({
        port: joiner.address().port,
        host: '127.0.0.1',
        agent: false,
        headers: [['Host', 'x'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2'], ['Content-Type', 'text/a'],
                  ['Content-Type', 'text/b']],
      }, (res) => {
        res.resume();
        res.on('end', () => {
          joiner.close();
          server.close();
        });
      });
    });
  });
});

process.on('exit', (code) => {
  if (code === 0) assert.deepStrictEqual(results, ['join', 'joinDuplicateHeaders']);
});
