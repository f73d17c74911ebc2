'use strict';
// Results recorded from node and embedded in the test file itself, between the lines
// "// BEGIN expected" and "// END expected" (a `const expected = [...]` of strings).
//   node test/js/test-x.js --record     rewrite the block with node's results
//   node|ringjs test/js/test-x.js      compare (assert) the current results with the block
const assert = require('assert');
const fs = require('fs');

function checkRecorded(file, expected, actual) {
  if (process.argv.includes('--record')) {
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf('// BEGIN expected\n');
    const end = text.indexOf('// END expected\n');
    assert(start !== -1 && end > start, 'no BEGIN/END expected block');
    const lines = actual.map((v) => `  ${JSON.stringify(v)},`).join('\n');
    fs.writeFileSync(file, text.slice(0, start) +
      `// BEGIN expected\nconst expected = [\n${lines}\n];\n` + text.slice(end));
    console.log(`recorded ${actual.length} results into ${file}`);
    return;
  }
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    assert.strictEqual(actual[i], expected[i], `result ${i} differs`);
  }
}

module.exports = { checkRecorded };
