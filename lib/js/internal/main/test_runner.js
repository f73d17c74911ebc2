'use strict';
// `ringjs --test [patterns]`: every test file runs in its own child process; one report for all.

const { run } = require('internal/test_runner/runner');
const { setupReporters, optionValues } = require('internal/test_runner/reporter/setup');

const concurrencyOption = optionValues(process.execArgv, '--test-concurrency').pop();
const concurrency = concurrencyOption !== undefined ? Number(concurrencyOption) :
  Math.max(require('os').availableParallelism() - 1, 1);

const stream = run({ globPatterns: process.argv.slice(1), concurrency });
setupReporters(stream, process.execArgv);
stream.result.then((passed) => {
  if (!passed) process.exitCode = 1;
});
