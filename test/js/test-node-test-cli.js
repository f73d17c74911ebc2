'use strict';
// `--test`: test files found by node 20's default patterns (node_modules left out), each run in
// its own child process, their results reported as one TAP stream with one summary; a file that
// exits non-zero without a failing test is reported as a failed test; exit code 1 on failure.
const path = require('path');
const { spawnSync } = require('child_process');
const { normalize } = require('./fixtures/node-test/run-fixture');

const dir = path.join(__dirname, 'fixtures', 'node-test', 'cli');
for (const args of [['--test'], ['--test', 'test/b.js', 'a.test.js'], ['--test', 'test']]) {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  console.log(`=== ${args.join(' ')} (exit ${result.status})`);
  console.log(normalize(result.stdout));
}
