'use strict';
// A worker's process.execArgv holds only the leading options of options.execArgv: `--` and
// anything after the first non-option are dropped, as in node.
const { Worker } = require('worker_threads');

const lists = [
  ['--pending-deprecation'],
  ['--pending-deprecation', '--'],
  ['--', '--pending-deprecation'],
  ['foo', '--pending-deprecation'],
  ['--pending-deprecation', 'foo', '--'],
  ['--pending-deprecation', '--', '--', 'x'],
  ['--', '--bogus'],
];
function next() {
  const execArgv = lists.shift();
  if (execArgv === undefined) return;
  const worker = new Worker(
    'require("worker_threads").parentPort.postMessage(process.execArgv)',
    { eval: true, execArgv });
  worker.on('message', (seen) => console.log(JSON.stringify(execArgv), '->', JSON.stringify(seen)));
  worker.on('exit', next);
}
next();
