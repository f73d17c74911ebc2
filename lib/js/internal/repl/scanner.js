'use strict';
// A small JavaScript tokenizer for the REPL: enough to tell whether an input is unfinished
// (open brackets, an open template or block comment), to find top-level statements for the
// top-level-await rewrite, and to find the expression before the cursor for completion.
// It does not validate code; V8 does that.

// Keywords after which a '/' starts a regular expression rather than a division.
const kRegexAfterWords = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case',
  'do', 'else', 'yield', 'await', 'extends',
]);

const kPunctuators = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=',
  '%=', '&=', '|=', '^=', '<<', '>>', '**',
];

const kClosers = { '(': ')', '[': ']', '{': '}' };

function isIdStart(ch) {
  return /[\p{ID_Start}$_\\]/u.test(ch);
}

function isIdPart(ch) {
  return /[\p{ID_Continue}$\u200c\u200d\\]/u.test(ch);
}

// Scans `source` into tokens { type, value, start, end, newlineBefore, depth }.
// type: 'name', 'number', 'string', 'template', 'regex', 'punct', 'private'.
// depth: the bracket depth the token sits at (template substitutions count as one level).
// The result also tells how the source ends:
//   open: the unclosed brackets, innermost last ('(', '[', '{', '${');
//   unterminated: 'template', 'comment', 'string', 'continued' (a string whose line ends in a
//     backslash), 'regex' or null;
//   mismatched: a closer that did not match its opener was seen.
function scan(source) {
  const tokens = [];
  const open = [];
  let unterminated = null;
  let mismatched = false;
  let newlineBefore = false;
  let i = 0;
  const n = source.length;

  function last() {
    return tokens.length > 0 ? tokens[tokens.length - 1] : null;
  }

  function regexAllowed() {
    const prev = last();
    if (prev === null) return true;
    if (prev.type === 'name') return kRegexAfterWords.has(prev.value);
    if (prev.type === 'punct') return prev.value !== ')' && prev.value !== ']' && prev.value !== '}';
    return false;
  }

  function push(type, start, end) {
    tokens.push({
      type, value: source.slice(start, end), start, end, newlineBefore, depth: open.length,
    });
    newlineBefore = false;
  }

  // Reads template characters from i (just after '`' or a substitution's '}') up to the
  // closing '`' or the next '${'.
  function templatePart(start) {
    while (i < n) {
      const ch = source[i];
      if (ch === '\\') {
        i += 2;
      } else if (ch === '`') {
        i++;
        push('template', start, i);
        return;
      } else if (ch === '$' && source[i + 1] === '{') {
        i += 2;
        push('template', start, i);
        open.push('${');
        return;
      } else {
        i++;
      }
    }
    i = n;
    push('template', start, n);
    unterminated = 'template';
  }

  while (i < n && unterminated === null) {
    const ch = source[i];
    const start = i;
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') {
      newlineBefore = true;
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (ch === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close === -1) {
        unterminated = 'comment';
        i = n;
      } else {
        if (/[\n\r\u2028\u2029]/.test(source.slice(i, close))) newlineBefore = true;
        i = close + 2;
      }
    } else if (ch === '#' && i === 0 && source[1] === '!') {
      while (i < n && source[i] !== '\n') i++;
    } else if (ch === '\'' || ch === '"') {
      i++;
      while (i < n && source[i] !== ch && source[i] !== '\n') {
        i += source[i] === '\\' ? 2 : 1;
      }
      if (i >= n || source[i] === '\n') {
        // A string that ran out of input only through a line continuation (a backslash before
        // the newline) goes on on the next line.
        unterminated = i >= n && /\\\r?\n$/.test(source.slice(start, n)) ? 'continued' : 'string';
        i = n;
      } else {
        i++;
      }
      push('string', start, i);
    } else if (ch === '`') {
      i++;
      templatePart(start);
    } else if (ch === '/' && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < n) {
        const c = source[i];
        if (c === '\n') break;
        if (c === '\\') {
          i += 2;
          continue;
        }
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        i++;
      }
      if (i >= n || source[i] !== '/') {
        unterminated = 'regex';
        i = n;
      } else {
        i++;
        while (i < n && isIdPart(source[i])) i++;
      }
      push('regex', start, i);
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] || ''))) {
      i++;
      while (i < n && /[0-9a-zA-Z_.]/.test(source[i])) {
        // An exponent sign belongs to the number (1e+5).
        if ((source[i] === 'e' || source[i] === 'E') && /[+-]/.test(source[i + 1] || '') &&
            !/^0[xX]/.test(source.slice(start, i))) {
          i += 2;
        } else {
          i++;
        }
      }
      push('number', start, i);
    } else if (ch === '#' && isIdStart(source[i + 1] || '')) {
      i += 2;
      while (i < n && isIdPart(source[i])) i++;
      push('private', start, i);
    } else if (isIdStart(ch) || ch.charCodeAt(0) >= 0xd800) {
      i++;
      while (i < n && (isIdPart(source[i]) || source.charCodeAt(i) >= 0xd800)) i++;
      push('name', start, i);
    } else if (ch === '(' || ch === '[' || ch === '{') {
      i++;
      push('punct', start, i);
      open.push(ch);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      const opener = open[open.length - 1];
      if (ch === '}' && opener === '${') {
        open.pop();
        i++;
        templatePart(start);
        continue;
      }
      if (opener === undefined || kClosers[opener] !== ch) {
        mismatched = true;
      } else {
        open.pop();
      }
      i++;
      push('punct', start, i);
    } else {
      let matched = ch;
      for (const p of kPunctuators) {
        if (source.startsWith(p, i)) {
          matched = p;
          break;
        }
      }
      // `a?.5:1` is a conditional, not optional chaining.
      if (matched === '?.' && /[0-9]/.test(source[i + 2] || '')) matched = '?';
      i += matched.length;
      push('punct', start, i);
    }
  }
  return { tokens, open, unterminated, mismatched };
}

module.exports = { scan };
