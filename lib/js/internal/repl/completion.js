'use strict';
// The REPL's completer: dot commands, module names inside require('/import(', properties after
// `expr.`, and global names and keywords. The answer is [candidates, completeOn]; candidates
// come in groups separated by '' (nearest object first for globals, prototypes first for
// properties, as node lists them), matched case-insensitively.

const { BuiltinModule } = require('internal/bootstrap/realm');
const { CompiledScript } = internalBinding('contextify');
const { nextReplResourceName } = require('internal/repl/resource_name');

const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'export', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'let', 'new', 'null', 'return', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield',
];

const kRequireCall = /(?:^|[^\w$.])(?:require|import)\s*\(\s*(['"`])([^'"`]*)$/;
const kCommand = /^\s*\.(\w*)$/;
const kIdentifier = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

function matches(name, filter) {
  return name.toLowerCase().startsWith(filter.toLowerCase());
}

// Names worth offering: identifiers, not the legacy __defineGetter__-style accessors.
function ownNames(object) {
  let names;
  try {
    names = Object.getOwnPropertyNames(object);
  } catch {
    return [];
  }
  return names.filter((name) => kIdentifier.test(name) &&
    (name === '__proto__' || !(name.startsWith('__') && name.endsWith('__'))));
}

// Filters, sorts and drops names already offered by an earlier group; '' between groups.
function joinGroups(groups, filter) {
  const seen = new Set();
  const kept = [];
  for (const group of groups) {
    const names = [];
    for (const name of group) {
      if (!matches(name, filter) || seen.has(name)) continue;
      seen.add(name);
      names.push(name);
    }
    kept.push(names.sort());
  }
  return kept;
}

function flatten(groups, prefix) {
  const out = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    if (out.length > 0) out.push('');
    for (const name of group) out.push(prefix + name);
  }
  return out;
}

// Builtin module names for require('/import(': the node:-prefixed names (scheme-only ones
// included), then repl.builtinModules as it is now (a program may add names to it).
function completeModules(partial) {
  const names = BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList()
    .filter((name) => !name.startsWith('_'));
  const schemed = [...names, ...BuiltinModule.getSchemeOnlyModuleNames()]
    .map((name) => `node:${name}`);
  const listed = require('repl').builtinModules;
  const groups = [
    schemed.filter((name) => name.startsWith(partial)).sort(),
    listed.filter((name) => name.startsWith(partial)).sort(),
  ];
  return [flatten(groups, ''), partial];
}

// The member expression the line ends with: [object expression, '.' or '?.', partial name],
// or null when the line does not end with `expr.name`.
function splitMemberExpression(line) {
  const partial = /[\p{ID_Continue}$\u200c\u200d]*$/u.exec(line)[0];
  let end = line.length - partial.length;
  let dot;
  if (line.endsWith('?.', end)) dot = '?.';
  else if (line.endsWith('.', end)) dot = '.';
  else return null;
  end -= dot.length;
  let i = end;
  const closers = [];
  while (i > 0) {
    const ch = line[i - 1];
    if (closers.length > 0) {
      if (ch === ')' || ch === ']' || ch === '}') closers.push(ch);
      else if ('([{'.includes(ch)) closers.pop();
      i--;
      continue;
    }
    if (/[\p{ID_Continue}$\u200c\u200d]/u.test(ch)) {
      i--;
    } else if (ch === '.') {
      i--;
    } else if (ch === '?' && line[i] === '.') {
      i--;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      closers.push(ch);
      i--;
    } else if (ch === '\'' || ch === '"' || ch === '`') {
      const open = line.lastIndexOf(ch, i - 2);
      if (open === -1) return null;
      i = open;
    } else {
      break;
    }
  }
  if (closers.length > 0) return null;
  const expression = line.slice(i, end);
  if (expression === '') return null;
  return { expression, dot, partial };
}

// Reads the value of a side-effect-free expression in the REPL's context (no calls, no
// assignments), or undefined.
function evaluateQuietly(server, expression, cb) {
  if (/[\p{ID_Continue}$)\]]\s*\(|=|\+\+|--/u.test(expression)) {
    cb(undefined);
    return;
  }
  let script;
  try {
    script = new CompiledScript(`(${expression})`, nextReplResourceName(), 0, 0, undefined,
                                false, 0);
  } catch {
    cb(undefined);
    return;
  }
  let value;
  try {
    const sandbox = server.useGlobal && server.context === globalThis ? null : server.context;
    value = script.run(sandbox, -1, false, [false]);
  } catch {
    value = undefined;
  }
  // Outside the try: an error thrown by the completion callback is the caller's.
  cb(value);
}

function memberGroups(value) {
  const groups = [];
  let object = value;
  if (object === null || object === undefined) return groups;
  if (typeof object !== 'object' && typeof object !== 'function') object = Object(object);
  const seen = new Set();
  while (object !== null && !seen.has(object)) {
    seen.add(object);
    groups.push(ownNames(object));
    try {
      object = Object.getPrototypeOf(object);
    } catch {
      break;
    }
  }
  return groups;
}

// The names visible at the top level of the REPL: the context's own names (with the built-in
// globals of a vm context) and those along its global object's prototype chain.
function globalGroups(server) {
  const context = server.context;
  if (server.useGlobal || context === globalThis) return memberGroups(globalThis);
  const own = new Set(ownNames(context));
  let protos = [];
  try {
    const script = new CompiledScript(
      '(() => { const names = [Object.getOwnPropertyNames(globalThis)]; ' +
      'let p = Object.getPrototypeOf(globalThis); ' +
      'while (p !== null) { names.push(Object.getOwnPropertyNames(p)); ' +
      'p = Object.getPrototypeOf(p); } return names; })()',
      'repl', 0, 0, undefined, false, 0);
    const [globals, ...chain] = script.run(context, -1, false, [false]);
    for (const name of globals) own.add(name);
    protos = chain.map((names) => names.filter((name) => kIdentifier.test(name) &&
      (name === '__proto__' || !(name.startsWith('__') && name.endsWith('__')))));
  } catch {
    // A context whose globals cannot be listed offers its own names only.
  }
  return [[...own].filter((name) => kIdentifier.test(name)), ...protos];
}

function complete(server, line, callback) {
  let match;
  if (server.editorMode === false && (match = kCommand.exec(line)) !== null) {
    const names = Object.keys(server.commands).filter((name) => name.startsWith(match[1]));
    callback(null, [names.sort(), match[1]]);
    return;
  }
  if ((match = kRequireCall.exec(line)) !== null) {
    callback(null, completeModules(match[2]));
    return;
  }
  const member = splitMemberExpression(line);
  if (member !== null) {
    evaluateQuietly(server, member.expression, (value) => {
      const groups = joinGroups(memberGroups(value), member.partial).reverse();
      const completeOn = `${member.expression}${member.dot}${member.partial}`;
      callback(null, [flatten(groups, `${member.expression}${member.dot}`), completeOn]);
    });
    return;
  }
  const filter = /[\p{ID_Continue}$\u200c\u200d]*$/u.exec(line)[0];
  const groups = [];
  if (filter !== '') groups.push(kKeywords);
  groups.push(...globalGroups(server));
  callback(null, [flatten(joinGroups(groups, filter), ''), filter]);
}

module.exports = { complete };
