'use strict';
// Prints every stable case of test/js/tools/inspect-corpus.js formatted with util.inspect /
// util.format, one block per case, so the output can be compared with node's recorded output.
//
//   node test/js/test-util-inspect-corpus.js            print (under node or ringjs)
//   node --expose-internals test/js/test-util-inspect-corpus.js --harness
//       compare lib/js/internal/util/inspect.js (loaded with node's bindings) against node's
//       util for every case, stable or not; exits 1 on a difference.

const util = require('util');
const { cases } = require('./tools/inspect-corpus.js');

function run(impl, c, args = c.args()) {
  try {
    return impl[c.fn](...args);
  } catch (err) {
    return `<threw ${err && err.name}: ${err && err.message}>`;
  }
}

if (process.argv.includes('--harness')) {
  const { requireBuiltin } = require('./tools/node-harness.js');
  const ours = requireBuiltin('internal/util/inspect');
  let pass = 0;
  let fail = 0;
  for (const c of cases) {
    if (!c.harness) continue;
    // Both run on the same values, so real stack traces match too.
    const args = c.args();
    const expected = run(util, c, args);
    const actual = run(ours, c, args);
    if (expected === actual) {
      pass++;
    } else {
      fail++;
      console.log(`--- FAIL ${c.name}\n+++ node:\n${expected}\n+++ ours:\n${actual}`);
    }
  }
  console.log(`${pass} passed, ${fail} failed`);
  process.exitCode = fail === 0 ? 0 : 1;
} else {
  let count = 0;
  for (const c of cases) {
    if (!c.stable) continue;
    count++;
    process.stdout.write(`=== ${c.name}\n${run(util, c)}\n`);
  }
  process.stdout.write(`=== ${count} cases\n`);
}
