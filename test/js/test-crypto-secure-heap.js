'use strict';
// --secure-heap / --secure-heap-min: OpenSSL's secure heap as crypto.secureHeapUsed() reports it,
// and node's checks on the sizes.
const { spawnSync } = require('child_process');

const probe = `
const crypto = require('crypto');
const before = crypto.secureHeapUsed();
const dh = crypto.createDiffieHellman(1024);
const peer = crypto.createDiffieHellman(dh.getPrime(), dh.getGenerator());
dh.generateKeys();
peer.generateKeys();
dh.computeSecret(peer.getPublicKey());
const after = crypto.secureHeapUsed();
console.log(JSON.stringify(before), after.total, after.min, after.used > 0 === after.total > 0,
            after.utilization === (after.total ? after.used / after.total : 0));`;

for (const flags of [
  [], ['--secure-heap=65536', '--secure-heap-min=4'], ['--secure-heap', '65536'],
  ['--secure-heap=1'], ['--secure-heap=0'], ['--secure-heap=abc'], ['--secure-heap-min=64'],
  ['--secure-heap=4096', '--secure-heap-min=8192'], ['--secure-heap=3', '--secure-heap-min=3'],
  ['--secure-heap-min=3'], ['--secure-heap=4096', '--secure-heap-min=3'],
]) {
  const child = spawnSync(process.execPath, [...flags, '-e', probe], { encoding: 'utf8' });
  // The program's name starts its own messages ("node: ..."): leave it out.
  const stderr = child.stderr.replace(/^[^\n:]*: --/gm, '--').trim();
  console.log(flags.join(' ') || '(none)', '| exit', child.status, '|', child.stdout.trim(),
              '|', stderr);
}
