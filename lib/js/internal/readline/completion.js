'use strict';
// TAB in terminal mode: ask the completer for candidates for the text left of the cursor,
// insert what all of them share, and on a second TAB list them in columns (groups separated by
// '' entries are listed apart).

const { inspect } = require('internal/util/inspect');

// The completer as an (line, callback) function: a one-argument completer returns its
// answer, a two-argument one calls back.
function toCallbackCompleter(completer) {
  if (typeof completer !== 'function' || completer.length === 2) return completer;
  return function completerWrapper(line, cb) {
    cb(null, completer(line));
  };
}

// Set on a readline/promises Interface: its completer returns (a promise of) the answer.
const kPromiseCompleter = Symbol('kPromiseCompleter');

function callCompleter(rl, text, cb) {
  if (!rl[kPromiseCompleter]) {
    rl.completer(text, cb);
    return;
  }
  new Promise((resolve) => resolve(rl.completer(text))).then((value) => cb(null, value), cb);
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  let prefix = strings[0];
  for (let i = 1; i < strings.length && prefix.length > 0; i++) {
    const s = strings[i];
    let n = 0;
    while (n < prefix.length && n < s.length && prefix[n] === s[n]) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix;
}

// The candidates in rows of as many columns as the output is wide; each group ends with a row
// break and groups are separated by an empty line.
function formatList(completions, columns) {
  const items = completions.filter((c) => c !== '');
  const width = Math.max(...items.map((c) => c.length)) + 2;
  // An output of unknown width (columns Infinity) gets one candidate per row.
  let perRow = Math.floor(columns / width);
  if (!perRow || perRow === Infinity) perRow = 1;
  const groups = [[]];
  for (const c of completions) {
    if (c === '') groups.push([]);
    else groups[groups.length - 1].push(c);
  }
  const blocks = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    let block = '';
    for (let i = 0; i < group.length; i++) {
      const endOfRow = (i + 1) % perRow === 0 || i === group.length - 1;
      block += endOfRow ? `${group[i]}\r\n` : group[i].padEnd(width);
    }
    blocks.push(block);
  }
  return `\r\n${blocks.join('\r\n')}\r\n`;
}

// Runs on a TAB keypress; `lastKeypressWasTab` turns on the listing.
function tabComplete(rl, lastKeypressWasTab) {
  rl.pause();
  const text = rl.line.slice(0, rl.cursor);
  callCompleter(rl, text, (err, value) => {
    rl.resume();
    if (err) {
      rl._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    }
    // The line may have changed while an asynchronous completer ran.
    if (rl.line.slice(0, rl.cursor) !== text) return;
    const [completions, completeOn] = Array.isArray(value) ? value : [];
    if (!Array.isArray(completions) || completions.length === 0) return;
    const candidates = completions.filter((c) => c !== '');
    if (candidates.length === 0) return;
    const on = typeof completeOn === 'string' ? completeOn : '';
    const prefix = commonPrefix(candidates);
    if (prefix.length > on.length) {
      rl._insertString(prefix.slice(on.length));
      return;
    }
    if (!lastKeypressWasTab) return;
    rl._writeToOutput(formatList(completions, rl.columns));
    rl._refreshLine();
  });
}

module.exports = {
  tabComplete, toCallbackCompleter, commonPrefix, formatList, kPromiseCompleter,
};
