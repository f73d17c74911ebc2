'use strict';
// Console methods writing to fake streams (objects with only a write() method).
const assert = require('assert');
const { Console } = require('console');

// A minimal writable: write() plus the event methods a console uses to swallow errors.
function fakeStream(write) {
  return { write, on() {}, once() {}, removeListener() {}, listenerCount() { return 0; } };
}

function makeConsole(options = {}) {
  const out = [];
  const err = [];
  const stdout = fakeStream((s) => { out.push(s); return true; });
  const stderr = fakeStream((s) => { err.push(s); return true; });
  const c = new Console({ stdout, stderr, ...options });
  return { c, out, err };
}

// log / info / debug / dirxml go to stdout, warn / error to stderr.
{
  const { c, out, err } = makeConsole();
  c.log('hello %s', 'world', { a: 1 });
  c.info('i');
  c.debug('d');
  c.dirxml('x', 1);
  c.log();
  c.warn('w');
  c.error('e %d', 5);
  assert.deepStrictEqual(out, ['hello world { a: 1 }\n', 'i\n', 'd\n', 'x 1\n', '\n']);
  assert.deepStrictEqual(err, ['w\n', 'e 5\n']);
}

// dir ignores custom inspection and takes inspect options.
{
  const { c, out } = makeConsole();
  c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
  c.dir({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'X'; } });
  assert.deepStrictEqual(out, [
    '{ a: [Object] }\n',
    '{\n  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]\n}\n',
  ]);
}

// group / groupCollapsed / groupEnd indent by two spaces, including every line.
{
  const { c, out, err } = makeConsole();
  c.group('G');
  c.log('in\nmulti');
  c.group();
  c.warn('deeper');
  c.groupEnd();
  c.groupCollapsed('GC', 2);
  c.groupEnd();
  c.groupEnd();
  c.groupEnd();
  c.log('out');
  assert.deepStrictEqual(out, ['G\n', '  in\n  multi\n', '  GC 2\n', 'out\n']);
  assert.deepStrictEqual(err, ['    deeper\n']);
}

// groupIndentation option; stderr defaults to stdout.
{
  const { c, out } = makeConsole({ stderr: undefined, groupIndentation: 4 });
  c.group('g4');
  c.log('x\ny');
  c.error('err');
  assert.deepStrictEqual(out, ['g4\n', '    x\n    y\n', '    err\n']);
}

// count / countReset.
{
  const { c, out } = makeConsole();
  c.count();
  c.count();
  c.count('x');
  c.count({ toString() { return 'obj'; } });
  c.countReset();
  c.count();
  assert.deepStrictEqual(out, ['default: 1\n', 'default: 2\n', 'x: 1\n', 'obj: 1\n',
                               'default: 1\n']);
}

// assert writes "Assertion failed" to stderr when the value is falsy.
{
  const { c, out, err } = makeConsole();
  c.assert(true, 'not printed');
  c.assert(false, 'msg %s', 'fmt');
  c.assert(false);
  c.assert(0, { a: 1 });
  c.assert(null, 'a', 'b');
  assert.deepStrictEqual(out, []);
  assert.deepStrictEqual(err, ['Assertion failed: msg fmt\n', 'Assertion failed\n',
                               'Assertion failed: [object Object]\n', 'Assertion failed: a b\n']);
}

// trace prints "Trace: message" and the stack to stderr.
{
  const { c, err } = makeConsole();
  function tracer() { c.trace('traced %d', 42); }
  tracer();
  assert.strictEqual(err.length, 1);
  const lines = err[0].split('\n');
  assert.strictEqual(lines[0], 'Trace: traced 42');
  assert.match(lines[1], /^ {4}at tracer /);
  assert.ok(err[0].endsWith('\n'));
}

// time / timeLog / timeEnd print "label: <duration>".
{
  const { c, out } = makeConsole();
  c.time('t');
  c.timeLog('t', 'data', { x: 1 });
  c.timeEnd('t');
  c.time();
  c.timeEnd();
  assert.strictEqual(out.length, 3);
  assert.match(out[0], /^t: \d+(\.\d{1,3})?ms data \{ x: 1 \}\n$/);
  assert.match(out[1], /^t: \d+(\.\d{1,3})?ms\n$/);
  assert.match(out[2], /^default: \d+(\.\d{1,3})?ms\n$/);
}

// Warnings for unknown or duplicate labels.
{
  const warnings = [];
  const onWarning = (w) => {
    if (/label|Count for/i.test(w.message)) warnings.push(w.message);
  };
  process.on('warning', onWarning);
  const { c, out } = makeConsole();
  c.timeEnd('nope');
  c.timeLog('nope');
  c.countReset('nope');
  c.time('dup');
  c.time('dup');
  assert.deepStrictEqual(out, []);
  setImmediate(() => {
    process.removeListener('warning', onWarning);
    assert.deepStrictEqual(warnings, [
      "No such label 'nope' for console.timeEnd()",
      "No such label 'nope' for console.timeLog()",
      "Count for 'nope' does not exist",
      "Label 'dup' already exists for console.time()",
    ]);
  });
}

// table.
{
  const { c, out } = makeConsole();
  c.table([{ a: 1, b: 'x' }, { a: 22, c: { d: 1 } }]);
  c.table(new Map([['k', { v: 1 }]]));
  c.table([1, 'two', [3]]);
  c.table({ x: { y: 1 } }, ['y', 'z']);
  c.table(new Set([1, 2]).values());
  c.table('str');
  c.table([{ a: 1 }, 'prim', { b: [1, 2, 3, 4, 5] }]);
  c.table([]);
  c.table([{ 中文: '値' }]);
  assert.deepStrictEqual(out, [
    '┌─────────┬────┬─────┬──────────┐\n' +
    '│ (index) │ a  │ b   │ c        │\n' +
    '├─────────┼────┼─────┼──────────┤\n' +
    "│ 0       │ 1  │ 'x' │          │\n" +
    '│ 1       │ 22 │     │ { d: 1 } │\n' +
    '└─────────┴────┴─────┴──────────┘\n',
    '┌───────────────────┬─────┬──────────┐\n' +
    '│ (iteration index) │ Key │ Values   │\n' +
    '├───────────────────┼─────┼──────────┤\n' +
    "│ 0                 │ 'k' │ { v: 1 } │\n" +
    '└───────────────────┴─────┴──────────┘\n',
    '┌─────────┬───┬────────┐\n' +
    '│ (index) │ 0 │ Values │\n' +
    '├─────────┼───┼────────┤\n' +
    '│ 0       │   │ 1      │\n' +
    "│ 1       │   │ 'two'  │\n" +
    '│ 2       │ 3 │        │\n' +
    '└─────────┴───┴────────┘\n',
    '┌─────────┬───┬───┐\n' +
    '│ (index) │ y │ z │\n' +
    '├─────────┼───┼───┤\n' +
    '│ x       │ 1 │   │\n' +
    '└─────────┴───┴───┘\n',
    '┌───────────────────┬────────┐\n' +
    '│ (iteration index) │ Values │\n' +
    '├───────────────────┼────────┤\n' +
    '│ 0                 │ 1      │\n' +
    '│ 1                 │ 2      │\n' +
    '└───────────────────┴────────┘\n',
    'str\n',
    '┌─────────┬───┬───────────────────────────────┬────────┐\n' +
    '│ (index) │ a │ b                             │ Values │\n' +
    '├─────────┼───┼───────────────────────────────┼────────┤\n' +
    '│ 0       │ 1 │                               │        │\n' +
    "│ 1       │   │                               │ 'prim' │\n" +
    '│ 2       │   │ [ 1, 2, 3, ... 2 more items ] │        │\n' +
    '└─────────┴───┴───────────────────────────────┴────────┘\n',
    '┌─────────┐\n' +
    '│ (index) │\n' +
    '├─────────┤\n' +
    '└─────────┘\n',
    '┌─────────┬──────┐\n' +
    '│ (index) │ 中文 │\n' +
    '├─────────┼──────┤\n' +
    "│ 0       │ '値' │\n" +
    '└─────────┴──────┘\n',
  ]);
}

// colorMode and inspectOptions.
{
  const { c, out } = makeConsole({ colorMode: true });
  c.log({ a: 1 }, 'plain', 5);
  const { c: c2, out: out2 } = makeConsole({ inspectOptions: { depth: 0 } });
  c2.log({ a: { b: 1 } });
  assert.deepStrictEqual(out, ['{ a: \u001b[33m1\u001b[39m } plain \u001b[33m5\u001b[39m\n']);
  assert.deepStrictEqual(out2, ['{ a: [Object] }\n']);
}

// Positional constructor arguments, calling without new, bound methods, instanceof.
{
  const out = [];
  const err = [];
  const c = Console(fakeStream((s) => out.push(s)), fakeStream((s) => err.push(s)));
  const { log, error } = c;
  log('bound');
  error('bound err');
  assert.deepStrictEqual(out, ['bound\n']);
  assert.deepStrictEqual(err, ['bound err\n']);
  assert.ok(c instanceof Console);
  assert.strictEqual(c.log.name, 'log');
  assert.strictEqual(Object.prototype.toString.call(c), '[object console]');
  assert.deepStrictEqual(Object.keys(c), [
    'log', 'warn', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert', 'clear', 'count',
    'countReset', 'group', 'groupEnd', 'table', 'debug', 'info', 'dirxml', 'error',
    'groupCollapsed',
  ]);
}

// Write errors are swallowed unless ignoreErrors is false.
{
  const throwing = fakeStream(() => { throw new Error('write failed'); });
  const c = new Console({ stdout: throwing });
  c.log('ignored');
  const strict = new Console({ stdout: throwing, ignoreErrors: false });
  assert.throws(() => strict.log('thrown'), /write failed/);
}

// clear does nothing on a non-TTY stream.
{
  const { c, out } = makeConsole();
  c.clear();
  assert.deepStrictEqual(out, []);
}

// The global console (what require('console') returns) is not constructed by Console, yet
// is an instance of it.
const globalConsole = require('console');
assert.ok(globalConsole instanceof Console);
assert.strictEqual(globalConsole.Console, Console);
for (const name of ['log', 'warn', 'error', 'info', 'debug', 'table', 'time', 'timeEnd',
                    'group', 'groupEnd', 'count', 'assert', 'trace', 'dir', 'profile',
                    'profileEnd', 'timeStamp', 'context', 'createTask']) {
  assert.strictEqual(typeof globalConsole[name], 'function', name);
}
