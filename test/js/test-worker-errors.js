'use strict';
// How workers end: an uncaught exception becomes 'error' (same class, message, code, extra
// properties) and exit code 1; a thrown non-error arrives as itself; an unhandled rejection
// ends the worker; process.exit(3) ends only the worker with 3 (its 'exit' listeners run);
// terminate() stops a busy loop and resolves with 1; bad arguments throw node's errors.
const { Worker } = require('worker_threads');

const log = (...args) => console.log(...args);

function run(label, code, options = {}) {
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, ...options });
    const seen = [];
    worker.on('error', (err) => {
      if (err instanceof Error) {
        seen.push(`error ${err.constructor.name} ${err.name}: ${err.message}` +
                  ` code=${err.code} extra=${JSON.stringify(err.extra)}` +
                  ` stackHasMessage=${err.stack.includes(err.message)}`);
      } else {
        seen.push(`error value ${typeof err} ${JSON.stringify(err)}`);
      }
    });
    worker.on('message', (message) => seen.push(`message ${message}`));
    worker.on('exit', (exitCode) => {
      for (const line of seen) log(label, line);
      log(label, 'exit', exitCode);
      resolve();
    });
  });
}

function attempt(label, fn) {
  try {
    fn();
    log(label, 'no error');
  } catch (err) {
    log(label, err.name, err.code, err.message);
  }
}

(async () => {
  await run('throw', `
    const err = new RangeError('out of range');
    err.code = 'E_CUSTOM';
    err.extra = { n: 1 };
    throw err;
  `);
  await run('throw later', `
    setTimeout(() => { throw new TypeError('from a timer'); }, 1);
  `);
  await run('throw value', 'throw 42');
  await run('rejection', 'Promise.reject(new Error("rejected"))');
  await run('handled', `
    process.on('uncaughtException', (err) => {
      require('worker_threads').parentPort.postMessage('caught ' + err.message);
    });
    throw new Error('boom');
  `);
  await run('exit', `
    const { parentPort } = require('worker_threads');
    process.on('exit', (code) => parentPort.postMessage('worker exit listener ' + code));
    parentPort.postMessage('before exit');
    process.exit(3);
    parentPort.postMessage('after exit (wrong)');
  `);
  await run('exitCode', 'process.exitCode = 5');

  // A busy loop only ends through terminate().
  const busy = new Worker('require("worker_threads").parentPort.postMessage("spinning"); while (true) {}',
                          { eval: true });
  busy.on('exit', (code) => log('busy exit event', code));
  await new Promise((resolve) => busy.once('message', resolve));
  const code = await busy.terminate();
  log('terminate resolved', code, 'threadId', busy.threadId);
  log('terminate again resolves', await busy.terminate());

  attempt('relative path', () => new Worker('nonexistent.js'));
  attempt('bad filename', () => new Worker(5));
  attempt('bad env', () => new Worker('0', { eval: true, env: 5 }));
  attempt('bad argv', () => new Worker('0', { eval: true, argv: 5 }));
  attempt('bad execArgv', () => new Worker('0', { eval: true, execArgv: 5 }));
  attempt('http url', () => new Worker(new URL('http://example.com/x.js')));
  attempt('eval url', () => new Worker(new URL('file:///x.js'), { eval: true }));

  const missing = new Worker('./definitely-missing-worker-file.js');
  missing.on('error', (err) => log('missing file', err.code, err.message.split('\n')[0].replace(process.cwd(), '<cwd>')));
  missing.on('exit', (exitCode) => log('missing file exit', exitCode));
})();
