'use strict';
// readline question() (callback, util.promisify and readline/promises, with AbortSignal),
// readline/promises Readline, emitKeypressEvents, and a terminal-mode interface over a
// PassThrough (editing must produce the right lines and never crash).
const assert = require('assert');
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough, Writable } = require('stream');
const { promisify } = require('util');

function collector() {
  const chunks = [];
  const stream = new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } });
  stream.text = () => chunks.join('');
  return stream;
}

async function main() {
  assert.deepStrictEqual(Object.keys(readlinePromises), ['Interface', 'Readline', 'createInterface']);

  // Callback question: the prompt goes to output, the answer skips 'line', the old prompt is
  // restored.
  {
    const input = new PassThrough();
    const output = collector();
    const rl = readline.createInterface({ input, output });
    const lines = [];
    rl.on('line', (l) => lines.push(l));
    const answer = await new Promise((resolve) => {
      rl.question('name? ', resolve);
      input.write('ada\nnext\n');
    });
    assert.strictEqual(answer, 'ada');
    assert.deepStrictEqual(lines, ['next']);
    assert.strictEqual(rl.getPrompt(), '> ');
    assert.strictEqual(output.text(), 'name? ');
    // util.promisify uses the custom form.
    const q = promisify(rl.question).bind(rl);
    const p = q('again? ');
    input.write('yes\n');
    assert.strictEqual(await p, 'yes');
    // An aborted signal: no callback, nothing written.
    const ac = new AbortController();
    ac.abort();
    rl.question('never ', { signal: ac.signal }, () => assert.fail('called'));
    const ac2 = new AbortController();
    rl.question('cancel? ', { signal: ac2.signal }, () => assert.fail('called'));
    ac2.abort();
    input.write('plain\n');
    assert.deepStrictEqual(lines, ['next', 'plain']);
    rl.close();
  }

  // readline/promises question.
  {
    const input = new PassThrough();
    const output = collector();
    const rl = readlinePromises.createInterface({ input, output });
    assert.ok(rl instanceof readlinePromises.Interface);
    const p = rl.question('x? ');
    input.write('42\n');
    assert.strictEqual(await p, '42');
    const ac = new AbortController();
    const p2 = rl.question('y? ', { signal: ac.signal });
    ac.abort('reason');
    await assert.rejects(p2, (e) => e.name === 'AbortError' && e.code === 'ABORT_ERR' &&
                                   e.cause === 'reason');
    await assert.rejects(rl.question('z? ', { signal: AbortSignal.abort() }), { name: 'AbortError' });
    rl.close();
    await assert.rejects(rl.question('after'), { code: 'ERR_USE_AFTER_CLOSE' });
    assert.strictEqual(output.text().startsWith('x? y? '), true);
  }

  // Readline: batched sequences, commit and rollback, autoCommit.
  {
    const out = collector();
    const r = new readlinePromises.Readline(out);
    assert.strictEqual(r.cursorTo(1).cursorTo(1, 2).moveCursor(-1, 2).clearLine(0), r);
    r.clearScreenDown();
    await r.commit();
    assert.strictEqual(out.text(), '\x1b[2G\x1b[3;2H\x1b[1D\x1b[2B\x1b[2K\x1b[0J');
    r.clearLine(1).rollback();
    await r.commit();
    assert.strictEqual(out.text(), '\x1b[2G\x1b[3;2H\x1b[1D\x1b[2B\x1b[2K\x1b[0J');
    assert.throws(() => r.clearLine(2), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => r.cursorTo('a'), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => new readlinePromises.Readline({}), { code: 'ERR_INVALID_ARG_TYPE' });
    const out2 = collector();
    new readlinePromises.Readline(out2, { autoCommit: true }).clearLine(-1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(out2.text(), '\x1b[1K');
  }

  // emitKeypressEvents.
  {
    const input = new PassThrough();
    readline.emitKeypressEvents(input);
    readline.emitKeypressEvents(input);  // once only
    const keys = [];
    input.on('keypress', (s, k) => keys.push([s, k.name, k.ctrl, k.meta, k.shift]));
    input.write('aB1 \r\x03\x1b[A\x1b[3~\x7f\tx');
    assert.deepStrictEqual(keys, [
      ['a', 'a', false, false, false],
      ['B', 'b', false, false, true],
      ['1', '1', false, false, false],
      [' ', 'space', false, false, false],
      ['\r', 'return', false, false, false],
      ['\x03', 'c', true, false, false],
      [undefined, 'up', false, false, false],
      [undefined, 'delete', false, false, false],
      ['\x7f', 'backspace', false, false, false],
      ['\t', 'tab', false, false, false],
      ['x', 'x', false, false, false],
    ]);
  }

  // Terminal mode over a PassThrough: editing keys produce the right line; ^D on an empty line
  // closes; the output gets the prompt and echo (not compared byte for byte).
  {
    const input = new PassThrough();
    const output = collector();
    const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ' });
    assert.strictEqual(rl.terminal, true);
    assert.strictEqual(rl.cursor, 0);
    const lines = [];
    rl.on('line', (l) => lines.push(l));
    const closed = new Promise((resolve) => rl.on('close', resolve));
    rl.prompt();
    input.write('helo');
    assert.strictEqual(rl.line, 'helo');
    assert.strictEqual(rl.cursor, 4);
    input.write('\x1b[D');  // left
    input.write('l');
    assert.strictEqual(rl.line, 'hello');
    input.write('\x1b[F\x7f!\r');  // end, backspace, '!', return
    input.write('\x01X\x05Y\n');  // ^A X ^E Y enter
    input.write('abc\x15def\r');  // ^U kills to the start
    input.write('\x04');  // ^D on an empty line
    await closed;
    assert.deepStrictEqual(lines, ['hell!', 'XY', 'def']);
    assert.ok(output.text().includes('> '));
    assert.deepStrictEqual(rl.getCursorPos(), { rows: 0, cols: 2 });
  }
  console.log('ok');
}

main();
