'use strict';
// The spec reporter: a tree of results (✔/✖/﹣) with durations, suites opened with ▶, errors under
// failing tests, ℹ diagnostics, and the failing tests listed again after the summary.

const path = require('path');
const { formatTest } = require('internal/test_runner/reporter/format');

function pad(nesting) {
  return '  '.repeat(Math.max(nesting, 0));
}

async function* spec(source) {
  const openParents = [];
  const failures = [];
  for await (const { type, data } of source) {
    switch (type) {
      case 'test:start':
        openParents.push(data);
        break;
      case 'test:pass':
      case 'test:fail': {
        // A test whose start is not the last one opened had subtests: it was shown with ▶.
        const last = openParents.pop();
        let hadSubtests = false;
        if (last !== undefined && last.nesting < data.nesting) openParents.push(last);
        else if (last !== undefined) hadSubtests = last.shown === true;
        let header = '';
        for (const parent of openParents) {
          if (parent.shown !== true && parent.nesting < data.nesting) {
            header += `${pad(parent.nesting)}\u25b6 ${parent.name}\n`;
            parent.shown = true;
          }
        }
        const text = formatTest(type, data, pad(data.nesting), false, hadSubtests);
        if (type === 'test:fail' && data.details?.error?.failureType !== 'subtestsFailed') {
          failures.push(data);
          yield `${header}${text}\n`;
        } else {
          yield `${header}${text}`;
        }
        break;
      }
      case 'test:diagnostic':
        yield `${pad(data.nesting)}\u2139 ${data.message}\n`;
        break;
      case 'test:stdout':
      case 'test:stderr':
        yield data.message;
        break;
      default:
        break;
    }
  }
  if (failures.length > 0) {
    yield '\n\u2716 failing tests:\n\n';
    for (let i = 0; i < failures.length; i++) {
      const data = failures[i];
      const file = data.file ? path.relative(process.cwd(), data.file) : '';
      const separator = i + 1 < failures.length ? '\n' : '';
      yield `test at ${file}:${data.line}:${data.column}\n` +
        `${formatTest('test:fail', data, '', false)}${separator}`;
    }
  }
}

module.exports = spec;
