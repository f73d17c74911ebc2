'use strict';
// TAB completion in a terminal-mode readline Interface over a fake terminal (a PassThrough
// with isTTY and columns): the common prefix of the candidates is inserted, a second TAB lists
// them in columns (groups apart), one-argument (sync), two-argument (callback) and
// readline/promises completers, and a completer's error. Prints what the terminal received.
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough } = require('stream');

const words = ['alpha', 'alpine', 'beta', 'bet', 'gamma', 'gammaray', 'delta', 'epsilon',
               'zeta', 'eta', 'theta'];

function sync(line) {
  return [words.filter((w) => w.startsWith(line)), line];
}

function callback(line, cb) {
  setImmediate(() => cb(null, sync(line)));
}

function grouped(line) {
  const groups = [['one', 'once'], ['only', 'onward', 'onion']];
  const out = [];
  for (const group of groups) {
    const hits = group.filter((w) => w.startsWith(line));
    if (hits.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...hits);
  }
  return [out, line];
}

// Types each key (one keypress each), waiting a turn between keys for async completers.
async function session(title, make, keys, columns = 40) {
  const input = new PassThrough();
  const output = new PassThrough();
  output.isTTY = true;
  output.columns = columns;
  let text = '';
  output.on('data', (d) => { text += d; });
  const rl = make(input, output);
  rl.on('line', (line) => { text += `<line ${JSON.stringify(line)}>`; });
  rl.prompt();
  for (const key of keys) {
    input.write(key);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  }
  rl.close();
  console.log(`--- ${title}`);
  console.log(JSON.stringify(text).replace(/\\r\\n/g, '\\r\\n\n'));
}

async function main() {
  const make = (completer) => (input, output) =>
    readline.createInterface({ input, output, completer, terminal: true, prompt: '$ ' });
  await session('sync: prefix, list, list again', make(sync),
                ['a', 'l', '\t', '\t', '\r', 'g', '\t', '\t', '\t', '\r']);
  await session('sync: empty line lists all on the second tab', make(sync),
                ['\t', '\t', '\r']);
  await session('sync: one candidate is completed', make(sync),
                ['e', 'p', '\t', '\r', 'z', '\t', '\t', '\r']);
  await session('sync: no candidates', make(sync), ['x', '\t', '\t', '\r']);
  await session('sync: narrow terminal', make(sync), ['\t', '\t', '\r'], 12);
  await session('callback completer', make(callback), ['b', '\t', '\t', '\r']);
  await session('groups', make(grouped), ['o', '\t', '\t', '\r', 'o', 'n', 'w', '\t', '\r']);
  await session('mid-line cursor', make(sync),
                ['b', 'x', '\x1b[D', '\t', '\r']);
  await session('completer error', make((line, cb) => {
    const error = new TypeError('no luck');
    error.stack = 'TypeError: no luck';  // this file's frames would differ
    cb(error);
  }), ['a', '\t', '\r']);
  await session('no completer: tab is text', make(undefined), ['a', '\t', 'b', '\r']);
  await session('promises: async completer',
                (input, output) => readlinePromises.createInterface({
                  input, output, terminal: true, prompt: '$ ',
                  completer: async (line) => sync(line),
                }), ['g', '\t', '\t', '\r']);
  await session('promises: sync completer',
                (input, output) => readlinePromises.createInterface({
                  input, output, terminal: true, prompt: '$ ', completer: sync,
                }), ['d', '\t', '\r']);

  const plain = readline.createInterface({ input: new PassThrough(), completer: sync });
  console.log('wrapped one-argument completer:', plain.completer !== sync,
              plain.completer.length);
  plain.completer('al', (err, result) => console.log('wrapped answer:', err, result));
  plain.close();
  const two = readline.createInterface({ input: new PassThrough(), completer: callback });
  console.log('two-argument completer kept:', two.completer === callback);
  two.close();
  const promised = readlinePromises.createInterface({ input: new PassThrough(),
                                                      completer: sync });
  console.log('promises completer kept:', promised.completer === sync);
  promised.close();
  try {
    readline.createInterface({ input: new PassThrough(), completer: 'nope' });
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

main();
