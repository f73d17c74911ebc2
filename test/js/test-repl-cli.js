'use strict';
// The standalone REPL: `-i` with input piped on stdin (not a terminal) runs the REPL in the
// main context; -e/-p code given with -i runs once the REPL is up; the process exits with
// process.exitCode when the input ends or at .exit (lines read in the same chunk still run).
// Without -i, piped input is a script. The welcome line names the runtime and is left out.
const { spawnSync } = require('child_process');

function run(args, input, env) {
  const result = spawnSync(process.execPath, args, {
    input, encoding: 'utf8', env: { ...process.env, ...env },
  });
  const lines = result.stdout.split('\n');
  const shown = lines[0].startsWith('Welcome to ') ? lines.slice(1).join('\n') : result.stdout;
  console.log(`$ ${['<runtime>', ...args].join(' ')}  (exit ${result.status})`);
  console.log(JSON.stringify(shown));
  if (result.stderr !== '') console.log('stderr:', JSON.stringify(result.stderr));
}

run(['-i'], [
  '1 + 1',
  "console.log('hi')",
  'typeof process.argv',
  "throw new TypeError('t')",
  'function f() {',
  'return 3 }',
  'f()',
  'var inMain = 1; globalThis.inMain',
  'typeof require',
  'typeof fs.readFileSync',
  'const c = await Promise.resolve(5); c * 2',
  '.exit',
  "'still runs'",
  '',
].join('\n'));
run(['-i'], 'process.exitCode = 3\n');
run(['--interactive'], '[\n');
run(['-i'], '');
run(['-i', '-e', "console.log('from -e')"], '1 + 1\n');
run(['-i', '-p', '5'], '1 + 1\n');
run(['-i'], 'x = 1\nlet y = 2\ny\n', { NODE_REPL_MODE: 'strict' });
run(['-i'], 'process.on("uncaughtException", (e) => console.log("listener:", e.message));' +
            ' console.log("added")\nnope\n1\n');
run(['-i', '--input-type=module'], '1\n');
run([], "console.log('piped script')\n");
run(['-'], "console.log('piped script with -')\n");
