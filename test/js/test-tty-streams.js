'use strict';
// tty.ReadStream/WriteStream and raw mode, inside a pseudo-terminal made by script(1): the
// terminal settings change, and are restored when the program exits while still raw.
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');

assert.strictEqual(require('tty').isatty(-1), false);
assert.strictEqual(require('tty').isatty(1.5), false);

const fixture = path.join(__dirname, 'fixtures', 'tty', 'raw-mode.js');
const command = `${process.execPath} ${fixture}; stty -a | grep -c ' icanon'`;
const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
if (result.error?.code === 'ENOENT') {
  console.log('skipped: script(1) is not installed');
  process.exit(0);
}
const lines = result.stdout.replace(/\r/g, '').replace(/\x1b\[\d+m/g, '').trim().split('\n');
assert.deepStrictEqual(lines, [
  'write stream true true number',
  'raw before false true',
  'returns this true',
  'raw true false',
  'raw after false true',
  'ERR_TTY_INIT_FAILED',
  'ERR_INVALID_FD',
  '1',  // The terminal is canonical again after the program exited in raw mode.
]);
