'use strict';
// A port that posts the other end of its own channel loses the channel: node warns, the
// message (and the port it carried) is dropped, transferred buffers are still detached, and the
// sender closes instead of keeping the program alive.
const { MessageChannel } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
process.on('warning', (w) => console.log('warning:', w.name, w.message));
const buf = new ArrayBuffer(8);
const closed = [];
port1.on('close', () => closed.push('port1'));
port2.on('close', () => {
  closed.push('port2');
  console.log('port2 close');
});
port2.onmessage = () => console.log('unexpected message');
port2.postMessage({ buf }, [port1, buf]);
console.log('byteLength after post:', buf.byteLength);
process.on('exit', () => console.log('closed:', closed.sort().join(',')));
