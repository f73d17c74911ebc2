'use strict';
// Legacy digests (md4, as old webpack uses): without --openssl-legacy-provider OpenSSL cannot
// provide them and createHash fails with OpenSSL's reason, as node; with the flag (on the
// command line or in NODE_OPTIONS) they work. An unknown name keeps the plain message.
const { spawnSync } = require('child_process');

const probe = `
const crypto = require('crypto');
for (const name of ['md4', 'nope', 'sha256']) {
  try {
    console.log(name, crypto.createHash(name).update('a').digest('hex'));
  } catch (e) {
    console.log(name, e.name, e.code, e.message, e.library, e.reason);
  }
}
console.log('getHashes has md4:', crypto.getHashes().includes('md4'));`;

for (const [label, args, env] of [
  ['default', [], {}],
  ['flag', ['--openssl-legacy-provider'], {}],
  ['NODE_OPTIONS', [], { NODE_OPTIONS: '--openssl-legacy-provider' }],
]) {
  const child = spawnSync(process.execPath, [...args, '-e', probe],
                          { env: { ...process.env, ...env }, encoding: 'utf8' });
  console.log(`${label}: exit ${child.status}`);
  console.log(child.stdout.trim());
}
