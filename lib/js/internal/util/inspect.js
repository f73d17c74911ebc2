'use strict';

// util.inspect() and util.format(), matching node 20's output byte for byte.
//
// This file holds the public surface: inspect() with its option parsing, defaultOptions and
// the color tables on it. The work is done under inspect/:
//   render.js   the recursive formatter (primitives, proxies, custom inspect, cycles, fields)
//   kinds.js    the classifier: a table of object kinds with their brackets and entries
//   entries.js  the entry producers of each kind (items, holes, collections, iterators, ...)
//   errors.js   the head of an error (stack, relabeling, cause, colored frames)
//   layout.js   line breaking: one line, one entry per line, or columns
//   text.js     string quoting and escaping, numbers, widths, ANSI stripping
//   palette.js  colors and styles
//   format.js   util.format()
//   options.js  the default options
// What JS cannot see comes from internalBinding('util'): promise state, proxy target, the
// entries of iterators and weak collections, V8's class name of an object.

const { inspectDefaultOptions } = require('internal/util/inspect/options');
const { installPalette, stylizeNoColor } = require('internal/util/inspect/palette');
const render = require('internal/util/inspect/render');
const { makeFormat } = require('internal/util/inspect/format');
const { identicalSequenceRange } = require('internal/util/inspect/errors');
const {
  getStringWidth,
  isZeroWidthCodePoint,
  stripVTControlCharacters,
} = require('internal/util/inspect/text');

const hasOwn = Object.prototype.hasOwnProperty;

// A fresh state for one inspect() call: the options plus the formatter's working data.
function newState() {
  const defaults = inspectDefaultOptions;
  return {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: defaults.showHidden,
    depth: defaults.depth,
    colors: defaults.colors,
    customInspect: defaults.customInspect,
    showProxy: defaults.showProxy,
    maxArrayLength: defaults.maxArrayLength,
    maxStringLength: defaults.maxStringLength,
    breakLength: defaults.breakLength,
    compact: defaults.compact,
    sorted: defaults.sorted,
    getters: defaults.getters,
    numericSeparator: defaults.numericSeparator,
  };
}

// (Index loops here and under inspect/: inspect must work while user code has broken the
// array iteration protocol, as the REPL shows such errors with it.)
// Known options (and `stylize`) go into the state; the first unknown one makes the whole
// options object available to custom inspect functions.
function applyOptions(state, options) {
  const keys = Object.keys(options);
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n];
    if (hasOwn.call(inspectDefaultOptions, key) || key === 'stylize') {
      state[key] = options[key];
    } else if (state.userOptions === undefined) {
      state.userOptions = options;
    }
  }
}

/**
 * A string showing `value` (util.inspect).
 * @param {any} value
 * @param {object|boolean} [opts] options; the legacy form is (value, showHidden, depth, colors)
 * @returns {string}
 */
function inspect(value, opts) {
  const state = newState();
  const argc = arguments.length;
  if (argc > 1) {
    if (argc > 2 && arguments[2] !== undefined) state.depth = arguments[2];
    if (argc > 3 && arguments[3] !== undefined) state.colors = arguments[3];
    if (typeof opts === 'boolean') state.showHidden = opts;
    else if (opts) applyOptions(state, opts);
  }
  if (state.colors) state.stylize = stylizeWithColor;
  if (state.maxArrayLength === null) state.maxArrayLength = Infinity;
  if (state.maxStringLength === null) state.maxStringLength = Infinity;
  return render.renderValue(state, value, 0);
}

inspect.custom = Symbol.for('nodejs.util.inspect.custom');

Object.defineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    require('internal/validators').validateObject(options, 'options');
    return Object.assign(inspectDefaultOptions, options);
  },
});

// inspect.colors and inspect.styles.
const stylizeWithColor = installPalette(inspect);

render.api.inspect = inspect;
const { format, formatWithOptions } = makeFormat(inspect);

module.exports = {
  identicalSequenceRange,
  inspect,
  inspectDefaultOptions,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  isZeroWidthCodePoint,
  stylizeWithColor,
  stylizeNoColor,
};
