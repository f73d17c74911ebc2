'use strict';
// Errors that REPL input causes later (a throwing timer or tick, an unhandled rejection) are
// printed by the REPL as "Uncaught ..." and the REPL goes on; 'uncaughtException' listeners
// cannot be added from REPL input, even in its callbacks; _domain's 'error' listeners see the
// errors the REPL reports; a package requires itself by name from the REPL in its directory.
// An error of the program itself is not taken by the REPL (checked in a child process).
const repl = require('repl');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PassThrough } = require('stream');
const { spawnSync } = require('child_process');

function start(options = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8');
  output.on('data', (d) => { text += d; });
  const server = repl.start({ input, output, terminal: false, useColors: false, ...options });
  return { server, input, text: () => text };
}

// Resolves once the output ends with a prompt after `count` more prompts.
function prompts(session, count) {
  return new Promise((resolve) => {
    const output = session.server.output;
    let seen = 0;
    output.on('data', function onData(d) {
      if (String(d).endsWith('> ')) seen++;
      if (seen >= count) {
        output.removeListener('data', onData);
        resolve();
      }
    });
  });
}

async function main() {
  {
    const session = start();
    const seen = [];
    session.server._domain.on('error', (err) => seen.push(err && err.message));
    let done = prompts(session, 2);
    session.input.write("setTimeout(() => { throw new RangeError('from a timer') }, 1); 'armed'\n");
    await done;
    done = prompts(session, 2);
    session.input.write("process.nextTick(() => { throw null }); 'tick'\n");
    await done;
    done = prompts(session, 1);
    session.input.write("process.on('uncaughtException', () => {})\n");
    await done;
    done = prompts(session, 2);
    session.input.write("setImmediate(() => process.on('uncaughtException', () => {})); 1\n");
    await done;
    done = prompts(session, 2);
    session.input.write("Promise.reject(new TypeError('rejected')); 'rejection'\n");
    await done;
    session.input.end('1 + 1\n');
    await new Promise((resolve) => session.server.on('exit', resolve));
    // Frames of the runtime's own event code differ between runtimes.
    console.log(session.text().split('\n').filter((l) => !/^\s+at /.test(l)).join('\n'));
    console.log('_domain saw:', seen);
    console.log('uncaughtException listeners:', process.listenerCount('uncaughtException'));
  }

  {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repl-self-'));
    fs.writeFileSync(path.join(dir, 'package.json'),
                     JSON.stringify({ name: 'self_pkg', exports: './main.js' }));
    fs.writeFileSync(path.join(dir, 'main.js'), "module.exports = 'found myself';\n");
    const cwd = process.cwd();
    process.chdir(dir);
    const session = start();
    session.input.end("require('self_pkg')\n");
    await new Promise((resolve) => session.server.on('exit', resolve));
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true });
    console.log(session.text());
  }

  const child = spawnSync(process.execPath, ['-e', `
    const { PassThrough } = require('stream');
    require('repl').start({ input: new PassThrough(), output: new PassThrough() });
    setTimeout(() => { throw new Error('the program failed') }, 1);
  `], { encoding: 'utf8' });
  console.log('program error: exit', child.status,
              child.stderr.includes('Error: the program failed'));
}

main();
