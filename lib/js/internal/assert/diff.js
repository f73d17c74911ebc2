'use strict';
// The "+ actual - expected" comparison of a failed strictEqual / deepStrictEqual, the way node
// v20 prints it. Both values are inspected one property per line and the two line lists are
// compared index by index (line i of one side against line i of the other; this is not an edit
// script): equal lines are shown indented, differing ones as a "+" line and a "-" line, the lines
// only one side has at its end as "+" or "-" lines. Long runs of equal lines, and the common tail,
// are shortened with "...", and the whole listing stops after about 50 printed lines.

const { removeColors } = require('internal/util');

// Values whose inspected forms together are at most this long are shown as `a !== b`.
const kShortPairLength = 12;
// After this many printed lines (and with more than two lines still to go) the listing stops.
const kMaxPrintedLines = 50;
// Common trailing lines shown in full (the first one above them is shown too).
const kShownTailLines = 3;

const kHeaders = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

function isObjectLike(value) {
  return typeof value === 'object' && value !== null;
}

// Keeps the first 46 of more than 50 lines, then "...".
function truncateLines(lines, palette) {
  if (lines.length <= kMaxPrintedLines) return lines;
  const kept = lines.slice(0, 46);
  kept.push(`${palette.blue}...${palette.reset}`);
  return kept;
}

function commonPrefixLength(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  // Both strings differ, so the loop stops inside the shorter one or at its end.
  return n;
}

// options: { actual, expected, operator ('strictEqual' | 'deepStrictEqual'), actualText,
// expectedText (the inspected values), header (custom message or undefined), palette,
// lineWidth (terminal columns for the "^" marker), colorsInInspect }
function diffMessage(options) {
  const { actual, expected, actualText, expectedText, palette, lineWidth } = options;
  let headerKey = options.operator;
  if (headerKey === 'strictEqual' &&
      ((isObjectLike(actual) && isObjectLike(expected)) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    headerKey = 'strictEqualObject';
  }
  const header = options.header ?? kHeaders[headerKey];
  const actualLines = actualText.split('\n');
  const expectedLines = expectedText.split('\n');

  let marker = '';
  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const plainActual = options.colorsInInspect ? removeColors(actualLines[0]) : actualLines[0];
    const plainExpected = options.colorsInInspect ? removeColors(expectedLines[0]) :
      expectedLines[0];
    const width = plainActual.length + plainExpected.length;
    if (width <= kShortPairLength) {
      // Two short primitives (but not the +0/-0 pair, which reads better as a diff).
      if (!isObjectLike(actual) && !isObjectLike(expected) && (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (headerKey !== 'strictEqualObject' && width < lineWidth) {
      // Point at the first differing character when the lines share a real prefix.
      const common = commonPrefixLength(plainActual, plainExpected);
      if (common > 2) marker = `\n  ${' '.repeat(common)}^`;
    }
  }

  // Fold the lines both sides end with.
  const tail = [];
  let firstFolded = '';
  let folded = 0;
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (folded < kShownTailLines) tail.unshift(line);
    else firstFolded = line;
    folded++;
  }

  if (actualLines.length === 0 && expectedLines.length === 0) {
    // Same inspected form: the values differ only in identity.
    const lines = truncateLines(actualText.split('\n'), palette);
    return `${kHeaders.notIdentical}\n\n${lines.join('\n')}\n`;
  }

  const dots = `${palette.blue}...${palette.reset}`;
  let skipped = false;
  let end = tail.map((line) => `\n  ${line}`).join('');
  if (folded > kShownTailLines + 1) {
    end = `\n${dots}${end}`;
    skipped = true;
  }
  if (firstFolded !== '') end = `\n  ${firstFolded}${end}`;

  const plus = `${palette.green}+${palette.reset}`;
  const minus = `${palette.red}-${palette.reset}`;
  const title = `${header}\n${palette.green}+ actual${palette.reset} ` +
    `${palette.red}- expected${palette.reset}`;
  const skippedNote = ` ${dots} Lines skipped`;

  // Lines are paired by index; past the shorter side only the longer side has lines. Equal
  // lines may differ by a trailing comma, so which side a run of them is printed from shows:
  // node prints from the actual side where the sides diverge, from the longer side past the
  // shorter one.
  const actualIsLonger = actualLines.length >= expectedLines.length;
  const longer = actualIsLonger ? actualLines : expectedLines;
  const paired = Math.min(actualLines.length, expectedLines.length);
  let body = '';
  let pendingMinus = '';  // "-" lines wait until the next equal line or the end
  let printed = 0;
  let equalRun = 0;

  // Ends a run of equal lines before index `i`: its first two lines are already printed; show
  // the rest from `lines` when at most three, else "..." and the last two.
  const closeEqualRun = (i, lines) => {
    const unprinted = equalRun - 2;
    let shown = Math.max(unprinted, 0);
    if (unprinted > 3) {
      body += `\n${dots}`;
      skipped = true;
      shown = 2;
    }
    for (let k = shown; k > 0; k--) {
      body += `\n  ${lines[i - k]}`;
      printed++;
    }
    equalRun = 0;
  };

  for (let i = 0; i < longer.length; i++) {
    if (i >= paired) {
      closeEqualRun(i, longer);
      if (actualIsLonger) body += `\n${plus} ${longer[i]}`;
      else pendingMinus += `\n${minus} ${longer[i]}`;
      printed++;
    } else {
      let actualLine = actualLines[i];
      const expectedLine = expectedLines[i];
      let same = actualLine === expectedLine || actualLine === `${expectedLine},`;
      if (!same && expectedLine === `${actualLine},`) {
        same = true;
        actualLine = expectedLine;
      }
      if (same) {
        body += pendingMinus;
        pendingMinus = '';
        equalRun++;
        if (equalRun <= 2) {
          body += `\n  ${actualLine}`;
          printed++;
        }
      } else {
        closeEqualRun(i, actualLines);
        body += `\n${plus} ${actualLine}`;
        pendingMinus += `\n${minus} ${expectedLine}`;
        printed += 2;
      }
    }
    if (printed > kMaxPrintedLines && i < longer.length - 2) {
      return `${title}${skippedNote}\n${body}\n${dots}${pendingMinus}\n${dots}`;
    }
  }
  return `${title}${skipped ? skippedNote : ''}\n${body}${pendingMinus}${end}${marker}`;
}

module.exports = { diffMessage, truncateLines, kHeaders };
