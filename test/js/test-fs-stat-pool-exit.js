'use strict';
// process.exit() from a stat callback while thousands of other stats are still queued or being
// answered on the thread pool: the process ends at once with that code, no other callback runs
// and the exit handlers run once.
const fs = require('fs');

let callbacks = 0;
process.on('exit', (code) => console.log(`exit ${code} after ${callbacks} callback(s)`));
for (let i = 0; i < 20000; i++) {
  fs.stat(__filename, () => {
    callbacks++;
    process.exit(3);
  });
}
fs.promises.stat(__filename).then(() => console.log('promise settled'));
