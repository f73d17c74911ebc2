'use strict';
// Finds the source text of the call expression at a position, for assert.ok()'s message
// ("The expression evaluated to a falsy value: assert.ok(x === 1)"). V8 reports a call's
// position at its callee (`assert`) or at the called property (`ok` in `assert.ok(...)`).
//
// Node parses an expression starting at each token of the line in turn (up to the position)
// and takes the innermost call holding the position in the first expression that parses. So
// the same is modelled here on tokens: a small tokenizer (comments, strings, template
// literals, regular expressions, brackets), the extent of the expression that starts at a
// token (or that it is a syntax error: `assert(x),` followed by `]` is an unfinished comma
// sequence), and the call ranges (each argument list with the start of its callee chain,
// `a.b[c](d).e`).

const kKeywordsBeforeExpression = new Set([
  'await', 'case', 'delete', 'do', 'else', 'in', 'instanceof', 'new', 'of', 'return', 'throw',
  'typeof', 'void', 'yield',
]);
// Keywords followed by "(" that is not an argument list.
const kKeywordsBeforeParen = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'with', 'function', 'import', 'return', 'typeof',
  'void', 'delete', 'await', 'yield', 'in', 'of', 'instanceof', 'new', 'case', 'throw', 'do',
  'else', 'class', 'extends', 'const', 'let', 'var',
]);
const kPunctuators = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '++', '--', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '**', '<<', '>>', '?.',
];
const kOpeners = { '(': ')', '[': ']', '{': '}' };
const kMaxTokensPastOffset = 20000;

const kIdentifierStart = /[\p{ID_Start}$_\\#]/u;
const kIdentifierPart = /[\p{ID_Continue}$\u200c\u200d\\]/u;

// Tokens from `start` on, lazily. Template literals are split at their substitutions so that
// code inside `${...}` is tokenized too: a template piece that opens a substitution counts as
// an opening bracket, the piece that continues after it as the closing one.
function* tokenize(code, start) {
  let pos = start;
  let previous;  // last significant token, to tell a regular expression from a division
  const braces = [];  // per open "{": whether it is a template substitution
  const emit = (type, value, from) => {
    previous = { type, value, start: from, end: pos };
    return previous;
  };

  while (pos < code.length) {
    const ch = code[pos];
    const from = pos;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f' ||
        ch === '\u00a0' || ch === '\ufeff' || ch === '\u2028' || ch === '\u2029') {
      pos++;
      continue;
    }
    if (ch === '/' && code[pos + 1] === '/') {
      while (pos < code.length && code[pos] !== '\n') pos++;
      continue;
    }
    if (ch === '/' && code[pos + 1] === '*') {
      const close = code.indexOf('*/', pos + 2);
      pos = close === -1 ? code.length : close + 2;
      continue;
    }
    if (ch === '\'' || ch === '"') {
      pos++;
      while (pos < code.length && code[pos] !== ch && code[pos] !== '\n') {
        pos += code[pos] === '\\' ? 2 : 1;
      }
      pos++;
      yield emit('string', code.slice(from, pos), from);
      continue;
    }
    if (ch === '`' || (ch === '}' && braces[braces.length - 1] === true)) {
      if (ch === '}') braces.pop();
      pos = scanTemplatePiece(code, pos + 1);
      const opensSubstitution = code[pos - 1] === '{' && code[pos - 2] === '$';
      if (opensSubstitution) braces.push(true);
      const type = ch === '`' ? (opensSubstitution ? 'template-open' : 'template') :
        (opensSubstitution ? 'template-middle' : 'template-close');
      yield emit(type, code.slice(from, pos), from);
      continue;
    }
    if (ch === '/' && startsExpression(previous)) {
      pos = scanRegExp(code, pos + 1);
      yield emit('regexp', code.slice(from, pos), from);
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(code[pos + 1] ?? ''))) {
      pos++;
      while (pos < code.length) {
        if (/[0-9a-zA-Z_.]/.test(code[pos])) pos++;
        else if ((code[pos] === '+' || code[pos] === '-') && /[eE]/.test(code[pos - 1]) &&
                 !/^0[xX]/.test(code.slice(from, pos))) pos++;
        else break;
      }
      yield emit('number', code.slice(from, pos), from);
      continue;
    }
    if (kIdentifierStart.test(ch)) {
      pos++;
      while (pos < code.length && kIdentifierPart.test(code[pos])) {
        pos += code[pos] === '\\' ? 2 : 1;
      }
      yield emit('name', code.slice(from, pos), from);
      continue;
    }
    if (ch === '?' && code[pos + 1] === '.' && /[0-9]/.test(code[pos + 2] ?? '')) {
      pos++;  // `a ?.5 : b` is a conditional, not optional chaining
      yield emit('punct', '?', from);
      continue;
    }
    const punct = kPunctuators.find((p) => code.startsWith(p, pos)) ?? ch;
    pos += punct.length;
    if (punct === '{') braces.push(false);
    else if (punct === '}') braces.pop();
    yield emit('punct', punct, from);
  }
}

// From just after "`" or "}", to just after the closing "`" or the next "${".
function scanTemplatePiece(code, pos) {
  while (pos < code.length) {
    const ch = code[pos];
    if (ch === '\\') pos += 2;
    else if (ch === '`') return pos + 1;
    else if (ch === '$' && code[pos + 1] === '{') return pos + 2;
    else pos++;
  }
  return pos;
}

function scanRegExp(code, pos) {
  let inClass = false;
  while (pos < code.length && code[pos] !== '\n') {
    const ch = code[pos];
    if (ch === '\\') {
      pos += 2;
      continue;
    }
    pos++;
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) break;
  }
  while (pos < code.length && kIdentifierPart.test(code[pos])) pos++;  // flags
  return pos;
}

// Whether a "/" after `token` begins a regular expression.
function startsExpression(token) {
  if (token === undefined) return true;
  if (token.type === 'name') return kKeywordsBeforeExpression.has(token.value);
  if (token.type === 'punct') return token.value !== ')' && token.value !== ']' &&
    token.value !== '}';
  return token.type === 'template-open' || token.type === 'template-middle';
}

function isOpener(token) {
  return (token.type === 'punct' && kOpeners[token.value] !== undefined) ||
    token.type === 'template-open';
}

function isCloser(token) {
  return (token.type === 'punct' && (token.value === ')' || token.value === ']' ||
    token.value === '}')) || token.type === 'template-close';
}

// Reads tokens from `lineStart` until the statement holding `offset` is complete, and pairs
// the brackets: match[i] is the index of the bracket closing/opening token i.
function readTokens(code, lineStart, offset) {
  const tokens = [];
  const match = [];
  const open = [];
  let depthAtOffset;
  let readPastOffset = 0;
  for (const token of tokenize(code, lineStart)) {
    const index = tokens.length;
    if (depthAtOffset === undefined && token.end > offset) depthAtOffset = open.length;
    if (token.type === 'template-middle') {
      // Closes one substitution and opens the next.
      const opener = open.pop();
      if (opener !== undefined) {
        match[opener] = index;
        match[index] = opener;
      }
      tokens.push(token);
      open.push(index);
      continue;
    }
    tokens.push(token);
    if (isOpener(token)) {
      open.push(index);
    } else if (isCloser(token)) {
      if (open.length === 0) {
        if (depthAtOffset !== undefined) break;  // left the construct holding the position
        continue;
      }
      const opener = open.pop();
      match[opener] = index;
      match[index] = opener;
    }
    // Read on past the position until the construct holding it ends, as far as a statement end,
    // so the expression around the call is complete too.
    if (depthAtOffset !== undefined && token.start > offset) {
      if (open.length < depthAtOffset) break;
      if (open.length <= depthAtOffset && token.type === 'punct' && token.value === ';') break;
      if (++readPastOffset > kMaxTokensPastOffset) break;
    }
  }
  return { tokens, match };
}

// Index of the first token of the callee chain ending at token `last` (the token just before
// an argument list), or -1 when token `last` cannot end a callee.
function calleeStart(tokens, match, last) {
  let i = last;
  for (;;) {
    const token = tokens[i];
    if (token === undefined) return -1;
    let first;  // first token of the current chain element
    if (token.type === 'punct' && (token.value === ')' || token.value === ']')) {
      first = match[i];
      if (first === undefined) return -1;
      const before = tokens[first - 1];
      // `f(x)` and `a[b]` continue the chain leftwards; `(expr)` and `[array]` start it.
      if (before !== undefined && continuesChain(tokens, first - 1)) {
        i = first - 1;
        continue;
      }
      return first;
    }
    if (token.type === 'template-close') {
      first = match[i];
      if (first === undefined) return -1;
      while (tokens[first].type === 'template-middle') first = match[first];
    } else if (token.type === 'name' || token.type === 'string' || token.type === 'number' ||
               token.type === 'template' || token.type === 'regexp') {
      if (i === last && isKeyword(tokens, i, kKeywordsBeforeParen)) return -1;
      first = i;
    } else if (token.type === 'punct' && token.value === '?.') {
      i--;  // `f?.(x)`
      continue;
    } else {
      return -1;
    }
    const before = tokens[first - 1];
    if (before !== undefined && before.type === 'punct' &&
        (before.value === '.' || before.value === '?.') && tokens[first - 2] !== undefined) {
      i = first - 2;
      continue;
    }
    return first;
  }
}

// A keyword after "." or "?." is a property name (`map.delete(k)`, `p.catch(f)`).
function isKeyword(tokens, i, keywords) {
  const before = tokens[i - 1];
  const afterDot = before !== undefined && before.type === 'punct' &&
    (before.value === '.' || before.value === '?.');
  return keywords.has(tokens[i].value) && !afterDot;
}

// Whether token `i`, just before a "(" or "[" group, makes that group a call or an index.
function continuesChain(tokens, i) {
  const token = tokens[i];
  if (token.type === 'name') return !isKeyword(tokens, i, kKeywordsBeforeParen) &&
    !isKeyword(tokens, i, kKeywordsBeforeExpression);
  if (token.type === 'punct') return token.value === ')' || token.value === ']' ||
    token.value === '?.';
  return token.type === 'template-close' || token.type === 'template' ||
    token.type === 'string';
}

// Keywords that cannot begin an expression.
const kStatementKeywords = new Set([
  'break', 'case', 'catch', 'const', 'continue', 'debugger', 'default', 'do', 'else', 'export',
  'extends', 'finally', 'for', 'if', 'import', 'in', 'instanceof', 'let', 'return', 'switch',
  'throw', 'try', 'var', 'while', 'with',
]);
const kPrefixKeywords = new Set(['typeof', 'void', 'delete', 'new']);
const kPrefixOperators = new Set(['!', '~', '+', '-', '++', '--']);
// Tokens after an operand that continue the expression with another operand.
const kBinaryOperators = new Set([
  '=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=', '&&=', '||=',
  '??=', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '**', '<<', '>>',
  '>>>', '&', '|', '^', '&&', '||', '??', '=>', ',', '?',
]);

function isPunct(token, value) {
  return token !== undefined && token.type === 'punct' && token.value === value;
}

// Index of the last token of the expression that starts at token `i`, or -1 when no
// expression starts there or it is a syntax error.
function expressionEnd(tokens, match, i) {
  let expectOperand = true;
  let openConditionals = 0;
  let j = i;
  for (; j < tokens.length; j++) {
    const token = tokens[j];
    const { type, value } = token;
    if (expectOperand) {
      if (type === 'punct') {
        if (kPrefixOperators.has(value)) continue;
        if (value !== '(' && value !== '[' && value !== '{') return -1;
        if (match[j] === undefined) return -1;
        j = match[j];
      } else if (type === 'name') {
        if (kStatementKeywords.has(value)) return -1;
        if (kPrefixKeywords.has(value)) continue;
        if (value === 'function' || value === 'class') {
          // Skip to the end of the body.
          let k = j + 1;
          while (k < tokens.length && !isPunct(tokens[k], '{')) k++;
          if (match[k] === undefined) return -1;
          j = match[k];
        }
      } else if (type === 'template-open') {
        if (match[j] === undefined) return -1;
        j = match[j];
        while (tokens[j].type === 'template-middle') {
          if (match[j] === undefined) return -1;
          j = match[j];
        }
      } else if (type === 'template-middle' || type === 'template-close') {
        return -1;
      }
      expectOperand = false;
      continue;
    }
    // After an operand: member access, calls, postfix, or an operator.
    if (type === 'punct') {
      if (value === '.' || value === '?.') {
        const next = tokens[j + 1];
        if (next === undefined) return -1;
        if (next.type === 'name') j++;
        else if (value !== '?.' || (next.value !== '(' && next.value !== '[')) return -1;
        continue;
      }
      if (value === '(' || value === '[') {
        if (match[j] === undefined) return -1;
        j = match[j];
        continue;
      }
      if (value === '++' || value === '--') continue;
      if (value === ':' && openConditionals > 0) {
        openConditionals--;
        expectOperand = true;
        continue;
      }
      if (kBinaryOperators.has(value)) {
        if (value === '?') openConditionals++;
        expectOperand = true;
        continue;
      }
      return j - 1;
    }
    if (type === 'template-open') {  // tagged template
      if (match[j] === undefined) return -1;
      j = match[j];
      while (tokens[j].type === 'template-middle') {
        if (match[j] === undefined) return -1;
        j = match[j];
      }
      continue;
    }
    if (type === 'template') continue;
    if (type === 'name' && (value === 'in' || value === 'instanceof')) {
      expectOperand = true;
      continue;
    }
    return j - 1;  // the expression ends before this token
  }
  return expectOperand ? -1 : j - 1;
}

// [start token index, closing ")" index] of every call in the tokens.
function callRanges(tokens, match) {
  const calls = [];
  for (let i = 1; i < tokens.length; i++) {
    if (!isPunct(tokens[i], '(') || match[i] === undefined) continue;
    // `name(params) {` and `(params) =>` define functions.
    const after = tokens[match[i] + 1];
    if (isPunct(after, '{') || isPunct(after, '=>')) continue;
    const first = calleeStart(tokens, match, i - 1);
    if (first !== -1) calls.push([first, match[i]]);
  }
  return calls;
}

// Returns [start, end] (offsets into `code`) of the call expression the assertion at `offset`
// is reported for, or undefined when node's search would not find one.
function findCallExpression(code, lineStart, offset) {
  const { tokens, match } = readTokens(code, lineStart, offset);
  const calls = callRanges(tokens, match);
  for (let i = 0; i < tokens.length && tokens[i].start <= offset; i++) {
    const last = expressionEnd(tokens, match, i);
    if (last === -1) continue;
    // The innermost call of this expression that holds the position.
    let best;
    for (const [first, close] of calls) {
      if (first < i || close > last) continue;
      const start = tokens[first].start;
      const end = tokens[close].end;
      if (start <= offset && offset <= end &&
          (best === undefined || end - start < best[1] - best[0])) {
        best = [start, end];
      }
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

module.exports = { findCallExpression };
