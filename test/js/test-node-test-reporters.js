'use strict';
// node:test's spec and dot reporters (--test-reporter), --test-reporter-destination, and mocks.
const fs = require('fs');
const path = require('path');
const { runFixture, normalize } = require('./fixtures/node-test/run-fixture');
const os = require('os');

runFixture('basic.js', ['--test-reporter=spec']);
runFixture('basic.js', ['--test-reporter=dot']);
runFixture('hooks.js', ['--test-reporter', 'spec']);
runFixture('mock.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-test-'));
const file = path.join(dir, 'report.tap');
runFixture('mock.js', ['--test-reporter=dot', '--test-reporter-destination=stdout',
                       '--test-reporter=tap', `--test-reporter-destination=${file}`]);
console.log(normalize(fs.readFileSync(file, 'utf8')));
fs.rmSync(dir, { recursive: true });
