'use strict';
// --test-reporter / --test-reporter-destination: which reporters turn the event stream into text
// and where each one writes. Without options: 'spec' on a terminal, 'tap' otherwise, to stdout.

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

const builtinReporters = {
  __proto__: null,
  tap: 'internal/test_runner/reporter/tap',
  spec: 'internal/test_runner/reporter/spec',
  dot: 'internal/test_runner/reporter/dot',
};

// The values of a repeatable option given as `--name=value` or `--name value`.
function optionValues(execArgv, name) {
  const values = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (arg === name && i + 1 < execArgv.length) values.push(execArgv[++i]);
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  }
  return values;
}

function loadReporter(name) {
  if (builtinReporters[name] !== undefined) return require(builtinReporters[name]);
  // What a child of `--test` writes for its parent to read back.
  if (name === 'internal:events') return require('internal/test_runner/runner').eventsReporter;
  const { Module } = require('internal/modules/cjs/loader');
  const path = require('path');
  const parent = new Module(path.join(process.cwd(), '[test-reporter]'), null);
  parent.filename = parent.id;
  parent.paths = Module._nodeModulePaths(process.cwd());
  const specifier = name.startsWith('.') ? path.resolve(name) : name;
  const loaded = parent.require(specifier);
  return loaded?.default ?? loaded;
}

function openDestination(name) {
  if (name === 'stdout') return process.stdout;
  if (name === 'stderr') return process.stderr;
  return require('fs').createWriteStream(name);
}

// Pipes `source` (a TestsStream) through each reporter to its destination.
function setupReporters(source, execArgv) {
  let names = optionValues(execArgv, '--test-reporter');
  const destinations = optionValues(execArgv, '--test-reporter-destination');
  if (names.length === 0) names = [process.stdout.isTTY ? 'spec' : 'tap'];
  if (destinations.length === 0 && names.length === 1) destinations.push('stdout');
  if (names.length !== destinations.length) {
    throw new ERR_INVALID_ARG_VALUE('--test-reporter', names,
                                    'must match the number of specified \'--test-reporter-destination\'');
  }
  for (let i = 0; i < names.length; i++) {
    attachReporter(source, loadReporter(names[i]), openDestination(destinations[i]));
  }
}

function attachReporter(source, reporter, destination) {
  const { compose } = require('stream');
  const output = compose(source, reporter);
  output.pipe(destination, { end: destination !== process.stdout && destination !== process.stderr });
  return output;
}

module.exports = { setupReporters, attachReporter, loadReporter, optionValues };
