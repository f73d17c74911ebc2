'use strict';
// process._getActiveHandles() lists ref'd TCP/pipe sockets and servers as their net objects,
// and process.getActiveResourcesInfo() names them (TCPServerWrap, TCPSocketWrap, PipeWrap);
// unref'd ones are left out. Lists are read only when both ends of every connection are up.
const net = require('net');
const os = require('os');
const path = require('path');

console.log('start');  // stdout's own handle (a pipe, maybe) exists from here on.
const baseNames = process.getActiveResourcesInfo();
const baseHandles = process._getActiveHandles();
// Connect requests are left out: node drops one only after its callback, ringjs before.
function names() {
  const list = process.getActiveResourcesInfo().filter((name) => name !== 'ConnectWrap');
  for (const name of baseNames) list.splice(list.indexOf(name), 1);
  return JSON.stringify(list.sort());
}
const kinds = () => JSON.stringify(process._getActiveHandles()
  .filter((h) => !baseHandles.includes(h)).map((h) => h.constructor.name).sort());

// Calls done() once `count` calls of the returned function happened.
function after(count, done) {
  return () => {
    if (--count === 0) done();
  };
}

const clients = [];
const accepted = [];
const ready = after(6, check);
const server = net.createServer((c) => {
  accepted.push(c);
  ready();
}).listen(0, () => {
  console.log('listening', names(), kinds());
  for (let i = 0; i < 3; i++) clients.push(net.connect(server.address().port, ready));
});

function check() {
  const handles = process._getActiveHandles();
  console.log('server listed', handles.includes(server));
  console.log('clients listed', clients.every((c) => handles.includes(c)));
  console.log('accepted listed', accepted.every((c) => handles.includes(c)));
  console.log('names', names());
  server.unref();
  clients[0].unref();
  console.log('after unref', names());
  server.ref();
  const closed = after(7, () => setImmediate(pipes));
  for (const c of [...clients, ...accepted]) {
    c.on('close', closed);
    c.destroy();
  }
  server.close(closed);
}

function pipes() {
  console.log('all closed', names(), kinds());
  const file = path.join(os.tmpdir(), `ringjs-active-${process.pid}.sock`);
  let accepted;
  let client;
  const both = after(2, () => {
    console.log('pipe names', names(), kinds());
    accepted.destroy();
    client.destroy();
    pipeServer.close();
  });
  const pipeServer = net.createServer((c) => {
    accepted = c;
    both();
  }).listen(file, () => {
    console.log('pipe server', names());
    client = net.connect(file, both);
  });
}
