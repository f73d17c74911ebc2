'use strict';
// Shared by the test-module-* tests: prints one line per check, with absolute paths shown
// relative to <fixtures> (test/js/fixtures/modules) or <testdir> (test/js) so node's recorded
// output matches on any machine.
const path = require('path');
const testDir = path.join(__dirname, '..');
const fixtures = path.join(testDir, 'fixtures', 'modules');

function clean(value) {
  if (typeof value === 'string') {
    return value.split(fixtures).join('<fixtures>').split(testDir).join('<testdir>');
  }
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const result = {};
    for (const key of Object.keys(value)) result[key] = clean(value[key]);
    return result;
  }
  return value;
}

function describeError(e) {
  const parts = [`${e.name} ${e.code}: ${clean(e.message)}`];
  for (const key of ['requireStack', 'path', 'requestPath']) {
    if (e[key] !== undefined) parts.push(`${key}=${JSON.stringify(clean(e[key]))}`);
  }
  return parts.join(' ');
}

function check(label, fn) {
  let line;
  try {
    line = `${label} => ${JSON.stringify(clean(fn()))}`;
  } catch (e) {
    line = `${label} throws ${describeError(e)}`;
  }
  process.stdout.write(line + '\n');
}

module.exports = { fixtures, clean, describeError, check };
