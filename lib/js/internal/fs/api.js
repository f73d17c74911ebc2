'use strict';
// The operation table of node:fs with all its rows loaded (ops.js and the modules adding rows),
// except cp's, which internal/fs/cp adds when first used.

const ops = require('internal/fs/ops');
const { named } = require('internal/fs/run');
require('internal/fs/whole_file');
require('internal/fs/rm');
require('internal/fs/realpath');
require('internal/fs/dir');
require('internal/fs/hot_paths');

let cpLoaded = false;

// A function of the table's `variant` row `name` that loads cp's rows on first use.
function cpEntry(variant, name, length) {
  return named(function(...args) {
    if (!cpLoaded) {
      require('internal/fs/cp');
      cpLoaded = true;
    }
    return ops[variant][name].apply(this, args);
  }, name, length);
}

module.exports = { ...ops, cpEntry };
