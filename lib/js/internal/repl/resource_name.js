'use strict';
// Every script the REPL compiles (inputs, and expressions read for completion) is named
// REPL1, REPL2, ... in one sequence across all REPL servers, as node names them.

let next = 1;

function nextReplResourceName() {
  return `REPL${next++}`;
}

module.exports = { nextReplResourceName };
