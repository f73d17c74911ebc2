'use strict';
// Differential test: lib/js/path (loaded through the node harness) against node's own path.
//   node --expose-internals test/js/tools/diff-path.js [iterations] [seed]
// Also checks every case of test/js/test-path-table.js (so the embedded expectations and our
// implementation agree) and prints the first mismatches found. Exit code 1 on any mismatch.
//   node test/js/tools/diff-path.js --gen > test/js/test-path-table.js
// regenerates the table test (expected values computed by node, cwd-independent cases only).
const nodePath = require('path');
const ours = process.argv[2] === '--gen' ? null : require('./node-harness.js').requireBuiltin('path');

const iterations = Number(process.argv[2]) || 200000;
let seed = Number(process.argv[3] || 12345);
function rand() {
  // xorshift32: reproducible runs from a seed.
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
function pick(a) { return a[Math.floor(rand() * a.length)]; }

const tokens = [
  'a', 'b', 'foo', 'bar.js', '.', '..', '...', '.x', 'x.', 'x..y', '/', '/', '/', '\\', '\\',
  '//', '\\\\', 'C:', 'c:', 'z:', 'C:\\', 'c:/', '1:', ':', '::', 'CON', 'CON:', 'con:', 'NUL:',
  'COM1:', 'COM0:', 'LPT\u00b9:', 'AUX:', 'server', 'share', '?', '\\\\?\\', '\\\\.\\', ' ',
  'UNC', 'ext', '.ext', 'file.tar.gz', '\u00e9', 'Foo', 'FOO', 'İ',
];
function randPath() {
  const n = Math.floor(rand() * 6);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(tokens);
  return s;
}
function randArg() {
  const r = rand();
  if (r < 0.01) return pick([1, null, undefined, {}, true]);
  return randPath();
}

if (process.argv[2] === '--gen') {
  generateTable();
  process.exit(0);
}

function run(fn) {
  try {
    return { v: fn() };
  } catch (e) {
    return { e: `${e.name}|${e.code}|${e.message}` };
  }
}
function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

let failures = 0;
function check(desc, fnNode, fnOurs) {
  const a = run(fnNode);
  const b = run(fnOurs);
  if (!same(a, b)) {
    failures++;
    if (failures <= 40) console.log(`MISMATCH ${desc}\n  node: ${JSON.stringify(a)}\n  ours: ${JSON.stringify(b)}`);
  }
}

const flavours = [['posix', nodePath.posix, ours.posix], ['win32', nodePath.win32, ours.win32]];
const fmtKeys = ['root', 'dir', 'base', 'ext', 'name'];

for (let it = 0; it < iterations; it++) {
  for (const [name, N, O] of flavours) {
    const p = randArg();
    const q = randArg();
    const args = [];
    const nargs = Math.floor(rand() * 4);
    for (let i = 0; i < nargs; i++) args.push(randArg());
    const d = (f, ...a) => `${name}.${f}(${a.map((x) => JSON.stringify(x)).join(', ')})`;
    check(d('normalize', p), () => N.normalize(p), () => O.normalize(p));
    check(d('isAbsolute', p), () => N.isAbsolute(p), () => O.isAbsolute(p));
    check(d('dirname', p), () => N.dirname(p), () => O.dirname(p));
    check(d('basename', p), () => N.basename(p), () => O.basename(p));
    check(d('basename', p, q), () => N.basename(p, q), () => O.basename(p, q));
    if (typeof p === 'string' && p.length > 1) {
      const suf = p.slice(Math.floor(rand() * p.length));
      check(d('basename', p, suf), () => N.basename(p, suf), () => O.basename(p, suf));
    }
    check(d('extname', p), () => N.extname(p), () => O.extname(p));
    check(d('parse', p), () => N.parse(p), () => O.parse(p));
    check(d('toNamespacedPath', p), () => N.toNamespacedPath(p), () => O.toNamespacedPath(p));
    check(d('join', ...args), () => N.join(...args), () => O.join(...args));
    check(d('resolve', ...args), () => N.resolve(...args), () => O.resolve(...args));
    check(d('relative', p, q), () => N.relative(p, q), () => O.relative(p, q));
    const obj = {};
    for (const k of fmtKeys) if (rand() < 0.5) obj[k] = rand() < 0.1 ? pick([undefined, '', 1]) : randPath();
    check(d('format', obj), () => N.format(obj), () => O.format(obj));
  }
}

// Shape checks.
check('keys', () => Object.keys(nodePath), () => Object.keys(ours));
check('win32 keys', () => Object.keys(nodePath.win32), () => Object.keys(ours.win32));
check('format non-object', () => nodePath.format(null), () => ours.format(null));
check('format array', () => nodePath.format([]), () => ours.format([]));

// The embedded table of the test file must agree with our implementation too.
let table = [];
try { table = require('../test-path-table.js').cases; } catch (e) { if (e.code !== 'MODULE_NOT_FOUND') throw e; }
for (const [flavour, fn, args, expected] of table) {
  const f = flavour === 'posix' ? ours.posix : ours.win32;
  check(`table ${flavour}.${fn}(${JSON.stringify(args)})`, () => expected, () => f[fn](...args));
}

console.log(`${failures} mismatches (${iterations} iterations, ${table.length} table cases)`);
process.exitCode = failures ? 1 : 0;

function generateTable() {
  const fs = require('fs');
  const os = require('os');
  const P = nodePath;
  const inputs = [
    '', '.', '..', '...', '/', '//', '///', '\\', '\\\\', 'a', 'a/', 'a//', '/a', '/a/', '//a',
    'a/b', 'a/b/', 'a//b', 'a/./b', 'a/../b', 'a/b/..', 'a/b/../..', 'a/b/../../..', '../a',
    '../../a/b', './a', './', './/', '/..', '/../a', '/./a/.', '/a/b/c/../../d', 'a/b/c/./../d/',
    'file.js', 'file.tar.gz', '.bashrc', '.bashrc.bak', 'a/.b', 'a/b.', 'a/b..', 'a/..b', 'x.',
    '..x', 'a/...', '/a/b.c/d', '/a/b.c/d.e.f', 'a.b/c', 'dir/file.ext/', 'dir/file.ext//',
    '/foo/bar/baz/asdf/quux.html', '/home/user/dir/file.txt', 'C:', 'C:\\', 'C:/', 'c:\\a',
    'C:\\a\\b', 'C:a', 'C:a\\b', 'c:..\\a', 'C:\\a\\..\\..\\b', 'C:\\temp\\\\foo\\bar\\..\\',
    'C:\\foo\\..\\..\\..', 'c:/ignore', 'c:\\foo\\bar', 'D:\\dir\\file.txt', 'd:file.txt',
    '\\a\\b', '/a\\b', 'a\\b\\c', 'a\\..\\b', '\\\\server', '\\\\server\\', '\\\\server\\share',
    '\\\\server\\share\\', '\\\\server\\share\\dir\\file.txt', '//server/share/dir', '\\\\\\a',
    '\\\\?\\C:\\dir\\file', '\\\\.\\COM1', '\\\\.\\pipe\\name', '\\\\?\\UNC\\server\\share',
    '\\\\?\\', '\\\\.\\', 'CON', 'CON:', 'CON:x', 'con:..\\x', 'NUL:a\\b', 'COM1:', 'LPT1:x',
    'AUX', 'AUXx', 'COM0:', 'a:b:c', 'foo:bar', 'x/C:foo', 'x:\\y', '1:\\x', ':', 'file:stream',
    'a/b/c.d/e.f', 'é/ü.txt', 'İ/ß', ' ', ' a ', 'a b/c d.e',
  ];
  const funcs1 = ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath'];
  const cases = [];
  const seen = new Set();
  const deep1 = fs.mkdtempSync(`${os.tmpdir()}/pt-`);
  const deep2 = `${deep1}/q/r/s/t/u/v/w`;
  fs.mkdirSync(deep2, { recursive: true });
  const cwds = [process.cwd(), '/', deep1, deep2];
  function add(flavour, fn, args) {
    const f = P[flavour];
    const results = cwds.map((d) => {
      process.chdir(d);
      try {
        return JSON.stringify(f[fn](...args));
      } catch {
        return null;
      }
    });
    process.chdir(cwds[0]);
    if (results[0] === null || results.some((r) => r !== results[0])) return; // cwd-dependent
    const key = JSON.stringify([flavour, fn, args]);
    if (seen.has(key)) return;
    seen.add(key);
    cases.push([flavour, fn, args, JSON.parse(results[0])]);
  }
  for (const flavour of ['posix', 'win32']) {
    for (const p of inputs) {
      for (const fn of funcs1) add(flavour, fn, [p]);
      add(flavour, 'join', [p, 'x']);
      add(flavour, 'join', ['x', p]);
      add(flavour, 'join', [p, '..', p]);
      add(flavour, 'resolve', [flavour === 'posix' ? '/r' : 'C:\\r', p]);
      add(flavour, 'resolve', [flavour === 'posix' ? '/r/s' : 'c:\\r\\s', p, 'x']);
      add(flavour, 'relative', [flavour === 'posix' ? '/r/s' : 'C:\\r\\s', p]);
      add(flavour, 'relative', [p, flavour === 'posix' ? '/r/s/t' : 'c:\\R\\s\\t']);
      for (const ext of ['.js', 'x', '.txt', 'b', p]) add(flavour, 'basename', [p, ext]);
    }
    const objs = [
      { root: '/', dir: '/', base: 'a' }, { dir: 'x', name: 'n', ext: '.e' }, { dir: 'x', name: 'n', ext: 'e' },
      { root: 'C:\\', base: 'f.t' }, { root: 'C:\\', dir: 'C:\\d', name: 'f', ext: '.t' }, { name: 'n' },
      { ext: '.e' }, {}, { base: 'b', name: 'ignored', ext: '.x' }, { root: '/', name: 'x', ext: '' },
      { dir: 'a/b', base: '' }, { dir: '', root: 'r' },
    ];
    for (const o of objs) add(flavour, 'format', [o]);
  }
  // Fixed-seed random inputs from the fuzzer's alphabet.
  seed = 4242;
  for (let i = 0; i < 150; i++) {
    const p = randPath();
    const q = randPath();
    for (const flavour of ['posix', 'win32']) {
      for (const fn of funcs1) add(flavour, fn, [p]);
      add(flavour, 'join', [p, q]);
      add(flavour, 'resolve', [flavour === 'posix' ? '/z' : 'C:\\z', p, q]);
      add(flavour, 'relative', [p, q]);
    }
  }
  fs.rmSync(deep1, { recursive: true });
  let out = `'use strict';
// Table-driven checks of path.posix and path.win32. Expected values were computed by node
// v20's own path module (test/js/tools/diff-path.js --gen) and are cwd-independent.
// Run alone it asserts every case; required (by diff-path.js) it just exports the table.
const assert = require('assert');
const path = require('path');

const cases = [
`;
  for (const c of cases) out += `  ${JSON.stringify(c)},\n`;
  out += `];
module.exports = { cases };

if (require.main === module) {
  let n = 0;
  for (const [flavour, fn, args, expected] of cases) {
    const actual = path[flavour][fn](...args);
    assert.deepStrictEqual(actual, expected,
      \`path.\${flavour}.\${fn}(\${args.map((a) => JSON.stringify(a)).join(', ')})\`);
    n++;
  }
  assert.ok(n > 1000, 'table too small: ' + n);
}
`;
  fs.writeSync(1, out);
}
