'use strict';
// --v8-options prints V8's own option list and exits 0, as node.
const { spawnSync } = require('child_process');

const child = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
console.log('exit', child.status);
console.log('syntax line', child.stdout.includes("The following syntax for options is accepted"));
for (const flag of ['--max-old-space-size', '--expose-gc', '--stack-size', '--use-osr']) {
  console.log(flag, child.stdout.includes(`  ${flag} (`));
}
