'use strict';
// A stat callback that throws with no 'uncaughtException' listener ends the process with code 1
// before the callbacks after it run, as in node.
const fs = require('fs');

process.on('exit', (code) => console.log(`exit ${code}`));
fs.stat(__filename, () => console.log('first callback'));
fs.stat(__filename, () => {
  process.nextTick(() => console.log('tick of the throwing callback'));
  throw new Error('fatal');
});
fs.stat(__filename, () => console.log('third callback'));
