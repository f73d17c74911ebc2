'use strict';
// At startup the runtime raises its soft open-file limit to the hard limit (as node), so a
// server can hold thousands of sockets without the program calling setrlimit itself.
const assert = require('assert');
const fs = require('fs');
const { execFileSync } = require('child_process');

function openFileLimits(text) {
  const line = text.split('\n').find((l) => l.startsWith('Max open files'));
  const [soft, hard] = line.slice('Max open files'.length).trim().split(/\s+/);
  return { soft, hard };
}

const own = openFileLimits(fs.readFileSync('/proc/self/limits', 'utf8'));
assert.strictEqual(own.soft, own.hard);

// A child started with a low soft limit reports what it runs with.
const low = own.hard === 'unlimited' ? 256 : Math.min(256, Number(own.hard) - 1);
const script = "process.stdout.write(require('fs').readFileSync('/proc/self/limits', 'utf8'))";
const out = execFileSync('/bin/sh', ['-c', `ulimit -Sn ${low} && exec "$0" -e "$1"`,
                                     process.execPath, script], { encoding: 'utf8' });
const child = openFileLimits(out);
console.log('child soft limit raised to its hard limit:', child.soft === child.hard);
console.log('hard limit unchanged:', child.hard === own.hard);
