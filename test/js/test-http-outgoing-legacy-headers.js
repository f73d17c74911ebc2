'use strict';
// OutgoingMessage's deprecated header views (DEP0066): _headers and _headerNames read the header
// store and write through to it; each warns once.
const { OutgoingMessage } = require('http');

process.on('warning', (w) => console.log('warning', w.code, w.message));

const out = new OutgoingMessage();
console.log('empty', out._headerNames, out._headers);
out.setHeader('Content-Type', 'text/plain');
out.setHeader('X-Id', '1');
console.log('names', out._headerNames);
out._headerNames = { 'x-id': 'X-ID', missing: 'Nope' };
console.log('raw names after set', out.getRawHeaderNames());
console.log('headers', out._headers);
out._headers = { Accept: '*/*', 'X-Two': ['a', 'b'] };
console.log('after _headers set', out.getHeaders(), out.getRawHeaderNames());
out._headers = null;
console.log('after null', out.getHeaders(), out._headerNames);
out._headers = 'ignored';
console.log('after string', out.getHeaders());
