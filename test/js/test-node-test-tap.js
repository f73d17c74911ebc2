'use strict';
// node:test's TAP reporter (the default when stdout is not a terminal): results, YAML details of
// failures, hooks, only/--test-only, cancellation at exit and the exit code, as node 20 prints them.
const { runFixture } = require('./fixtures/node-test/run-fixture');

runFixture('basic.js');
runFixture('errors.js');
runFixture('hooks.js');
runFixture('only.js');
runFixture('only.js', ['--test-only']);
runFixture('pending.js');
