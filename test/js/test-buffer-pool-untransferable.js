'use strict';
// The Buffer pool's memory is untransferable: listing a pooled Buffer's ArrayBuffer in a
// transfer list copies it, so other Buffers on the pool keep their bytes.
const { MessageChannel } = require('worker_threads');
const a = Buffer.from('hello');
const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => { console.log('got', m.byteLength > 0, 'source still', a.toString()); port1.close(); });
try { port1.postMessage(a.buffer, [a.buffer]); } catch (e) { console.log(e.name, e.message); }
console.log('after post', a.toString(), a.buffer.byteLength > 0);
