'use strict';
// A PFX bundle that cannot be loaded fails with a plain Error carrying OpenSSL's first reason
// (node's form: no code, no opensslErrorStack).
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const pfx = fs.readFileSync(path.join(__dirname, 'fixtures', 'tls', 'server.pfx'));

for (const [name, options] of [
  ['wrong passphrase', { pfx, passphrase: 'not the passphrase' }],
  ['short string', { pfx: 'sample', passphrase: 'test' }],
  ['truncated bundle', { pfx: pfx.subarray(0, 40), passphrase: 'test' }],
  ['garbage', { pfx: Buffer.from('0123456789abcdef'), passphrase: 'test' }],
]) {
  try {
    tls.createSecureContext(options);
    console.log(name, 'loaded');
  } catch (err) {
    console.log(name, '->', err.name, JSON.stringify(err.message), err.code,
                'opensslErrorStack' in err);
  }
}
