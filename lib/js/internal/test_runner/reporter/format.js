'use strict';
// Text shared by the spec and dot reporters: one test's result line and its error.

const { inspect } = require('util');
const { kUnwrapErrors, failureTypes } = require('internal/test_runner/errors');

const symbols = { __proto__: null, pass: '\u2714 ', fail: '\u2716 ', skip: '\ufe63 ', todo: '\u2714 ' };

function indentLines(text, pad) {
  return text.split('\n').map((line) => `${pad}${line}`).join('\n');
}

// The error a failed test shows: the user's own when the failure wraps one.
function errorText(error, includeSubtestsFailed) {
  if (error === undefined || error === null) return null;
  if (error.failureType === failureTypes.kSubtestsFailed) {
    return includeSubtestsFailed ? inspect(error.message) : null;
  }
  if (error.code === 'ERR_TEST_FAILURE' && !kUnwrapErrors.has(error.failureType)) {
    return inspect(error.message);
  }
  const shown = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  return inspect(shown, { __proto__: null, colors: false, breakLength: Infinity });
}

function resultLine(type, data, pad) {
  const ms = data.details?.duration_ms;
  const duration = ms ? ` (${ms}ms)` : '';
  let symbol = type === 'test:fail' ? symbols.fail : symbols.pass;
  let suffix = '';
  if (data.skip !== undefined) {
    symbol = symbols.skip;
    suffix = typeof data.skip === 'string' && data.skip.length > 0 ? ` # ${data.skip}` : ' # SKIP';
  } else if (data.todo !== undefined) {
    suffix = typeof data.todo === 'string' && data.todo.length > 0 ? ` # ${data.todo}` : ' # TODO';
  }
  return `${pad}${symbol}${data.name}${duration}${suffix}\n`;
}

// hadSubtests: a parent's own error is set apart from its subtests by an empty line.
function formatTest(type, data, pad, includeSubtestsFailed, hadSubtests = false) {
  let text = resultLine(type, data, pad);
  const error = errorText(data.details?.error, includeSubtestsFailed);
  if (type === 'test:fail' && error !== null) {
    text += `${hadSubtests ? '\n' : ''}${indentLines(error, `${pad}  `)}\n`;
  }
  return text;
}

module.exports = { formatTest, indentLines, symbols };
