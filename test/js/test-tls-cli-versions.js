'use strict';
// --tls-min-v1.x / --tls-max-v1.x set tls.DEFAULT_MIN_VERSION / DEFAULT_MAX_VERSION (the lowest
// minimum and highest maximum given win); min 1.3 with max 1.2 exits 9 with node's message.
const { spawnSync } = require('child_process');

const probe = "const t = require('tls'); console.log(t.DEFAULT_MIN_VERSION, t.DEFAULT_MAX_VERSION)";
for (const flags of [[], ['--tls-min-v1.0'], ['--tls-min-v1.1'], ['--tls-min-v1.3'],
                     ['--tls-max-v1.2'], ['--tls-max-v1.3'], ['--tls-max-v1.2', '--tls-max-v1.3'],
                     ['--tls-min-v1.0', '--tls-min-v1.1'], ['--tls-min-v1.3', '--tls-max-v1.2']]) {
  const child = spawnSync(process.execPath, [...flags, '-e', probe], { encoding: 'utf8' });
  const stderr = child.stderr.trim().replace(/^[^\s:]+: /, '');
  console.log(flags.join(' ') || '(none)', '| exit', child.status, '|', child.stdout.trim(), '|', stderr);
}
const fromEnv = spawnSync(process.execPath, ['-e', probe], {
  encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--tls-min-v1.1 --tls-max-v1.2' },
});
console.log('NODE_OPTIONS | exit', fromEnv.status, '|', fromEnv.stdout.trim());
