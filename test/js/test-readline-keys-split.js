'use strict';
// Keypress decoding across chunks: escape sequences split over several writes still make one
// key, xterm/rxvt codes with their modifiers, unknown sequences keep their whole code, and a
// chunk ending in ESC becomes the escape key only after escapeCodeTimeout.
const { PassThrough } = require('stream');
const { Interface } = require('readline');

const input = new PassThrough();
new Interface({ input, output: new PassThrough(), terminal: true, escapeCodeTimeout: 20 });
let keys = [];
input.on('keypress', (s, key) => keys.push([s === undefined ? 'no-s' : s, key]));

const cases = [
  '\x1b[D\x1b[C'.split(''),
  ['\x1b[', '1;5', 'A'],
  ['\x1b', 'O', 'P'],
  ['\x1b\x1b', '[A'],
  ['a\x1b', 'b'],
  '\x1b[31ma\x1b[39ma',
  '\x1b[a\x1b[e\x1bOa\x1bO5a',
  '\x1b[5m\x1b[1;5m\x1b[2;5A\x1b[12;5A',
  '\x1b[123~\x1b[1234~',
  '\x1b[5;5;5~',
  '\x1b[1;12A',
  '\x1bO12A',
  '\x1b[3;~\x1b[;A\x1b[[12A\x1b[[1;5A',
  '\x1b[20;5~\x1b[6;5^\x1b[12;3~',
  '\x00\x1b\x00\x1b\x01\x1f',
  '\x1b\x1b\x1b\x1b',
];
for (const parts of cases) {
  keys = [];
  for (const part of [].concat(parts)) input.write(part);
  console.log(JSON.stringify(parts), JSON.stringify(keys));
}

// The ESC left pending by the last case joins the next chunk.
keys = [];
input.write('\x1bA');
console.log('pending ESC then ESC A', JSON.stringify(keys));

// Chunks ending in ESC: nothing until the timeout, then the escape key (meta).
const lone = ['\x1b', 'q\x1b', '\x1b\x1b'];
function nextLone() {
  const chunk = lone.shift();
  if (chunk === undefined) return;
  keys = [];
  input.write(chunk);
  const before = JSON.stringify(keys);
  input.once('keypress', function onKey() {
    if (keys.length === 0 || keys[keys.length - 1][1].name !== 'escape') {
      input.once('keypress', onKey);
      return;
    }
    console.log(JSON.stringify(chunk), 'at once', before, 'after timeout', JSON.stringify(keys));
    setImmediate(nextLone);
  });
}
nextLone();
