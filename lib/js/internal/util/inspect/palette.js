'use strict';

// The colors of util.inspect: the SGR code table (util.inspect.colors), the style -> color
// table (util.inspect.styles) and the two stylize functions the formatter calls.

const kResetForeground = 39;
const kResetBackground = 49;

// Each color is [code that turns it on, code that turns it off].
function buildColorTable() {
  const table = { __proto__: null };
  const attributes = [
    ['reset', 0, 0], ['bold', 1, 22], ['dim', 2, 22], ['italic', 3, 23], ['underline', 4, 24],
    ['blink', 5, 25], ['inverse', 7, 27], ['hidden', 8, 28], ['strikethrough', 9, 29],
    ['doubleunderline', 21, 24],
  ];
  for (const [name, on, off] of attributes) table[name] = [on, off];
  const hues = ['Black', 'Red', 'Green', 'Yellow', 'Blue', 'Magenta', 'Cyan', 'White'];
  hues.forEach((hue, n) => {
    table[hue.toLowerCase()] = [30 + n, kResetForeground];
  });
  hues.forEach((hue, n) => {
    table[`bg${hue}`] = [40 + n, kResetBackground];
  });
  table.framed = [51, 54];
  table.overlined = [53, 55];
  // The bright variants; bright black is called gray.
  hues.forEach((hue, n) => {
    table[n === 0 ? 'gray' : `${hue.toLowerCase()}Bright`] = [90 + n, kResetForeground];
  });
  hues.forEach((hue, n) => {
    table[n === 0 ? 'bgGray' : `bg${hue}Bright`] = [100 + n, kResetBackground];
  });

  // Other names for the same entries: non-enumerable accessors onto the real one.
  const aliases = {
    gray: ['grey', 'blackBright'],
    bgGray: ['bgGrey', 'bgBlackBright'],
    dim: ['faint'],
    strikethrough: ['crossedout', 'strikeThrough', 'crossedOut'],
    hidden: ['conceal'],
    inverse: ['swapColors', 'swapcolors'],
    doubleunderline: ['doubleUnderline'],
  };
  for (const target of Object.keys(aliases)) {
    for (const alias of aliases[target]) {
      Object.defineProperty(table, alias, {
        __proto__: null,
        get() { return this[target]; },
        set(value) { this[target] = value; },
        configurable: true,
        enumerable: false,
      });
    }
  }
  return table;
}

function buildStyleTable() {
  return Object.assign({ __proto__: null }, {
    special: 'cyan',
    number: 'yellow',
    bigint: 'yellow',
    boolean: 'yellow',
    undefined: 'grey',
    null: 'bold',
    string: 'green',
    symbol: 'green',
    date: 'magenta',
    regexp: 'red',
    module: 'underline',
  });
}

// Puts `colors` and `styles` on `owner` (util.inspect) and returns the coloring stylize
// function, which reads both tables from `owner` at each call so user changes apply.
function installPalette(owner) {
  owner.colors = buildColorTable();
  owner.styles = buildStyleTable();
  return function stylizeWithColor(str, styleType) {
    const colorName = owner.styles[styleType];
    const codes = colorName === undefined ? undefined : owner.colors[colorName];
    if (codes === undefined) return str;
    return `\u001b[${codes[0]}m${str}\u001b[${codes[1]}m`;
  };
}

function stylizeNoColor(str) {
  return str;
}

module.exports = { installPalette, stylizeNoColor };
