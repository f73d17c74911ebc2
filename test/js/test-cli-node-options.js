'use strict';
// NODE_OPTIONS: options from the environment apply before the command line's and stay out of
// process.execArgv; options node does not allow there, or a value left missing, exit 9 with
// node's message. process.allowedNodeEnvironmentFlags lists what may be used.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-node-options-'));
const preload = path.join(dir, 'preload.js');
fs.writeFileSync(preload, "console.log('preloaded');\n");
process.on('exit', () => fs.rmSync(dir, { recursive: true }));

const probe = `
console.log(process.title, process.execArgv.filter((a) => a.startsWith('--')).join(','), typeof gc,
            require('v8').getHeapStatistics().heap_size_limit < 200 * 1024 * 1024);
Promise.reject(new Error('unhandled'));`;

for (const value of [
  '--title "two words" --no-warnings',
  '--title=x --unhandled-rejections=warn',
  `--require ${preload} --expose_gc`,
  '--max-old-space-size=100 --no-expose-gc',
  'stray-word --title=kept',
  '-e 1',
  '--bogus',
  '--require',
  '"--title',
]) {
  const child = spawnSync(process.execPath, ['--title=cli', '-e', probe], {
    env: { ...process.env, NODE_OPTIONS: value }, encoding: 'utf8',
  });
  // The program's name starts its own messages ("node: ..."); warnings carry a pid.
  const stderr = child.stderr.split('\n')[0].replace(/^[^\s:]+: /, '').replace(/\(\w+:\d+\)/, '(pid)');
  console.log(JSON.stringify(value.replace(dir, '<dir>')), '| exit', child.status, '|', child.stdout.trim().replace(/\n/g, ' / '),
              '|', stderr);
}

const flags = process.allowedNodeEnvironmentFlags;
console.log(Object.isFrozen(flags), flags instanceof Set, flags.size > 200, flags.add('--x') === flags,
            flags.has('--x'), flags.delete('--max-old-space-size'));
for (const key of ['--max_old_space_size', 'max-old-space-size', 'r', '-r', '--require',
                   '--inspect=9229', '--title=x', '--bogus', '-', '--', 1, '--no-warnings',
                   '--experimental-fetch', '--v8-options', '-e']) {
  console.log(JSON.stringify(key), flags.has(key));
}
