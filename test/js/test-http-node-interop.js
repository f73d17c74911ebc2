'use strict';
// http interop with a real node process: our client against a node server (chunked and
// fixed-length bodies, keep-alive reuse) and a node client against our server. Skipped when
// node is not on PATH.
const assert = require('assert');
const http = require('http');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const nodeBin = (process.env.PATH || '').split(':').map((d) => path.join(d, 'node'))
  .find((p) => { try { fs.accessSync(p, fs.constants.X_OK); return true; } catch { return false; } });
if (!nodeBin) {
  console.log('skipped: no node');
  process.exit(0);
}

const serverScript = `
const http = require('http');
const s = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => body += d);
  req.on('end', () => {
    if (req.url === '/chunked') { res.write('a'); res.write('b'); res.end('c'); return; }
    res.setHeader('X-Seen-Port', String(req.socket.remotePort));
    res.end(req.method + ' ' + req.url + ' ' + body);
  });
});
s.listen(0, '127.0.0.1', () => console.log(s.address().port));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

const clientScript = `
const http = require('http');
const port = +process.argv[1];
const agent = new http.Agent({ keepAlive: true });
const out = [];
function get(p, cb) {
  http.get({ port, host: '127.0.0.1', path: p, agent }, (res) => {
    let b = ''; res.setEncoding('utf8');
    res.on('data', (d) => b += d);
    res.on('end', () => { out.push(res.statusCode + ' ' + b + ' ' + res.headers['x-n']); cb(); });
  });
}
get('/one', () => get('/two', () => {
  const req = http.request({ port, host: '127.0.0.1', path: '/post', method: 'POST', agent }, (res) => {
    let b = ''; res.on('data', (d) => b += d);
    res.on('end', () => { out.push(b); console.log(JSON.stringify(out)); agent.destroy(); });
  });
  req.write('x'); req.end('y');
}));
`;

const steps = [];
process.on('exit', (code) => {
  if (code === 0) assert.deepStrictEqual(steps, ['our client', 'node client']);
});

const child = spawn(nodeBin, ['-e', serverScript], { stdio: ['pipe', 'pipe', 'inherit'] });
child.stdout.setEncoding('utf8');
child.stdout.once('data', (line) => {
  const port = Number(line.trim());
  const agent = new http.Agent({ keepAlive: true });
  const results = [];
  const ports = new Set();
  function get(p, cb) {
    http.get({ port, host: '127.0.0.1', path: p, agent }, (res) => {
      let b = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { b += d; });
      res.on('end', () => {
        results.push(`${res.statusCode} ${res.headers['transfer-encoding'] || res.headers['content-length']} ${b}`);
        if (res.headers['x-seen-port']) ports.add(res.headers['x-seen-port']);
        cb();
      });
    });
  }
  get('/chunked', () => get('/plain', () => {
    const req = http.request({ port, host: '127.0.0.1', path: '/post', method: 'POST', agent }, (res) => {
      let b = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { b += d; });
      res.on('end', () => {
        results.push(b);
        assert.deepStrictEqual(results, ['200 chunked abc', '200 11 GET /plain ', 'POST /post 12']);
        assert.strictEqual(ports.size, 1, 'one keep-alive connection');
        agent.destroy();
        child.stdin.end();
        steps.push('our client');
        nodeClient();
      });
    });
    req.write('1');
    req.end('2');
  }));
});

function nodeClient() {
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.setHeader('X-N', String(++n));
      res.end(`${req.method}${req.url}${body}`);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const c = spawn(nodeBin, ['-e', clientScript, String(server.address().port)],
                    { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.setEncoding('utf8');
    c.stdout.on('data', (d) => { out += d; });
    c.on('close', (code) => {
      assert.strictEqual(code, 0);
      assert.deepStrictEqual(JSON.parse(out), ['200 GET/one 1', '200 GET/two 2', 'POST/postxy']);
      steps.push('node client');
      server.close();
    });
  });
}
