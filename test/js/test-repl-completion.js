'use strict';
// The REPL's completer (replServer.complete): dot commands, builtin module names in
// require('/import(', properties after `expr.` (prototype groups first), keywords and global
// names; and TAB in a terminal-mode REPL over a fake terminal.
const repl = require('repl');
const { PassThrough } = require('stream');

function complete(server, line) {
  return new Promise((resolve) => {
    server.complete(line, (err, result) => resolve(err ? `error ${err}` : result));
  });
}

async function main() {
  const server = repl.start({
    input: new PassThrough(), output: new PassThrough(), terminal: false,
  });
  server.context.myObj = { alpha: 1, alpine: 2, beta: 3, nested: { inner: true } };
  const lines = [
    'myObj.al', 'myObj.Al', 'myObj.', 'x = myObj.be', 'myObj?.al', '(myObj).al',
    'myObj.nested.', 'myObj.alpha.toF', 'myObj.nested.inner.', '"abc".len', '1.',
    'undefined.', 'nope.', 'myO', 'myObj.alpha + myO', '.b', '.', '.e', ".5",
    "require('f", 'require("fs/p', "import('pa", "require('node:f", "require('zz",
    'Arr', 'bu', 'th', 'v', 'wi', 'Object.ke', 'globalThis.myO', 'JSON.',
  ];
  for (const line of lines) {
    console.log(JSON.stringify(line), JSON.stringify(await complete(server, line)));
  }
  server.close();

  // A terminal REPL: TAB completes, a second TAB lists.
  const input = new PassThrough();
  const output = new PassThrough();
  output.isTTY = true;
  output.columns = 60;
  let text = '';
  output.on('data', (d) => { text += d; });
  const term = repl.start({ input, output, terminal: true, useColors: false, preview: false });
  term.context.myObj = { alpha: 1, alpine: 2, beta: 3 };
  for (const key of ['m', 'y', 'O', '\t', '\t', '.', '\t', '\t', 'a', '\t', '\r',
                     '.', 'h', '\t', '\r']) {
    input.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  }
  term.close();
  await new Promise((resolve) => term.on('exit', resolve));
  console.log(JSON.stringify(text).replace(/\\r\\n/g, '\\r\\n\n'));
}

main();
