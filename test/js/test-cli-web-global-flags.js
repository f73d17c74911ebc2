'use strict';
// node 20's switches for the web globals: the --no- forms take globals away, the positive forms
// (defaults since node 18/19/20) are accepted and change nothing.
const { execFileSync } = require('child_process');

const probe = `
console.log([typeof fetch, typeof FormData, typeof Headers, typeof Request, typeof Response,
             typeof globalThis.crypto, typeof Crypto, typeof CryptoKey, typeof SubtleCrypto,
             typeof CustomEvent, typeof require('crypto').webcrypto].join(' '));
console.log(Object.keys(globalThis).join(' '));`;

for (const flag of ['--no-experimental-fetch', '--no-experimental-global-webcrypto',
                    '--no-experimental-global-customevent', '--experimental-fetch',
                    '--experimental-global-webcrypto', '--experimental-global-customevent',
                    '--experimental-abortcontroller', '--experimental-json-modules',
                    '--experimental-top-level-await']) {
  const out = execFileSync(process.execPath, [flag, '-e', probe], { encoding: 'utf8' });
  console.log(flag);
  console.log(out.trimEnd());
}
