'use strict';
// MessageChannel within one thread (order, 'close' on both ends, receiveMessageOnPort, the
// MessageEvent a DOM-style listener gets, argument errors) and across threads: a port
// transferred to a worker talks to this thread directly; BroadcastChannel reaches the worker.
const {
  Worker, MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort,
} = require('worker_threads');

const log = (...args) => console.log(...args);
const attempt = (label, fn) => {
  try {
    fn();
    log(label, 'ok');
  } catch (err) {
    log(label, err.name, err.code, err.message);
  }
};

function sameThread() {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    log('globals', globalThis.MessageChannel === MessageChannel,
        globalThis.MessagePort === MessagePort, typeof MessageEvent,
        globalThis.BroadcastChannel === BroadcastChannel);
    log('instanceof', port1 instanceof MessagePort, port1 instanceof EventTarget);
    attempt('new MessagePort', () => new MessagePort());
    attempt('no args', () => port1.postMessage());
    attempt('bad transfer list', () => port1.postMessage(1, 5));
    attempt('source port', () => port1.postMessage(1, [port1]));
    attempt('port not in list', () => port1.postMessage(port2));
    attempt('function', () => port1.postMessage(() => {}));
    attempt('invalid transfer', () => port1.postMessage(1, [{}]));
    attempt('receive non-port', () => receiveMessageOnPort({}));

    port1.postMessage('sync 1');
    port1.postMessage({ sync: 2 });
    log('receive', receiveMessageOnPort(port2), receiveMessageOnPort(port2),
        receiveMessageOnPort(port2));

    const received = [];
    port2.addEventListener('message', (event) => {
      received.push(event.data);
      if (event.data === 'last') {
        log('event', event.constructor.name, event.type, event.target === port2,
            Array.isArray(event.ports), event.origin === '', event.source);
        log('received in order', received);
        port2.close();
      }
    });
    port2.start();
    port1.on('close', () => log('port1 close'));
    port2.on('close', () => {
      log('port2 close');
      resolve();
    });
    for (let i = 0; i < 5; i++) port1.postMessage(i);
    port1.postMessage('last');
  });
}

function portToWorker() {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(`
      const { parentPort } = require('worker_threads');
      parentPort.once('message', ({ port }) => {
        port.on('message', (n) => {
          if (n === 'done') { port.close(); return; }
          port.postMessage(n * 10);
        });
      });
    `, { eval: true });
    worker.postMessage({ port: port2 }, [port2]);
    let replies = 0;
    port1.on('message', (n) => {
      log('reply over transferred port', n);
      if (++replies === 3) port1.postMessage('done');
    });
    for (let i = 1; i <= 3; i++) port1.postMessage(i);
    // The channel's 'close' and the worker's 'exit' come from different threads' events, in
    // either order: report both once both happened.
    const closed = new Promise((done) => port1.on('close', done));
    const exited = new Promise((done) => worker.on('exit', done));
    Promise.all([closed, exited]).then(([, code]) => {
      log('transferred channel closed; worker exit', code);
      resolve();
    });
  });
}

function broadcast() {
  return new Promise((resolve) => {
    const main = new BroadcastChannel('test-channel');
    const other = new BroadcastChannel('test-channel');
    log('name', main.name, String(main));
    // Which channel of a name hears a message first is not specified: only the set is shown.
    const otherGot = [];
    other.onmessage = (event) => otherGot.push(event.data);
    const worker = new Worker(`
      const { BroadcastChannel } = require('worker_threads');
      const bc = new BroadcastChannel('test-channel');
      bc.onmessage = (event) => {
        bc.postMessage('worker heard ' + event.data);
        bc.close();
      };
      bc.postMessage('worker ready');
    `, { eval: true });
    main.onmessage = (event) => {
      log('main got', event.data);
      if (event.data === 'worker ready') main.postMessage('ping');
    };
    worker.on('exit', (code) => {
      log('broadcast worker exit', code, 'other channel got', otherGot.sort());
      main.close();
      other.close();
      attempt('post after close', () => main.postMessage(1));
      resolve();
    });
  });
}

(async () => {
  await sameThread();
  await portToWorker();
  await broadcast();
})();
