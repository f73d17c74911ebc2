'use strict';

// Layout of one formatted object: given its entries (already formatted strings), its opening
// and closing brackets and an optional head (function name, date, error stack, <ref *1>),
// choose between one line, one entry per line, and (for array-like values) a table of columns.
//
// The `compact` option decides: a number N lets the innermost N levels of nesting go on one
// line when they fit into `breakLength`; `true` fills lines up to `breakLength`; `false`
// puts every entry on its own line.

const { getStringWidth, withoutColors } = require('internal/util/inspect/text');

const kSeparatorWidth = 2; // ', '
// Columns only pay off from this many entries on.
const kMinEntriesForColumns = 7;
// Slack for the small things a line holds besides entries and brackets.
const kLineSlack = 10;

function spaces(count) {
  return ' '.repeat(count);
}

function visibleLength(state, text) {
  return state.colors ? withoutColors(text).length : text.length;
}

// Whether `entries` fit on one line after `used` columns, counting one separator column per
// entry; a head spanning several lines (an error stack) never shares its line.
function fitsOneLine(state, entries, used, head) {
  let room = state.breakLength - used - entries.length;
  if (room < entries.length) return false;
  for (let n = 0; n < entries.length; n++) {
    room -= visibleLength(state, entries[n]);
    if (room < 0) return false;
  }
  return !head.includes('\n');
}

// --- columns ----------------------------------------------------------------------------------

// How many columns a table of cells gets: about square on screen (a character is taken as 2.5
// times as high as wide), at most what fits into the line, 4 per `compact` level and 15.
// Returns 0 or 1 when entries should stay one per line.
function columnCount(state, widths, entryCount) {
  let widest = 0;
  let sum = 0;
  for (let n = 0; n < widths.length; n++) {
    const width = widths[n];
    if (width > widest) widest = width;
    sum += width + kSeparatorWidth;
  }
  const cell = widest + kSeparatorWidth;
  const lineRoom = state.breakLength - state.indentationLvl;
  // Three cells must fit, and the entries must be alike in width (or all short).
  if (cell * 3 + state.indentationLvl >= state.breakLength) return 0;
  if (sum / cell <= 5 && widest > 6) return 0;
  const meanGap = Math.sqrt(cell - sum / entryCount);
  const effectiveCell = Math.max(cell - 3 - meanGap, 1);
  const square = Math.round(Math.sqrt(2.5 * effectiveCell * widths.length) / effectiveCell);
  return Math.min(square, Math.floor(lineRoom / cell), state.compact * 4, 15);
}

// Right-aligns the cells when every entry stands for a number or bigint of `source`.
function alignsRight(source, entryCount) {
  if (source === undefined) return true;
  for (let n = 0; n < entryCount; n++) {
    const type = typeof source[n];
    if (type !== 'number' && type !== 'bigint') return false;
  }
  return true;
}

// Arranges the entries of an array-like into rows of `columns` cells. A trailing
// "... more items" entry is kept on a row of its own. Returns the entries unchanged when a
// table does not fit.
function tabulate(state, entries, source) {
  const cellCount = state.maxArrayLength < entries.length ? entries.length - 1 : entries.length;
  const widths = new Array(cellCount);
  for (let n = 0; n < cellCount; n++) widths[n] = getStringWidth(entries[n], state.colors);
  const columns = columnCount(state, widths, entries.length);
  if (columns <= 1) return entries;

  const columnWidth = [];
  for (let column = 0; column < columns; column++) {
    let widest = 0;
    for (let n = column; n < cellCount; n += columns) {
      if (widths[n] > widest) widest = widths[n];
    }
    columnWidth.push(widest + kSeparatorWidth);
  }

  const right = alignsRight(source, entries.length);
  const rows = [];
  for (let first = 0; first < cellCount; first += columns) {
    const end = Math.min(first + columns, cellCount);
    let row = '';
    for (let n = first; n < end; n++) {
      const isLast = n === end - 1;
      // Escape codes take no columns: pad by the visible width.
      const invisible = entries[n].length - widths[n];
      const cell = isLast ? entries[n] : `${entries[n]}, `;
      if (right) {
        const target = columnWidth[n - first] + invisible - (isLast ? kSeparatorWidth : 0);
        row += cell.padStart(target, ' ');
      } else {
        row += isLast ? cell : cell.padEnd(columnWidth[n - first] + invisible, ' ');
      }
    }
    rows.push(row);
  }
  if (cellCount !== entries.length) rows.push(entries[cellCount]);
  return rows;
}

// --- the three layouts ------------------------------------------------------------------------

function withHead(head) {
  return head === '' ? '' : `${head} `;
}

// Joins by concatenation: V8 then builds a rope instead of copying every level's text again.
function joined(entries, separator) {
  if (entries.length === 0) return '';
  let text = entries[0];
  for (let n = 1; n < entries.length; n++) text += separator + entries[n];
  return text;
}

function onePerLine(state, entries, head, open, close) {
  const newline = `\n${spaces(state.indentationLvl)}`;
  const body = joined(entries, `,${newline}  `);
  return `${withHead(head)}${open}${newline}  ${body}${newline}${close}`;
}

// compact: true, the output style of node before v12: fill each line.
function filledLines(state, entries, head, open, close) {
  const after = head === '' ? '' : ` ${head}`;
  if (fitsOneLine(state, entries, 0, head)) {
    return `${open}${after} ${joined(entries, ', ')} ${close}`;
  }
  const newline = `\n${spaces(state.indentationLvl)}  `;
  // A bracket longer than one character ('Set {') puts the first entry on the next line.
  const lead = head === '' && open.length === 1 ? ' ' : `${after}${newline}`;
  return `${open}${lead}${joined(entries, `,${newline}`)} ${close}`;
}

/**
 * Lays out the entries of one object at nesting `level`.
 * @param {object} state the inspection state (options, indentationLvl, currentDepth)
 * @param {string[]} entries formatted entries
 * @param {object} frame { head, open, close, listLike, source }: `listLike` allows columns,
 *   `source` is the array-like the entries come from
 * @param {number} level
 * @returns {string}
 */
function layOut(state, entries, frame, level) {
  const { head, open, close } = frame;
  if (state.compact === true) return filledLines(state, entries, head, open, close);
  if (typeof state.compact !== 'number' || state.compact < 1) {
    return onePerLine(state, entries, head, open, close);
  }
  if (frame.listLike && entries.length >= kMinEntriesForColumns) {
    const rows = tabulate(state, entries, frame.source);
    // A table is never joined into one line.
    if (rows !== entries) return onePerLine(state, rows, head, open, close);
  }
  // Only the `compact` innermost levels below the deepest one reached may share a line.
  if (state.currentDepth - level < state.compact) {
    const used = entries.length + state.indentationLvl + open.length + head.length + kLineSlack;
    if (fitsOneLine(state, entries, used, head)) {
      const line = joined(entries, ', ');
      if (!line.includes('\n')) return `${withHead(head)}${open} ${line} ${close}`;
    }
  }
  return onePerLine(state, entries, head, open, close);
}

module.exports = { layOut };
