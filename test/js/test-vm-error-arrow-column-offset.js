'use strict';
// The source arrow in a vm error's stack: on the script's first line the caret is placed without
// the origin's columnOffset, as node does.
const vm = require('vm');
const context = vm.createContext({});
for (const [code, opts] of [[' throw new Error()', { filename: 'f.js', lineOffset: 32, columnOffset: 123 }],
  ['x = 1;\n  throw new Error()', { filename: 'g.js', lineOffset: 2, columnOffset: 5 }],
  ['  throw new Error()', { filename: 'h.js', columnOffset: 2 }],
  ['  throw new Error()', { filename: 'i.js' }]]) {
  try { vm.runInContext(code, context, opts); } catch (e) { console.log(JSON.stringify(e.stack.split('\n').slice(0, 5))); }
  try { new vm.Script(code, opts).runInThisContext(); } catch (e) { console.log(JSON.stringify(e.stack.split('\n').slice(0, 5))); }
}
