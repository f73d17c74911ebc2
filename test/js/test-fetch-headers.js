'use strict';
// Headers, FormData, Request and Response without a network: guards, case-insensitive names,
// combined values, sorted iteration, validation errors and util.inspect output (node 20).

const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.code, e.message);
  }
};

const h = new Headers({ b: '2', A: '1', 'set-cookie': 'x=1' });
h.append('a', '3');
h.append('Set-Cookie', 'y=2');
console.log(h, [...h], h.get('a'), h.get('missing'), h.getSetCookie());
h.set('B', ' spaced\t');
console.log(h.get('b'), h.has('B'), h.has('c'), [...h.keys()], [...h.values()]);
h.delete('SET-COOKIE');
h.forEach(function(value, name, self) { console.log('each', name, value, self === h, this.tag); }, { tag: 't' });
console.log(h.keys(), Object.prototype.toString.call(h.entries()), h.entries().next());
console.log(new Headers([['x-b', '1'], ['x-a', '2']]), new Headers(new Headers({ q: 'r' })));
show('immutable', () => Response.error().headers.set('a', 'b'));
show('pair', () => new Headers([['a']]));
show('number', () => new Headers(1));
show('null', () => new Headers(null));
show('get()', () => new Headers().get());
show('append 1', () => new Headers().append('a'));
show('bad name', () => new Headers({ 'a b': '1' }));
show('bad value', () => new Headers({ a: '1\n2' }));
show('get bad', () => new Headers().get('a b'));
show('brand', () => Headers.prototype.get.call({}, 'a'));
console.log(Object.getOwnPropertyNames(Headers.prototype));
console.log(Object.prototype.toString.call(h), Headers.length, Headers.name);

const fd = new FormData();
fd.append('a', '1');
fd.append('a', '2');
fd.append('b', new File(['x'], 'orig.txt', { lastModified: 5 }));
fd.append('d', new File(['xy'], 'orig.txt', { lastModified: 5, type: 'text/x' }), 'renamed');
console.log(fd, fd.getAll('a'), fd.get('zz'), fd.has('b'));
fd.append('c', new Blob(['y']));
console.log(fd.get('c').name, fd.get('c') instanceof File, [...fd.keys()]);
fd.set('a', 'only');
fd.delete('c');
console.log([...fd.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : v.name]));
show('fd ctor', () => new FormData(1));
show('fd append', () => fd.append('a'));
show('fd blob', () => fd.append('a', 'x', 'f'));
show('fd get', () => fd.get());
console.log(fd.keys(), Object.prototype.toString.call(fd), Object.getOwnPropertyNames(FormData.prototype));

console.log(new Request('http://x.com/a?b#frag', { method: 'post', body: 'hi' }));
console.log(new Response('hi', { status: 201, headers: { a: 'b' } }));
console.log(Response.error(), Response.redirect('http://a/', 301));
show('status 99', () => new Response('x', { status: 99 }));
show('status 204', () => new Response('x', { status: 204 }));
show('redirect 200', () => Response.redirect('http://a/', 200));
show('redirect url', () => Response.redirect('nope'));
show('statusText', () => new Response(null, { statusText: '\n' }));
show('json bigint', () => Response.json(1n));
show('relative', () => new Request('/rel'));
show('GET body', () => new Request('http://a', { method: 'GET', body: 'x' }));
show('duplex', () => new Request('http://a', { method: 'POST', body: new ReadableStream() }));
show('CONNECT', () => new Request('http://a', { method: 'CONNECT' }));
show('bad method', () => new Request('http://a', { method: 'bad method' }));
show('navigate', () => new Request('http://a', { mode: 'navigate' }));
show('redirect', () => new Request('http://a', { redirect: 'x' }));
show('credentials', () => new Request('http://u:p@a/'));
show('no args', () => new Request());
show('signal', () => new Request('http://a', { signal: {} }));
console.log(new Request('http://a/', { method: 'patch' }).method, new Request('http://a/', { method: 'delete' }).method);
console.log(Object.getOwnPropertyNames(Response.prototype));
console.log(Request.length, Response.length, FormData.length);

(async () => {
  const r = new Response('{"a":1}');
  console.log(await r.json(), r.bodyUsed);
  await r.text().catch((e) => console.log(e.name, e.message));
  show('clone used', () => r.clone());
  const j = Response.json({ a: 1 }, { status: 202 });
  console.log(j.status, [...j.headers], await j.text());

  const form = new FormData();
  form.append('a', 'b\nc');
  form.append('f', new Blob(['hello'], { type: 'text/x' }), 'n"q.txt');
  const rq = new Request('http://a/', { method: 'POST', body: form });
  const ct = rq.headers.get('content-type');
  const boundary = ct.split('boundary=')[1];
  console.log(ct.replace(boundary, 'B'), /^----formdata-undici-0\d{11}$/.test(boundary));
  console.log(JSON.stringify((await rq.clone().text()).replaceAll(boundary, 'B')));
  const parsed = await rq.formData();
  console.log(parsed.get('a'), parsed.get('f').name, parsed.get('f').type, await parsed.get('f').text());

  const u = new Response(new URLSearchParams('a=1&b=%20x+y'));
  console.log([...u.headers], await u.clone().text(), await u.formData());
  await new Response('x').formData().catch((e) => console.log(e.name, e.message));
  await new Response('x', { headers: { 'content-type': 'multipart/form-data; boundary=zz' } })
    .formData().catch((e) => console.log(e.name, e.message));
  console.log(await new Response(new Blob(['x'], { type: 'a/b' })).blob());
  console.log(await new Response('x', { headers: { 'content-type': 'Text/HTML; Charset=X' } }).blob());
  console.log(await new Response(new Uint8Array([1, 2])).arrayBuffer());
  console.log(await new Response(new Uint16Array([1]).buffer).bytes());
  console.log((await new Response('\ufeffhi').text()).length, await new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])).json());
  const streamed = new Response('abc');
  const reader = streamed.body.getReader();
  console.log(streamed.bodyUsed, streamed.body.locked, await reader.read(), streamed.bodyUsed);
  await streamed.text().catch((e) => console.log(e.message));
  console.log(new Response(null).body, JSON.stringify(await new Response(null).text()));
  const source = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('st')); c.enqueue(new TextEncoder().encode('ream')); c.close(); } });
  const fromStream = new Response(source);
  const copy = fromStream.clone();
  console.log(await fromStream.text(), await copy.text(), fromStream.bodyUsed);
  const original = new Request('http://a/', { method: 'PUT', body: 'moved', headers: { x: 'y' } });
  const derived = new Request(original);
  console.log(derived.method, [...derived.headers], await derived.text());
  const ac = new AbortController();
  const withSignal = new Request('http://a/', { signal: ac.signal });
  ac.abort();
  console.log(withSignal.signal.aborted, withSignal.signal.reason.name);
})();

// Many requests following one long-lived signal: no listener-leak warning, abort reaches all.
process.on('warning', (warning) => console.log('warning', warning.name));
const shared = new AbortController();
const followers = [];
for (let i = 0; i < 20; i++) followers.push(new Request('http://a/', { signal: shared.signal }));
shared.abort();
console.log('all aborted', followers.every((request) => request.signal.aborted));

// util.inspect at depth: undici prints these objects whole wherever they sit.
const util = require('util');
console.log(util.inspect({ a: { b: new Response('x') } }));
console.log(util.inspect({ a: { b: { c: new Headers({ a: 'b' }) } } }));
console.log(util.inspect([new Request('http://a/')], { depth: 0 }));
console.log(util.inspect(new FormData(), { depth: -1 }));
console.log(String(new Headers()), String(new Response()), JSON.stringify(new Headers({ a: 'b' })));
console.log(Object.keys(new Response()), Object.keys(new Headers({ a: 'b' })));
