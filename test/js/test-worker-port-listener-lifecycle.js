'use strict';
// A MessagePort delivers only while it has 'message' listeners: removing the last one stops
// it, and messages posted meanwhile wait for the next listener instead of going to nobody.
// Other events emitted on a port are plain NodeEventTarget events (CustomEvent with detail).
const { MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
port2.addEventListener('foo', (e) => console.log('foo listener:', e.constructor.name, e.detail));
port2.on('foo', (value) => console.log('foo on:', value));
port2.emit('foo', 'bar');

const early = () => console.log('must not be called');
port2.addListener('message', early);
setImmediate(() => {
  port2.removeListener('message', early);
  console.log('hasRef without listeners:', port2.hasRef());
  port1.postMessage({ n: 1 });
  port1.postMessage({ n: 2 });
  setImmediate(() => {
    port2.once('message', (message) => {
      console.log('first listener got', message);
      setImmediate(() => {
        port2.on('message', (next) => {
          console.log('second listener got', next);
          port2.close(() => console.log('closed'));
        });
      });
    });
  });
});
