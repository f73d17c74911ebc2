'use strict';
// fetch() against a node:http server in this process: request headers and bodies of every
// kind, response decoding, redirects, abort, connection errors, keep-alive reuse, data: URLs.

const http = require('http');
const zlib = require('zlib');

let connections = 0;
const server = http.createServer((req, res) => {
  const url = req.url;
  if (url === '/echo') {
    const chunks = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i];
        headers.push(name.toLowerCase() === 'host' ? 'host: <host>' : `${name}: ${req.rawHeaders[i + 1]}`);
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    return;
  }
  if (url.startsWith('/chain/')) {
    const n = Number(url.slice(7));
    res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : '/echo' });
    res.end();
    return;
  }
  const redirect = /^\/status\/(\d+)$/.exec(url);
  if (redirect) {
    res.writeHead(Number(redirect[1]), { location: '/echo' });
    res.end();
    return;
  }
  switch (url) {
    case '/loop': res.writeHead(301, { location: '/loop' }); res.end(); return;
    case '/gzip': res.writeHead(200, { 'content-encoding': 'gzip' }); res.end(zlib.gzipSync('gzipped body')); return;
    case '/deflate': res.writeHead(200, { 'content-encoding': 'deflate' }); res.end(zlib.deflateSync('deflated body')); return;
    case '/br': res.writeHead(200, { 'content-encoding': 'br' }); res.end(zlib.brotliCompressSync('brotli body')); return;
    case '/nocontent': res.writeHead(204); res.end(); return;
    case '/hang': res.writeHead(200, { 'content-type': 'text/plain' }); res.write('part'); return;
    case '/never': return;
    case '/cookies':
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('X-Mixed', 'Case');
      res.end('ok');
      return;
    case '/big': res.end(Buffer.alloc(300000, 'z')); return;
    default:
      res.statusCode = 404;
      res.statusMessage = 'Nope';
      res.end('not found');
  }
});
server.on('connection', () => connections++);

function printError(label, e, hide = '<none>') {
  const cause = e.cause ? ` cause: ${e.cause.message.replace(hide, 'PORT')} ${e.cause.code ?? ''}` : '';
  console.log(label, e.constructor.name, e.name, e.message + cause);
}

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const echo = async (init, path = '/echo') => {
    const r = await fetch(base + path, init);
    const data = await r.json();
    console.log(r.status, r.url === base + '/echo', r.redirected, data.method, JSON.stringify(data.body));
    console.log('  ' + data.headers.join('\n  '));
    return data;
  };

  let r = await fetch(base + '/echo', { method: 'PUT', body: 'x', headers: { 'X-A': 'b' } });
  console.log(r.status, r.statusText, r.ok, r.type, r.redirected, r.url === base + '/echo');
  console.log([...r.headers].map(([k]) => k), r.headers.get('content-type'));
  console.log((await r.json()).headers);
  await echo(undefined);
  await echo({ method: 'POST', body: Buffer.from('buffer') });
  await echo({ method: 'POST', body: new Uint16Array([0x6968]).buffer });
  await echo({ method: 'POST', body: new Uint8Array([65, 66, 67]).subarray(1) });
  await echo({ method: 'POST', body: new URLSearchParams({ q: 'a b', r: '&' }) });
  await echo({ method: 'POST', body: new Blob(['blob'], { type: 'x/y' }) });
  await echo({ method: 'POST', headers: { 'content-type': 'mine', 'User-Agent': 'me', accept: 'a/b' }, body: 'own headers' });
  await echo({ method: 'POST' });
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode('str'));
      c.enqueue(new TextEncoder().encode('eamed'));
      c.close();
    },
  });
  await echo({ method: 'POST', body: stream, duplex: 'half' });
  const form = new FormData();
  form.append('field', 'value');
  form.append('file', new Blob(['content'], { type: 'text/plain' }), 'a.txt');
  r = await fetch(base + '/echo', { method: 'POST', body: form });
  const sent = await r.json();
  const boundary = /boundary=(.*)$/.exec(sent.headers.find((h) => h.startsWith('content-type')))[1];
  console.log(JSON.stringify(sent.body.replaceAll(boundary, 'B')), sent.headers.find((h) => h.startsWith('content-length')));

  // Redirects.
  await echo({ method: 'POST', body: 'dropped' }, '/chain/3');
  await echo({ method: 'POST', body: 'kept 307' }, '/status/307');
  await echo({ method: 'PUT', body: 'kept 308' }, '/status/308');
  await echo({ method: 'PUT', body: 'dropped 303' }, '/status/303');
  await echo({ method: 'PUT', body: 'kept 301' }, '/status/301');
  r = await fetch(base + '/chain/1', { redirect: 'manual' });
  console.log(r.status, r.type, r.redirected, r.url === base + '/chain/1', r.headers.get('location'));
  await fetch(base + '/chain/1', { redirect: 'error' }).catch((e) => printError('error mode', e));
  await fetch(base + '/loop').catch((e) => printError('loop', e));
  await echo({}, '/chain/19');
  await fetch(base + '/chain/20').catch((e) => printError('21 hops', e));
  await fetch(base + '/status/307', { method: 'POST', body: new ReadableStream({ pull(c) { c.close(); } }), duplex: 'half' })
    .catch((e) => printError('stream redirect', e));

  // Responses.
  for (const path of ['/gzip', '/deflate', '/br']) {
    r = await fetch(base + path);
    console.log(path, r.headers.get('content-encoding'), await r.text());
  }
  r = await fetch(base + '/missing');
  console.log(r.status, r.statusText, r.ok, await r.text());
  r = await fetch(base + '/nocontent');
  console.log(r.status, r.body, await r.text());
  r = await fetch(base + '/echo', { method: 'HEAD' });
  console.log(r.status, r.body, r.headers.get('content-type'));
  r = await fetch(base + '/cookies');
  console.log(r.headers.getSetCookie(), r.headers.get('x-mixed'));
  try { r.headers.set('a', 'b'); } catch (e) { console.log(e.message); }
  r = await fetch(base + '/big');
  let total = 0;
  for await (const chunk of r.body) total += chunk.byteLength;
  console.log('streamed', total, r.bodyUsed);
  r = await fetch(new Request(base + '/echo', { method: 'POST', body: 'from request', headers: { 'x-req': '1' } }));
  console.log((await r.json()).body);

  // Abort.
  await fetch(base + '/echo', { signal: AbortSignal.abort() }).catch((e) => printError('pre-aborted', e));
  const headersAbort = new AbortController();
  const never = fetch(base + '/never', { signal: headersAbort.signal });
  setImmediate(() => headersAbort.abort());
  await never.catch((e) => printError('waiting headers', e));
  const bodyAbort = new AbortController();
  r = await fetch(base + '/hang', { signal: bodyAbort.signal });
  const reader = r.body.getReader();
  console.log(new TextDecoder().decode((await reader.read()).value));
  bodyAbort.abort();
  await reader.read().catch((e) => printError('reading body', e));
  const custom = new AbortController();
  const pending = fetch(base + '/never', { signal: custom.signal });
  custom.abort(new Error('my reason'));
  await pending.catch((e) => printError('custom reason', e));

  // Errors and other schemes.
  await fetch('ftp://example/').catch((e) => printError('ftp', e));
  await fetch('http://127.0.0.1:1/').catch((e) => printError('bad port', e));
  await fetch('not a url').catch((e) => printError('bad url', e));
  r = await fetch('data:text/plain;base64,aGVsbG8=');
  console.log(r.status, r.statusText, [...r.headers], r.url, await r.text());
  r = await fetch('data:,a%20b');
  console.log([...r.headers], await r.text());
  r = await fetch('data:application/json;charset=UTF-8,{"x":1}');
  console.log(r.headers.get('content-type'), await r.json());

  console.log('keep-alive reuses connections:', connections <= 4);
  const closed = http.createServer();
  closed.listen(0, '127.0.0.1', () => {
    const port = closed.address().port;
    closed.close(async () => {
      await fetch(`http://127.0.0.1:${port}/`).catch((e) => printError('refused', e, String(port)));
      server.close();
      server.closeAllConnections();
    });
  });
});
