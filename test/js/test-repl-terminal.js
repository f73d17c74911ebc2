'use strict';
// A terminal-mode REPL over a fake terminal, one key per chunk: typing, history (up), Ctrl+C
// twice on an empty line, .editor (typed lines keep their indentation; Ctrl+D runs them,
// Ctrl+C drops them), .load of a file (echoed) and .save, Ctrl+D to leave. Prints what the
// terminal received (the temporary directory's path replaced).
const repl = require('repl');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PassThrough } = require('stream');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repl-term-'));
  const loadFile = path.join(dir, 'load.js');
  fs.writeFileSync(loadFile, 'const loaded = () =>\n  40 + 2;\n\nloaded()\n');
  const input = new PassThrough();
  const output = new PassThrough();
  output.isTTY = true;
  output.columns = 80;
  let text = '';
  output.on('data', (d) => { text += d; });
  const server = repl.start({ input, output, terminal: true, useColors: false, preview: false });
  const CTRL_C = '\x03';
  const CTRL_D = '\x04';
  const UP = '\x1b[A';
  const typed = (s) => s.split('');
  const keys = [
    ...typed('1 + 1'), '\r', UP, '\r',
    CTRL_C, '\r',
    ...typed('.editor'), '\r',
    ...typed('  const a = 1;'), '\r', ...typed('a + 1'), CTRL_D,
    ...typed('.editor'), '\r', ...typed('dropped'), '\r', CTRL_C,
    ...typed(`.load ${loadFile}`), '\r',
    ...typed(`.save ${path.join(dir, 'saved.js')}`), '\r',
    ...typed('loaded'), '\r',
    CTRL_C, CTRL_C,
  ];
  for (const key of keys) {
    input.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => server.on('exit', resolve));
  const saved = fs.readFileSync(path.join(dir, 'saved.js'), 'utf8');
  fs.rmSync(dir, { recursive: true });
  console.log(JSON.stringify(text.split(dir).join('<tmp>')).replace(/\\r\\n/g, '\\r\\n\n'));
  console.log('saved:', JSON.stringify(saved));
}

main();
