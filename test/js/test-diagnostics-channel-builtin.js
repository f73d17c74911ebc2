'use strict';
// The channels node's http and net modules publish: their message shapes, and where each lands
// relative to the events of the same side (client and server sides are logged separately, since
// their interleaving depends on the kernel).
const dc = require('diagnostics_channel');
const http = require('http');
const net = require('net');

const client = [];
const server = [];
const describe = (message) =>
  Object.entries(message).map(([k, v]) => `${k}:${v?.constructor?.name}`).join(',');
const on = (log, name) => dc.subscribe(name, (message) => log.push(`${name} {${describe(message)}}`));

on(client, 'http.client.request.start');
on(client, 'http.client.response.finish');
on(client, 'net.client.socket');
on(server, 'http.server.request.start');
on(server, 'http.server.response.finish');
on(server, 'net.server.socket');

const checks = [];
dc.subscribe('http.server.request.start', ({ request, response, socket, server: srv }) => {
  checks.push(request.url === '/path' && response.req === request && socket === request.socket &&
              srv === httpServer);
});
dc.subscribe('http.client.response.finish', ({ request, response }) => {
  checks.push(response.req === request && response.statusCode === 200);
});

const httpServer = http.createServer((req, res) => {
  server.push('request event');
  res.on('finish', () => server.push('finish event'));
  res.end('hi');
});
httpServer.on('connection', () => server.push('connection event'));
httpServer.listen(0, () => {
  const req = http.get({ port: httpServer.address().port, path: '/path', agent: false }, (res) => {
    client.push('response event');
    res.resume();
    res.on('end', () => {
      client.push('end event');
      httpServer.close(plainNet);
    });
  });
  req.on('socket', () => client.push('socket event'));
  client.push('http.get returned');
});

// A plain net server and client publish the net channels only.
function plainNet() {
  const netServer = net.createServer((socket) => {
    server.push('net connection event');
    socket.end('bye');
  });
  netServer.listen(0, () => {
    const socket = net.connect(netServer.address().port);
    client.push('net.connect returned');
    socket.resume();
    socket.on('end', () => {
      client.push('net end event');
      netServer.close(done);
    });
  });
}

function done() {
  console.log('client side:\n ', client.join('\n  '));
  console.log('server side:\n ', server.join('\n  '));
  console.log('checks', checks);
}
