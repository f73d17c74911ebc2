'use strict';
// crypto.setEngine: argument checks, unknown engines (by id and by path) and the "dynamic"
// engine OpenSSL always has, with node's errors (recorded).
const crypto = require('crypto');

for (const args of [['/nonexistent/engine.so'], [1], ['x', 'y'], ['x', 1.5], ['dynamic'],
                    ['dynamic', 0], ['dynamic', crypto.constants.ENGINE_METHOD_RAND]]) {
  try {
    console.log(JSON.stringify(args), crypto.setEngine(...args));
  } catch (e) {
    console.log(JSON.stringify(args), e.name, e.code, e.message);
  }
}
// Hashing still works afterwards.
console.log(crypto.createHash('sha256').update('x').digest('hex'));
