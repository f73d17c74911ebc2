'use strict';
// Worker and MessagePort argument checks: errors as node's (class, code, message), and a
// Worker started from a data: URL runs it as an ES module.
const { Worker, MessageChannel, MessagePort, moveMessagePortToContext } =
  require('worker_threads');

function report(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

function tryWorker(label, filename, options) {
  report(label, () => {
    const w = new Worker(filename, { stdout: true, stderr: true, ...options });
    w.terminate();
  });
}

for (const execArgv of [['--foo'], ['--title=blah'], ['--redirect-warnings'],
                        ['--max-old-space-size=40'], ['--expose-gc'], ['--no-warnings'],
                        ['--abc', '--def'], ['--stack-size=100'], ['--title', 'x'],
                        ['--require'], ['-r'], ['--expose_internals'], ['foo', '--bar'],
                        ['--experimental-vm-modules', '--title=x', '--foo'],
                        ['--trace-warnings', '--', '--foo']]) {
  tryWorker(`execArgv ${execArgv.join(' ')}:`, '1', { eval: true, execArgv });
}
tryWorker('execArgv string:', '1', { eval: true, execArgv: 'hello' });
for (const nodeOptions of ['--nonexistent-options', '--title=x --abc', '--no-warnings']) {
  tryWorker(`NODE_OPTIONS ${nodeOptions}:`, '1',
            { eval: true, env: { NODE_OPTIONS: nodeOptions } });
}
for (const path of ['file:///file_url', 'data:text/javascript,', 'data:text/plain,x',
                    'relative_no_dot']) {
  tryWorker(`path ${path}:`, path, {});
}
tryWorker('https URL:', new URL('https://www.url.com'), {});

report('MessageChannel():', () => MessageChannel());
report('MessagePort():', () => MessagePort());
report('new MessagePort():', () => new MessagePort());
for (const init of [{ source: 1 }, { source: {} }, { source: { postMessage() {} } },
                    { ports: 0 }, { ports: [null] }, { ports: 'ab' }, 5, null]) {
  report(`MessageEvent ${JSON.stringify(init)}:`, () => new MessageEvent('message', init));
}

const { port1, port2 } = new MessageChannel();
const event = new MessageEvent('message', { ports: [port1], source: port2, data: 1 });
console.log('MessageEvent ports:', event.ports.length, event.ports[0] === port1,
            event.source === port2, event.data);
for (const [label, transfer] of [
  ['0', 0], ['"X"', 'X'], ['{transfer: null}', { transfer: null }],
  ['{transfer: undefined}', { transfer: undefined }], ['{transfer: 0}', { transfer: 0 }],
  ['{transfer: {}}', { transfer: {} }], ['{}', {}],
  ['iterator {}', { transfer: { [Symbol.iterator]() { return {}; } } }],
  ['iterator next: 42', { transfer: { [Symbol.iterator]() { return { next: 42 }; } } }],
  ['[1]', [1]],
]) {
  report(`postMessage transfer ${label}:`, () => port1.postMessage(5, transfer));
}
port2.close();
report('moveMessagePortToContext(closed):', () => moveMessagePortToContext(port2, {}));
port1.close();

// data: URL workers, one after another so the output order is fixed.
const dataWorkers = [
  'data:text/javascript,import { parentPort } from "worker_threads";' +
    'parentPort.postMessage([process.argv.length, import.meta.url.slice(0, 20)])',
  'data:text/javascript,export{}',
  'data:text/plain,',
  'data:text/javascript,module.exports={}',
  'data:text/javascript,await Promise.reject(new Error("rejected"))',
  'data:text/javascript,await new Promise(()=>{})',
  'data:text/javascript,process.exit(1);await new Promise(()=>{ process.exit(2); })',
];
(function next(i) {
  if (i === dataWorkers.length) return;
  const w = new Worker(new URL(dataWorkers[i]));
  w.on('message', (m) => console.log(`data worker ${i} message:`, m));
  w.on('error', (e) => console.log(`data worker ${i} error:`, e.name, e.code));
  w.on('exit', (code) => {
    console.log(`data worker ${i} exit:`, code);
    next(i + 1);
  });
})(0);
