'use strict';
// emitKeypressEvents: keys decoded from whole chunks, including a doubled ESC (one meta
// prefix), CSI sequences with modifiers and their `code`, and
// rxvt's '$' (shift) and '^' (ctrl) forms.
const readline = require('readline');
const { PassThrough } = require('stream');

const chunks = [
  '\x1b\x1b ', '\x1b\x1b\x1b', '\x1b\x1bx',
  '\x1b[2P', '\x1b[1;5D', '\x1b[3;2~', '\x1b[2$', '\x1b[3^', '\x1b[[A', '\x1bOP',
  '\x1b\x1b[A', '\x1b[Z', '\r\n', '\b\x7f\x1b\b\x1b\x7f',
];
for (const chunk of chunks) {
  const stream = new PassThrough();
  const keys = [];
  readline.emitKeypressEvents(stream);
  stream.on('keypress', (s, key) => keys.push([s, key]));
  stream.write(chunk);
  console.log(JSON.stringify(chunk), JSON.stringify(keys));
}
