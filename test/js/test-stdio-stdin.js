'use strict';
// process.stdin is a Readable over fd 0. Under the test runner stdin is /dev/null (a character
// device, read like a file): the stream starts paused, ends with no data, and, as node's file
// stdin, does not emit 'close'. Async iteration and read() work on it.
const { Readable } = require('stream');
const stdin = process.stdin;

console.log('instanceof Readable', stdin instanceof Readable, 'fd', stdin.fd);
console.log('flowing', stdin.readableFlowing, 'paused', stdin.isPaused(), 'isTTY', stdin.isTTY);
console.log('read() before data', stdin.read());
stdin.on('end', () => console.log('end; readableEnded', stdin.readableEnded));
stdin.on('close', () => console.log('close'));
(async () => {
  const chunks = [];
  for await (const chunk of stdin.iterator({ destroyOnReturn: false })) chunks.push(chunk);
  console.log('iterated chunks', chunks.length);
  setImmediate(() => console.log('destroyed', stdin.destroyed, 'readable', stdin.readable));
})();
process.on('exit', (code) => console.log('exit', code));
