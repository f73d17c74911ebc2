'use strict';
// node:repl: the read-eval-print loop (REPLServer, start) over any pair of streams.

const { inspect } = require('internal/util/inspect');
const { validateObject } = require('internal/validators');
const {
  REPLServer, REPL_MODE_SLOPPY, REPL_MODE_STRICT, Recoverable, start, writer,
} = require('internal/repl/server');
const { BuiltinModule } = require('internal/bootstrap/realm');

// Public module names, as the REPL offers them (no underscore-prefixed ones).
const builtinModules = BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList()
  .filter((name) => !name.startsWith('_'));

// True when `input` parses as a script (the REPL's syntax check).
function isValidSyntax(input) {
  try {
    new (require('vm').Script)(input);  // eslint-disable-line no-new
    return true;
  } catch {
    return false;
  }
}

// util.inspect.replDefaults: the options the REPL's default writer formats with.
Object.defineProperty(inspect, 'replDefaults', {
  __proto__: null,
  get() {
    return writer.options;
  },
  set(options) {
    validateObject(options, 'options');
    Object.assign(writer.options, options);
  },
  enumerable: true,
  configurable: true,
});

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  isValidSyntax,
  builtinModules,
};
