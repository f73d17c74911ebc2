'use strict';
// readline over a PassThrough and a file stream: line splitting, crlfDelay, 'close', pause/
// resume, async iteration, and the cursor helpers' escape sequences.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const { PassThrough, Writable } = require('stream');

assert.deepStrictEqual(Object.keys(readline), [
  'Interface', 'clearLine', 'clearScreenDown', 'createInterface', 'cursorTo',
  'emitKeypressEvents', 'moveCursor', 'promises',
]);
assert.strictEqual(readline.promises, require('readline/promises'));
assert.strictEqual(require('node:readline'), readline);

function collector() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, enc, cb) { chunks.push(String(chunk)); cb(); },
  });
  stream.text = () => chunks.join('');
  return stream;
}

const steps = [];
function step(fn) { steps.push(fn); }
async function run() {
  for (const [i, fn] of steps.entries()) {
    if (process.env.DEBUG_STEPS) console.log("step", i);
    await fn();
  }
  console.log('ok');
}

// Line endings: \n, \r\n, lone \r, a \r\n split across chunks, text after the last newline.
step(() => new Promise((resolve) => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  assert.strictEqual(rl.terminal, false);
  assert.strictEqual(rl.line, '');
  assert.strictEqual(rl.getPrompt(), '> ');
  assert.strictEqual(rl.crlfDelay, 100);
  assert.strictEqual(rl.input, input);
  assert.ok(rl instanceof readline.Interface);
  assert.ok(rl instanceof require('events'));
  const lines = [];
  const events = [];
  rl.on('line', (l) => lines.push(l));
  rl.on('pause', () => events.push('pause'));
  rl.on('close', () => {
    events.push('close');
    assert.deepStrictEqual(lines, ['a', 'b', 'c', '', 'd', 'e', 'f\u00e9g', 'last']);
    assert.deepStrictEqual(events, ['pause', 'close']);
    resolve();
  });
  input.write('a\nb\r\nc\r\rd\r');
  input.write('\ne\n');
  // A multi-byte character split across chunks.
  const bytes = Buffer.from('f\u00e9g\n');
  input.write(bytes.subarray(0, 2));
  input.write(bytes.subarray(2));
  input.end('last');
}));

// crlfDelay: Infinity always joins a split \r\n; options are coerced.
step(() => new Promise((resolve) => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  assert.strictEqual(rl.crlfDelay, Infinity);
  assert.strictEqual(readline.createInterface({ input: new PassThrough(), crlfDelay: 5 }).crlfDelay,
                     100);
  const lines = [];
  rl.on('line', (l) => lines.push(l));
  rl.on('close', () => {
    assert.deepStrictEqual(lines, ['x', 'y']);
    resolve();
  });
  input.write('x\r');
  setTimeout(() => input.end('\ny\n'), 150);
}));

// A file stream, with for await, CRLF and a final line without newline.
step(async () => {
  const file = path.join(os.tmpdir(), `ringjs-readline-${process.pid}.txt`);
  const lines = [];
  for (let i = 0; i < 3000; i++) lines.push(`line ${i} ${'x'.repeat(i % 50)}`);
  fs.writeFileSync(file, lines.join('\r\n'));
  try {
    const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    const got = [];
    for await (const line of rl) got.push(line);
    assert.deepStrictEqual(got, lines);
  } finally {
    fs.unlinkSync(file);
  }
});

// Leaving for await early ends the iteration; node 20 leaves the interface open.
step(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  let closed = false;
  rl.on('close', () => { closed = true; });
  // A flowing PassThrough emits synchronously: write once the loop is waiting.
  setImmediate(() => input.write('1\n2\n3\n'));
  const got = [];
  for await (const line of rl) {
    got.push(line);
    if (line === '2') break;
  }
  assert.deepStrictEqual(got, ['1', '2']);
  assert.strictEqual(closed, false);
  rl.close();
  assert.strictEqual(closed, true);
  assert.strictEqual(typeof rl[Symbol.asyncIterator]().next, 'function');
});

// An input error rejects the iteration and is emitted on the interface.
step(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const errors = [];
  rl.on('error', (e) => errors.push(e.message));
  setTimeout(() => {
    input.write('a\n');
    setTimeout(() => input.destroy(new Error('broken')), 10);
  }, 10);
  const got = [];
  await assert.rejects(async () => {
    for await (const line of rl) got.push(line);
  }, /broken/);
  assert.deepStrictEqual(got, ['a']);
  assert.deepStrictEqual(errors, ['broken']);
});

// pause/resume events, prompt and write in non-terminal mode.
step(() => new Promise((resolve) => {
  const input = new PassThrough();
  const output = collector();
  const rl = readline.createInterface({ input, output, prompt: '$ ' });
  const events = [];
  rl.on('pause', () => events.push('pause'));
  rl.on('resume', () => events.push('resume'));
  rl.on('line', (l) => events.push(`line:${l}`));
  assert.strictEqual(rl.pause(), rl);
  rl.pause();
  rl.resume();
  rl.resume();
  rl.setPrompt('# ');
  assert.strictEqual(rl.getPrompt(), '# ');
  rl.prompt();
  rl.pause();
  rl.write('typed\n');  // resumes, then is read as input
  rl.close();
  rl.close();  // once only
  assert.deepStrictEqual(events, ['pause', 'resume', 'pause', 'resume', 'line:typed', 'pause']);
  assert.strictEqual(output.text(), '# ');
  assert.throws(() => rl.question('q', () => {}), {
    code: 'ERR_USE_AFTER_CLOSE', message: 'readline was closed',
  });
  resolve();
}));

// Legacy forms: Interface without new, positional arguments.
step(() => {
  const input = new PassThrough();
  // eslint-disable-next-line new-cap
  const rl = readline.Interface(input, null);
  assert.ok(rl instanceof readline.Interface);
  assert.strictEqual(rl.terminal, false);
  rl.close();
  const rl2 = readline.createInterface(new PassThrough(), undefined, undefined, false);
  assert.strictEqual(rl2.terminal, false);
  rl2.close();
  assert.throws(() => readline.createInterface({ input: new PassThrough(), completer: 5 }),
                { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => readline.createInterface({ input: new PassThrough(), historySize: -1 }),
                { code: 'ERR_OUT_OF_RANGE' });
});

// AbortSignal in the options closes the interface.
step(() => new Promise((resolve) => {
  const ac = new AbortController();
  const rl = readline.createInterface({ input: new PassThrough(), signal: ac.signal });
  rl.on('close', resolve);
  ac.abort();
}));

// Cursor helpers.
step(async () => {
  const out = collector();
  assert.strictEqual(readline.cursorTo(out, 2), true);
  readline.cursorTo(out, 2, 3);
  readline.moveCursor(out, -2, 3);
  readline.moveCursor(out, 4, -1);
  readline.moveCursor(out, 0, 0);
  readline.clearLine(out, -1);
  readline.clearLine(out, 1);
  readline.clearLine(out, 0);
  readline.clearScreenDown(out);
  assert.strictEqual(out.text(),
                     '\x1b[3G\x1b[4;3H\x1b[2D\x1b[3B\x1b[4C\x1b[1A\x1b[1K\x1b[0K\x1b[2K\x1b[0J');
  assert.throws(() => readline.cursorTo(out, NaN), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => readline.cursorTo(out, 1, NaN), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => readline.cursorTo(out, undefined, 1), { code: 'ERR_INVALID_CURSOR_POS' });
  assert.throws(() => readline.clearLine(out, 0, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(readline.cursorTo(null, 1), true);
  assert.strictEqual(readline.clearScreenDown(null), true);
  await new Promise((resolve) => readline.moveCursor(null, 1, 1, resolve));
  await new Promise((resolve) => readline.cursorTo(out, 0, resolve));
  await new Promise((resolve) => readline.clearLine(undefined, 0, resolve));
});

run();
