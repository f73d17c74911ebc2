'use strict';
// The dot reporter: '.' per passing test, 'X' per failing one (20 a line), then the failures.

const { formatTest } = require('internal/test_runner/reporter/format');

async function* dot(source) {
  let count = 0;
  const columns = process.stdout.columns || 20;
  const failures = [];
  for await (const { type, data } of source) {
    if (type === 'test:pass') yield '.';
    if (type === 'test:fail') {
      yield 'X';
      failures.push(data);
    }
    if ((type === 'test:fail' || type === 'test:pass') && ++count === columns) {
      yield '\n';
      count = 0;
    }
  }
  yield '\n';
  if (failures.length > 0) {
    yield '\nFailed tests:\n\n';
    for (const data of failures) yield formatTest('test:fail', data, '', true);
  }
}

module.exports = dot;
