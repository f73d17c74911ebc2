'use strict';
// querystring.parse with an empty but truthy `eq` (e.g. []): every piece is a value under the
// key '' (a falsy eq such as '' means the default '=').
const qs = require('querystring');

const cases = [
  ['a', null, []],
  ['x=1&y', '&', []],
  ['x=1&', '&', []],
  ['&&x', '&', []],
  ['a&&b', null, []],
  ['&', null, []],
  ['ab', [], []],
  ['a+b%20', null, []],
  ['=x', null, []],
  ['%41&', null, []],
  ['ab', null, ''],
  ['a', [], null],
  ['a=&b', null, null],
  ['&&', null, null],
];
for (const [input, sep, eq] of cases) {
  console.log(JSON.stringify([input, sep, eq]), JSON.stringify(qs.parse(input, sep, eq)));
}
