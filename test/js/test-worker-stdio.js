'use strict';
// A worker's stdout/stderr: by default its output appears on ours, in order, before its
// 'exit'; with { stdout: true } it is a stream we read; { stdin: true } feeds its process.stdin.
const { Worker } = require('worker_threads');

function piped() {
  return new Promise((resolve) => {
    const worker = new Worker(`
      for (let i = 0; i < 20; i++) console.log('worker line', i);
      process.stdout.write('no newline, ');
      process.stdout.write(Buffer.from('a buffer\\n'));
      console.error('worker stderr line');
      process.on('exit', () => console.log('worker exit listener'));
    `, { eval: true });
    worker.on('exit', (code) => {
      console.log('parent saw exit', code);
      resolve();
    });
  });
}

function captured() {
  return new Promise((resolve) => {
    const worker = new Worker(`
      console.log('captured 1');
      process.stdout.write('captured 2\\n');
      console.error('captured err');
      process.exit(0);
    `, { eval: true, stdout: true, stderr: true });
    let out = '';
    let err = '';
    worker.stdout.setEncoding('utf8');
    worker.stderr.setEncoding('utf8');
    worker.stdout.on('data', (chunk) => { out += chunk; });
    worker.stderr.on('data', (chunk) => { err += chunk; });
    worker.stdout.on('end', () => {
      console.log('stdout captured', JSON.stringify(out));
      console.log('stderr captured', JSON.stringify(err));
      resolve();
    });
  });
}

function stdin() {
  return new Promise((resolve) => {
    const worker = new Worker(`
      let text = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk) => { text += chunk; });
      process.stdin.on('end', () => {
        require('worker_threads').parentPort.postMessage('stdin got ' + JSON.stringify(text));
      });
    `, { eval: true, stdin: true });
    worker.on('message', (message) => console.log(message));
    worker.stdin.write('hello ');
    worker.stdin.end('worker');
    worker.on('exit', (code) => {
      console.log('stdin worker exit', code);
      resolve();
    });
  });
}

function noStdin() {
  return new Promise((resolve) => {
    const worker = new Worker(`
      process.stdin.on('end', () => require('worker_threads').parentPort.postMessage('stdin ended'));
      process.stdin.resume();
    `, { eval: true });
    worker.on('message', (message) => console.log(message));
    worker.on('exit', (code) => {
      console.log('no-stdin worker exit', code, worker.stdin);
      resolve();
    });
  });
}

(async () => {
  await piped();
  await captured();
  await stdin();
  await noStdin();
})();
