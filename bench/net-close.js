'use strict';
// Usage: [RINGJS_IO_URING=0] build/ringjs bench/net-close.js [N]   (also: node bench/net-close.js)
// N defaults to 9000: server and clients share one process, 2 fds per connection.
// Server + N clients in one process (2 fds each). Clients connect in batches (each batch
// once the server accepted the previous one, so the accept queue never overflows), then the
// server destroys every connection; prints the time from the first destroy() until every
// 'close' on both sides.
const net = require('net');
const N = +(process.argv[2] || 9000);
const BATCH = 250;
const server = net.createServer();
const serverSockets = [];
let clientsClosed = 0, serverClosed = 0, connected = 0, started = 0, t0 = 0;
function maybeDone() {
  if (clientsClosed === N && serverClosed === N) {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`${N} close ${ms.toFixed(1)} ms`);
    server.close();
  }
}
function step() {
  if (serverSockets.length < started || connected < started) return;
  if (started === N) {
    t0 = process.hrtime.bigint();
    for (const s of serverSockets) s.destroy();
    if (process.env.SHOWLOOP) console.log("destroy loop", (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1));
    return;
  }
  const port = server.address().port;
  for (let k = 0; k < BATCH && started < N; k++, started++) {
    const c = net.connect(port, '127.0.0.1', () => { connected++; step(); });
    c.on('error', () => {});
    c.on('close', () => { clientsClosed++; maybeDone(); });
  }
}
server.on('connection', (s) => {
  serverSockets.push(s);
  s.on('close', () => { serverClosed++; maybeDone(); });
  step();
});
server.listen(0, '127.0.0.1', step);
