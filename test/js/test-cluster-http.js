'use strict';
// node:cluster: two workers serve HTTP on one port (round robin from the primary by default,
// SCHED_NONE when run with argv 'none'); both answer, then the primary disconnects them and
// they exit 0. Deterministic: distinct worker ids over sequential requests, no timing.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  const policy = process.argv[2] || 'rr';
  if (policy === 'rr') {
    cluster.schedulingPolicy = cluster.SCHED_RR;
  } else {
    cluster.schedulingPolicy = cluster.SCHED_NONE;
  }
  const events = [];
  cluster.on('fork', (w) => events.push(`fork ${w.id}`));
  cluster.on('online', (w) => events.push(`online ${w.id}`));
  let listening = 0;
  let port;
  cluster.on('listening', (worker, address) => {
    port = address.port;
    events.push(`listening ${worker.id} ${address.addressType} ${address.address} ` +
                `${typeof address.port} ${worker.state}`);
    if (++listening === 2) requests();
  });
  cluster.on('disconnect', (w) => events.push(`disconnect ${w.id} ${w.isConnected()}`));
  cluster.on('exit', (w, code, signal) => {
    events.push(`exit ${w.id} ${code} ${signal} ${w.exitedAfterDisconnect} ${w.state} ` +
                `${w.isDead()}`);
  });
  cluster.on('message', (w, message) => events.push(`message ${w.id} ${message.hello}`));
  cluster.setupPrimary({ args: [policy, 'worker'] });
  const first = cluster.fork();
  cluster.fork({ EXTRA: 'from-primary' });
  console.log('primary', cluster.isPrimary, cluster.isMaster, cluster.isWorker);
  console.log('workers', Object.keys(cluster.workers), first instanceof cluster.Worker);
  console.log('settings', Object.keys(cluster.settings).sort().join(), cluster.settings.args);
  first.on('online', () => first.send({ ping: 1 }));
  first.on('message', (message) => {
    if (message.pong) events.push(`worker 1 answered ${message.pong} ${message.extra}`);
  });

  function requests() {
    const seen = new Map();
    let n = 0;
    const next = () => {
      if (n++ === 10) {
        // Round robin alternates; with SCHED_NONE the kernel picks (all answered is what counts).
        if (policy === 'rr') console.log('distinct workers', seen.size);
        console.log('answered', [...seen.values()].reduce((a, b) => a + b, 0));
        cluster.disconnect(() => {
          console.log('all disconnected', Object.keys(cluster.workers).length);
        });
        return;
      }
      http.get({ port, agent: false, path: '/' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { body += d; });
        res.on('end', () => {
          seen.set(body, (seen.get(body) || 0) + 1);
          next();
        });
      });
    };
    next();
  }
  process.on('exit', (code) => {
    console.log(events.sort().join('\n'));
    console.log('primary exit', code);
  });
} else {
  const { worker } = cluster;
  process.on('message', (message) => {
    if (message.ping) process.send({ pong: worker.id, extra: process.env.EXTRA || null });
  });
  process.send({ hello: worker.id });
  http.createServer((req, res) => res.end(`worker ${worker.id}`)).listen(0);
}
