'use strict';
// History in a terminal-mode readline Interface: up/down walk the entries that start with
// what was typed before the first move, past either end the typed text comes back, Enter adds
// the line (newest first, no repeat of the newest, historySize kept) and emits 'history'.
const readline = require('readline');
const { PassThrough } = require('stream');

const UP = '\x1b[A';
const DOWN = '\x1b[B';

async function walk(title, keys, options = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  output.isTTY = true;
  output.columns = 80;
  output.resume();
  const rl = readline.createInterface({
    input, output, terminal: true, prompt: '$ ',
    history: ['abc', 'bcd', 'abd', 'xyz'], ...options,
  });
  const seen = [];
  rl.on('history', (history) => seen.push(`history: ${JSON.stringify(history)}`));
  for (const key of keys) {
    input.write(key);
    await new Promise((resolve) => setImmediate(resolve));
    seen.push(JSON.stringify(rl.line));
  }
  rl.close();
  console.log(`--- ${title}`);
  console.log(seen.join(' '));
}

async function main() {
  await walk('up past the oldest, down past the newest', [UP, UP, UP, UP, UP, DOWN, DOWN,
                                                          DOWN, DOWN, DOWN, DOWN]);
  await walk('prefix search', ['a', UP, UP, UP, DOWN, DOWN, DOWN]);
  await walk('longer prefix', ['a', 'b', UP, UP, DOWN, DOWN]);
  await walk('typing starts a new search', [UP, UP, 'z', UP, DOWN]);
  await walk('enter adds to history', ['n', 'e', 'w', '\r', UP, '\r', UP, UP],
             { historySize: 3 });
  await walk('duplicates removed', ['x', 'y', 'z', '\r', 'a', 'b', 'c', '\r'],
             { removeHistoryDuplicates: true });
  await walk('ctrl-p and ctrl-n', ['\x10', '\x10', '\x0e']);
}

main();
