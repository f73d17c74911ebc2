// A syntax error in an imported module: node's report (file:line, caret) and exit 1 before any
// module of the graph runs.
import './fixtures/esm/errors/syntax.mjs';
console.log('never printed');
