'use strict';

// Text pieces of util.inspect: quoting and escaping strings, spelling numbers and bigints
// (optionally with '_' thousands separators), terminal column widths and removal of ANSI
// escape sequences.

// --- escaping ---------------------------------------------------------------------------------

// Backslash forms for the code units below U+00A0 that are printed escaped.
const kShortEscapes = { 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0c: 'f', 0x0d: 'r' };
const escapeTable = Array.from({ length: 0xa0 }, (_, unit) => {
  if (unit in kShortEscapes) return `\\${kShortEscapes[unit]}`;
  if (unit < 0x20 || unit >= 0x7f) return `\\x${unit.toString(16).toUpperCase().padStart(2, '0')}`;
  return '';
});
escapeTable[0x27] = "\\'";
escapeTable[0x5c] = '\\\\';

// A lone surrogate is one half of a pair without the other half next to it.
const loneSurrogate =
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const needsEscapeWithApostrophe = new RegExp(`[\\x00-\\x1f\\x27\\x5c\\x7f-\\x9f]|${loneSurrogate}`);
const needsEscapeOther = new RegExp(`[\\x00-\\x1f\\x5c\\x7f-\\x9f]|${loneSurrogate}`);
const escapeAllWithApostrophe = new RegExp(needsEscapeWithApostrophe.source, 'g');
const escapeAllOther = new RegExp(needsEscapeOther.source, 'g');

function escapeUnit(match) {
  const unit = match.charCodeAt(0);
  return unit < 0xa0 ? escapeTable[unit] : `\\u${unit.toString(16)}`;
}

// Past this length the regular expression (a native scan) beats walking the code units here.
const kMaxWalkedLength = 100;

// The escaping of `text` done by walking its code units: cheaper than a replace with a
// callback for short texts. `apostrophes` says whether ' is escaped too.
function escapeWalking(text, apostrophes) {
  let out = '';
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    let escaped;
    if (unit < 0xa0) {
      escaped = escapeTable[unit];
      if (escaped === '' || (unit === 0x27 && !apostrophes)) continue;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      // A high surrogate followed by a low one is a pair: keep both.
      if (unit <= 0xdbff && at + 1 < text.length) {
        const next = text.charCodeAt(at + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          at++;
          continue;
        }
      }
      escaped = `\\u${unit.toString(16)}`;
    } else {
      continue;
    }
    out += text.slice(copied, at) + escaped;
    copied = at + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// Escapes control characters, backslashes, apostrophes and lone surrogates (for keys and
// symbol descriptions, which are not quoted).
function escapeBare(text) {
  if (text.length <= kMaxWalkedLength) return escapeWalking(text, true);
  return text.replace(escapeAllWithApostrophe, escapeUnit);
}

// The quote character for a string literal: ' unless the text holds one; then " unless it
// holds that too; then ` unless it holds that or '${'; else ' with escaped apostrophes.
function pickQuote(text) {
  if (!text.includes("'")) return "'";
  if (!text.includes('"')) return '"';
  if (!text.includes('`') && !text.includes('${')) return '`';
  return "'";
}

// `text` as a JavaScript string literal.
function quote(text) {
  const mark = pickQuote(text);
  const apostrophes = mark === "'";
  const probe = apostrophes ? needsEscapeWithApostrophe : needsEscapeOther;
  // Very long texts skip the probe: replacing costs the same as searching then.
  if (text.length >= 5000 || probe.test(text)) {
    text = text.length <= kMaxWalkedLength ? escapeWalking(text, apostrophes) :
      text.replace(apostrophes ? escapeAllWithApostrophe : escapeAllOther, escapeUnit);
  }
  return mark + text + mark;
}

// --- numbers ----------------------------------------------------------------------------------

// '1234567' -> '1_234_567'; a leading '-' is kept out of the groups.
function groupFromRight(digits) {
  const signLength = digits[0] === '-' ? 1 : 0;
  let cut = digits.length;
  let tail = '';
  while (cut - signLength > 3) {
    tail = `_${digits.slice(cut - 3, cut)}${tail}`;
    cut -= 3;
  }
  return digits.slice(0, cut) + tail;
}

// '1234567' -> '123_456_7' (the digits after a decimal point group from the left).
function groupFromLeft(digits) {
  const groups = [];
  let at = 0;
  while (digits.length - at > 3) {
    groups.push(digits.slice(at, at + 3));
    at += 3;
  }
  groups.push(digits.slice(at));
  return groups.join('_');
}

function spellNumber(number, separated) {
  if (!separated) return Object.is(number, -0) ? '-0' : `${number}`;
  const plain = `${number}`;
  if (Number.isInteger(number)) {
    return plain.includes('e') ? plain : groupFromRight(plain);
  }
  // NaN, Infinity and -Infinity have no digits to group.
  if (!Number.isFinite(number)) return plain;
  // node splits at the '.' even where there is none (1e-7 -> '1e-.1e-_7'): same here.
  const point = plain.indexOf('.');
  return `${groupFromRight(plain.slice(0, point))}.${groupFromLeft(plain.slice(point + 1))}`;
}

function spellBigInt(bigint, separated) {
  const digits = `${bigint}`;
  return `${separated ? groupFromRight(digits) : digits}n`;
}

// --- widths -----------------------------------------------------------------------------------

// Code points that take two terminal columns: East Asian wide/fullwidth ranges and the common
// emoji blocks, as first, last pairs.
const doubleWidthRanges = new Uint32Array([
  0x1100, 0x115f, 0x2329, 0x232a, 0x2e80, 0x303e, 0x3040, 0x3247, 0x3250, 0x4dbf,
  0x4e00, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19,
  0xfe30, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x1b000, 0x1b001, 0x1f200, 0x1f251,
  0x1f300, 0x1f64f, 0x20000, 0x3fffd,
]);
// Code points that take no column: controls, combining marks, zero-width spaces and joiners,
// variation selectors.
const zeroWidthRanges = new Uint32Array([
  0x0, 0x1f, 0x7f, 0x9f, 0x300, 0x36f, 0x200b, 0x200f, 0x20d0, 0x20ff,
  0xfe00, 0xfe0f, 0xfe20, 0xfe2f, 0xe0100, 0xe01ef,
]);

// Whether `code` lies in one of the sorted [first, last] pairs of `bounds`.
function inRanges(bounds, code) {
  for (let n = 0; n < bounds.length; n += 2) {
    if (code < bounds[n]) return false;
    if (code <= bounds[n + 1]) return true;
  }
  return false;
}

function isZeroWidthCodePoint(code) {
  return inRanges(zeroWidthRanges, code);
}

function columnsOf(code) {
  // Printable ASCII first: by far the most common.
  if (code >= 0x20 && code < 0x7f) return 1;
  if (inRanges(doubleWidthRanges, code)) return 2;
  return isZeroWidthCodePoint(code) ? 0 : 1;
}

// The runtime's ICU width data when it has it; the tables above otherwise.
let icuWidth;
try {
  if (internalBinding('config').hasIntl) {
    const { getStringWidth: fromIcu } = internalBinding('icu');
    if (typeof fromIcu === 'function') icuWidth = fromIcu;
  }
} catch {
  // Built without ICU.
}

/**
 * Terminal columns taken by `str`.
 * @param {string} str
 * @param {boolean} [removeControlChars] strip ANSI escape sequences first
 * @returns {number}
 */
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  let columns = 0;
  if (icuWidth !== undefined) {
    // Printable ASCII counts one column each; ICU measures from the first other character.
    for (let at = 0; at < str.length; at++) {
      const unit = str.charCodeAt(at);
      if (unit > 126) return columns + icuWidth(str.slice(at).normalize('NFC'));
      if (unit > 31) columns++;
    }
    return columns;
  }
  str = str.normalize('NFC');
  for (let at = 0; at < str.length; at++) {
    const code = str.codePointAt(at);
    if (code > 0xffff) at++;
    columns += columnsOf(code);
  }
  return columns;
}

// ANSI escape sequences: OSC-like strings (ESC ] ... ended by BEL, ESC \ or ST) and CSI
// control sequences (ESC [ params final-byte), introduced by ESC or the one-byte CSI U+009B.
const escIntro = '[\\u001B\\u009B][[\\]()#;?]*';
const oscParamChars = '[-a-zA-Z\\d\\/\\#&.:=?%@~_]';
const oscParams = `(?:;${oscParamChars}+)*|[a-zA-Z\\d]+(?:;${oscParamChars}*)*`;
const oscEnd = '\\u0007|\\u001B\\u005C|\\u009C';
const csiBody = '(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]';
const escapeSequences =
  new RegExp(`${escIntro}(?:(?:(?:${oscParams})?(?:${oscEnd}))|(?:${csiBody}))`, 'g');

/**
 * `str` without ANSI escape sequences.
 * @param {string} str
 * @returns {string}
 */
function stripVTControlCharacters(str) {
  require('internal/validators').validateString(str, 'str');
  return str.replace(escapeSequences, '');
}

// Only the SGR color codes inspect itself writes (ESC [ n m).
const sgrCodes = /\u001b\[\d\d?m/g;
function withoutColors(str) {
  return str.replace(sgrCodes, '');
}

module.exports = {
  escapeBare,
  quote,
  spellNumber,
  spellBigInt,
  getStringWidth,
  isZeroWidthCodePoint,
  stripVTControlCharacters,
  withoutColors,
};
