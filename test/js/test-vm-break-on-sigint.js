'use strict';
// breakOnSigint: a SIGINT while vm code runs stops it with ERR_SCRIPT_EXECUTION_INTERRUPTED
// and reaches neither the process's SIGINT listeners nor its default action; the next SIGINT
// is handled as usual. For scripts, runIn*Context and SourceTextModule#evaluate.
const vm = require('vm');
const { spawn } = require('child_process');

const cases = ['runInThisContext', 'runInContext', 'runInNewContext', 'listener', 'module'];

if (process.argv[2] === 'child') {
  const which = process.argv[3];
  const code = 'process.send("running"); while (true) {}';
  let heard = 0;
  if (which === 'listener') process.on('SIGINT', () => heard++);
  const report = (e) => console.log(which, e.name, e.code, e.message, Object.keys(e),
                                    e.stack.split('\n')[1].includes('watchdogError'));
  const afterwards = () => {
    if (which !== 'listener') return process.disconnect();
    // The interrupting SIGINT was not the listener's; the next one is.
    console.log('heard during run', heard);
    const keepAlive = setInterval(() => {}, 1000);
    process.on('SIGINT', () => {
      console.log('heard after run', heard);
      clearInterval(keepAlive);
      process.disconnect();
    });
    process.send('again');
  };
  if (which === 'module') {
    const module = new vm.SourceTextModule(code, { context: vm.createContext({ process }) });
    module.link(() => {}).then(() => module.evaluate({ breakOnSigint: true }))
      .then(() => console.log('module finished?'), report).then(afterwards);
    return;
  }
  try {
    if (which === 'runInContext') {
      vm.runInContext(code, vm.createContext({ process }), { breakOnSigint: true });
    } else if (which === 'runInNewContext') {
      vm.runInNewContext(code, { process }, { breakOnSigint: true });
    } else {
      new vm.Script(code).runInThisContext({ breakOnSigint: true });
    }
  } catch (e) {
    report(e);
  }
  afterwards();
  return;
}

(async () => {
  for (const which of cases) {
    const args = [__filename, 'child', which];
    if (which === 'module') args.unshift('--experimental-vm-modules', '--no-warnings');
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout.on('data', (d) => out += d);
    child.on('message', () => child.kill('SIGINT'));
    const [status, signal] = await new Promise((resolve) => child.on('close', (...a) => resolve(a)));
    process.stdout.write(out);
    console.log(which, 'exit', status, signal);
  }
})();
