'use strict';
// A transferable host object (here a FileHandle) whose [kTransfer] was overridden cannot make
// the receiver load or run an arbitrary module: the port gets 'messageerror' instead of a message.
const fsp = require('fs').promises;
const { MessageChannel } = require('worker_threads');

const specs = [`${__filename}:NotARealClass`, 'net:Socket', 'nonexistent:X', 'fs'];

(async () => {
  for (const spec of specs) {
    const fh = await fsp.open(__filename);
    const kTransfer = Object.getOwnPropertySymbols(Object.getPrototypeOf(fh))
      .find((symbol) => symbol.description === 'messaging_transfer_symbol');
    console.log('kTransfer found:', typeof kTransfer);
    fh[kTransfer] = () => ({ data: 'x', deserializeInfo: spec });
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(fh, [fh]);
    port2.on('message', () => console.log('unexpected message'));
    const error = await new Promise((resolve) => port2.once('messageerror', resolve));
    console.log(spec.replace(__filename, '<file>'), '->', error.name,
                error.message.replace(__filename, '<file>'));
    port2.close();
  }
})();
module.exports = { NotARealClass() { console.log('must not run'); } };
