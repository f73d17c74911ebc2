'use strict';
// In -e / -p code that names `crypto`, the name is the node:crypto module (globalThis.crypto
// stays WebCrypto), through a wrapper whose text moves first-line error columns as node's does;
// code that does not name it runs as written.
const { execFileSync } = require('child_process');

const run = (args) => {
  try {
    return execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    return `exit ${err.status}: ${err.stderr.split('\n').find((line) => /Error/.test(line))}`;
  }
};
const cases = [
  ['-pe', 'typeof crypto.createHash'],
  ['-pe', 'typeof globalThis.crypto.createHash + " " + typeof globalThis.crypto.subtle'],
  ['-pe', 'crypto === globalThis.crypto'],
  ['-pe', 'let crypto = 7; crypto'],
  ['-pe', 'var x = crypto.constants.defaultCipherList.length > 0; x'],
  ['-e', 'console.log(typeof crypto.randomBytes, this === globalThis)'],
  ['-e', 'console.log(new Error("crypto").stack.split("\\n")[1].replace(/^ +/, ""))'],
  ['-e', 'console.log(new Error("no name").stack.split("\\n")[1].replace(/^ +/, ""))'],
  ['--no-experimental-global-webcrypto', '-pe', 'typeof crypto.createHash'],
  ['-e', 'crypto.nope()'],
];
for (const args of cases) console.log(`${args.join(' ')} => ${run(args)}`);
