'use strict';
// The standalone REPL: `ringjs` on a terminal with no script, or `ringjs -i`. It evaluates in
// the main context, keeps history in NODE_REPL_HISTORY (default ~/.node_repl_history) on a
// terminal, and exits the process when the REPL closes.

const { kStandaloneREPL } = require('internal/repl/uncaught');

function replMode() {
  const repl = require('repl');
  const mode = (process.env.NODE_REPL_MODE || '').toLowerCase().trim();
  return mode === 'strict' ? repl.REPL_MODE_STRICT : repl.REPL_MODE_SLOPPY;
}

// `code`: the -e/-p code given with -i, run once the REPL is up (printed with -p).
function startRepl(code, print) {
  if (process.execArgv.some((arg) => arg === '--input-type' || arg.startsWith('--input-type='))) {
    process.stderr.write('Cannot specify --input-type for REPL\n');
    process.exit(9);
  }
  const repl = require('repl');
  const terminal = process.env.NODE_NO_READLINE ? false : undefined;
  // node names itself here; ringjs says what it is and which Node.js API it follows.
  process.stdout.write(`Welcome to ringjs v${process.versions.ringjs} ` +
                       `(Node.js ${process.version} API).\n` +
                       'Type ".help" for more information.\n');
  const server = repl.start({
    prompt: '> ',
    input: process.stdin,
    output: process.stdout,
    terminal: terminal ?? Boolean(process.stdout.isTTY),
    useGlobal: true,
    ignoreUndefined: false,
    replMode: replMode(),
    [kStandaloneREPL]: true,
  });
  if (server.terminal) {
    const historyPath = process.env.NODE_REPL_HISTORY;
    server.setupHistory(historyPath, () => {});
  }
  server.on('exit', () => {
    // Lines already read in the same chunk still run (as node), then the process ends.
    const exit = () => process.exit();
    if (server._flushing) server.once('flushHistory', exit);
    else process.nextTick(exit);
  });
  if (code !== undefined) {
    process.nextTick(() => {
      const { evalScript } = require('internal/process/execution');
      evalScript('[eval]', code, print);
      // The -e code's module and require were its own; REPL input gets '<repl>' again.
      require('internal/repl/context').defineReplModule(globalThis);
    });
  }
  return server;
}

module.exports = { startRepl };
