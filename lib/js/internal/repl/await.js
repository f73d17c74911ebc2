'use strict';
// Top-level await in the REPL: input that only compiles inside an async function is run as
//
//   <hoisted declarations> (async () => { <body>; return { value: (<last expression>) } })()
//
// Top-level var/let/const/class bindings are declared outside the function (const becomes
// let, so that the later assignment works) and assigned inside it; function declarations
// move out whole. So `const x = await f()` leaves `x` defined for the next inputs, and the
// REPL prints the value of the last expression once the promise settles.

const { scan } = require('internal/repl/scanner');

// Statement keywords: a statement starting with one of these is not an expression.
const kStatementWords = new Set([
  'var', 'let', 'const', 'function', 'class', 'if', 'for', 'while', 'do', 'try', 'switch',
  'return', 'throw', 'break', 'continue', 'import', 'export', 'else', 'catch', 'finally',
  'debugger', 'with',
]);

// Tokens that cannot end an expression: after one, a newline does not end the statement.
function endsExpression(token) {
  if (token.type === 'punct') {
    return token.value === ')' || token.value === ']' || token.value === '}' ||
           token.value === '++' || token.value === '--';
  }
  if (token.type === 'template') return token.value.endsWith('`');
  return true;
}

// Tokens that continue the previous line's expression.
function continuesExpression(token) {
  if (token.type === 'template') return true;
  if (token.type === 'name') return token.value === 'in' || token.value === 'instanceof';
  if (token.type !== 'punct') return false;
  return !['{', '}', '++', '--', '!', '~', ';'].includes(token.value);
}

function isBlockStatementStart(tokens, at) {
  const t = tokens[at];
  if (t.type === 'punct') return t.value === '{';
  if (t.type !== 'name') return false;
  if (t.value === 'async') {
    const next = tokens[at + 1];
    return next !== undefined && next.value === 'function' && !next.newlineBefore;
  }
  return ['function', 'class', 'if', 'for', 'while', 'try', 'switch', 'do'].includes(t.value);
}

// Splits the depth-0 tokens into statements: [first, last] token index pairs.
function splitStatements(tokens) {
  const statements = [];
  let first = -1;
  let blockLike = false;
  function end(last) {
    if (first !== -1) statements.push([first, last]);
    first = -1;
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.depth !== 0) continue;
    if (first !== -1 && t.newlineBefore && !blockLike) {
      const prev = prevAtDepth0(tokens, k);
      if (prev !== null && endsExpression(prev) && !continuesExpression(t)) end(k - 1);
    }
    if (first === -1) {
      if (t.type === 'punct' && t.value === ';') continue;
      first = k;
      blockLike = isBlockStatementStart(tokens, k);
    }
    if (t.type === 'punct' && t.value === ';') {
      end(k);
    } else if (blockLike && t.type === 'punct' && t.value === '}') {
      // A declaration or compound statement ends with its block, unless the statement goes on
      // (else, catch, finally, do's while).
      const next = nextAtDepth0(tokens, k);
      if (next === null || !['else', 'catch', 'finally', 'while'].includes(next.value)) {
        end(k);
      }
    }
  }
  end(lastDepth0(tokens));
  return statements;
}

function prevAtDepth0(tokens, k) {
  for (let j = k - 1; j >= 0; j--) if (tokens[j].depth === 0) return tokens[j];
  return null;
}

function nextAtDepth0(tokens, k) {
  for (let j = k + 1; j < tokens.length; j++) if (tokens[j].depth === 0) return tokens[j];
  return null;
}

function lastDepth0(tokens) {
  for (let j = tokens.length - 1; j >= 0; j--) if (tokens[j].depth === 0) return j;
  return -1;
}

// The names a binding pattern (tokens from..to) declares.
function patternNames(tokens, from, to) {
  const names = [];
  const base = tokens[from].depth;
  let skipDefault = -1;  // depth at which a default value is being skipped
  for (let k = from; k <= to; k++) {
    const t = tokens[k];
    if (skipDefault !== -1) {
      if (t.depth === skipDefault && t.type === 'punct' &&
          (t.value === ',' || t.value === '}' || t.value === ']')) {
        skipDefault = -1;
      } else if (t.depth < skipDefault) {
        skipDefault = -1;
      } else {
        continue;
      }
    }
    if (t.type === 'punct' && t.value === '=' && t.depth > base) {
      skipDefault = t.depth;
      continue;
    }
    if (t.type !== 'name') continue;
    const next = tokens[k + 1];
    if (next === undefined || k === to) {
      names.push(t.value);
    } else if (next.type === 'punct' && [',', '}', ']', '='].includes(next.value)) {
      names.push(t.value);
    }
  }
  return names;
}

// Splits tokens from..to at the commas of their own depth.
function splitAtCommas(tokens, from, to) {
  const parts = [];
  const depth = tokens[from].depth;
  let start = from;
  for (let k = from; k <= to; k++) {
    const t = tokens[k];
    if (t.depth === depth && t.type === 'punct' && t.value === ',') {
      parts.push([start, k - 1]);
      start = k + 1;
    }
  }
  if (start <= to) parts.push([start, to]);
  return parts;
}

function isDeclaration(tokens, first, last) {
  const t = tokens[first];
  if (t.type !== 'name' || first === last) return false;
  if (t.value === 'var' || t.value === 'const') return true;
  if (t.value !== 'let') return false;
  const next = tokens[first + 1];
  return next.type === 'name' || next.value === '[' || next.value === '{';
}

// Returns the rewritten source, or null when the input has nothing to rewrite.
function rewriteTopLevelAwait(source) {
  const { tokens, open, unterminated, mismatched } = scan(source);
  if (open.length > 0 || unterminated !== null || mismatched) return null;
  if (!tokens.some((t) => t.type === 'name' && t.value === 'await')) return null;
  const statements = splitStatements(tokens);
  if (statements.length === 0) return null;

  const hoistedVar = [];
  const hoistedLet = [];
  const hoistedFunctions = [];
  const body = [];
  const text = (from, to) => source.slice(tokens[from].start, tokens[to].end);

  statements.forEach(([first, last], index) => {
    let end = last;
    if (tokens[end].value === ';' && end > first) end--;
    const t = tokens[first];
    if (isDeclaration(tokens, first, end)) {
      const hoisted = t.value === 'var' ? hoistedVar : hoistedLet;
      for (const [from, to] of splitAtCommas(tokens, first + 1, end)) {
        let eq = -1;
        for (let k = from; k <= to; k++) {
          if (tokens[k].depth === tokens[from].depth && tokens[k].value === '=') {
            eq = k;
            break;
          }
        }
        const patternEnd = eq === -1 ? to : eq - 1;
        hoisted.push(...patternNames(tokens, from, patternEnd));
        if (eq !== -1 && eq < to) {
          body.push(`void (${text(from, patternEnd)} = ${text(eq + 1, to)});`);
        }
      }
      return;
    }
    if (t.value === 'function' ||
        (t.value === 'async' && tokens[first + 1] && tokens[first + 1].value === 'function')) {
      hoistedFunctions.push(text(first, last));
      return;
    }
    if (t.value === 'class' && tokens[first + 1] && tokens[first + 1].type === 'name') {
      hoistedLet.push(tokens[first + 1].value);
      body.push(`${tokens[first + 1].value} = ${text(first, last)};`);
      return;
    }
    const isLast = index === statements.length - 1;
    const isExpression = !(t.type === 'name' && kStatementWords.has(t.value)) &&
      !(t.type === 'punct' && t.value === '{') &&
      !(t.type === 'name' && tokens[first + 1] && tokens[first + 1].value === ':');
    if (isLast && isExpression) {
      body.push(`return { value: (${text(first, end)}\n) };`);
    } else {
      body.push(text(first, last));
    }
  });

  let outer = '';
  if (hoistedVar.length > 0) outer += `var ${hoistedVar.join(', ')}; `;
  if (hoistedLet.length > 0) outer += `let ${hoistedLet.join(', ')}; `;
  for (const fn of hoistedFunctions) outer += `${fn}\n`;
  return `${outer}(async () => { ${body.join('\n')}\n})()`;
}

module.exports = { rewriteTopLevelAwait };
