'use strict';
// Worker exit codes and signals, worker.kill(), worker.disconnect() from a worker itself,
// isDead/isConnected, and a worker left alone staying alive until disconnected.
const cluster = require('cluster');

if (cluster.isPrimary) {
  const results = [];
  const fork = (mode) => {
    const worker = cluster.fork({ MODE: mode });
    worker.on('exit', (code, signal) => {
      results.push(`${mode}: code ${code} signal ${signal} after-disconnect ` +
                   `${worker.exitedAfterDisconnect} dead ${worker.isDead()} ` +
                   `connected ${worker.isConnected()} state ${worker.state}`);
    });
    return worker;
  };
  fork('exit-3');
  fork('self-disconnect');
  const idle = fork('idle');
  idle.on('online', () => idle.disconnect());
  const killed = fork('killed');
  killed.on('message', (message) => {
    if (message === 'ready') killed.kill('SIGKILL');
  });
  process.on('exit', () => {
    console.log(results.sort().join('\n'));
    console.log('workers left', Object.keys(cluster.workers).length);
  });
} else {
  const mode = process.env.MODE;
  if (mode === 'exit-3') process.exit(3);
  if (mode === 'self-disconnect') cluster.worker.disconnect();
  if (mode === 'killed') {
    process.send('ready');
    setInterval(() => {}, 1000);
  }
}
