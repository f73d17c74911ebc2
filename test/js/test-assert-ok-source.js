'use strict';
// assert(value) / assert.ok(value) without a message: the source text of the call, read from
// the caller's file ("The expression evaluated to a falsy value:\n\n  assert.ok(x === 1)\n"),
// and the "<value> == true" fallback when there is no file to read (-e, stdin, eval,
// new Function, a call from inside a builtin module).
const assert = require('assert');
const { ok } = assert;
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');
const EventEmitter = require('events');

let count = 0;
function report(e) {
  console.log(`#${count} [${e.operator}] generated=${e.generatedMessage} actual=${String(e.actual)} ` +
              `expected=${e.expected}\n${JSON.stringify(e.message)}`);
}
function show(fn) {
  count++;
  try {
    fn();
    console.log(`#${count} no throw`);
  } catch (e) {
    report(e);
  }
}

const x = 2;
show(() => assert.ok(x === 1));
show(() => assert(x === 1));
show(() => ok(x === 1));
show(() => assert.ok(null));
show(() => assert.strict.ok(0));
show(() => assert.strict(''));
show(() => assert.ok(typeof x === 'string' && x.length > 0));
show(() => { assert.ok(
  x === 3 &&
    x === 4,
  undefined); });
show(() => {
        assert.ok(x > 10 ||
                  x < 0);
});
show(() => assert.ok(false, undefined));
show(() => assert.ok(false, null));
show(() => { if (x) assert(x === 5); });
show(() => [1, 2].map((v) => v > 5).forEach((v) => assert(v)));
show(() => assert['ok'](x === 1));
show(() => (0, assert.ok)(x === 1));
show(() => assert.ok(/* comment */ x === 1 /* ) */));
show(() => assert.ok(')' === x));
show(() => assert.ok(`${x})` === 1));
show(() => assert.ok(`${`${x}`}(` === 1));
show(() => assert.ok(/\)/.test('(')));
show(() => assert.ok("\u0007" === x));
show(() => assert.ok("tab	x" === x));
show(() => assert.ok(x === 1), assert.ok(x === 2));
show(() => Reflect.apply(assert, null, [0]));
show(() => assert.ok.call(null, 0));
show(() => assert.ok.apply(null, [0]));
show(() => { function f() { assert.ok(x === 1); } f(); });
show(() => { const a = assert; a.ok(x === 1); });
show(() => assert.ok(function () { return x === 1; }()));
show(() => assert.ok(x === 1, ...[]));
show(() => assert.ok(...[0]));
show(() => assert?.ok(x === 1));
show(() => assert.ok?.(x === 1));
show(() => assert.ok(x === 'ä'));
show(() => assert.ok(x === '日本語'));
show(() => assert.ok(NaN));
show(() => assert.ok((() => false)()));
show(() => assert.ok([1, 2, 3].includes(x + 5)));
show(() => assert.ok({ a: 1 }.b));
show(() => { assert.ok(
  x === 9); });
show(() => {
	assert.ok(
		x === 9 &&
		true);
});
show(() => {
  const values = [
    assert(x === 7),
  ];
  return values;
});
show(() => { class C { m() { assert.ok(this.v); } } new C().m(); });
show(() => { const o = { m() { assert(o.missing); } }; o.m(); });
show(() => { assert.ok(x === 1); assert.ok(x === 2); });
// Keywords as property names.
const withKeywords = { delete: assert, catch: assert.ok, new: { if: assert } };
show(() => withKeywords.delete(0 > 1));
show(() => withKeywords.catch(0 > 1));
show(() => withKeywords.new.if(0 > 1));
show(() => withKeywords?.delete(0 > 1));
show(() => assert.ok(new Map().delete(1)));
// Where node's parser gives up, the fallback: a call ending a line inside an array or object
// literal is read as an unfinished comma sequence.
const y = 0;
show(() => ({
  a: assert(y),
}));
show(() => ({
  a: assert(y),
  b: 2,
}));
show(() => [
  assert.ok(y),
  1,
]);
show(() => foo(
  assert(y),
  2));
function foo() {}
show(() => y ? 1 : assert(y));
show(() => { return assert(y); });
show(() => { label: assert(y); });
show(() => { const z = assert(y) || 1; });
show(() => { let z; z = assert(y); });
show(() => { for (const v of [0]) assert(v); });
show(() => { switch (1) { case 1: assert(y); } });
show(() => { try { assert(y); } finally {} });
show(() => { do assert(y); while (false); });
show(() => { if (true) { assert(y) } else {} });
show(() => void assert(y));
show(() => typeof assert(y));
show(() => !assert(y));
show(() => { new Promise(() => {}); assert(y, undefined), 1; });
show(() => { assert(y)
});
show(() => { assert.ok(y,
) });
show(() => { foo(1,
  assert(y),
); });
show(() => { `${assert(y)}`; });
show(() => { foo`${assert(y)}`; });
show(() => { [1].map((v) => assert(y)) });
show(() => { [1].map(function (v) { assert(y); }) });
show(() => { class A { static m() { assert(y); } } A.m(); });
show(() => { const o = { get g() { return assert(y); } }; o.g; });
show(() => { y, assert(y); });
show(() => { const { a = assert(y) } = {}; });
show(() => { (function () { assert(y); }()); });
show(() => { assert(y) /* trailing */ ; });
show(() => { assert( // comment with )
  y); });
show(() => { assert(y ? 0 : 0); });
show(() => { assert(y ?? 0); });
show(() => { assert(y?.z); });
show(() => { assert(/[)]/.test('a')); });
show(() => { assert(y / 2 / 1); });
show(() => { assert('a' in {}); });
show(() => { assert({} instanceof Array); });
show(() => { assert(y, '');
});
show(() => {
  const arr = [1, 2];
  arr.forEach((v) => {
    assert(v > 5,
      undefined);
  });
});
show(() => {
  assert
    .ok(y);
});
show(() => {
  assert.ok
  (y);
});
show(() => { const s = 'assert(y)'; assert.ok(s === 1); });
show(() => { async function f() {} assert.ok(y); });
show(() => { assert.ok((async () => {}) && y && 0); });
show(() => { assert.ok(new Boolean(false) && y); });
show(() => { assert.ok(y, ...[undefined]); });
show(() => { assert.ok(Number('0x0')); });
show(() => { assert.ok(0.0e+0); });
show(() => { assert.ok(y === 1n); });
show(() => { assert.ok(y === .5); });
show(() => { assert.ok([y][0]); });
show(() => { assert.ok(y, `${1}`, `${2}`); });

show(() => eval('assert.ok(x === 1)'));
show(() => new Function('assert', 'assert.ok(1 === 2)')(assert));
show(() => [0].forEach(assert.ok));

// Called by a builtin: node never reads builtin sources from disk.
const emitter = new EventEmitter();
emitter.on('check', assert);
show(() => emitter.emit('check', false));

// Files: the first line, control characters, a module loaded by import(), the per-site cache.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assert-ok-source-'));
function load(name, source) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  show(() => require(file));
  return file;
}
load('first-line.js', "'use strict'; const ässört = require('assert'); ässört(true); ässört.ok(''); ässört(null);\n");
load('long-line.js', `'use strict'; /* ${'a'.repeat(3000)} */ require('assert').ok('');\n`);
load('control.js', "require('assert').ok('\x01\x08\x0b\x0c\x1f' === 5);\n");
load('template-control.js', "require('assert').ok(`a${'\x07'}` === 5);\n");
load('crlf.js', "const assert = require('assert');\r\nassert.ok(\r\n  false);\r\n");
load('shebang.js', "#!/usr/bin/env node\nrequire('assert')(0 > 1);\n");
load('deep.js', `${'\n'.repeat(200)}  require('assert').ok(0, undefined);\n`);
const cached = load('cached.js', "require('assert').ok(1 > 2);\n");
delete require.cache[cached];
load('cached.js', "require('assert').ok(3 > 4);\n");
delete require.cache[cached];
load('cached.js', "require('assert').ok(5 > 6, 'moved');\n");

// Without a file: -e and stdin.
function run(args, input) {
  const result = spawnSync(process.execPath, args, { input, encoding: 'utf8' });
  const line = result.stderr.split('\n').find((l) => l.startsWith('AssertionError'));
  console.log(`exit ${result.status}: ${line}`);
}
run(['-e', "require('assert').ok(1 === 2)"]);
run(['-e', "require('assert')(false)"]);
run(['-'], "require('assert').ok(1 === 2)");

(async () => {
  const file = path.join(dir, 'module.mjs');
  fs.writeFileSync(file, "import assert from 'node:assert';\nassert.ok(typeof 1 === 'string');\n");
  count++;
  try {
    await import(pathToFileURL(file));
  } catch (e) {
    report(e);
  }
  fs.rmSync(dir, { recursive: true, force: true });

  // The call site is found whatever the stack settings: no frames kept, a custom
  // prepareStackTrace (left in place), a read-only limit.
  Error.stackTraceLimit = 0;
  show(() => assert.ok(1 === 2));
  Error.stackTraceLimit = 10;
  Error.prepareStackTrace = (err, frames) => `custom stack of ${frames.length} frames`;
  show(() => assert.ok(1 === 3));
  console.log(typeof Error.prepareStackTrace);
  delete Error.prepareStackTrace;
  Object.defineProperty(Error, 'stackTraceLimit', { value: 5, writable: false });
  show(() => assert.ok(1 === 4));
})();
