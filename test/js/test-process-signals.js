'use strict';
// process.on('SIG...') receives signals through the loop; removing the last listener restores
// the default action. Ordering is signalled, not timed.
const assert = require('assert');

const seen = [];
process.on('SIGUSR2', function(name, number) {
  seen.push([name, number]);
  if (seen.length === 1) {
    process.kill(process.pid, 'SIGUSR2');
  } else {
    process.removeAllListeners('SIGUSR2');
    clearTimeout(keepAlive);
  }
});
// Listening does not keep the process alive by itself; this timer does until both arrive.
const keepAlive = setTimeout(() => assert.fail('signals not delivered'), 30000);
process.kill(process.pid, 'SIGUSR2');
process.on('exit', () => {
  assert.deepStrictEqual(seen, [['SIGUSR2', 12], ['SIGUSR2', 12]]);
});
